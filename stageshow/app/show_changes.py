"""What changed in a show's files since its run started, and which of those changes the run can take.

A change to what has not been presented yet (a typo, an explanation, a question not yet drawn, a round not yet
started, a team's name) is taken: the run goes on with the edited files. A change to what already happened (a team
removed, rounds reordered, a presented question's answer, a started round's rules) is refused: the scores so far were
earned under the stored version, and only the operator can choose between it and a new show.

Each change is a message code with its parameters (rendered in the reader's language, and stored in the log as is).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stageshow.domain.model import Question, Show
from stageshow.domain.phases import Phase
from stageshow.domain.state import ShowState
from stageshow.i18n import render

Change = dict[str, Any]  # {"code": message code, **its parameters}

# What decided a presented question's points: changing one of these rewrites what already happened.
SCORING_FIELDS = ("type", "options", "answer", "points", "tier", "time_limit")
TEAM_DETAILS = ("name", "short", "members", "color", "buzzer_key")
SHOWN_AT_ONCE = 8  # ids named in one line before "… and N more"


@dataclass
class ShowChanges:
    taken: list[Change] = field(default_factory=list)
    refused: list[Change] = field(default_factory=list)


def describe(change: Change) -> str:
    return render(change["code"], **{key: value for key, value in change.items() if key != "code"})


def compare(stored: Show, edited: Show, state: ShowState) -> ShowChanges:
    """The changes from `stored` to `edited`, sorted into taken and refused by what `state` has already seen."""
    changes = ShowChanges()
    _compare_show(stored, edited, state, changes)
    _compare_teams(stored, edited, changes)
    _compare_rounds(stored, edited, state, changes)
    _compare_questions(stored, edited, state, changes)
    return changes


def _compare_show(stored: Show, edited: Show, state: ShowState, changes: ShowChanges) -> None:
    if (stored.title, stored.subtitle) != (edited.title, edited.subtitle):
        changes.taken.append({"code": "change_title", "title": edited.title})
    if stored.extras != edited.extras:
        changes.taken.append({"code": "change_look"})
    if stored.base_score != edited.base_score:
        changes.refused.append({"code": "refuse_base_score", "old": str(stored.base_score),
                                "new": str(edited.base_score)})
    if stored.tiebreak_pool != edited.tiebreak_pool:
        target = changes.refused if state.tiebreak is not None else changes.taken
        target.append({"code": "change_tiebreak_pool", "pool": edited.tiebreak_pool or "—"})
    if stored.awards != edited.awards:
        target = changes.refused if state.phase == Phase.FINISHED else changes.taken
        target.append({"code": "change_awards"})


def _compare_teams(stored: Show, edited: Show, changes: ShowChanges) -> None:
    old_ids = [team.id for team in stored.teams]
    new_ids = [team.id for team in edited.teams]
    for team in stored.teams:
        if team.id not in new_ids:
            changes.refused.append({"code": "refuse_team_removed", "team": f"{team.id} {team.name}"})
    for team in edited.teams:
        if team.id not in old_ids:
            changes.refused.append({"code": "refuse_team_added", "team": f"{team.id} {team.name}"})
    if set(old_ids) == set(new_ids) and old_ids != new_ids:
        changes.refused.append({"code": "refuse_team_order"})
    renamed = [team.id for team in edited.teams if (old := stored.team(team.id)) is not None
               and any(getattr(old, name) != getattr(team, name) for name in TEAM_DETAILS)]
    if renamed:
        changes.taken.append({"code": "change_team_details", "teams": _listed(renamed)})


def _compare_rounds(stored: Show, edited: Show, state: ShowState, changes: ShowChanges) -> None:
    started = list(state.rounds_started)
    new_ids = [round_.id for round_ in edited.rounds]
    for round_id in started:
        old, new = stored.round(round_id), edited.round(round_id)
        if old is None:
            continue
        if new is None:
            changes.refused.append({"code": "refuse_round_removed", "round": old.title})
        elif (old.kind, old.rules, old.pool) != (new.kind, new.rules, new.pool):
            changes.refused.append({"code": "refuse_round_rules", "round": old.title})
        elif old.title != new.title:
            changes.taken.append({"code": "change_round_title", "round": new.title})
    if all(edited.round(round_id) for round_id in started) and new_ids[:len(started)] != started:
        changes.refused.append({"code": "refuse_round_order"})
    ahead_old = [round_ for round_ in stored.rounds if round_.id not in started]
    ahead_new = [round_ for round_ in edited.rounds if round_.id not in started]
    if ahead_old != ahead_new:
        changes.taken.append({"code": "change_rounds_ahead",
                              "rounds": "、".join(round_.title for round_ in ahead_new) or "—"})


def _compare_questions(stored: Show, edited: Show, state: ShowState, changes: ShowChanges) -> None:
    old = {question.id: question for question in stored.questions}
    new = {question.id: question for question in edited.questions}
    added = [qid for qid in new if qid not in old]
    dropped = [qid for qid in old if qid not in new and qid not in state.used]
    unused_edits = [qid for qid in new if qid in old and qid not in state.used and old[qid] != new[qid]]
    presented_text = []
    for qid in sorted(state.used):
        if qid not in old:
            continue
        if qid not in new:
            changes.refused.append({"code": "refuse_question_removed", "question": qid})
            continue
        scoring = _scoring_differences(old[qid], new[qid])
        if scoring:
            changes.refused.append({"code": "refuse_question_scoring", "question": qid, "fields": scoring})
        elif old[qid] != new[qid]:
            presented_text.append(qid)
    for code, ids in (("change_questions_added", added), ("change_questions_dropped", dropped),
                      ("change_questions_edited", unused_edits), ("change_presented_text", presented_text)):
        if ids:
            changes.taken.append({"code": code, "questions": _listed(ids), "count": len(ids)})


def _scoring_differences(old: Question, new: Question) -> str:
    names = [name for name in SCORING_FIELDS if getattr(old, name) != getattr(new, name)]
    if len(old.errors) != len(new.errors):
        names.append("errors")
    return "、".join(render(f"scoring_{name}") for name in names)


def _listed(ids: list[str]) -> str:
    if len(ids) <= SHOWN_AT_ONCE:
        return "、".join(ids)
    return render("and_more", items="、".join(ids[:SHOWN_AT_ONCE]), count=len(ids))
