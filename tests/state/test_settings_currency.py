"""The home currency of trip costs: yuan unless the user sets another."""

from esim_ready.state.settings import SettingsStore


def test_home_currency_defaults_to_yuan_and_is_remembered(config_dir):
    store = SettingsStore(config_dir)
    assert store.load().home_currency == "CNY"
    store.change(home_currency="EUR")
    assert SettingsStore(config_dir).load().home_currency == "EUR"
    assert 'home_currency = "EUR"' in (config_dir / "settings.toml").read_text("utf-8")


def test_an_unknown_currency_in_the_file_falls_back_to_yuan(config_dir):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.toml").write_text('schema = 1\nhome_currency = "XYZ"\n', "utf-8")
    assert SettingsStore(config_dir).load().home_currency == "CNY"
