"""The operator's controls: one big next-action button, the judging keys, and the inputs a round needs
(risk tiers, errors found, judges' scores). Illegal actions are disabled with the engine's reason on hover."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stageshow.app.next_action import next_action
from stageshow.domain import commands as c
from stageshow.domain.model import RiskRules, RoundKind
from stageshow.domain.phases import Phase
from stageshow.ui.bridge import ShowBridge
from stageshow.reports.score_table import undo_label
from stageshow.ui.console.confirm import ask
from stageshow.ui.console.fitted_button import FittedButton
from stageshow.ui.tr import tr

JUDGE_COMMANDS = {"action_correct": c.Verdict.CORRECT, "action_wrong": c.Verdict.WRONG,
                  "action_timeout": c.Verdict.TIMEOUT}


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the next action, never to a focused button
    return button


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
            action = actions[name]
            button = _button("")
            action.changed.connect(lambda button=button, action=action: _label(button, action))  # rebound keys
            _label(button, action)
            button.setMinimumHeight(52)
            button.clicked.connect(action.trigger)
            self.buttons[name] = button
            grid.addWidget(button, index // 4, index % 4)
        layout.addLayout(grid)
        self.refusal = QLabel("")
        self.refusal.setObjectName("refusal_label")
        self.refusal.setStyleSheet("color:#C62828")
        self.refusal.setWordWrap(True)
        layout.addWidget(self.refusal)
        self.risk_row = self._risk_inputs()
        layout.addWidget(self.risk_row)
        self.correction_box = self._correction_inputs()
        layout.addWidget(self.correction_box)
        self.judged_box = self._judged_inputs()
        layout.addWidget(self.judged_box)
        for name, verdict in JUDGE_COMMANDS.items():
            actions[name].triggered.connect(lambda _=False, v=verdict: self._bridge.submit(c.Judge(v)))
        actions["action_primary"].triggered.connect(self._on_primary_triggered)
        actions["action_reveal"].triggered.connect(lambda: self._bridge.submit(c.Reveal()))
        actions["action_undo"].triggered.connect(self._on_undo_triggered)
        actions["action_pause"].triggered.connect(self._on_pause_triggered)
        actions["action_add_time"].triggered.connect(lambda: self._bridge.submit(c.AddTime(Decimal(10))))
        bridge.command_refused.connect(self.refusal.setText)
        bridge.snapshot_changed.connect(self.refresh)
        self.refresh()

    # --- round-specific inputs ------------------------------------------------------------------------------

    def _risk_inputs(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.risk_label = QLabel("")
        self.risk_label.setWordWrap(True)  # a long team name wraps instead of widening the console
        column.addWidget(self.risk_label)
        row = QHBoxLayout()
        column.addLayout(row)
        self.tier_buttons: list[QPushButton] = []
        rounds = self._bridge.show.rounds
        tiers = sorted({tier for r in rounds if isinstance(r.rules, RiskRules) for tier in r.rules.tiers})
        for tier in tiers:
            button = _button(tr("{tier} 分", tier=tier))
            button.clicked.connect(lambda _=False, t=tier: self._choose(t))
            self.tier_buttons.append(button)
            row.addWidget(button)
        self.pass_button = _button(tr("放弃"))
        self.pass_button.clicked.connect(lambda: self._turn_team() and self._bridge.submit(c.Pass(self._turn_team())))
        row.addWidget(self.pass_button)
        return box

    def _correction_inputs(self) -> QWidget:
        """The planted errors as a checklist that scrolls (a long error text never widens the console)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error_list = QListWidget()
        self.error_list.setObjectName("error_checklist")
        self.error_list.setWordWrap(True)
        self.error_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error_list.setMaximumHeight(120)
        layout.addWidget(self.error_list)
        row = QHBoxLayout()
        self.claims_spin = QSpinBox()
        self.claims_spin.setPrefix(tr("误报 "))
        self.found_button = _button(tr("记录找到的错误"))
        self.found_button.clicked.connect(self._on_found_clicked)
        row.addWidget(self.claims_spin)
        row.addWidget(self.found_button, 1)
        layout.addLayout(row)
        return box

    def _judged_inputs(self) -> QWidget:
        """Two rows, not one: the fields take the width there is and never widen the console."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.panel_team = QComboBox()
        self.panel_team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.panel_team.setMinimumContentsLength(6)
        for team in self._bridge.show.teams:
            self.panel_team.addItem(team.name, team.id)
        self.panel_scores = QLineEdit()
        self.panel_scores.setPlaceholderText(tr("评委分数，用空格分隔，如 90 92 88 95 91"))
        panel_button = _button(tr("录入评分"))
        panel_button.clicked.connect(self._on_panel_clicked)
        self.votes_edit = QLineEdit()
        self.votes_edit.setPlaceholderText(tr("投票，如 T01:12 T02:8"))
        votes_button = _button(tr("录入投票"))
        votes_button.clicked.connect(self._on_votes_clicked)
        for edit in (self.panel_scores, self.votes_edit):
            edit.setMinimumWidth(120)
        grid.addWidget(self.panel_team, 0, 0)
        grid.addWidget(self.panel_scores, 0, 1)
        grid.addWidget(panel_button, 0, 2)
        grid.addWidget(self.votes_edit, 1, 0, 1, 2)
        grid.addWidget(votes_button, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

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
        kind = show.round(state.round.round_id).kind if state.round else None
        in_risk = kind == RoundKind.RISK and state.phase in (Phase.ROUND_READY, Phase.QUESTION_DONE)
        self.risk_row.setVisible(in_risk and self._turn_team() is not None)
        if in_risk and self._turn_team():
            team = show.team(self._turn_team())
            used = state.round.tiers_used.get(self._turn_team(), []) if state.round else []
            self.risk_label.setText(tr("{team} 选择：", team=team.name if team else ""))
            for button in self.tier_buttons:
                tier = Decimal(button.text().split()[0])
                button.setEnabled(tier not in used)
        self._refresh_correction(kind)
        self.judged_box.setVisible(kind == RoundKind.JUDGED)

    def _refresh_correction(self, kind: str | None) -> None:
        state = self._bridge.state
        visible = kind == RoundKind.CORRECTION and state.question is not None and state.phase in (
            Phase.PRESENTED, Phase.ANSWERING)
        self.correction_box.setVisible(visible)
        if not visible:
            return
        question = self._bridge.show.question(state.question.question_id)
        if self.error_list.property("qid") != question.id:
            self.error_list.clear()
            for n, error in enumerate(question.errors, 1):
                item = QListWidgetItem(f"{n}. {error.text}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.error_list.addItem(item)
            self.error_list.setProperty("qid", question.id)

    def checked_errors(self) -> tuple[int, ...]:
        """The planted errors ticked as found, numbered from 1."""
        return tuple(row + 1 for row in range(self.error_list.count())
                     if self.error_list.item(row).checkState() == Qt.CheckState.Checked)

    # --- slots ------------------------------------------------------------------------------------------------

    def _turn_team(self) -> str | None:
        round_state = self._bridge.state.round
        if round_state is None or round_state.turn >= len(round_state.turns):
            return None
        return round_state.turns[round_state.turn]

    def _choose(self, tier: Decimal) -> None:
        team = self._turn_team()
        if team:
            self._bridge.submit(c.Choose(team, tier))

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

    def _on_found_clicked(self) -> None:
        if self._bridge.submit(c.Found(self.checked_errors())) and self.claims_spin.value():
            self._bridge.submit(c.Claims(self.claims_spin.value()))

    def _on_panel_clicked(self) -> None:
        try:
            scores = tuple(Decimal(part) for part in self.panel_scores.text().replace(",", " ").split())
        except InvalidOperation:
            self.refusal.setText(tr("评委分数应为数字"))
            return
        if self._bridge.submit(c.Panel(self.panel_team.currentData(), scores)):
            self.panel_scores.clear()

    def _on_votes_clicked(self) -> None:
        votes: dict[str, int] = {}
        for part in self.votes_edit.text().replace("，", " ").split():
            team, _, count = part.partition(":")
            if not count.isdigit():
                self.refusal.setText(tr("投票格式：T01:12 T02:8"))
                return
            votes[team] = int(count)
        self._bridge.submit(c.Votes(votes))


def _label(button: QPushButton, action: QAction) -> None:
    button.setText(f"{action.text()}\n{action.shortcut().toString()}")
