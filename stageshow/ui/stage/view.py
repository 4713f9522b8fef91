"""The stage's drawing surface: paints the latest public snapshot, redrawing every frame while a clock runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from stageshow.app.snapshots import PublicSnapshot
from stageshow.ui.buzzers.lamps import LAMP_SECONDS, BuzzerLamps
from stageshow.ui.stage.changes import only_the_status_row_changed
from stageshow.ui.stage.painter import Frame, paint_stage
from stageshow.ui.stage.video import VideoSource

FRAME_MS = 16
PAGE_MODES = ("chart", "bars")


class StageView(QWidget):
    """Holds only a PublicSnapshot: nothing the hall may not see ever reaches this widget."""

    def __init__(self, now: Callable[[], int], parent: QWidget | None = None, video: VideoSource | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.video = video
        if video is not None:
            video.frame_changed.connect(self.update)
        self._snapshot: PublicSnapshot | None = None
        self._mode = "live"
        self.zoom = (1.0, 0.5, 0.5)
        self._pixmaps: dict[str, QPixmap] = {}
        self.lamps: BuzzerLamps | None = None  # set while the buzzer test page may be shown
        self.vote_code: QPixmap | None = None  # set while the hall's voting page can be reached
        self.last_text_boxes: list[tuple[QRectF, QRectF]] = []
        self.last_texts: list[str] = []
        self.last_sizes: list[int] = []
        self._ticker = QTimer(self)
        self._ticker.setInterval(FRAME_MS)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self._clock_box: QRectF | None = None
        self._status_box: QRectF | None = None
        # A miniature of the stage window: the chart and bars pages are the stage's own widgets, shown here as
        # pictures of them (set by the console; None on the stage itself).
        self.page_source: Callable[[], QPixmap | None] | None = None

    @property
    def snapshot(self) -> PublicSnapshot | None:
        return self._snapshot

    @property
    def mode(self) -> str:
        return self._mode

    def show_snapshot(self, snapshot: PublicSnapshot, at_once: bool = False) -> None:
        """Show a new snapshot: on the next frame, or `at_once` (the stage: before anything else is done)."""
        previous, self._snapshot = self._snapshot, snapshot
        running = snapshot.clock is not None and snapshot.clock.deadline is not None
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running:
            self._ticker.stop()
        if not (at_once and self.isVisible()):
            self.update()
        elif self._status_box is not None and self._mode == "live" and only_the_status_row_changed(previous, snapshot):
            self.repaint(pixels_under(self._status_box))  # a lock: the winner shows in half a whole paint's time
        else:
            self.repaint()

    def _on_ticker_timeout(self) -> None:
        """Only the countdown moves between frames: repaint just its box, so each frame leaves the GUI thread free
        (for a buzzer press) within a millisecond or two instead of redrawing the whole stage."""
        if self._clock_box is None or self._mode != "live":
            self.update()
        else:
            self.update(pixels_under(self._clock_box))

    def set_mode(self, mode: str) -> None:
        """live | blackout | logo | teams | buzzers | award:N, and in a miniature also chart | bars"""
        self._mode = mode
        self.update()

    def lamps_changed(self) -> None:
        """A buzzer lamp lit: repaint now, and once more when it goes out."""
        if self._mode == "buzzers":
            self.update()
            QTimer.singleShot(int(LAMP_SECONDS * 1000) + 20, self.update)

    def set_zoom(self, scale: float, centre_x: float = 0.5, centre_y: float = 0.5) -> None:
        """Zoom the document image: scale 1 shows it whole; the centre is a fraction of its width and height."""
        self.zoom = (max(1.0, min(scale, 4.0)), min(max(centre_x, 0.0), 1.0), min(max(centre_y, 0.0), 1.0))
        self.update()

    def _image(self, path: str) -> QPixmap | None:
        if path not in self._pixmaps:
            self._pixmaps[path] = QPixmap(path)
        return self._pixmaps[path]

    def preload(self, paths: list[str]) -> None:
        for path in paths:
            self._image(path)

    def render_offscreen(self, snapshot: PublicSnapshot) -> None:
        """Paint a snapshot into a throw-away image of this size: fills the text cache, shows nothing."""
        self.picture(self.size(), self._now(), snapshot)

    def picture(self, size: QSize, now: int, snapshot: PublicSnapshot | None = None) -> QImage:
        """What this view shows (or would show of `snapshot`), painted at `size` at the moment `now`: the stage and
        its miniature, painted at one size and moment, must be the same picture."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        page = self.page_source() if self.page_source is not None and self._mode in PAGE_MODES else None
        if page is not None:
            painter.drawPixmap(image.rect(), page)
        else:
            frame = Frame(painter, QRectF(image.rect()), now, self._image, self.video, self.zoom, lamps=self.lamps,
                          vote_code=self.vote_code)
            paint_stage(frame, snapshot or self._snapshot, self._mode)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        picture = self.page_source() if self.page_source is not None and self._mode in PAGE_MODES else None
        if picture is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(self.rect(), picture)
            painter.end()
            return
        frame = Frame(painter, QRectF(self.rect()), self._now(), self._image, self.video, self.zoom, lamps=self.lamps,
                          vote_code=self.vote_code)
        paint_stage(frame, self._snapshot, self._mode)
        painter.end()
        self._clock_box = frame.clock_box
        self._status_box = frame.status_box
        self.last_text_boxes = frame.text_boxes
        self.last_texts = frame.texts
        self.last_sizes = frame.sizes


def pixels_under(box: QRectF) -> QRect:
    """The whole pixels under `box`, with a margin for antialiased edges."""
    return box.toAlignedRect().adjusted(-4, -4, 4, 4)
