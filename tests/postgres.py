"""Throwaway databases on the local PostgreSQL server, for tests that run on both backends.

Each test session gets fresh databases, dropped at the end, so parallel runs never share rows.
Tests that need PostgreSQL skip with the reason when the server cannot be used.
"""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

PG_HOST = os.environ.get("DH_TEST_PG_HOST", "127.0.0.1:5432")
PG_USERS = ("postgres", "root")


class PostgresDatabases:
    """Creates databases on the test server and drops every one of them at the end."""

    def __init__(self, admin: Engine, user: str) -> None:
        self.admin, self.user, self.names = admin, user, []

    def create(self, prefix: str = "dh_test") -> str:
        """The URL of a new, empty database."""
        name = f"{prefix}_{secrets.token_hex(6)}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.names.append(name)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg2://{self.user}@{PG_HOST}/{name}"

    def drop_all(self) -> None:
        with self.admin.connect() as connection:
            for name in self.names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def postgres_or_skip() -> PostgresDatabases:
    """The server as the first user that can create a database; pytest.skip says why not."""
    problems: list[str] = []
    for user in PG_USERS:
        admin = create_engine(
            f"postgresql+psycopg2://{user}@{PG_HOST}/test", future=True,
            isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3},
        )
        databases = PostgresDatabases(admin, user)
        try:
            with admin.connect() as connection:
                connection.execute(text("SELECT 1"))
            return databases
        except SQLAlchemyError as exc:
            problems.append(f"{user}: {str(exc.orig or exc).strip().splitlines()[0]}")
            admin.dispose()
    pytest.skip(f"PostgreSQL at {PG_HOST} not usable as {' or '.join(PG_USERS)}: {problems}")
