"""The hall's server in a process of its own. Measured (benchmarks/network.py): run on a thread of the app, 500 phones
following the stage took a buzzer press → lock p99 from 1.4 ms to 26 ms (the server's work holds Python's lock the
show needs); in a process of its own, the show only pickles each new stage picture into a pipe.

If the process dies, the next picture starts it again on the same port, and the pages reconnect by themselves.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from typing import Any

from stageshow.app.snapshots import PublicSnapshot
from stageshow.hall.addresses import DEFAULT_PORT, free_port, lan_addresses

START_TIMEOUT_S = 20


class HallProcess:
    """The same face as HallServer (start, stop, publish, urls, listener_rows), served from a child process."""

    def __init__(self, port: int = DEFAULT_PORT, host: str = "0.0.0.0", host_token: str | None = None) -> None:
        self.host, self.wanted_port, self.host_token = host, port, host_token
        self.port = 0
        self._process: Any = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()  # one request at a time on the pipe (pictures and the devices list)

    def start(self) -> None:
        """Start serving; OSError when no port can be had or the child cannot serve."""
        self.port = self.port or free_port(self.wanted_port, self.host)
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=serve_in_child, args=(child, self.port, self.host, self.host_token),
                                        name="stageshow-hall", daemon=True)
        self._process.start()
        child.close()
        if not self._conn.poll(START_TIMEOUT_S):
            self._kill()
            raise OSError("the hall's server did not start")
        reply = self._conn.recv()
        if reply[0] != "ready":
            self._kill()
            raise OSError(reply[1])

    def stop(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(("stop",))
                except OSError:
                    pass
            if self._process is not None:
                self._process.join(5)
            self._kill()

    def publish(self, snapshot: PublicSnapshot, now: int, card: dict[str, Any] | None = None) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.send(("publish", snapshot, now, card))
                return
            except OSError:  # the server died: start it again, then hand it the picture
                self._kill()
        self.start()
        self.publish(snapshot, now, card)

    def urls(self) -> list[str]:
        return [f"http://{address}:{self.port}/" for address in lan_addresses()]

    def listener_rows(self) -> list[dict[str, Any]]:
        with self._lock:
            if self._conn is None:
                return []
            try:
                self._conn.send(("rows",))
                return self._conn.recv() if self._conn.poll(2) else []  # type: ignore[no-any-return]
            except (OSError, EOFError):
                return []

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None


def serve_in_child(conn: Connection, port: int, host: str, host_token: str | None) -> None:
    """The child: serve, take pictures from the pipe, answer for the devices list, stop when told or orphaned."""
    from stageshow.hall.server import HallServer

    if hasattr(os, "nice"):  # the show comes first: on a busy laptop the hall's pages wait, never a buzzer
        os.nice(10)
    server = HallServer(port=port, host=host, host_token=host_token)
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
            else:
                break
    except (EOFError, OSError):  # the app is gone: so is its hall
        pass
    server.stop()
