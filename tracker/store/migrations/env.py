"""Alembic environment: tracker always hands the connection in (see store/db.py: migrate)."""
from alembic import context

from tracker.store import models  # noqa: F401  (registers the tables)
from sqlmodel import SQLModel

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
