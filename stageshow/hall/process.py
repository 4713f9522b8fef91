"""The hall's server in a process of its own. Measured (benchmarks/network.py): run on a thread of the app, 500 phones
following the stage took a buzzer press → lock p99 from 1.4 ms to 26 ms (the server's work holds Python's lock the
show needs); in a process of its own, the show only pickles each new stage picture into a pipe.

Two pipes: the show's (pictures out, the devices list back) and the devices' (a request in, the show's verdict
back), so a ballot never waits behind a picture and the other way round. If the process dies, the next picture starts
it again on the same port, and the pages reconnect by themselves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from stageshow.app.snapshots import PublicSnapshot
from stageshow.hall.addresses import DEFAULT_PORT, free_port, lan_addresses

START_TIMEOUT_S = 20
ANSWER_TIMEOUT_S = 8

Answer = Callable[[dict[str, Any]], dict[str, Any]]


class HallProcess:
    """The same face as HallServer (start, stop, publish, urls, device_rows), served from a child process."""

    def __init__(self, port: int = DEFAULT_PORT, host: str = "0.0.0.0", secret: str | None = None,
                 answer: Answer | None = None, host_control: bool = False) -> None:
        self.host, self.wanted_port, self.secret = host, port, secret
        self.answer, self.host_control = answer, host_control
        self.port = 0
        self._process: Any = None
        self._conn: Connection | None = None
        self._requests: Connection | None = None
        self._lock = threading.Lock()  # one request at a time on the show's pipe (pictures and the devices list)
        self._serving = False  # started and not stopped: a process that died (or failed to come back) is restarted

    def start(self) -> None:
        """Start serving; OSError when no port can be had or the child cannot serve."""
        self._serving = True
        self.port = self.port or free_port(self.wanted_port, self.host)
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._requests, child_requests = context.Pipe()
        self._process = context.Process(
            target=serve_in_child, args=(child, child_requests, self.port, self.host, self.secret, self.host_control),
            name="stageshow-hall", daemon=True)
        self._process.start()
        child.close()
        child_requests.close()
        if not self._conn.poll(START_TIMEOUT_S):
            self._kill()
            raise OSError("the hall's server did not start")
        reply = self._conn.recv()
        if reply[0] != "ready":
            self._kill()
            raise OSError(reply[1])
        threading.Thread(target=self._answer_requests, args=(self._requests,), name="hall-requests",
                         daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            self._serving = False
            if self._conn is not None:
                with contextlib.suppress(OSError):  # already gone: nothing to tell
                    self._conn.send(("stop",))
            if self._process is not None:
                self._process.join(5)
            self._kill()

    def publish(self, snapshot: PublicSnapshot, now: int, private: dict[str, Any] | None = None) -> None:
        with self._lock:
            if not self._serving:
                return
            if self.alive and self._conn is not None:
                try:
                    self._conn.send(("publish", snapshot, now, private))
                    return
                except OSError:
                    pass
            self._kill()  # the server died: start it again, then hand it the picture
        self.start()
        self.publish(snapshot, now, private)

    def urls(self) -> list[str]:
        return [f"http://{address}:{self.port}/" for address in lan_addresses()]

    def device_rows(self) -> list[dict[str, Any]]:
        return self._ask("devices")

    def listener_rows(self) -> list[dict[str, Any]]:
        return self._ask("rows")

    def _ask(self, what: str) -> list[dict[str, Any]]:
        with self._lock:
            if self._conn is None:
                return []
            try:
                self._conn.send((what,))
                return self._conn.recv() if self._conn.poll(2) else []  # type: ignore[no-any-return]
            except (OSError, EOFError):
                return []

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _answer_requests(self, conn: Connection) -> None:
        """The devices' pipe, on a thread of its own: each request answered by the show, in the order it came."""
        try:
            while True:
                number, request = conn.recv()
                try:
                    verdict = self.answer(request) if self.answer else {"ok": False, "message": "比赛控制台没有连接"}
                except Exception as error:  # noqa: BLE001 - a request must never take the show's side down
                    verdict = {"ok": False, "message": f"比赛控制台无法处理：{error}"}
                conn.send((number, verdict))
        except (EOFError, OSError):  # the child is gone; a new one brings a new pipe and a new thread
            pass

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        for conn in (self._conn, self._requests):
            if conn is not None:
                conn.close()
        self._process, self._conn, self._requests = None, None, None


class _PipeAnswer:
    """In the child: a request sent to the show over the devices' pipe, its verdict waited for (by number, so several
    requests may be in flight from the server's worker threads)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._send = threading.Lock()
        self._waiting: dict[int, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._number = 0
        threading.Thread(target=self._read, name="hall-verdicts", daemon=True).start()

    def __call__(self, request: dict[str, Any]) -> dict[str, Any]:
        done: tuple[threading.Event, list[dict[str, Any]]] = (threading.Event(), [])
        with self._send:
            self._number += 1
            number = self._number
            self._waiting[number] = done
            self.conn.send((number, request))
        if not done[0].wait(ANSWER_TIMEOUT_S):
            self._waiting.pop(number, None)
            return {"ok": False, "message": "比赛控制台暂时没有回应，请稍后再试"}
        return done[1][0]

    def _read(self) -> None:
        try:
            while True:
                number, verdict = self.conn.recv()
                waiting = self._waiting.pop(number, None)
                if waiting is not None:
                    waiting[1].append(verdict)
                    waiting[0].set()
        except (EOFError, OSError):
            pass


def serve_in_child(conn: Connection, requests: Connection, port: int, host: str, secret: str | None,
                   host_control: bool) -> None:
    """The child: serve, take pictures from the pipe, answer for the devices list, stop when told or orphaned."""
    from stageshow.hall.server import HallServer

    if hasattr(os, "nice"):  # the show comes first: on a busy laptop the hall's pages wait, never a buzzer
        os.nice(10)
    _room_for_phones()
    server = HallServer(port=port, host=host, secret=secret, answer=_PipeAnswer(requests), host_control=host_control)
    try:
        server.start()
    except OSError as error:
        conn.send(("failed", str(error)))
        return
    conn.send(("ready",))
    try:
        while True:
            message = conn.recv()
            if message[0] == "publish":
                server.publish(message[1], message[2], message[3])
            elif message[0] == "rows":
                conn.send(server.listener_rows())
            elif message[0] == "devices":
                conn.send(server.device_rows())
            else:
                break
    except (EOFError, OSError):  # the app is gone: so is its hall
        pass
    server.stop()


def _room_for_phones() -> None:
    """A socket per phone: 500 phones need more open files than a desktop's default soft limit of 1024 allows."""
    try:
        import resource
    except ImportError:  # Windows has no such limit to raise
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 8192 if hard == resource.RLIM_INFINITY else min(hard, 8192)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
