"""The operator's controls: one big next-action button, the judging keys, and the inputs a round needs
(round_inputs.py). Illegal actions are disabled with the engine's reason on hover."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stageshow.app.next_action import next_action
from stageshow.domain import commands as c
from stageshow.domain.phases import Phase
from stageshow.reports.score_table import undo_label
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.console.confirm import ask
from stageshow.ui.console.fitted_button import FittedButton
from stageshow.ui.console.round_inputs import RoundInputs, action_button
from stageshow.ui.tr import tr

JUDGE_COMMANDS = {"action_correct": c.Verdict.CORRECT, "action_wrong": c.Verdict.WRONG,
                  "action_timeout": c.Verdict.TIMEOUT}


class Controls(QWidget):
    def __init__(self, bridge: ShowBridge, actions: dict[str, QAction]) -> None:
        super().__init__()
        self._bridge = bridge
        self._actions = actions
        layout = QVBoxLayout(self)
        self.primary = FittedButton()
        self.primary.setObjectName("primary_button")
        self.primary.setMinimumHeight(84)
        self.primary.clicked.connect(actions["action_primary"].trigger)
        layout.addWidget(self.primary)
        grid = QGridLayout()  # two rows of four: the console fits a 1024-pixel-wide laptop screen
        self.buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(("action_correct", "action_wrong", "action_timeout", "action_reveal",
                                      "action_undo", "action_pause", "action_add_time", "action_adjust")):
            button = action_button(actions[name])
            button.setMinimumHeight(52)
            self.buttons[name] = button
            grid.addWidget(button, index // 4, index % 4)
        layout.addLayout(grid)
        self.refusal = QLabel("")
        self.refusal.setObjectName("refusal_label")
        self.refusal.setStyleSheet("color:#C62828")
        self.refusal.setWordWrap(True)
        layout.addWidget(self.refusal)
        self.round_inputs = RoundInputs(bridge, actions)
        layout.addWidget(self.round_inputs)
        for name, verdict in JUDGE_COMMANDS.items():
            actions[name].triggered.connect(lambda _=False, v=verdict: self._bridge.submit(c.Judge(v)))
        actions["action_primary"].triggered.connect(self._on_primary_triggered)
        actions["action_reveal"].triggered.connect(lambda: self._bridge.submit(c.Reveal()))
        actions["action_undo"].triggered.connect(self._on_undo_triggered)
        actions["action_pause"].triggered.connect(self._on_pause_triggered)
        actions["action_add_time"].triggered.connect(lambda: self._bridge.submit(c.AddTime(Decimal(10))))
        bridge.command_refused.connect(self.refusal.setText)
        bridge.events_logged.connect(lambda _events: self.refusal.setText(""))  # a reason goes once the show moves on
        bridge.snapshot_changed.connect(self.refresh)
        self.refresh()

    # --- refresh ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        show, state = self._bridge.show, self._bridge.state
        action = next_action(show, state)
        key = self._actions["action_primary"].shortcut().toString()
        if action is None and show.awards:
            self.primary.setText(tr("颁奖（三等奖 → 一等奖）　[{key}]", key=key))
            self.primary.setEnabled(True)
        else:
            self.primary.setText(f"{action.label}　[{key}]" if action else tr("比赛已结束"))
            self.primary.setEnabled(bool(action and action.command))
        checks = {"action_reveal": c.Reveal(), "action_undo": c.Undo(), "action_add_time": c.AddTime(Decimal(10)),
                  **{name: c.Judge(verdict) for name, verdict in JUDGE_COMMANDS.items()}}
        for name, command in checks.items():
            reason = self._bridge.why_not(command)
            self.buttons[name].setEnabled(reason is None)
            self.buttons[name].setToolTip(reason or "")

    # --- slots ------------------------------------------------------------------------------------------------

    def _on_primary_triggered(self) -> None:
        action = next_action(self._bridge.show, self._bridge.state)
        if action and action.command and self._confirmed(action.command):
            self.refusal.setText("")
            self._bridge.submit(action.command)

    def _confirmed(self, command: c.Command) -> bool:
        """Closing a round (by starting the next), starting the tie-break and finishing the show cannot be undone:
        ask once."""
        if isinstance(command, c.Finish):
            text = tr("结束比赛并公布最终成绩？结束后不能再计分，也不能撤销。")
        elif isinstance(command, c.StartTiebreak):
            text = tr("开始加赛？各环节到此结束，之后不能再回到比赛环节。")
        elif isinstance(command, c.StartRound) and self._bridge.state.round is not None:
            round_ = self._bridge.show.round(command.round_id)
            text = tr("结束当前环节，开始“{round}”？之后不能再回到当前环节。",
                      round=round_.title if round_ else command.round_id)
        else:
            return True
        return ask(self, text)

    def _on_undo_triggered(self) -> None:
        """After the final standings an undo would reopen the show: never without a question naming what."""
        state = self._bridge.state
        if state.phase == Phase.FINISHED and state.undo_stack:
            what = undo_label(self._bridge.show, state.undo_stack[-1].label)
            if not ask(self, tr("比赛已经结束。撤销会重新打开比赛，撤回“{what}”，最终成绩和颁奖作废。确定撤销吗？",
                                what=what)):
                return
        self._bridge.submit(c.Undo())

    def _on_pause_triggered(self) -> None:
        countdown = self._bridge.state.countdown
        if countdown is not None and countdown.deadline is None:
            self._bridge.submit(c.ResumeClock())
        else:
            self._bridge.submit(c.PauseClock())
