"""Alembic migrations of the trend store; run by ``trends.store.make_engine`` at start-up."""
