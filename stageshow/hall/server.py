"""The hall's web server: aiohttp on an asyncio loop of its own, on a thread of its own (in the app, inside a process
of its own: process.py). The show publishes each new public snapshot with its private parts (the host's card, the
judges' own sheets); the server keeps the newest and pushes to every page that listens (server-sent events, which
browsers reconnect by themselves): the public snapshot to public pages, the host's card only to the host's token,
each judge's sheet only to that judge's token.

What the devices ask (a judge's score, a ballot, a control button) is checked here (token, rate, size, types) and then
handed to `answer`, which makes it a command to the show's engine, the same way in as the console's; the page gets
the engine's reason when it is refused. Routes that take input are in intake.py.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from stageshow.app.snapshots import PublicSnapshot
from stageshow.hall import intake
from stageshow.hall.addresses import DEFAULT_PORT, free_port
from stageshow.hall.devices import Devices
from stageshow.hall.judge_card import judge_card
from stageshow.hall.public_json import public_json
from stageshow.hall.tokens import is_role, judge_of, role_token
from stageshow.paths import PROJECT_ROOT

PAGES = Path(__file__).resolve().parent / "pages"
FONT = PROJECT_ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"
HEARTBEAT_S = 10  # a comment line this often: a page whose network died is noticed, and proxies keep it open
MAX_LISTENERS = 2000
MAX_STREAMS_PER_ADDRESS = 20  # one device cannot take every stream
RETRY_MS = 1000  # how soon a page tries again when the server went away (browsers wait ~3 s unless told)
MAX_BODY = 16 * 1024  # every request body the pages send is a few hundred bytes

Answer = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class Listener:
    """A page following the stage: where it is, what it is, when it was last served."""

    queue: asyncio.Queue[str]
    page: str
    address: str
    judge: int | None = None
    last_seen: float = field(default_factory=time.time)


class HallServer:
    def __init__(self, port: int = DEFAULT_PORT, host: str = "0.0.0.0", secret: str | None = None,
                 answer: Answer | None = None, host_control: bool = False) -> None:
        self.host, self.wanted_port = host, port
        self.secret = secret or secrets.token_hex(32)  # every token is made from it (tokens.py)
        self.host_token = role_token(self.secret, "host")
        self.answer = answer  # a device's request → the engine's verdict: {"ok": bool, "message": str}
        self.host_control = host_control
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._answering = ThreadPoolExecutor(max_workers=4, thread_name_prefix="hall-answer")
        self.latest: str = json.dumps({"version": 0, "phase": "setup", "teams": []})
        self.public: dict[str, Any] = {"version": 0, "teams": []}
        self._image: str | None = None
        self.version = 0
        self._card: str = json.dumps({"say": "", "question": None})
        self.sheets: dict[str, dict[int, list[Any]]] = {}  # this round's sheets, team → judge → scores
        self.listeners: list[Listener] = []
        self.devices = Devices()

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
        self._answering.shutdown(wait=False, cancel_futures=True)

    def publish(self, snapshot: PublicSnapshot, now: int, private: dict[str, Any] | None = None) -> None:
        """The stage's newest picture and its private parts ({"host": card, "sheets": …}), pushed on the server's
        thread."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._push, snapshot, now, private or {})

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
        app = web.Application(client_max_size=MAX_BODY)
        for path, name in (("/", "index.html"), ("/mirror", "mirror.html"), ("/overlay", "overlay.html"),
                           ("/host", "host.html"), ("/judge", "judge.html"), ("/vote", "vote.html")):
            app.router.add_get(path, self._page(name))
        app.router.add_get("/hall.js", self._page("hall.js", "application/javascript"))
        app.router.add_get("/api/public", self._public)
        app.router.add_get("/api/stream", self._stream)
        app.router.add_get("/api/host/stream", self._host_stream)
        app.router.add_get("/api/judge/stream", self._judge_stream)
        app.router.add_get("/media/question", self._question_image)
        app.router.add_get("/fonts/cjk.otf", self._font)
        intake.add_routes(app, self)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def _shutdown(self) -> None:
        for listener in self.listeners:
            listener.queue.put_nowait("")  # wakes each stream so it ends
        if self._runner is not None:
            await self._runner.cleanup()

    def _push(self, snapshot: PublicSnapshot, now: int, private: dict[str, Any]) -> None:
        self.version += 1
        data = public_json(snapshot, self.version)
        clock = data.get("clock")
        if clock and clock.get("deadline") is not None:  # the page counts down from here on its own clock
            clock["remaining"] = max(0, clock["deadline"] - now)
        self._image = snapshot.question.image if snapshot.question else None
        self.public = data
        self.latest = _json(data)
        if "host" in private:
            self._card = _json({**private["host"], "version": self.version, "clock": clock,
                                "controls": self.host_control})
        self.sheets = private.get("sheets", {})
        for listener in self.listeners:
            if listener.queue.qsize() > 2:  # a slow page gets the newest only, never a growing backlog
                while not listener.queue.empty():
                    listener.queue.get_nowait()
            listener.queue.put_nowait(self._text_for(listener))

    def _text_for(self, listener: Listener) -> str:
        if listener.page == "host":
            return self._card
        if listener.judge is not None:
            return _json(judge_card(self.public, self.sheets, listener.judge))
        return self.latest

    async def answer_request(self, request: dict[str, Any]) -> dict[str, Any]:
        """Hand a device's request to the show; its verdict, or a refusal when the show cannot answer."""
        if self.answer is None:
            return {"ok": False, "message": "比赛控制台没有连接"}
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._answering, self.answer, request), 10)
        except (TimeoutError, RuntimeError):
            return {"ok": False, "message": "比赛控制台暂时没有回应，请稍后再试"}

    def _page(self, name: str, kind: str = "text/html"):  # type: ignore[no-untyped-def]
        body = (PAGES / name).read_bytes()

        async def handler(_request: web.Request) -> web.Response:
            return web.Response(body=body, content_type=kind, charset="utf-8",
                                headers={"Cache-Control": "no-cache"})
        return handler

    async def _public(self, _request: web.Request) -> web.Response:
        return web.Response(text=self.latest, content_type="application/json", charset="utf-8")

    async def _question_image(self, _request: web.Request) -> web.StreamResponse:
        if not self._image or not Path(self._image).is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(self._image, headers={"Cache-Control": "no-store"})

    async def _font(self, _request: web.Request) -> web.StreamResponse:
        """The bundled CJK font, for a screen with none of its own (an LED wall's controller, a bare browser); pages
        name the device's own fonts first, so a phone never downloads it."""
        if not FONT.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(FONT, headers={"Cache-Control": "max-age=86400"})

    async def _host_stream(self, request: web.Request) -> web.StreamResponse:
        if not is_role(self.secret, "host", request.query.get("t", "")):
            raise web.HTTPForbidden(text="主持人页面需要控制台上的二维码（令牌无效）", content_type="text/plain")
        self.devices.heard("host", "主持人", request.remote)
        return await self._stream(request, "host")

    async def _judge_stream(self, request: web.Request) -> web.StreamResponse:
        judge = judge_of(self.secret, request.query.get("t", ""))
        if judge is None:
            raise web.HTTPForbidden(text="评委令牌无效：请扫描评委卡或控制台上的二维码", content_type="text/plain")
        self.devices.heard(f"judge:{judge}", f"{judge} 号评委", request.remote)
        return await self._stream(request, "judge", judge)

    async def _stream(self, request: web.Request, page: str | None = None,
                      judge: int | None = None) -> web.StreamResponse:
        address = request.remote or "?"
        if len(self.listeners) >= MAX_LISTENERS or sum(
                1 for item in self.listeners if item.address == address) >= MAX_STREAMS_PER_ADDRESS:
            raise web.HTTPServiceUnavailable(text="连接太多，请稍后再试", content_type="text/plain")
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                               "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        await response.prepare(request)
        requested = request.query.get("page", "mirror")[:20]
        page = page or ("mirror" if requested in ("host", "judge") else requested)  # private pages need tokens
        listener = Listener(asyncio.Queue(), page, address, judge)
        self.listeners.append(listener)
        try:
            await response.write(f"retry: {RETRY_MS}\ndata: {self._text_for(listener)}\n\n".encode())
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

    def device_rows(self) -> list[dict[str, Any]]:
        """Every device heard from, for the console's devices list: role, name, address, last heard, following."""
        return self._on_loop(lambda: self.devices.rows(self.listeners))

    def listener_rows(self) -> list[dict[str, Any]]:
        """The pages now following the stage."""
        return self._on_loop(lambda: [{"page": item.page, "address": item.address, "last_seen": item.last_seen}
                                      for item in self.listeners])

    def _on_loop(self, read: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Read what the server's thread keeps, on that thread, so no list changes under the reader."""
        if self._loop is None:
            return []

        async def reading() -> list[dict[str, Any]]:
            return read()
        try:
            return asyncio.run_coroutine_threadsafe(reading(), self._loop).result(timeout=2)
        except (TimeoutError, RuntimeError):
            return []


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
