"""esim-ready: get a phone and its owner ready to travel on an eSIM."""

__version__ = "0.1.0"
