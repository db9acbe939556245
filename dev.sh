#!/usr/bin/env bash
# esim-ready developer entry point.
#   ./dev.sh app [ARGS...]   set up (first time, or after pyproject.toml changes) and launch the app
#   ./dev.sh test [PYTEST ARGS...]   set up and run the whole test suite
#   ./dev.sh bench           run the benchmarks (they print figures; they are not tests)
set -euo pipefail
CALLER_DIR=$PWD  # the app runs here: a relative export name lands where you are
cd "$(dirname "$0")"
ROOT=$PWD

PYTHON=${PYTHON:-python3}
VENV=.venv

setup() {
    local extras=$1 stamp="$VENV/.installed-$1"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e ".$extras"
        touch "$stamp"
    fi
}

cmd=${1:-app}
shift || true
case "$cmd" in
    app)
        setup ""
        cd "$CALLER_DIR"
        exec "$ROOT/$VENV/bin/esim-ready" "$@"
        ;;
    test)
        setup "[test]"
        exec "$VENV/bin/python" -m pytest -n 2 "$@"
        ;;
    bench)
        setup "[test]"
        for b in benchmarks/bench_*.py; do "$VENV/bin/python" "$b"; done
        ;;
    *)
        echo "usage: ./dev.sh app [ARGS...] | test [PYTEST ARGS...] | bench" >&2
        exit 2
        ;;
esac
