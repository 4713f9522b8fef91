"""The commands that read a show database and never write it: `export` (the papers) and `verify` (the check, and a
paper's hash against the database)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from stageshow.cli_base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, display_available
from stageshow.cli_base import error as _error
from stageshow.i18n import render


def export(args: argparse.Namespace) -> int:
    from stageshow.store.database import open_for_reading
    from stageshow.store.event_log import EventLog
    from stageshow.store.verify import check_show

    if not (args.xlsx or args.pdf or args.script or args.judge_cards):
        _error(render("export_what"))
        return EXIT_USAGE
    database = open_for_reading(args.db)
    show_id = EventLog.latest(database)
    if show_id is None:
        _error(render("db_empty", path=args.db))
        return EXIT_PROBLEMS
    log = EventLog(database, show_id)
    problems = check_show(log)
    _say_which_show(log)
    if problems:
        for code, params in problems:
            _error(f"{args.db}: {render(code, **params)}")
        if not args.force:
            _error(render("export_not_trusted_fix"))
            return EXIT_PROBLEMS
    trusted = not problems  # when it is not, the paper says so on every page
    if args.xlsx:
        from stageshow.reports.score_sheet import write_score_sheet

        write_score_sheet(log, args.xlsx, trusted)
        print(render("written", path=args.xlsx))
    if args.script:
        from stageshow.reports.script_export import write_script

        write_script(log, args.script)
        print(render("written", path=args.script))
    if args.pdf:
        _write_pdf(log, args.pdf, trusted)
        print(render("written", path=args.pdf))
    if args.judge_cards:
        return _write_judge_cards(database, log, args.judge_cards, args.address)
    return EXIT_OK


def _write_judge_cards(database, log, out: Path, address: str | None) -> int:  # type: ignore[no-untyped-def]
    """One card per judge of the show's judged rounds, with the judge's join code for this machine's address."""
    from stageshow.hall.addresses import DEFAULT_PORT, lan_addresses
    from stageshow.store.hall_keys import hall_secret

    show = log.show()
    judges = show.most_judges()
    if not judges:
        _error(render("cards_no_judges"))
        return EXIT_PROBLEMS
    secret = hall_secret(database, create=False)
    if secret is None:
        _error(render("cards_no_secret"))
        return EXIT_PROBLEMS
    base = address or f"http://{lan_addresses()[0]}:{DEFAULT_PORT}/"
    if not base.startswith(("http://", "https://")):
        base = "http://" + base
    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from stageshow.ui.judge_cards import write_judge_cards

    write_judge_cards(show.title, judges, base.rstrip("/") + "/", secret, out)
    print(render("written_cards", path=out, judges=judges, address=base))
    return EXIT_OK


def _say_which_show(log) -> None:  # type: ignore[no-untyped-def]
    record = log.record()
    print(render("export_which", id=log.show_id, title=record.title, mode=render(f"mode_{record.mode}"),
                 state=render("verify_finished") if record.finished else render("unfinished"),
                 events=record.head_seq, hash=record.head_hash[:16]))


def _write_pdf(log, out: Path, trusted: bool) -> None:  # type: ignore[no-untyped-def]
    """Qt lays out the PDF; it needs a GUI application, which runs offscreen when there is no display."""
    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from stageshow.ui.pdf_sheet import write_pdf_score_sheet

    write_pdf_score_sheet(log, out, trusted)


def verify(args: argparse.Namespace) -> int:
    from stageshow.store.verify import verify_database

    report = verify_database(args.db)
    for summary in report.summaries:
        print(render("verify_show", id=summary.id, title=summary.title, mode=render(f"mode_{summary.mode}"),
                     created=summary.created_at[:16].replace("T", " "), events=summary.events,
                     hash=summary.head_hash[:16],
                     state=render("verify_finished") if summary.finished else render("unfinished")))
    for code, params in report.problems:
        _error(f"{args.db}: {render(code, **params)}")
    if not report.intact:
        return EXIT_PROBLEMS
    print(render("verify_ok", shows=report.shows, events=report.events))
    if args.expect is None:
        return EXIT_OK
    return _check_paper_hash(report, args.expect)


def _check_paper_hash(report, expected: str) -> int:  # type: ignore[no-untyped-def]
    """A hash printed on paper (the last event's, or a round's end) is in this intact log: the paper and the
    database tell the same story up to that event."""
    if len(expected.strip()) < 8 or any(ch not in "0123456789abcdef" for ch in expected.strip().lower()):
        _error(render("expect_bad", hash=expected))
        return EXIT_USAGE
    found = report.find_hash(expected)
    if found is None:
        _error(render("expect_missing", hash=expected))
        return EXIT_PROBLEMS
    summary, seq = found
    later = summary.events - seq
    print(render("expect_found", hash=expected, seq=seq, title=summary.title, id=summary.id)
          + (render("expect_later", count=later) if later else render("expect_head")))
    return EXIT_OK
