"""tracker.demo."""
