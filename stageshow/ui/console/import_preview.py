"""A question from a bank being imported, painted as the stage will show it when presented, on a stage of the
projector's shape: the same engine and painter as the show, on a one-question show. (The answer is for the
operator's card beside it: on the stage it comes only after a verdict.)"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPixmap

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.domain.model import (
    CompulsoryRules,
    CorrectionRules,
    Question,
    QuestionType,
    Round,
    RoundKind,
    Show,
    Team,
)
from stageshow.ui.stage.frame import Frame
from stageshow.ui.stage.painter import paint_stage

CORRECTION_TYPES = (QuestionType.DOCUMENT, QuestionType.PROCESS)


def stage_picture(question: Question, width: int, height: int) -> QImage:
    """The stage with `question` just presented, `width`×`height` pixels."""
    correction = question.type in CORRECTION_TYPES
    round_ = Round("R1", RoundKind.CORRECTION if correction else RoundKind.COMPULSORY, question.pool, question.pool,
                   CorrectionRules(per_team=1) if correction else CompulsoryRules(per_team=1))
    show = Show(title="", teams=(Team("T01", "答题队伍", 1),), rounds=(round_,), questions=(question,))
    engine = Engine(show)
    for step in (c.StartRound("R1"), c.Next()):
        engine.handle(step, 0)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_stage(Frame(painter, QRectF(image.rect()), 0, _picture), public_snapshot(show, engine.state))
    painter.end()
    return image


def _picture(path: str) -> QPixmap | None:
    pixmap = QPixmap(path)
    return None if pixmap.isNull() else pixmap
