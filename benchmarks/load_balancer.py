"""A small round-robin HTTP proxy for loopback tests and benchmarks of several Rasa instances.

Not for production (use nginx or the platform's load balancer there). Every request goes to the
next backend in turn, so consecutive turns of one conversation land on different instances:
the hardest case for shared state. ``python -m benchmarks.load_balancer --port 5000
--backend http://127.0.0.1:5005 --backend http://127.0.0.1:5006``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import threading
from collections import Counter

import aiohttp
from aiohttp import web

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
              "content-encoding"}


class RoundRobin:
    def __init__(self, backends: list[str]) -> None:
        if not backends:
            raise ValueError("at least one backend")
        self.backends = [b.rstrip("/") for b in backends]
        self._next = itertools.cycle(self.backends)
        self.served: Counter[str] = Counter()
        self._session: aiohttp.ClientSession | None = None

    async def forward(self, request: web.Request) -> web.Response:
        backend = next(self._next)
        self.served[backend] += 1
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            async with self._session.request(
                request.method, backend + request.rel_url.path_qs, headers=headers,
                data=await request.read(),
            ) as answer:
                body = await answer.read()
                out = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
                return web.Response(status=answer.status, body=body, headers=out)
        except (TimeoutError, aiohttp.ClientError):
            return web.json_response({"error": "backend unavailable"}, status=502)

    def app(self) -> web.Application:
        application = web.Application(client_max_size=1 << 20)
        application.router.add_route("*", "/{tail:.*}", self.forward)
        return application


class BackgroundProxy:
    """The proxy on its own thread and event loop (tests and the benchmark)."""

    def __init__(self, backends: list[str], port: int, host: str = "127.0.0.1") -> None:
        self.balancer = RoundRobin(backends)
        self.url = f"http://{host}:{port}"
        self._host, self._port = host, port
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="round-robin", daemon=True)
        self._runner: web.AppRunner | None = None

    def __enter__(self) -> BackgroundProxy:
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("proxy did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(30)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._start())
        self._ready.set()
        self._loop.run_forever()

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.balancer.app(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()

    async def _stop(self) -> None:
        if self.balancer._session is not None:
            await self.balancer._session.close()
        if self._runner is not None:
            await self._runner.cleanup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_balancer",
                                     description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backend", action="append", required=True)
    args = parser.parse_args(argv)
    web.run_app(RoundRobin(args.backend).app(), host=args.host, port=args.port, access_log=None)


if __name__ == "__main__":
    main()
