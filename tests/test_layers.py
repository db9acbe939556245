"""The layers stay apart: only tui/ knows Textual, and the interface never opens files."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import esim_ready

PACKAGE = Path(esim_ready.__file__).parent
HEADLESS = sorted(
    m.name for m in pkgutil.walk_packages([str(PACKAGE)], "esim_ready.")
    if not m.name.startswith("esim_ready.tui") and m.name != "esim_ready.__main__"
)


def test_headless_modules_never_load_textual():
    """The catalog, state, exchange and CLI commands work (and start fast) without the UI toolkit."""
    assert len(HEADLESS) > 20
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS!r}:\n"
        "    importlib.import_module(name)\n"
        "from esim_ready.cli import build_parser\n"
        "build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_tui_imports_textual_even_lazily():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "tui" not in p.relative_to(PACKAGE).parts
        and any(n == "textual" or n.startswith("textual.") for n in _imports(p))
    ]
    assert offenders == []


def test_the_command_line_never_imports_the_tui_except_to_start_the_app():
    for p in [*(PACKAGE / "commands").rglob("*.py"), PACKAGE / "cli.py"]:
        used = {n for n in _imports(p) if n.startswith("esim_ready.tui")}
        assert used <= ({"esim_ready.tui.app"} if p.name == "cli.py" else set()), (p, used)


def test_the_store_and_catalog_never_import_the_tui():
    for layer in ("catalog", "state", "exchange"):
        for p in (PACKAGE / layer).rglob("*.py"):
            assert not any(n.startswith("esim_ready.tui") for n in _imports(p)), p


def test_widgets_and_screens_never_open_files_themselves():
    banned = {"open", "read_text", "write_text", "read_bytes", "write_bytes"}
    offenders = []
    for p in (PACKAGE / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in banned:
                    offenders.append(f"{p.relative_to(PACKAGE)}:{node.lineno} {name}()")
    assert offenders == []
