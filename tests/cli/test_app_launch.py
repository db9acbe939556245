"""`esim-ready` with no command opens the app with its options, without loading
every command's module first (that cost each launch about 20 ms), and, with the
options written in full, without argparse; anything else (a command, --help,
--version, a wrong option) goes through the full parser."""

import subprocess
import sys

CODE = """
import sys
from esim_ready import cli
opened = []
cli._run_tui = lambda args: opened.append((args.country, args.lang, args.config_dir)) or 0
status = cli.main(sys.argv[1:])
commands = sorted(m for m in sys.modules if m.startswith("esim_ready.commands."))
print(status, opened, len(commands), "argparse" in sys.modules)
"""


def launch(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", CODE, *argv], capture_output=True, text=True, env=env, timeout=60)


def test_the_app_opens_with_its_options_without_loading_the_commands(tmp_path):
    assert launch().stdout.strip() == "0 [(None, None, None)] 0 False"
    opened = launch("--lang", "zh", "--country", "MA", f"--config-dir={tmp_path}")
    assert opened.stdout.strip() == f"0 [('MA', 'zh', '{tmp_path}')] 0 False"
    twice = launch("--country", "MA", "--lang=en", "--country=", "--config-dir", str(tmp_path))
    assert twice.stdout.strip() == f"0 [('', 'en', '{tmp_path}')] 0 False"  # the last one wins, as in argparse
    assert launch("--coun", "ma").stdout.strip() == "0 [('ma', None, None)] 0 True"  # argparse's abbreviations too
    assert launch("--country", "-5").stdout.strip() == "0 [('-5', None, None)] 0 True"


def test_a_wrong_option_or_a_command_still_goes_through_the_full_parser():
    wrong = launch("--lang", "xx")
    assert wrong.returncode == 2 and "invalid choice: 'xx'" in wrong.stderr
    assert "COMMAND" in launch("--help").stdout
    assert "esim-ready" in launch("--version").stdout
    missing = launch("--country")
    assert missing.returncode == 2 and "expected one argument" in missing.stderr
    chinese = launch("--lang", "zh", "--bogus")
    assert chinese.returncode == 2 and "--bogus" in chinese.stderr and "unrecognized arguments" not in chinese.stderr


def test_the_options_read_without_argparse_are_what_argparse_reads():
    from esim_ready.cli import _app_options_in_full
    from esim_ready.cli_parser import app_alone

    cases = [[], ["--lang", "zh"], ["--lang=en", "--country", "JP"], ["--country=", "--config-dir", "a=b"],
             ["--config-dir=a=b", "--config-dir", "c"], ["--country", "MA", "--country", "NO"], ["--country", ""]]
    for argv in cases:
        fast = _app_options_in_full(argv)
        assert fast is not None and vars(fast) == vars(app_alone(argv)), argv
    for argv in (["--lang", "xx"], ["--lang"], ["--coun", "ma"], ["--country", "-5"], ["--country", "MA", "trips"],
                 ["--help"], ["--", "--lang", "zh"], ["--country", "--lang", "zh"]):
        assert _app_options_in_full(argv) is None, argv  # argparse reads these (or says what is wrong)
