"""Alembic environment: always online, on the connection ``trends.store.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from trends.tables import metadata

VERSION_TABLE = "trends_alembic_version"  # the store may share a database with other packages

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
