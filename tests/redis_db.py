"""A Redis database of the test's own on the shared local server: claimed by a marker key (so
parallel test sessions take different numbers), emptied at the end. FLUSHDB and CLIENT KILL
stand in for a Redis restart (the server itself is shared), touching this database only."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

import pytest

REDIS_HOST = os.environ.get("DH_TEST_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("DH_TEST_REDIS_PORT", "6379"))
CLAIM = "dh:test:claim"
NUMBERS = range(15, 0, -1)  # 0 is the profile's default: never a test's


@dataclass
class RedisDatabase:
    number: int
    token: str

    @property
    def url(self) -> str:
        return f"redis://{REDIS_HOST}:{REDIS_PORT}/{self.number}"

    def client(self):  # noqa: ANN201 - redis.Redis
        import redis

        return redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=self.number, socket_timeout=5)

    def everything(self) -> dict[bytes, object]:
        """Every key of the database with its value (strings, lists, sets, sorted sets)."""
        client = self.client()
        found: dict[bytes, object] = {}
        try:
            for key in client.scan_iter(count=1000):
                kind = client.type(key)
                if kind == b"string":
                    found[key] = client.get(key)
                elif kind == b"list":
                    found[key] = client.lrange(key, 0, -1)
                elif kind == b"zset":
                    found[key] = client.zrange(key, 0, -1)
                elif kind == b"set":
                    found[key] = sorted(client.smembers(key))
                elif kind == b"hash":
                    found[key] = client.hgetall(key)
                else:
                    found[key] = kind
        finally:
            client.close()
        return found

    def restart(self) -> int:
        """What a Redis restart does to this database (nothing kept on disk): every key gone,
        every client connection to it dropped. Returns how many connections were killed."""
        client = self.client()
        try:
            client.flushdb()
            client.set(CLAIM, self.token, ex=3600)
            me = client.client_id()
            killed = 0
            for connection in client.client_list():
                if int(connection["db"]) == self.number and int(connection["id"]) != me:
                    killed += client.execute_command("CLIENT", "KILL", "ID", connection["id"])
            return killed
        finally:
            client.close()

    def release(self) -> None:
        client = self.client()
        try:
            client.flushdb()
        finally:
            client.close()


def redis_db_or_skip() -> RedisDatabase:
    import redis

    token = secrets.token_hex(8)
    for number in NUMBERS:
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=number, socket_timeout=3,
                             socket_connect_timeout=3)
        try:
            if client.dbsize() == 0 and client.set(CLAIM, token, nx=True, ex=3600):
                return RedisDatabase(number, token)
        except redis.RedisError as error:
            pytest.skip(f"Redis at {REDIS_HOST}:{REDIS_PORT} not usable ({type(error).__name__})")
        finally:
            client.close()
    pytest.skip(f"no empty database on the Redis at {REDIS_HOST}:{REDIS_PORT}")
