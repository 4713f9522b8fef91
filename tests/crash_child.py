"""Child process for the crash test: rehearses a script into a database and reports each committed step."""

import sys
from pathlib import Path

from stageshow.app.rehearsal import rehearse
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show_or_raise


def main() -> None:
    show_path, script_path, db = map(Path, sys.argv[1:4])
    show = load_show_or_raise(show_path)
    steps = read_script(script_path, Problems())

    def report(step: int, seq: int) -> None:
        sys.stdout.write(f"{step} {seq}\n")
        sys.stdout.flush()

    print("ready", flush=True)
    outcome = rehearse(show, show_path.parent.resolve(), steps, db, on_commit=report)
    print("done" if outcome.failure is None else f"failed {outcome.failure}", flush=True)


if __name__ == "__main__":
    main()
