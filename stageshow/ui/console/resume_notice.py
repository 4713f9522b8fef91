"""The blue notice of a reopened show: when its last record was written, that its clock and buzzers wait, and the
edits to its files it took."""

from __future__ import annotations

from stageshow.app.session import ShowSession
from stageshow.ui.tr import tr


def resume_notice(session: ShowSession, paused: bool, continue_key: str) -> str:
    stopped = session.resumed_from.strftime("%H:%M:%S") if session.resumed_from else "?"
    text = tr("比赛已从中断处恢复：最后一条记录写于 {time}，已载入全部 {count} 条记录。", time=stopped,
              count=session.committed_seq)
    if paused:
        text += tr("计时和抢答器已暂停，按 {key} 继续。", key=continue_key)
    if session.revision is not None:
        text += tr("比赛文件有 {count} 处修改，均为尚未进行的部分，已采用（见记录最后一行）。",
                   count=len(session.revision.taken))
    return text
