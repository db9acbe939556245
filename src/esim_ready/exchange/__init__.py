"""Documents in and out: TOML exports and imports, and the JSON that lpac prints.

Parses and validates whole documents, then hands `state` one change; never
touches the config directory itself. Never imports Textual."""
