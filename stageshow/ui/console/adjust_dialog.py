"""Adjust a team's score: the chief judge's ruling, with a reason that is required and recorded."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWidget

from stageshow.domain import commands as c
from stageshow.domain.model import Show
from stageshow.ui.tr import tr


class AdjustDialog(QDialog):
    def __init__(self, show: Show, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("调整分数"))
        form = QFormLayout(self)
        self.team = QComboBox()
        for team in show.teams:
            self.team.addItem(f"{team.seat} {team.name}", team.id)
        self.points = QDoubleSpinBox()
        self.points.setRange(-1000, 1000)
        self.points.setDecimals(2)
        self.points.setSingleStep(5)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("必填，如：场外提示，经裁判长裁定扣分"))
        form.addRow(tr("队伍"), self.team)
        form.addRow(tr("分数（负数为扣分）"), self.points)
        form.addRow(tr("原因"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def command(self) -> c.Adjust:
        return c.Adjust(self.team.currentData(), Decimal(str(round(self.points.value(), 2))), self.reason.text())

    def _on_accepted(self) -> None:
        if self.reason.text().strip() and self.points.value() != 0:
            self.accept()
        else:
            self.reason.setFocus()
            self.reason.setPlaceholderText(tr("请填写原因，分数不能为 0"))
