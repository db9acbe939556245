"""`esim-ready` with no command opens the app with its options, without loading
every command's module first (that cost each launch about 20 ms); anything else
(a command, --help, --version, a wrong option) goes through the full parser."""

import subprocess
import sys

CODE = """
import sys
from esim_ready import cli
opened = []
cli._run_tui = lambda args: opened.append((args.country, args.lang, args.config_dir)) or 0
status = cli.main(sys.argv[1:])
commands = sorted(m for m in sys.modules if m.startswith("esim_ready.commands."))
print(status, opened, len(commands))
"""


def launch(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", CODE, *argv], capture_output=True, text=True, env=env, timeout=60)


def test_the_app_opens_with_its_options_without_loading_the_commands(tmp_path):
    assert launch().stdout.strip() == "0 [(None, None, None)] 0"
    opened = launch("--lang", "zh", "--country", "MA", f"--config-dir={tmp_path}")
    assert opened.stdout.strip() == f"0 [('MA', 'zh', '{tmp_path}')] 0"
    assert launch("--coun", "ma").stdout.strip() == "0 [('ma', None, None)] 0"  # argparse's abbreviations too


def test_a_wrong_option_or_a_command_still_goes_through_the_full_parser():
    wrong = launch("--lang", "xx")
    assert wrong.returncode == 2 and "invalid choice: 'xx'" in wrong.stderr
    assert "COMMAND" in launch("--help").stdout
    assert "esim-ready" in launch("--version").stdout
    missing = launch("--country")
    assert missing.returncode == 2 and "expected one argument" in missing.stderr
    chinese = launch("--lang", "zh", "--bogus")
    assert chinese.returncode == 2 and "--bogus" in chinese.stderr and "unrecognized arguments" not in chinese.stderr
