"""The hall's server, as the pages use it: the public snapshot over HTTP and pushed as events, the pages themselves
(nothing loaded from the internet), and the leak test: at every step of the demo final, nothing not yet revealed is
anywhere the server answers."""

from __future__ import annotations

import json
import re
import threading
import urllib.request
from decimal import Decimal

import pytest

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.context import seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.engine import Engine
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show_or_raise
from stageshow.hall.addresses import free_port
from stageshow.hall.host_card import host_card
from stageshow.hall.server import HallServer
from stageshow.hall.tokens import role_token
from tests.hall_client import first_event, get_text
from tests.support import DEMO_SCRIPT, DEMO_SHOW

MIN_SECRET = 6  # shorter texts (an answer "B", "对") also occur in plain public words; longer ones never do


SECRET = "a-secret-for-the-tests"
HOST_TOKEN = role_token(SECRET, "host")


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    hall = HallServer(port=free_port(18765, "127.0.0.1"), host="127.0.0.1", secret=SECRET)
    hall.start()
    yield hall
    hall.stop()


def get(hall: HallServer, path: str) -> str:
    return get_text(hall.port, path)


def wait_for_version(hall: HallServer, version: int) -> str:
    for _ in range(500):
        text = get(hall, "/api/public")
        if json.loads(text)["version"] >= version:
            return text
        threading.Event().wait(0.01)
    raise AssertionError(f"version {version} never served")


def secrets_of(question) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [question.answer, question.explanation, question.basis]
    texts += [part for error in question.errors for part in (error.text, error.fix)]
    return [text for text in texts if text and len(text) >= MIN_SECRET]


def test_nothing_unrevealed_is_ever_served_through_the_demo_final(server):
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    pages = [get(server, path) for path in ("/", "/mirror", "/overlay", "/hall.js")]
    for page in pages:  # plain and offline: nothing fetched from another host
        assert not re.search(r"(src|href)=[\"']?https?://", page)
    clock = Decimal(0)
    version = 0
    checked = revealed_served = 0
    for step in read_script(DEMO_SCRIPT, Problems()):
        clock += step.advance
        if step.command is None:
            continue
        engine.handle(step.command, seconds_to_ns(clock))
        for reveal in (False, True):  # each moment, and once a question is done, the moment after its reveal
            if reveal:
                try:
                    engine.handle(c.Reveal(), seconds_to_ns(clock))
                except RuleViolation:
                    continue
            version += 1
            checked += check_served(server, show, engine, clock, version)
            revealed_served += bool(engine.state.question and engine.state.question.revealed)
    assert engine.state.phase.value == "finished" and checked > 300
    assert revealed_served > 50


def check_served(server, show, engine, clock, version) -> int:  # type: ignore[no-untyped-def]
    """Publish the stage now; every secret not on the stage must be absent from what the server answers."""
    snapshot = public_snapshot(show, engine.state)
    server.publish(snapshot, seconds_to_ns(clock), {"host": host_card(show, snapshot)})  # the private card rides along
    served = wait_for_version(server, version)
    shown = snapshot.question
    allowed = " ".join(filter(None, [shown.stem, *shown.options, shown.answer, shown.explanation, shown.basis,
                                     *[e.text + (e.fix or "") for e in shown.errors]])) if shown else ""
    for question in show.questions:
        for secret in secrets_of(question):
            if secret in allowed:  # on the stage now: revealed, or part of the question itself
                continue
            assert secret not in served, (version, question.id, secret)
    if shown and shown.revealed:  # the test does see a secret when it is there: after its reveal, served whole
        on_stage = [text for text in (shown.answer, shown.explanation, shown.basis, *[e.text for e in shown.errors])
                    if text and len(text) >= MIN_SECRET]
        assert on_stage and all(text in served for text in on_stage), (shown.id, on_stage)
    return 1


def test_pages_follow_the_stage_by_pushed_events(server):
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    received: list[dict] = []
    ready = threading.Event()

    def listen() -> None:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/api/stream?page=mirror", timeout=20) as stream:
            ready.set()
            for raw in stream:
                line = raw.decode("utf-8").strip()
                if line.startswith("data: "):
                    received.append(json.loads(line[6:]))
                    if len(received) == 3:
                        return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    ready.wait(10)
    for _ in range(100):  # the server counts the page among those following the stage
        if server.listener_rows():
            break
        threading.Event().wait(0.02)
    assert [row["page"] for row in server.listener_rows()] == ["mirror"]
    from stageshow.domain import commands as c

    for at, command in enumerate((c.StartRound("R1"), c.Next()), start=1):
        engine.handle(command, at)
        server.publish(public_snapshot(show, engine.state), at)
    listener.join(10)
    assert [item["version"] for item in received] == [0, 1, 2]  # the current picture first, then each change
    assert received[-1]["question"]["stem"] and received[-1]["question"]["answer"] is None


def test_the_question_picture_is_served_only_while_it_is_on_stage(server):
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    server.publish(public_snapshot(show, engine.state), 0)
    wait_for_version(server, 1)
    with pytest.raises(urllib.error.HTTPError):
        get(server, "/media/question")
    served = json.loads(get(server, "/api/public"))
    assert "/" not in json.dumps(served.get("background")) and "question_sets" not in json.dumps(served)


def test_the_server_process_is_started_again_when_it_dies(tmp_path):
    from stageshow.hall.process import HallProcess

    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    hall = HallProcess(port=free_port(25765, "127.0.0.1"), host="127.0.0.1")
    hall.start()
    try:
        port = hall.port
        hall.publish(public_snapshot(show, engine.state), 0)
        assert json.loads(wait_for_version(hall, 1))["title"] == show.title
        hall._process.kill()  # the network side dies mid-show
        hall._process.join(5)
        engine.handle(c.StartRound("R1"), 1)
        hall.publish(public_snapshot(show, engine.state), 1)  # the show goes on; the server comes back
        assert hall.alive and hall.port == port
        served = json.loads(wait_for_version(hall, 1))
        assert served["round_title"] == "第一轮 个人必答题"
    finally:
        hall.stop()


def test_the_host_card_goes_only_to_the_page_holding_the_token(server):
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    for command in (c.StartRound("R1"), c.Next()):
        engine.handle(command, 0)
    snapshot = public_snapshot(show, engine.state)
    server.publish(snapshot, 0, {"host": host_card(show, snapshot)})
    wait_for_version(server, 1)
    answer = show.question(snapshot.question.id).explanation
    for path in ("/api/host/stream", "/api/host/stream?t=guess", f"/api/host/stream?t={HOST_TOKEN}x"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(server, path)
        assert refused.value.code == 403 and "令牌无效" in refused.value.read().decode("utf-8")
    card = first_event(server.port, f"/api/host/stream?t={HOST_TOKEN}")
    assert card["say"] == "请1号台开发区代表队作答" and card["question"]["explanation"] == answer
    public = first_event(server.port, "/api/stream?page=host")  # asking for the host's page without the token
    assert "say" not in public and answer not in json.dumps(public, ensure_ascii=False)


def test_screens_without_a_cjk_font_of_their_own_get_ours_and_phones_never_need_it(server):
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/fonts/cjk.otf", timeout=10) as response:
        assert response.read(4) == b"OTTO" and "max-age" in response.headers["Cache-Control"]
    for page in ("/mirror", "/overlay", "/host", "/judge"):  # the device's own fonts first, ours after them
        assert 'local("Microsoft YaHei"),url(/fonts/cjk.otf)' in get(server, page)
    assert "/fonts/cjk.otf" not in get(server, "/vote")  # hundreds of phones: never a 2 MB download each
