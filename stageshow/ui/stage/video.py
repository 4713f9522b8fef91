"""A question's process video: decoded by QtMultimedia into frames the stage (and its miniature) paint.

Frames come through a QVideoSink rather than a QVideoWidget, so the stage keeps one painter and screenshots
show the video. A missing or broken file is reported once and the stage paints a placeholder; the show goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from stageshow.ui.tr import tr


class _Deck:
    """One player with its audio output and frame sink: the one on stage, or the standby that opens the next
    question's video (and decodes its first frame) while the hall still reads the current screen."""

    def __init__(self, owner: QObject) -> None:
        self.path: str | None = None
        self.image: QImage | None = None
        self.error: str | None = None
        self.player = QMediaPlayer(owner)
        self.audio = QAudioOutput(owner)
        self.player.setAudioOutput(self.audio)
        self.sink = QVideoSink(owner)
        self.player.setVideoSink(self.sink)

    def open(self, path: str | None) -> None:
        self.path, self.image, self.error = path, None, None
        self.player.stop()
        self.player.setSource(QUrl.fromLocalFile(path) if path else QUrl())
        if path:
            self.player.pause()  # decode the first frame, so the stage shows it before playing


class VideoSource(QObject):
    """Signals: frame_changed(), failed(str) with a message for the operator, playing_changed(bool)."""

    frame_changed = Signal()
    failed = Signal(str)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deck = _Deck(self)
        self._standby = _Deck(self)
        for deck in (self._deck, self._standby):
            deck.sink.videoFrameChanged.connect(lambda frame, deck=deck: self._on_deck_frame(deck, frame))
            deck.player.errorOccurred.connect(
                lambda _error, message, deck=deck: self._on_deck_error(deck, message))
            deck.player.playbackStateChanged.connect(lambda state, deck=deck: self._on_deck_state(deck, state))

    @property
    def path(self) -> str | None:
        return self._deck.path

    @property
    def image(self) -> QImage | None:
        return self._deck.image

    @property
    def error(self) -> str | None:
        return self._deck.error

    @property
    def position_ms(self) -> int:
        return int(self._deck.player.position())

    @property
    def duration_ms(self) -> int:
        return int(self._deck.player.duration())

    @property
    def playing(self) -> bool:
        return self._deck.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def load(self, path: str | None) -> None:
        """Put a question's video on stage (its first frame is shown, paused); None unloads."""
        if path == self._deck.path:
            return
        if path is not None and path == self._standby.path:  # opened in advance: swap it in, first frame ready
            self._deck.player.stop()
            self._standby.audio.setVolume(self._deck.audio.volume())
            self._deck, self._standby = self._standby, self._deck
            self._standby.open(None)
            if self._deck.error:
                self._report(self._deck)
            self.frame_changed.emit()
            return
        self._deck.open(path)
        self.frame_changed.emit()

    def preload(self, path: str | None) -> None:
        """Open the next question's video off stage, so that showing the question finds it ready."""
        if path is not None and path not in (self._deck.path, self._standby.path):
            self._standby.open(path)

    def play(self) -> None:
        if self._deck.path and not self._deck.error:
            self._deck.player.play()

    def pause(self) -> None:
        self._deck.player.pause()

    def replay(self) -> None:
        self.seek(0)
        self.play()

    def seek(self, seconds: float) -> None:
        self._deck.player.setPosition(int(seconds * 1000))

    def set_volume(self, volume: float) -> None:
        self._deck.audio.setVolume(volume)
        self._standby.audio.setVolume(volume)

    def _on_deck_frame(self, deck: _Deck, frame: QVideoFrame) -> None:
        if frame.isValid():
            deck.image = frame.toImage()
            if deck is self._deck:
                self.frame_changed.emit()

    def _on_deck_error(self, deck: _Deck, message: str) -> None:
        deck.error = message or tr("无法播放")
        if deck is self._deck:  # a standby's failure is reported when its question is shown
            self._report(deck)

    def _on_deck_state(self, deck: _Deck, state: QMediaPlayer.PlaybackState) -> None:
        if deck is self._deck:
            self.playing_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState)

    def _report(self, deck: _Deck) -> None:
        self.failed.emit(tr("视频无法播放：{path}（{error}）", path=deck.path, error=deck.error))
        self.frame_changed.emit()
