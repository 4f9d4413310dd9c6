"""tracker.digest."""
