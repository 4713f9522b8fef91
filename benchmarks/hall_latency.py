"""How soon the hall's pages follow the stage: from a new stage picture handed to the hall's server (as the app hands
it, into the server's process) to the host's cue card and the mirror's snapshot received by a page, with and without
stand-in phones following, polling and voting (benchmarks/_phones.py), in the same run.
Targets: the host's card within 200 ms of each change, the mirror within 250 ms.
Usage: python benchmarks/hall_latency.py [PHONES] [CHANGES]
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import threading
import time
import urllib.request

from _common import describe
from _phones import crowd

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.formats.show_file import load_show_or_raise
from stageshow.hall.addresses import free_port
from stageshow.hall.host_card import host_card
from stageshow.hall.process import HallProcess
from stageshow.hall.tokens import role_token
from tests.support import DEMO_SHOW


def follow(url: str, arrivals: dict[int, float], stop: threading.Event) -> None:
    """A page: each pushed version and the moment it arrived."""
    with urllib.request.urlopen(url, timeout=30) as stream:
        for raw in stream:
            line = raw.decode("utf-8")
            if line.startswith("data: "):
                arrivals[json.loads(line[6:])["version"]] = time.perf_counter()
            if stop.is_set():
                return


def delays(server: HallProcess, changes: int) -> tuple[list[float], list[float]]:
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    host, mirror, stop = {}, {}, threading.Event()
    base = f"http://127.0.0.1:{server.port}"
    for url, arrivals in ((f"{base}/api/host/stream?t={role_token(server.secret or '', 'host')}", host),
                          (f"{base}/api/stream?page=mirror", mirror)):
        threading.Thread(target=follow, args=(url, arrivals, stop), daemon=True).start()
    time.sleep(1)
    engine.handle(c.StartRound("R1"), 0)
    sent: dict[int, float] = {}
    version = 1  # the server numbers the pictures it was handed; the first was handed before the pages came
    for index in range(changes):  # a question shown, its countdown started, judged: what the host follows
        phase = engine.state.phase
        step = c.Next() if phase in ("round_ready", "question_done") else c.Go() if phase == "presented" \
            else c.Judge(c.Verdict.CORRECT)
        engine.handle(step, index)
        snapshot = public_snapshot(show, engine.state)
        version += 1
        sent[version] = time.perf_counter()
        server.publish(snapshot, index, {"host": host_card(show, snapshot)})
        time.sleep(0.1)
    time.sleep(1)
    stop.set()
    return ([(host[v] - t) * 1000 for v, t in sent.items() if v in host],
            [(mirror[v] - t) * 1000 for v, t in sent.items() if v in mirror])


def main() -> None:
    phones = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    changes = int(sys.argv[2]) if len(sys.argv) > 2 else 80  # the demo's first round: 30 questions, 3 steps each
    for count in (0, phones):
        server = HallProcess(port=free_port(30765, "127.0.0.1"), host="127.0.0.1", secret="benchmark-secret")
        server.start()
        show = load_show_or_raise(DEMO_SHOW)
        server.publish(public_snapshot(show, Engine(show).state), 0, {"host": {"say": "", "question": None}})
        crowd_process = None
        if count:
            ready = multiprocessing.Event()
            crowd_process = multiprocessing.Process(target=crowd, args=(server.port, count, 600.0, ready), daemon=True)
            crowd_process.start()
            ready.wait(60)
        host, mirror = delays(server, changes)
        label = f"{count} phones" if count else "no phones"
        print(describe(f"stage picture → host's card received, {label}", host) + "   (target ≤ 200 ms)")
        print(describe(f"stage picture → mirror's snapshot received, {label}", mirror) + "   (target ≤ 250 ms)")
        if crowd_process is not None:
            crowd_process.terminate()
        server.stop()


if __name__ == "__main__":
    main()
