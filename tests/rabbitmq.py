"""The local RabbitMQ server for tests: a fresh exchange and queue per test system, deleted at
the end, and a way to read what waits in a queue without taking it away. Tests that need
RabbitMQ skip with the reason when it does not answer."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import uuid
from urllib.parse import urlsplit

import pytest

from runtime.profiles import unreachable

AMQP_URL = os.environ.get("DH_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


def rabbitmq_or_skip() -> str:
    parts = urlsplit(AMQP_URL)
    if unreachable((f"amqp://{parts.hostname}:{parts.port or 5672}/",)):
        pytest.skip(f"RabbitMQ at {parts.hostname}:{parts.port or 5672} does not answer")
    return AMQP_URL


def unique_name(prefix: str = "dh_test") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


async def _channel():  # noqa: ANN202
    import aio_pika

    connection = await aio_pika.connect(AMQP_URL)
    return connection, await connection.channel()


def delete(exchange: str, queue: str) -> None:
    """Remove a test's exchange and queue (whatever is left in them)."""
    async def run() -> None:
        connection, channel = await _channel()
        try:
            await channel.queue_delete(queue)
            await channel.exchange_delete(exchange)
        finally:
            await connection.close()

    asyncio.run(run())


def waiting(queue: str) -> list[bytes]:
    """The bodies of the messages ready in ``queue``; they stay there (taken without an
    acknowledgement, then given back when the channel closes)."""
    async def run() -> list[bytes]:
        import aio_pika

        connection, channel = await _channel()
        bodies = []
        try:
            declared = await channel.declare_queue(queue, passive=True)
            while True:
                try:
                    message = await declared.get(no_ack=False, fail=True, timeout=5)
                except aio_pika.exceptions.QueueEmpty:
                    break
                bodies.append(message.body)
        finally:
            await connection.close()  # unacknowledged: back in the queue
        return bodies

    return asyncio.run(run())


def ready_count(queue: str) -> int:
    async def run() -> int:
        connection, channel = await _channel()
        try:
            declared = await channel.declare_queue(queue, passive=True)
            return declared.declaration_result.message_count or 0
        finally:
            await connection.close()

    return asyncio.run(run())


def rabbitmqctl_or_skip() -> str:
    """rabbitmqctl of the local node, usable (root or the rabbitmq user), or a skip."""
    tool = shutil.which("rabbitmqctl")
    if tool is None:
        pytest.skip("rabbitmqctl is not installed: RabbitMQ cannot be restarted by the test")
    try:
        done = subprocess.run([tool, "-q", "status"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"rabbitmqctl not usable ({type(error).__name__})")
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
        pytest.skip(f"rabbitmqctl not usable: {reason[:1]}")
    return tool
