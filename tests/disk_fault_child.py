"""A server's life when its SQLite disk fails: run as a child process by tests/test_storage.py
and bench/sqlite_disk_faults.py (``python -m tests.disk_fault_child FOLDER read-only|truncated``).

read-only: one person answers a step and presses Next (their draft is saved), the folder and
its files are made read-only (as a disk remounted read-only, or an operator's chmod, would),
then they answer the next step and press Next again.

truncated: a draft is saved, then every file of the database is cut to 0 bytes under the
running process (as a disk that loses them would), then a draft is saved and read again.

Prints what happened; a process killed by a signal prints nothing more, and its exit status
says which signal (SIGBUS: -7 from subprocess).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assessment.storage.errors import StorageUnavailable
from assessment.storage.results import open_store


def make_read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def main(folder: Path) -> None:
    url = f"sqlite:///{folder / 'app.sqlite'}"
    os.environ["DATABASE_URL"] = url
    from tests.app.test_walkthrough import answer_step, fresh_app
    from tests.app.sessions import session_of

    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    print("draft saved:", bool(session_of(at).draft_token), flush=True)

    make_read_only(folder)
    answer_step(at, 1)
    at.button(key="nav.next").click().run()
    print("exception:", bool(at.exception), flush=True)
    print("shown:", " | ".join(e.value for e in at.info), flush=True)

    try:  # a store opened after the folder turned read-only (a restarted server)
        with open_store(url) as store:
            store.save_draft({"a": "b"}, step=0)
        print("store: saved", flush=True)
    except StorageUnavailable as error:
        print("store:", str(error).replace(str(folder), "FOLDER"), flush=True)
    print("alive", flush=True)


def truncated(folder: Path) -> None:
    store = open_store(f"sqlite:///{folder / 'app.sqlite'}")
    token = store.save_draft({"a": "1"}, step=0)
    for path in folder.iterdir():
        os.truncate(path, 0)
    for attempt in ("save", "read"):
        try:
            store.save_draft({"a": "2"}, step=1, token=token) if attempt == "save" else store.load_draft(token)
            print(attempt, "worked", flush=True)
        except StorageUnavailable:
            print(attempt, "StorageUnavailable", flush=True)
    print("alive", flush=True)


if __name__ == "__main__":
    {"read-only": main, "truncated": truncated}[sys.argv[2]](Path(sys.argv[1]))
