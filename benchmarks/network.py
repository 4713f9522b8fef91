"""The network side must never slow the show: buzzer press → lock decided and committed, with and without the hall's
server serving phones (each following the stage by pushed events and polling the public snapshot), in the same run.

The phones run in a process of their own (they are other devices); the server runs as the app runs it, and each
lock is followed by the new stage picture handed to it.
Usage: python benchmarks/network.py [PHONES] [PRESSES]
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

from _common import describe

from stageshow.app.session import ShowSession
from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise
from stageshow.hall.addresses import free_port
from stageshow.hall.process import HallProcess
from stageshow.hall.server import HallServer
from tests.support import write_show


def lock_latencies(show_path: Path, db: Path, presses: int, server: HallServer | HallProcess | None) -> list[float]:
    """Each sample: a buzz question opened, then one press decided and committed; with a server, the new stage
    picture is then handed to it (outside the sample, as in the app, but competing with the next press)."""
    show = load_show_or_raise(show_path)
    session = ShowSession.open(show, show_path.parent, db, mode="rehearsal")
    now = 0
    session.submit(c.StartRound("R1"), now)
    samples = []
    for index in range(presses):
        now += 1_000_000_000
        session.submit(c.Next(), now)
        session.submit(c.Go(), now)
        start = time.perf_counter()
        session.submit(c.Press(show.teams[index % len(show.teams)].id), now + 1_000_000)
        samples.append((time.perf_counter() - start) * 1000)  # the lock is decided and committed here
        if server is not None:  # then, as the app does, the new stage picture goes to the hall
            server.publish(public_snapshot(show, session.engine.state), now)
        time.sleep(0.002)  # presses come apart in a hall; the server gets to push between them
        session.submit(c.Judge(c.Verdict.WRONG), now + 2_000_000)
    session.close()
    return samples


def phones(port: int, count: int, seconds: float, ready) -> None:  # type: ignore[no-untyped-def]
    """`count` phones: each follows the stream and polls /api/public once a second. They stand in for other devices,
    so on this one machine they run at the lowest priority: what is measured is the server's cost, not theirs."""
    import os

    import aiohttp

    os.nice(19)

    async def phone(client: aiohttp.ClientSession, index: int) -> None:
        async with client.get(f"http://127.0.0.1:{port}/api/stream?page=phone") as stream:
            deadline = time.monotonic() + seconds
            next_poll = time.monotonic() + index % 10 / 10
            while time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(stream.content.readline(), 0.2)
                except TimeoutError:
                    pass
                if time.monotonic() >= next_poll:
                    async with client.get(f"http://127.0.0.1:{port}/api/public") as response:
                        await response.read()
                    next_poll += 1.0

    async def crowd() -> None:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:
            tasks = [asyncio.create_task(phone(client, index)) for index in range(count)]
            await asyncio.sleep(2)
            ready.set()
            await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(crowd())


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    presses = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with tempfile.TemporaryDirectory() as folder:
        show_path = write_show(Path(folder), [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答",
                                               "questions": presses}], teams=10)
        quiet = lock_latencies(show_path, Path(folder) / "quiet.sqlite3", presses, None)
        results = {}
        for name, server in (("thread", HallServer(port=free_port(28765, "127.0.0.1"), host="127.0.0.1")),
                             ("process", HallProcess(port=free_port(29765, "127.0.0.1"), host="127.0.0.1"))):
            server.start()
            ready = multiprocessing.Event()
            crowd = multiprocessing.Process(target=phones, args=(server.port, count, 600.0, ready), daemon=True)
            crowd.start()
            ready.wait(60)
            connected = len(server.listener_rows())
            results[name] = (connected, lock_latencies(show_path, Path(folder) / f"{name}.sqlite3", presses, server))
            crowd.terminate()
            server.stop()
    print(f"{len(quiet)} presses each")
    print(describe("press → lock decided + committed, no network", quiet))
    for name, (connected, loaded) in results.items():
        print(describe(f"… {connected} phones, server on a {name}", loaded) + "   (target p99 ≤ 2 ms)")


if __name__ == "__main__":
    main()
