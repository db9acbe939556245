"""The user's own data: settings, trips, profiles. The one layer that writes files
in the config directory. It never imports Textual."""
