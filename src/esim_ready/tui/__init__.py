"""The Textual interface: screens, widgets, styles, bindings, palette commands.

It reads the catalog and calls the state layer; it never opens a file itself."""
