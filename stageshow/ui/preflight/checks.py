"""The pre-flight lines that need Qt: the projector screen, the bundled Chinese font, the sound device and every
video of the show decoded to its first frame."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QFontMetrics, QGuiApplication, QScreen
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from stageshow.app.preflight import CheckLine
from stageshow.devices.sound import SoundPlayer
from stageshow.domain.model import Show
from stageshow.i18n import render
from stageshow.ui.fonts import ui_family, ui_font

SAMPLE = "行政执法技能大比武决赛　第一轮　必答题　抢答　风险题　纠错"
DECODE_TIMEOUT_MS = 8000


def screen_line(stage: QScreen | None) -> CheckLine:
    what = render("pre_screen")
    screens = QGuiApplication.screens()
    if stage is None or len(screens) < 2:
        return CheckLine(what, False, render("pre_screen_one"), render("pre_screen_fix"))
    size = stage.geometry()
    detail = render("pre_screen_ok", name=stage.name(), width=size.width(), height=size.height())
    if size.height() < 720:
        return CheckLine(what, None, detail + render("pre_screen_small"), render("pre_screen_small_fix"))
    return CheckLine(what, True, detail)


def font_line() -> CheckLine:
    what = render("pre_font")
    family = ui_family()
    metrics = QFontMetrics(ui_font(32))
    missing = [char for char in SAMPLE if not char.isspace() and not metrics.inFontUcs4(ord(char))]
    if missing:
        return CheckLine(what, False, render("pre_font_missing", chars="".join(missing[:8])), render("pre_font_fix"))
    return CheckLine(what, True, render("pre_font_ok", family=family))


def sound_line(player: SoundPlayer) -> CheckLine:
    what = render("pre_sound")
    if player.silent:
        return CheckLine(what, False, player.warning or render("no_audio"), render("pre_sound_fix"))
    if player.warning:  # some cue files unreadable: the rest play
        return CheckLine(what, None, player.warning, render("pre_sound_files_fix"))
    return CheckLine(what, True, render("pre_sound_ok"))


def video_lines(show: Show) -> list[CheckLine]:
    """Every video of the show opened and decoded to a first frame, as the stage will play it."""
    lines = []
    for question in show.questions:
        if not question.video:
            continue
        what = render("pre_video", question=question.id)
        problem = first_frame_problem(question.video)
        if problem is None:
            lines.append(CheckLine(what, True, render("pre_video_ok", path=question.video)))
        else:
            lines.append(CheckLine(what, False, render("pre_video_bad", path=question.video, reason=problem),
                                   render("pre_video_fix")))
    return lines


def first_frame_problem(path: str) -> str | None:
    """None once the video's first frame is decoded; else what went wrong (a broken file, no decoder, a timeout)."""
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    loop = QEventLoop()
    outcome: list[str | None] = []

    def done(problem: str | None) -> None:
        if not outcome:
            outcome.append(problem)
            loop.quit()

    sink.videoFrameChanged.connect(lambda frame: frame.isValid() and done(None))
    player.errorOccurred.connect(lambda _error, text: done(text or render("pre_video_unreadable")))
    QTimer.singleShot(DECODE_TIMEOUT_MS, lambda: done(render("pre_video_timeout")))
    player.setSource(QUrl.fromLocalFile(path))
    player.play()
    if not outcome:
        loop.exec()
    player.stop()
    return outcome[0]
