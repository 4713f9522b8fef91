"""The hall's web server: aiohttp on an asyncio loop of its own, on a thread of its own, so nothing a phone or a
screen does can hold up the show. The show publishes each new public snapshot; the server keeps the newest and pushes
it to every page that listens (server-sent events, which browsers reconnect by themselves).

Everything served here is public: the public snapshot (what the stage shows, no answer before its reveal), the
picture of the question on stage, and the pages themselves (in `pages/`, plain HTML and script, nothing from the
internet).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from stageshow.app.snapshots import PublicSnapshot
from stageshow.hall.addresses import DEFAULT_PORT, free_port
from stageshow.hall.public_json import public_json

PAGES = Path(__file__).resolve().parent / "pages"
HEARTBEAT_S = 10  # a comment line this often: a page whose network died is noticed, and proxies keep it open
MAX_LISTENERS = 2000
RETRY_MS = 1000  # how soon a page tries again when the server went away (browsers wait ~3 s unless told)


@dataclass
class Listener:
    """A page following the stage: where it is, what it is, when it was last served."""

    queue: asyncio.Queue[str]
    page: str
    address: str
    since: float = field(default_factory=time.time)
    last_seen: float = field(default_factory=time.time)


class HallServer:
    def __init__(self, port: int = DEFAULT_PORT, host: str = "0.0.0.0", host_token: str | None = None) -> None:
        self.host, self.wanted_port = host, port
        self.host_token = host_token  # the host's cue card goes only to a page that holds it
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._latest: str = json.dumps({"version": 0, "phase": "setup", "teams": []})
        self._image: str | None = None
        self._version = 0
        self._card: str = json.dumps({"say": "", "question": None})
        self.listeners: list[Listener] = []

    # --- from the show's thread --------------------------------------------------------------------------------

    def start(self) -> None:
        """Serve on the first free port from the one wanted; OSError when no port can be had."""
        self.port = free_port(self.wanted_port, self.host)
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._serve, args=(ready, failure), name="hall-server", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise OSError(str(failure[0]))

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._loop = None

    def publish(self, snapshot: PublicSnapshot, now: int, card: dict[str, Any] | None = None) -> None:
        """The stage's newest picture (and the host's card for it); made JSON and pushed on the server's thread."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._push, snapshot, now, card)

    # --- on the server's thread ----------------------------------------------------------------------------------

    def _serve(self, ready: threading.Event, failure: list[BaseException]) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._startup())
        except BaseException as error:  # noqa: BLE001 - handed to start(), which raises it on the show's thread
            failure.append(error)
            ready.set()
            return
        ready.set()
        self._loop.run_forever()
        self._loop.close()

    async def _startup(self) -> None:
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_get("/", self._page("index.html"))
        app.router.add_get("/mirror", self._page("mirror.html"))
        app.router.add_get("/overlay", self._page("overlay.html"))
        app.router.add_get("/host", self._page("host.html"))
        app.router.add_get("/hall.js", self._page("hall.js", "application/javascript"))
        app.router.add_get("/api/public", self._public)
        app.router.add_get("/api/stream", self._stream)
        app.router.add_get("/api/host/stream", self._host_stream)
        app.router.add_get("/media/question", self._question_image)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def _shutdown(self) -> None:
        for listener in self.listeners:
            listener.queue.put_nowait("")  # wakes each stream so it ends
        if self._runner is not None:
            await self._runner.cleanup()

    def _push(self, snapshot: PublicSnapshot, now: int, card: dict[str, Any] | None) -> None:
        self._version += 1
        data = public_json(snapshot, self._version)
        clock = data.get("clock")
        if clock and clock.get("deadline") is not None:  # the page counts down from here on its own clock
            clock["remaining"] = max(0, clock["deadline"] - now)
        self._image = snapshot.question.image if snapshot.question else None
        self._latest = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if card is not None:
            self._card = json.dumps({**card, "version": self._version, "clock": clock}, ensure_ascii=False,
                                    separators=(",", ":"))
        for listener in self.listeners:
            if listener.queue.qsize() > 2:  # a slow page gets the newest only, never a growing backlog
                while not listener.queue.empty():
                    listener.queue.get_nowait()
            listener.queue.put_nowait(self._card if listener.page == "host" else self._latest)

    def _page(self, name: str, kind: str = "text/html"):  # type: ignore[no-untyped-def]
        body = (PAGES / name).read_bytes()

        async def handler(_request: web.Request) -> web.Response:
            return web.Response(body=body, content_type=kind, charset="utf-8",
                                headers={"Cache-Control": "no-cache"})
        return handler

    async def _public(self, _request: web.Request) -> web.Response:
        return web.Response(text=self._latest, content_type="application/json", charset="utf-8")

    async def _question_image(self, _request: web.Request) -> web.StreamResponse:
        if not self._image or not Path(self._image).is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(self._image, headers={"Cache-Control": "no-store"})

    async def _host_stream(self, request: web.Request) -> web.StreamResponse:
        given = request.query.get("t", "")
        if not self.host_token or not hmac.compare_digest(given.encode(), self.host_token.encode()):
            raise web.HTTPForbidden(text="主持人页面需要控制台上的二维码（令牌无效）", content_type="text/plain")
        return await self._stream(request, "host")

    async def _stream(self, request: web.Request, page: str | None = None) -> web.StreamResponse:
        if len(self.listeners) >= MAX_LISTENERS:
            raise web.HTTPServiceUnavailable(text="too many pages")
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                               "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        await response.prepare(request)
        requested = request.query.get("page", "mirror")[:20]
        page = page or ("mirror" if requested == "host" else requested)  # the host's card only with the token
        listener = Listener(asyncio.Queue(), page, request.remote or "?")
        self.listeners.append(listener)
        first = self._card if page == "host" else self._latest
        try:
            await response.write(f"retry: {RETRY_MS}\ndata: {first}\n\n".encode())
            while True:
                try:
                    text = await asyncio.wait_for(listener.queue.get(), HEARTBEAT_S)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                    listener.last_seen = time.time()
                    continue
                if not text:
                    break
                await response.write(f"data: {text}\n\n".encode())
                listener.last_seen = time.time()
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.listeners.remove(listener)
        return response

    def listener_rows(self) -> list[dict[str, Any]]:
        """The pages now following the stage, for the console's devices list."""
        return [{"page": item.page, "address": item.address, "last_seen": item.last_seen}
                for item in list(self.listeners)]
