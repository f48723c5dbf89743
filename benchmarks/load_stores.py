"""The stores ``make bench-load`` scans for personal data in plain text: files, PostgreSQL rows,
and for the production profile a Redis database and a RabbitMQ queue of the run's own."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


@dataclass
class Stores:
    """The production profile's own shared stores for one run (none for embedded)."""

    database: str | None = None
    redis_db: int | None = None
    queue: str | None = None


def scan(folders: list[Path], stores: Stores, values: list[str],
          queued: list[bytes] = ()) -> int:  # type: ignore[assignment]
    """How many of ``values`` occur in plain text in any file, database row, Redis key or
    value, or queued message."""
    needles = {v.encode() for v in values}
    found: set[bytes] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                found |= {n for n in needles - found if n in content}
    for body in queued:
        found |= {n for n in needles - found if n in body}
    if stores.database:
        engine = create_engine(f"postgresql://postgres@127.0.0.1:5432/{stores.database}",
                               future=True)
        with engine.connect() as connection:
            tables = connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
            for table in tables:
                for row in connection.execute(text(f'SELECT row_to_json(t)::text FROM "{table}" t')
                                              ).scalars():
                    found |= {n for n in needles - found if n in row.encode()}
        engine.dispose()
    if stores.redis_db is not None:
        for item in redis_everything(stores.redis_db):
            found |= {n for n in needles - found if n in item}
    return len(found)


def redis_everything(number: int) -> list[bytes]:
    """Every key and value of one Redis database, as bytes."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=number)
    items: list[bytes] = []
    try:
        for key in client.scan_iter(count=1000):
            items.append(key)
            kind = client.type(key)
            if kind == b"string":
                items.append(client.get(key) or b"")
            elif kind == b"list":
                items += client.lrange(key, 0, -1)
            elif kind == b"zset":
                items += client.zrange(key, 0, -1)
    finally:
        client.close()
    return items


def claim_redis_db() -> int:
    """An empty Redis database of this run's own (0 is the profile's default: never)."""
    import redis

    token = secrets.token_hex(8)
    for number in range(15, 0, -1):
        client = redis.Redis(host="127.0.0.1", port=6379, db=number)
        try:
            if client.dbsize() == 0 and client.set("dh:bench:claim", token, nx=True, ex=7200):
                return number
        finally:
            client.close()
    raise RuntimeError("no empty Redis database for the production run")


def release(stores: Stores) -> None:
    if stores.redis_db is not None:
        import redis

        client = redis.Redis(host="127.0.0.1", port=6379, db=stores.redis_db)
        client.flushdb()
        client.close()
    if stores.queue:
        asyncio.run(_delete(stores.queue))


async def waiting_messages(name: str) -> list[bytes]:
    """The messages waiting in a queue; they stay there (taken without an acknowledgement)."""
    import aio_pika

    connection = await aio_pika.connect(AMQP_URL)
    bodies: list[bytes] = []
    try:
        queue = await (await connection.channel()).declare_queue(name, passive=True)
        while (message := await queue.get(no_ack=False, fail=False, timeout=5)) is not None:
            bodies.append(message.body)
    finally:
        await connection.close()  # unacknowledged: back in the queue
    return bodies


async def _delete(name: str) -> None:
    import aio_pika

    connection = await aio_pika.connect(AMQP_URL)
    try:
        channel = await connection.channel()
        await channel.queue_delete(name)
        await channel.exchange_delete(name)
    finally:
        await connection.close()
