"""Rebind the host's hotkeys: one key field per action; a key given twice is refused; the result is saved."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QKeySequenceEdit, QLabel, QVBoxLayout, QWidget

from stageshow.ui.actions import SPECS, rebind
from stageshow.ui.tr import tr


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(tr("快捷键设置"))
        self._actions = actions
        self._settings = settings
        self.fields: dict[str, QKeySequenceEdit] = {}
        form = QFormLayout()
        for spec in SPECS:
            field = QKeySequenceEdit(actions[spec.name].shortcut())
            field.setMaximumSequenceLength(1)
            field.setObjectName(f"key_{spec.name}")
            self.fields[spec.name] = field
            form.addRow(tr("{label}（默认 {key}）", label=tr(spec.label), key=spec.key), field)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #C62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("点击一项后按下新的按键。抢答器用的键请不要设为快捷键。")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        for spec in SPECS:
            self.fields[spec.name].setKeySequence(QKeySequence(spec.key))

    def accept(self) -> None:
        """Save, unless two actions share a key or one has none."""
        keys: dict[str, str] = {}
        for spec in SPECS:
            key = self.fields[spec.name].keySequence().toString()
            if not key:
                self.problem.setText(tr("“{label}”没有按键", label=tr(spec.label)))
                return
            if key in keys:
                self.problem.setText(tr("按键 {key} 同时用于“{first}”和“{second}”，请换一个", key=key,
                                        first=tr(keys[key]), second=tr(spec.label)))
                return
            keys[key] = spec.label
        for spec in SPECS:
            rebind(self._actions[spec.name], self.fields[spec.name].keySequence().toString(), self._settings)
        super().accept()
