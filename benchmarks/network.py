"""The network side must never slow the show: buzzer press → lock decided and committed, with and without the hall's
server serving phones (each following the stage by pushed events, polling the public snapshot and voting), in the
same run.

The phones run in a process of their own (they are other devices, benchmarks/_phones.py); the server runs as the app
runs it, each lock is followed by the new stage picture handed to it, and each ballot is decided by the same engine
under the same one-command-at-a-time lock as the presses (in a buzz round the engine refuses it: ballots belong to
a judged round, and no real final has both at once, so what is measured is the network's cost to the show).
Usage: python benchmarks/network.py [PHONES] [PRESSES]
"""

from __future__ import annotations

import multiprocessing
import threading
import sys
import tempfile
import time
from pathlib import Path

from _common import describe
from _phones import crowd

from stageshow.app.session import ShowSession
from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.devices.thread_priority import favour_current_thread
from stageshow.domain.errors import RuleViolation
from stageshow.formats.show_file import load_show_or_raise
from stageshow.hall.addresses import free_port
from stageshow.hall.process import HallProcess
from stageshow.hall.requests import Refused, command_for
from stageshow.hall.server import HallServer
from tests.support import write_show


FAVOURED = {"granted": False}


class ShowUnderLoad:
    """The show as the app holds it: one command at a time, from the presses and from the hall's requests."""

    def __init__(self, show_path: Path, db: Path) -> None:
        self.show = load_show_or_raise(show_path)
        self.session = ShowSession.open(self.show, show_path.parent, db, mode="rehearsal")
        self.deciding = threading.Lock()
        self.now = 0
        self.answered = {"ok": 0, "refused": 0}

    def submit(self, command: c.Command, now: int) -> None:
        with self.deciding:
            self.session.submit(command, now)

    def answer(self, request: dict) -> dict:  # type: ignore[type-arg]
        try:
            command = command_for(request)
            with self.deciding:
                self.session.submit(command, self.now)
        except (Refused, RuleViolation) as refused:
            self.answered["refused"] += 1
            return {"ok": False, "message": str(refused)}
        self.answered["ok"] += 1
        return {"ok": True, "message": ""}


def lock_latencies(stage: ShowUnderLoad, presses: int, server: HallServer | HallProcess | None) -> list[float]:
    """On a thread of its own, at the priority the app's buzzer threads ask for (devices/thread_priority.py)."""
    samples: list[float] = []
    thread = threading.Thread(target=lambda: samples.extend(_presses(stage, presses, server)))
    thread.start()
    thread.join()
    return samples


def _presses(stage: ShowUnderLoad, presses: int, server: HallServer | HallProcess | None) -> list[float]:
    """Each sample: a buzz question opened, then one press decided and committed; with a server, the new stage
    picture is then handed to it (outside the sample, as in the app, but competing with the next press)."""
    FAVOURED["granted"] = favour_current_thread()
    show, session = stage.show, stage.session
    now = 0
    stage.submit(c.StartRound("R1"), now)
    samples = []
    for index in range(presses):
        now += 1_000_000_000
        stage.now = now
        stage.submit(c.Next(), now)
        stage.submit(c.Go(), now)
        start = time.perf_counter()
        stage.submit(c.Press(show.teams[index % len(show.teams)].id), now + 1_000_000)
        samples.append((time.perf_counter() - start) * 1000)  # the lock is decided and committed here
        if server is not None:  # then, as the app does, the new stage picture goes to the hall
            server.publish(public_snapshot(show, session.engine.state), now)
        time.sleep(0.002)  # presses come apart in a hall; the server gets to push between them
        stage.submit(c.Judge(c.Verdict.WRONG), now + 2_000_000)
    session.close()
    return samples


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    presses = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with tempfile.TemporaryDirectory() as folder:
        show_path = write_show(Path(folder), [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答",
                                               "questions": presses}], teams=10)
        quiet = lock_latencies(ShowUnderLoad(show_path, Path(folder) / "quiet.sqlite3"), presses, None)
        results = {}
        for name, kind, port in (("thread", HallServer, 28765), ("process", HallProcess, 29765)):
            stage = ShowUnderLoad(show_path, Path(folder) / f"{name}.sqlite3")
            server = kind(port=free_port(port, "127.0.0.1"), host="127.0.0.1", answer=stage.answer)
            server.start()
            ready = multiprocessing.Event()
            phones = multiprocessing.Process(target=crowd, args=(server.port, count, 600.0, ready), daemon=True)
            phones.start()
            ready.wait(60)
            connected = len(server.listener_rows())
            results[name] = (connected, lock_latencies(stage, presses, server), dict(stage.answered))
            phones.terminate()
            server.stop()
    print(f"{len(quiet)} presses each, decided on a thread at "
          f"{'real-time' if FAVOURED['granted'] else 'normal'} priority, as the app's buzzer threads are")
    print(describe("press → lock decided + committed, no network", quiet))
    for name, (connected, loaded, answered) in results.items():
        print(describe(f"… {connected} phones following, polling and voting, server on a {name}", loaded)
              + "   (target p99 ≤ 2 ms)")
        print(f"    ballots decided by the engine meanwhile: {answered['ok'] + answered['refused']}")


if __name__ == "__main__":
    main()
