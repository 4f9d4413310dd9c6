"""tracker: follow a story through news feeds, as one timeline of dated events and follow-ups."""

__version__ = "0.1.0"
