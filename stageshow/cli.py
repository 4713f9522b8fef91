"""The command line (formats.md §6). Every user-facing failure is a message and an exit code, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from stageshow import __version__, cli_records, cli_words
from stageshow.app.session import LogNotTrusted
from stageshow.cli_base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, display_available
from stageshow.cli_base import error as _error
from stageshow.i18n import render, set_language
from stageshow.paths import demo_show, show_database, user_data_dir
from stageshow.reports.output import OutputProblem
from stageshow.store.database import DatabaseProblem, ForeignDatabase, SchemaError



def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if "--lang" in arguments[:-1]:  # argparse's own words follow the language too, before it parses anything
        set_language(arguments[arguments.index("--lang") + 1])
    cli_words.install()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    command: Callable[[argparse.Namespace], int] = getattr(args, "handler", _demo)
    try:
        return command(args)
    except SchemaError as error:
        _error(render("db_schema", detail=str(error)))
    except (ForeignDatabase, OutputProblem, DatabaseProblem, LogNotTrusted) as error:
        _error(str(error))
    except BrokenPipeError:  # `stageshow rehearse … | head`: the reader has gone; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        _error(render("interrupted"))
    except Exception:  # the last line of defence: a short message for the user, the details in a file
        report = user_data_dir() / "crash-report.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(traceback.format_exc(), encoding="utf-8")
        _error(render("internal_error", report=str(report)))
    return EXIT_PROBLEMS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stageshow", description=render("cli_description"))
    parser.add_argument("--version", action="version", version=f"stageshow {__version__}")
    parser.add_argument("--lang", choices=["zh", "en"], help=render("cli_lang"))
    parser.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # smoke tests and start-up benchmarks
    commands = parser.add_subparsers(metavar="COMMAND")

    run = commands.add_parser("run", help=render("cli_run"))
    run.add_argument("show", type=Path)
    run.add_argument("--db", type=Path)
    run.add_argument("--new", action="store_true", help=render("cli_new"))
    run.set_defaults(handler=_run, quit_after=None)

    check = commands.add_parser("check", help=render("cli_check"))
    check.add_argument("files", type=Path, nargs="+")
    check.set_defaults(handler=_check)

    rehearse = commands.add_parser("rehearse", help=render("cli_rehearse"))
    rehearse.add_argument("show", type=Path)
    rehearse.add_argument("--script", type=Path, required=True)
    rehearse.add_argument("--db", type=Path)
    rehearse.add_argument("--json", action="store_true")
    rehearse.add_argument("--gui", action="store_true")
    rehearse.add_argument("--speed", type=float, default=1.0)
    rehearse.add_argument("--new", action="store_true", help=render("cli_new"))
    rehearse.set_defaults(handler=_rehearse)

    export = commands.add_parser("export", help=render("cli_export"))
    export.add_argument("db", type=Path)
    export.add_argument("--xlsx", type=Path)
    export.add_argument("--pdf", type=Path)
    export.add_argument("--script", type=Path)
    export.add_argument("--judge-cards", type=Path, metavar="OUT.pdf", help=render("cli_judge_cards"))
    export.add_argument("--address", metavar="http://IP:PORT/", help=render("cli_address"))
    export.add_argument("--force", action="store_true", help=render("export_not_trusted_fix"))
    export.set_defaults(handler=cli_records.export)

    new = commands.add_parser("new", help=render("cli_new_show"))
    new.add_argument("folder", type=Path)
    new.set_defaults(handler=_new)

    template = commands.add_parser("template", help=render("cli_template"))
    template.add_argument("out", type=Path)
    template.add_argument("--force", action="store_true")
    template.set_defaults(handler=_template)

    bank_import = commands.add_parser("import", help=render("cli_import"))
    bank_import.add_argument("source", type=Path)
    bank_import.add_argument("out", type=Path)
    bank_import.add_argument("--pool")
    bank_import.add_argument("--force", action="store_true")
    bank_import.set_defaults(handler=_import)

    selftest = commands.add_parser("selftest", help=render("cli_selftest"))
    selftest.add_argument("show", type=Path)
    selftest.add_argument("--db", type=Path)
    selftest.set_defaults(handler=_selftest)

    verify = commands.add_parser("verify", help=render("cli_verify"))
    verify.add_argument("db", type=Path)
    verify.add_argument("--expect", metavar="HASH", help=render("cli_expect"))
    verify.set_defaults(handler=cli_records.verify)
    return parser


def _demo(args: argparse.Namespace) -> int:
    """No arguments: the bundled demo final in the two windows (an unfinished demo resumes)."""
    return _run(argparse.Namespace(show=demo_show(), db=user_data_dir() / "demo.sqlite3",
                                   quit_after=args.quit_after))


def _run(args: argparse.Namespace) -> int:
    from stageshow.formats.show_file import load_show

    show, problems = load_show(args.show)
    if show is None:
        return _print_problems(problems)
    if not display_available():
        _error(render("no_display"))
        return EXIT_PROBLEMS
    try:
        from stageshow.ui.app import run
    except ImportError as error:
        _error(render("qt_missing", detail=str(error)))
        return EXIT_PROBLEMS
    db = args.db or show_database(args.show)
    return run(show, args.show.parent.resolve(), db, quit_after=getattr(args, "quit_after", None),
               new_run=getattr(args, "new", False), show_path=args.show.resolve())


def _selftest(args: argparse.Namespace) -> int:
    """The pre-flight check from the command line: a line per device and file, exit 1 if any must be fixed."""
    from stageshow.formats.show_file import load_show

    show, problems = load_show(args.show)
    if show is None:
        return _print_problems(problems)
    if not display_available():  # no screen to check, but the rest can be: the screen line then says so
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from stageshow.ui.preflight.selftest import selftest_lines

    with _quiet_stderr():  # Qt's and FFmpeg's own chatter about decoders is not for the operator
        lines = selftest_lines(show, args.db or show_database(args.show))
    for line in lines:
        print(line.render())
    counts = {state: sum(line.ok is state for line in lines) for state in (True, None, False)}
    print(render("selftest_summary", ok=counts[True], warn=counts[None], bad=counts[False]))
    return EXIT_PROBLEMS if counts[False] else EXIT_OK


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _check(args: argparse.Namespace) -> int:
    from stageshow.formats.checking import check_files

    summaries, problems = check_files(args.files)
    for summary in summaries:
        print(summary)
    return _print_problems(problems) if problems.items else EXIT_OK


def _print_problems(problems) -> int:  # type: ignore[no-untyped-def]
    for problem in problems.items:
        print(problem.render(), file=sys.stderr if not problem.warning else sys.stdout)
    if problems.errors:
        print(render("problem_count", count=len(problems.errors)), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _rehearse(args: argparse.Namespace) -> int:
    from stageshow.formats.problems import Problems
    from stageshow.formats.script import read_script
    from stageshow.formats.show_file import load_show

    show, problems = load_show(args.show)
    if show is None:
        return _print_problems(problems)
    script_problems = Problems()
    steps = read_script(args.script, script_problems)
    if script_problems:
        return _print_problems(script_problems)
    from stageshow.app.rehearsal import ScriptChanged
    from stageshow.app.session import ShowChanged

    try:
        outcome = _rehearse_steps(args, show, steps)
    except ShowChanged as changed:
        return _print_show_changed(changed)
    except ScriptChanged as changed:
        _error(str(changed))
        return EXIT_PROBLEMS
    if outcome is None:
        return EXIT_PROBLEMS
    if outcome.resumed_after:
        print(render("resumed_after", step=outcome.resumed_after), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(outcome.result, ensure_ascii=False, indent=2))
    else:
        _print_standings(outcome.result)
    if outcome.failure:
        _error(outcome.failure)
        return EXIT_PROBLEMS
    return EXIT_OK


def _rehearse_steps(args: argparse.Namespace, show, steps):  # type: ignore[no-untyped-def]
    from stageshow.app.rehearsal import rehearse

    root = args.show.parent.resolve()
    if not getattr(args, "gui", False):
        return rehearse(show, root, steps, args.db, new_run=args.new)
    if not display_available():
        _error(render("no_display"))
        return None
    from stageshow.ui.rehearsal_gui import rehearse_in_windows

    db = args.db or user_data_dir() / "rehearsal.sqlite3"
    return rehearse_in_windows(show, root, steps, db, max(0.01, args.speed), new_run=args.new)


def _print_show_changed(changed) -> int:  # type: ignore[no-untyped-def]
    from stageshow.app.show_changes import describe

    _error(render("show_changed"))
    for change in changed.changes.refused:
        _error("  • " + describe(change))
    _error(render("show_changed_fix"))
    return EXIT_PROBLEMS


def _print_standings(result: dict) -> None:  # type: ignore[type-arg]
    print(result["title"] if result.get("finished", True) else f"{result['title']}（{render('unfinished')}）")
    for row in result["standings"]:
        print(f"{row['rank']:>3}  {row['team']:<6} {row['name']:<16} {row['score']:>8}  {row['award'] or ''}")
    for group in result["ties"]:
        print(render("tie_line", teams="、".join(group)))


def _import(args: argparse.Namespace) -> int:
    """A bank in any layout we read, written out in ours; the source is only ever read."""
    from stageshow.formats.problems import Problems
    from stageshow.formats.show_file import read_bank
    from stageshow.reports.bank_export import write_bank

    if args.out.suffix.lower() != ".xlsx":
        _error(render("import_out_suffix"))
        return EXIT_USAGE
    if args.out.resolve() == args.source.resolve():
        _error(render("import_same"))
        return EXIT_USAGE
    if args.out.exists() and not args.force:
        _error(render("import_exists", path=args.out))
        return EXIT_PROBLEMS
    problems = Problems()
    found = read_bank(args.source, problems, args.pool)
    for line in problems.layout:
        print(line)
    for problem in problems.items:
        print(problem.render(), file=sys.stderr if not problem.warning else sys.stdout)
    if not found:
        return EXIT_PROBLEMS
    write_bank([question for question, _ in found], args.out)
    print(render("import_written", path=args.out, count=len(found)))
    if problems.errors:
        print(render("import_unread", count=len(problems.errors)), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from stageshow.reports.starter import write_starter

    show, bank, _media = write_starter(args.folder)
    print(render("new_written", folder=args.folder, show=show.name, bank=bank.name, show_path=show))
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from stageshow.reports.template import write_template

    if args.out.exists() and not args.force:
        _error(render("import_exists", path=args.out))
        return EXIT_PROBLEMS
    write_template(args.out)
    print(render("written", path=args.out))
    return EXIT_OK


