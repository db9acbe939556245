"""Subcommand groups of the CLI; each module exposes `register(subparsers)`."""
