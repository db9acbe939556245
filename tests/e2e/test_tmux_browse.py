"""The installed command in a real terminal: type, read the screen, quit, relaunch."""

import pytest

from e2e.tmuxdriver import Tmux, have_tmux

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not have_tmux(), reason="tmux is not installed")]


@pytest.fixture
def term(config_dir):
    t = Tmux(config_dir)
    yield t
    t.close()


def test_search_open_country_quit_and_relaunch_remembers_it(term):
    term.start()
    term.wait_for("Search")
    term.keys("moro", literal=True)
    term.wait_for("MA • Morocco")
    term.keys("Enter")
    screen = term.wait_for("Maroc Telecom")
    assert "Morocco" in screen and "MA / MAR" in screen
    term.keys("q")
    term.wait_for("EXITED-0")
    term.close()

    again = Tmux(term.config_dir)
    try:
        again.start()
        screen = again.wait_for("Maroc Telecom")
        assert "Morocco" in screen
    finally:
        again.close()


def test_chinese_interface_from_the_locale(config_dir):
    t = Tmux(config_dir, lang="zh_CN.UTF-8")
    try:
        t.start("--country", "JP")
        screen = t.wait_for("运营商")
        assert "日本" in screen and "KDDI" in screen
    finally:
        t.close()


def test_unknown_country_code_exits_2_with_a_message(config_dir):
    t = Tmux(config_dir)
    try:
        t.start("--country", "XQ")
        screen = t.wait_for("EXITED-2")
        assert 'Unknown country "XQ"' in screen
    finally:
        t.close()
