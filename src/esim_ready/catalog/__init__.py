"""Read-only reference data: countries, carriers, plans, checklist templates.

Loaded lazily from the `data/` shipped in the wheel (plus the user's own
corrections). Knows nothing of Textual or of the user's state files.
"""
