"""The inputs particular rounds need, each on a key as well as a button: a risk team's tier or pass (Ctrl+1…3,
Ctrl+0), the errors a team found (Ctrl+F), the judges' scores (Ctrl+E), the audience's votes (Ctrl+U), the phones'
voting opened and closed (Ctrl+G) and a judge's sheet unlocked (Ctrl+K). What is typed goes into a focused entry
that closes on Enter or Esc; nothing here keeps the keyboard's focus."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from stageshow.app import entries
from stageshow.domain import commands as c
from stageshow.domain.model import RiskRules, RoundKind
from stageshow.domain.phases import Phase
from stageshow.domain.points import format_points
from stageshow.ui.actions import TIER_ACTIONS
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.console.entry_dialog import EntryDialog
from stageshow.ui.tr import tr


def action_button(action: QAction, text: str | None = None) -> QPushButton:
    """A button that triggers `action` and shows its key (and follows a rebinding). It never takes the focus:
    Space belongs to the next action, never to a focused button."""
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(action.trigger)

    def label() -> None:
        button.setText(f"{text or action.text()}\n{action.shortcut().toString()}")
        button.setEnabled(action.isEnabled())

    action.changed.connect(label)
    label()
    return button


class RoundInputs(QWidget):
    def __init__(self, bridge: ShowBridge, actions: dict[str, QAction]) -> None:
        super().__init__()
        self._bridge = bridge
        self._actions = actions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.risk_box = self._risk_inputs()
        self.correction_box = self._correction_inputs()
        self.judged_box = self._judged_inputs()
        for box in (self.risk_box, self.correction_box, self.judged_box):
            layout.addWidget(box)
        actions["action_pass"].triggered.connect(self._on_pass_triggered)
        actions["action_found"].triggered.connect(self.open_found_entry)
        actions["action_panel"].triggered.connect(self.open_panel_entry)
        actions["action_votes"].triggered.connect(self.open_votes_entry)
        actions["action_voting"].triggered.connect(self._on_voting_triggered)
        actions["action_unlock"].triggered.connect(self.open_unlock_entry)
        bridge.snapshot_changed.connect(self.refresh)
        self.refresh()

    # --- the boxes ------------------------------------------------------------------------------------------

    def _risk_inputs(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.risk_label = QLabel("")
        self.risk_label.setWordWrap(True)  # a long team name wraps instead of widening the console
        column.addWidget(self.risk_label)
        row = QHBoxLayout()
        column.addLayout(row)
        rules = [r.rules for r in self._bridge.show.rounds if isinstance(r.rules, RiskRules)]
        self.tiers = sorted({tier for rule in rules for tier in rule.tiers})[:len(TIER_ACTIONS)]
        for tier, name in zip(self.tiers, TIER_ACTIONS, strict=False):
            self._actions[name].triggered.connect(lambda _=False, t=tier: self._choose(t))
            row.addWidget(action_button(self._actions[name], tr("{tier} 分", tier=tier)))
        row.addWidget(action_button(self._actions["action_pass"], tr("放弃")))
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
        layout.addWidget(action_button(self._actions["action_found"], tr("记录找到的错误…")))
        return box

    def _judged_inputs(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.judged_label = QLabel("")
        self.judged_label.setWordWrap(True)
        layout.addWidget(self.judged_label)
        for names in (("action_panel", "action_unlock"), ("action_voting", "action_votes")):
            row = QHBoxLayout()
            for name in names:
                row.addWidget(action_button(self._actions[name]))
            layout.addLayout(row)
        return box

    # --- refresh ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        show, state = self._bridge.show, self._bridge.state
        kind = show.round(state.round.round_id).kind if state.round else None
        turn_team = self._turn_team()
        in_risk = kind == RoundKind.RISK and state.phase in (Phase.ROUND_READY, Phase.QUESTION_DONE) \
            and turn_team is not None
        self.risk_box.setVisible(in_risk)
        used = state.round.tiers_used.get(turn_team, []) if in_risk and state.round else []
        for tier, name in zip(self.tiers, TIER_ACTIONS, strict=False):
            self._actions[name].setEnabled(in_risk and tier not in used)
        self._actions["action_pass"].setEnabled(in_risk)
        if in_risk:
            team = show.team(turn_team)
            self.risk_label.setText(tr("{team} 选择：", team=team.name if team else ""))
        in_correction = kind == RoundKind.CORRECTION and state.question is not None and state.phase in (
            Phase.PRESENTED, Phase.ANSWERING)
        self.correction_box.setVisible(in_correction)
        self._actions["action_found"].setEnabled(in_correction)
        if in_correction:
            self._fill_error_list()
        judged = kind == RoundKind.JUDGED
        self.judged_box.setVisible(judged)
        performing = self._next_to_score()
        counting = judged and state.round is not None and not state.round.votes_done
        self._actions["action_panel"].setEnabled(judged and performing is not None)
        self._actions["action_unlock"].setEnabled(judged and performing is not None
                                                  and bool(state.round.sheets.get(performing)))
        self._actions["action_votes"].setEnabled(counting and state.round.voting != "open")
        self._actions["action_voting"].setEnabled(counting)
        if judged and state.round is not None:
            self.judged_label.setText(self._judged_words(performing))

    def _judged_words(self, performing: str | None) -> str:
        """Who is scored now and which judges have scored it (from their tablets or typed), and the voting."""
        round_state = self._bridge.state.round
        judges = self._bridge.show.round(round_state.round_id).rules.judges
        if performing is None:
            line = tr("各组评委评分已全部录入")
        else:
            waiting = [team.seat for team in self._bridge.show.teams if team.id not in round_state.paneled]
            given = sorted(round_state.sheets.get(performing, {}))
            line = tr("待评分：{seats}", seats=" ".join(map(str, waiting))) + "\n" + tr(
                "正在评分：{team}　已评 {count}/{judges}：{given}", team=self._team_name(performing), count=len(given),
                judges=judges, given=" ".join(f"{n}号" for n in given) or "—")
        if round_state.voting == "open":
            line += "\n" + tr("手机投票进行中：已收 {count} 票（Ctrl+G 结束）", count=len(round_state.ballots))
        elif round_state.votes_done:
            line += "\n" + tr("投票已计入：共 {count} 票", count=sum(round_state.votes.values()))
        return line

    def _fill_error_list(self) -> None:
        state = self._bridge.state
        question = self._bridge.show.question(state.question.question_id)
        if self.error_list.property("qid") == question.id:
            return
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

    # --- the entries --------------------------------------------------------------------------------------------

    def open_found_entry(self) -> None:
        planted = self.error_list.count()
        text = " ".join(map(str, self.checked_errors()))
        team = self._team_name(self._bridge.state.question.team) if self._bridge.state.question else ""
        EntryDialog(self, tr("录入找到的错误"), tr("{team} 找到了第几处错误？（共 {count} 处）", team=team, count=planted),
                    tr("如 1 3；没有找到写 无；另有误报写 误报2"), self._submit_found, text).exec()

    def open_panel_entry(self) -> None:
        team = self._next_to_score()
        judges = self._bridge.show.round(self._bridge.state.round.round_id).rules.judges
        given = self._bridge.state.round.sheets.get(team, {}) if team else {}
        typed = " ".join(format_points(sum(given[n], Decimal(0))) if n in given else "?" for n in range(1, judges + 1))
        EntryDialog(self, tr("录入评委评分"), tr("{team} 的评委评分（{judges} 位评委）；为其他组评分请先写座号，如 4: 90 92 …",
                                               team=self._team_name(team), judges=judges),
                    tr("如 90 92 88 95 91"), lambda text: self._submit_panel(text, team),
                    typed if given else "").exec()

    def open_unlock_entry(self) -> None:
        team = self._next_to_score()
        if team is None:
            return
        prompt = tr("{team}：解锁哪位评委的评分？写评委号和原因", team=self._team_name(team))
        EntryDialog(self, tr("解锁评委评分"), prompt,
                    tr("如 2 评委按错了分数"), lambda text: self._submit_unlock(text, team)).exec()

    def _submit_unlock(self, text: str, team: str) -> str | None:
        number, _, reason = text.strip().partition(" ")
        if not number.isdigit() or not reason.strip():
            return tr("请写评委号和原因，如 2 评委按错了分数")
        return self._submit(c.Unlock(team, int(number), reason.strip()))

    def _on_voting_triggered(self) -> None:
        round_state = self._bridge.state.round
        self._bridge.submit(c.CloseVoting() if round_state is not None and round_state.voting == "open"
                            else c.OpenVoting())

    def open_votes_entry(self) -> None:
        EntryDialog(self, tr("录入大众评委投票"), tr("各组得票：座号:票数，或按座号顺序写每组票数"),
                    tr("如 1:12 2:8 3:5"), self._submit_votes).exec()

    def _submit_found(self, text: str) -> str | None:
        try:
            found, claims = entries.found(text, self.error_list.count())
        except entries.EntryError as problem:
            return str(problem)
        commands: list[c.Command] = [found, c.Claims(claims)] if claims else [found]
        return self._submit(*commands)

    def _submit_panel(self, text: str, team: str | None) -> str | None:
        try:
            return self._submit(entries.panel(self._bridge.show, text, team))
        except entries.EntryError as problem:
            return str(problem)

    def _submit_votes(self, text: str) -> str | None:
        try:
            return self._submit(entries.votes(self._bridge.show, text))
        except entries.EntryError as problem:
            return str(problem)

    def _submit(self, *commands: c.Command) -> str | None:
        """Submit in order; the engine's reason if the first is refused (the rest are then not sent)."""
        for command in commands:
            reason = self._bridge.why_not(command)
            if reason is not None:
                return reason
            self._bridge.submit(command)
        return None

    # --- helpers --------------------------------------------------------------------------------------------

    def _turn_team(self) -> str | None:
        round_state = self._bridge.state.round
        if round_state is None or round_state.turn >= len(round_state.turns):
            return None
        return round_state.turns[round_state.turn]

    def _next_to_score(self) -> str | None:
        """The first team in seat order the judges have not scored yet."""
        round_state = self._bridge.state.round
        return next((team.id for team in self._bridge.show.teams
                     if round_state is not None and team.id not in round_state.paneled), None)

    def _team_name(self, team_id: str | None) -> str:
        team = self._bridge.show.team(team_id) if team_id else None
        return f"{team.seat} {team.name}" if team else ""

    def _choose(self, tier: Decimal) -> None:
        team = self._turn_team()
        if team:
            self._bridge.submit(c.Choose(team, tier))

    def _on_pass_triggered(self) -> None:
        team = self._turn_team()
        if team:
            self._bridge.submit(c.Pass(team))
