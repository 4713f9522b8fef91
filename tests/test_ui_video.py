"""Process videos on stage: frames decoded and painted, transport, reveal jumping to the error, broken files."""

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stageshow.devices.buttons import RawPress, keyboard_button
from stageshow.domain import commands as c
from tests.support import DEMO_SHOW, open_app, write_show


@pytest.fixture
def demo(qtbot, tmp_path):
    app = open_app(qtbot, DEMO_SHOW, tmp_path)
    yield app
    app.shutdown()


def to_the_first_process_video(bridge):
    """The demo's correction round: its first item is a document, its second a process video."""
    for round_id in ("R1", "R2", "R3", "R4"):
        bridge.submit(c.StartRound(round_id))
    bridge.submit(c.Next())
    bridge.submit(c.Found((1,)))
    bridge.submit(c.Next())


def test_a_process_video_plays_on_stage_and_reveal_jumps_to_the_error(demo, qtbot):
    bridge = demo.bridge
    to_the_first_process_video(bridge)
    question = bridge.show.question(bridge.state.question.question_id)
    assert question.video and question.errors[0].at is not None
    video = demo.stage.video
    qtbot.waitUntil(lambda: video.image is not None and not video.image.isNull(), timeout=10_000)
    assert video.image.width() == 960
    video.play()
    qtbot.waitUntil(lambda: video.position_ms > 300, timeout=10_000)
    bridge.submit(c.Found((1, 2)))
    bridge.submit(c.Reveal())
    qtbot.waitUntil(lambda: abs(video.position_ms - float(question.errors[0].at) * 1000) < 250, timeout=10_000)
    assert not video.playing
    image = demo.stage.view.grab().toImage()
    out = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    image.save(str(out / "process-video-revealed-1920x1080.png"))
    video_box = {image.pixel(x, y) for x in range(60, 1000, 23) for y in range(300, 900, 19)}
    assert len(video_box) > 30  # a real picture, not a flat placeholder


def test_the_next_questions_video_is_opened_before_the_question_is_shown(demo, qtbot):
    from stageshow.app.next_action import next_action

    bridge, video = demo.bridge, demo.stage.video
    for round_id in ("R1", "R2", "R3", "R4"):
        bridge.submit(c.StartRound(round_id))
    bridge.submit(c.Next())  # the document item: the clock, one error found, each error revealed
    while not isinstance(command := next_action(bridge.show, bridge.state).command, c.Next):
        assert bridge.submit(command or c.Found((1,)))
    assert isinstance(next_action(bridge.show, bridge.state).command, c.Next) and video.path is None
    qtbot.wait(1500)  # the hall reads the last revealed error; the stage opens what comes next meanwhile
    bridge.submit(c.Next())
    question = bridge.show.question(bridge.state.question.question_id)
    assert video.path == question.video
    assert video.image is not None and not video.image.isNull()  # its first frame, before any event is processed
    video.play()
    qtbot.waitUntil(lambda: video.position_ms > 300, timeout=10_000)


@pytest.mark.qt_log_ignore("Could not open media")
def test_a_broken_video_is_reported_and_the_show_goes_on(qtbot, tmp_path):
    (tmp_path / "broken.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42 this is not a video")
    rounds = [{"id": "R4", "kind": "correction", "title": "纠错", "pool": "纠错"}]
    questions = [{"id": f"L{n}", "pool": "纠错", "type": "process", "stem": "请指出流程中的错误", "video": "broken.mp4",
                  "errors": [{"text": "未出示证件", "at": 1.5}]} for n in range(2)]
    app = open_app(qtbot, write_show(tmp_path, rounds, teams=2, questions=questions), tmp_path)
    try:
        app.bridge.submit(c.StartRound("R4"))
        app.bridge.submit(c.Next())
        qtbot.waitUntil(lambda: app.stage.video.error is not None, timeout=10_000)
        assert "视频无法播放" in app.console.status.text()
        app.stage.view.grab()
        assert "视频无法播放" in app.stage.view.last_texts  # a placeholder where the picture would be
        assert "请指出流程中的错误" in app.stage.view.last_texts  # and the question around it
        assert app.bridge.submit(c.Found((1,)))  # and the round goes on
        assert app.bridge.state.scores["T01"] == 5
    finally:
        app.shutdown()


def test_revealing_a_document_error_zooms_the_stage_to_it(demo, qtbot):
    bridge = demo.bridge
    for round_id in ("R1", "R2", "R3", "R4"):
        bridge.submit(c.StartRound(round_id))
    bridge.submit(c.Next())
    question = bridge.show.question(bridge.state.question.question_id)
    assert question.image and demo.stage.view.zoom == (1.0, 0.5, 0.5)
    whole = demo.stage.view.grab().toImage()
    bridge.submit(c.Found((1,)))
    bridge.submit(c.Reveal())
    scale, centre_x, centre_y = demo.stage.view.zoom
    x, y, w, h = question.errors[0].box
    assert scale > 1.05 and abs(centre_x - (x + w / 2)) < 1e-6 and abs(centre_y - (y + h / 2)) < 1e-6
    assert demo.console.preview.zoom == demo.stage.view.zoom  # the miniature shows the same
    zoomed = demo.stage.view.grab().toImage()
    assert zoomed != whole
    out = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    zoomed.save(str(out / "document-zoomed-1920x1080.png"))
    bridge.submit(c.Next())
    assert demo.stage.view.zoom == (1.0, 0.5, 0.5)  # a new question starts whole


def test_a_buzz_questions_video_pauses_for_the_answer_and_goes_on_when_the_buzzers_reopen(qtbot, tmp_path):
    shutil.copy(DEMO_SHOW.parent / "banks" / "media" / "lc01.mp4", tmp_path / "clip.mp4")
    questions = [{"id": f"B{n}", "pool": "抢答", "type": "single", "stem": f"看视频回答 {n}",
                  "options": ["甲", "乙"], "answer": "A", "video": "clip.mp4"} for n in range(3)]
    rounds = [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 3, "after_wrong": "reopen"}]
    teams = [{"id": f"T{i:02d}", "name": f"第{i}队", "buzzer": {"key": str(i)}} for i in range(1, 4)]
    app = open_app(qtbot, write_show(tmp_path, rounds, teams=teams, questions=questions), tmp_path)
    try:
        bridge, video = app.bridge, app.stage.video
        for command in (c.StartRound("R1"), c.Next(), c.Go()):
            bridge.submit(command)
        qtbot.waitUntil(lambda: video.image is not None, timeout=10_000)
        video.play()
        qtbot.waitUntil(lambda: video.position_ms > 300, timeout=10_000)
        app.buzzers.take(RawPress(keyboard_button("1"), time.monotonic_ns()))
        assert not video.playing  # the hall watches the team answer, not the clip
        held_at = video.position_ms
        bridge.submit(c.Judge(c.Verdict.WRONG))  # buzzers reopen for the others
        qtbot.waitUntil(lambda: video.playing and video.position_ms > held_at + 200, timeout=10_000)
    finally:
        app.shutdown()


def test_replays_are_limited_by_the_rounds_knob_and_counted_per_question(demo, qtbot):
    bridge, console = demo.bridge, demo.console
    to_the_first_process_video(bridge)  # the demo's correction round allows the default one replay
    assert bridge.show.round("R4").rules.replays == 1
    replay = console.actions["action_replay"]  # Ctrl+R, and the ⟲ button
    assert replay.isEnabled() and "还可重播 1 次" in replay.toolTip()
    qtbot.keyClick(console, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not replay.isEnabled() and "已用完" in replay.toolTip()
    bridge.submit(c.Found((1,)))
    bridge.submit(c.Next())
    assert replay.isEnabled()  # a new item, a new allowance


def test_go_plays_the_process_video_and_ctrl_p_pauses_and_plays_it(demo, qtbot):
    bridge, console, video = demo.bridge, demo.console, demo.stage.video
    to_the_first_process_video(bridge)
    qtbot.waitUntil(lambda: video.image is not None, timeout=10_000)
    assert not video.playing
    qtbot.keyClick(console, Qt.Key.Key_Space)  # 开始计时: the hall watches the process as the clock starts
    qtbot.waitUntil(lambda: video.playing, timeout=10_000)
    qtbot.keyClick(console, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not video.playing, timeout=10_000)
    qtbot.keyClick(console, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: video.playing, timeout=10_000)
