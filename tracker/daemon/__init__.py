"""tracker.daemon."""
