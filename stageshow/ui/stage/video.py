"""A question's process video: decoded by QtMultimedia into frames the stage (and its miniature) paint.

Frames come through a QVideoSink rather than a QVideoWidget, so the stage keeps one painter and screenshots
show the video. A missing or broken file is reported once and the stage paints a placeholder; the show goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from stageshow.ui.tr import tr


class VideoSource(QObject):
    """Signals: frame_changed(), failed(str) with a message for the operator, playing_changed(bool)."""

    frame_changed = Signal()
    failed = Signal(str)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.image: QImage | None = None
        self.error: str | None = None
        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self._sink = QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_sink_video_frame_changed)
        self._player.errorOccurred.connect(self._on_player_error_occurred)
        self._player.playbackStateChanged.connect(
            lambda state: self.playing_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState))

    @property
    def position_ms(self) -> int:
        return int(self._player.position())

    @property
    def duration_ms(self) -> int:
        return int(self._player.duration())

    @property
    def playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def load(self, path: str | None) -> None:
        """Prepare a video before its question is shown; None unloads."""
        if path == self.path:
            return
        self.path, self.image, self.error = path, None, None
        self._player.stop()
        self._player.setSource(QUrl.fromLocalFile(path) if path else QUrl())
        if path:
            self._player.pause()  # decode the first frame so the stage shows it before playing

    def play(self) -> None:
        if self.path and not self.error:
            self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def replay(self) -> None:
        self.seek(0)
        self.play()

    def seek(self, seconds: float) -> None:
        self._player.setPosition(int(seconds * 1000))

    def set_volume(self, volume: float) -> None:
        self._audio.setVolume(volume)

    def _on_sink_video_frame_changed(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.image = frame.toImage()
            self.frame_changed.emit()

    def _on_player_error_occurred(self, _error: QMediaPlayer.Error, message: str) -> None:
        self.error = message or tr("无法播放")
        self.failed.emit(tr("视频无法播放：{path}（{error}）", path=self.path, error=self.error))
        self.frame_changed.emit()
