"""The mapping wizard: "请第1组按下抢答器" for every seat in turn; it learns the first free button pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stageshow.devices.buttons import RawPress
from stageshow.devices.mapping import MappingWizard
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.tr import tr


class MappingWizardDialog(QDialog):
    def __init__(self, hub: BuzzerHub, reserved_keys: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buzzer_wizard")
        self.setWindowTitle(tr("设置抢答器"))
        self._hub = hub
        self.wizard = MappingWizard(hub.mapping.teams, reserved_keys)
        self.prompt = QLabel()
        self.prompt.setObjectName("wizard_prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setStyleSheet("font-size: 26px; font-weight: bold; padding: 16px;")
        self.feedback = QLabel(tr("请依次按下各组的抢答器按钮（键盘抢答器按对应的键）。"))
        self.feedback.setObjectName("wizard_feedback")
        self.feedback.setWordWrap(True)
        self.learned_list = QListWidget()
        self._skip = QPushButton(tr("跳过本组"))
        self._back = QPushButton(tr("上一组"))
        self._save = QPushButton(tr("保存"))
        cancel = QPushButton(tr("取消"))
        for button in (self._skip, self._back, self._save, cancel):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # every key on the keyboard may be someone's buzzer
        self._skip.clicked.connect(self._on_skip_clicked)
        self._back.clicked.connect(self._on_back_clicked)
        self._save.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self._back, self._skip):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.feedback)
        layout.addWidget(self.learned_list, 1)
        layout.addLayout(buttons)
        self.resize(560, 460)
        hub.capture = self.offer
        self.finished.connect(self._on_finished)
        self._refresh()

    def offer(self, press: RawPress) -> None:
        team = self.wizard.current
        outcome = self.wizard.offer(press.button)
        if outcome.accepted and team is not None:
            self.feedback.setText(tr("第{seat}组 已设为 {button}", seat=team.seat, button=press.button.label))
        elif outcome.reserved:
            self.feedback.setText(tr("{button} 是主持人快捷键，不能用作抢答器，请换一个按键",
                                     button=press.button.label))
        elif outcome.taken_by is not None:
            self.feedback.setText(tr("{button} 已分配给第{seat}组，请按本组自己的抢答器", button=press.button.label,
                                          seat=outcome.taken_by))
        self._refresh()

    def _on_skip_clicked(self) -> None:
        self.wizard.skip()
        self._refresh()

    def _on_back_clicked(self) -> None:
        self.wizard.back()
        self._refresh()

    def _refresh(self) -> None:
        team = self.wizard.current
        total = len(self.wizard.teams)
        if team is None:
            self.prompt.setText(tr("全部设置完成，请保存"))
        else:
            self.prompt.setText(tr("请第{seat}组（{name}）按下抢答器", seat=team.seat, name=team.name)
                                + f"\n{self.wizard.position + 1} / {total}")
        self.learned_list.clear()
        for seat_team in self.wizard.teams:
            button = self.wizard.learned.get(seat_team.seat)
            fallback = (tr("键盘 {key}（比赛文件默认）", key=seat_team.buzzer_key) if seat_team.buzzer_key
                        else tr("未设置"))
            self.learned_list.addItem(tr("第{seat}组 {name}：{button}", seat=seat_team.seat, name=seat_team.name,
                                         button=button.label if button else fallback))
        self._skip.setEnabled(team is not None)
        self._back.setEnabled(self.wizard.position > 0)
        self._save.setEnabled(self.wizard.done)
        self._save.setDefault(self.wizard.done)

    def _on_finished(self, result: int) -> None:
        self._hub.capture = None
        if result != QDialog.DialogCode.Accepted:
            return
        try:
            self._hub.set_learned(self.wizard.learned)
        except OSError as exc:  # a read-only or full disk: say so; the buttons work until the app closes
            QMessageBox.warning(self.parentWidget(), tr("抢答器设置"), tr(
                "抢答器设置无法保存到 {path}（{error}）。本次运行中已生效，下次启动需重新设置。",
                path=self._hub.mapping_file, error=exc))
