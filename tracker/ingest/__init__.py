"""tracker.ingest."""
