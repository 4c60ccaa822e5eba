"""Time and memory of the content loaders on the worst files they accept or refuse (issue 9 §2).

    python bench/content_files.py

Each case is the real content folder with one file replaced; it is loaded once through
``load_network_content`` (which checks the questionnaire's files too) and prints the time
and (in a second run) the peak of Python's memory (tracemalloc). Target: <= 1 s and <= 50 MB each.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assessment.content.load import CONTENT_DIR, load_network_content  # noqa: E402
from assessment.content.source import MAX_DEPTH, MAX_FILE_BYTES  # noqa: E402
from assessment.errors import ContentError  # noqa: E402


def alias_bomb(levels: int) -> str:
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    lines = ["schema_version: 1", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip(names, names[1:])]
    return "\n".join(lines) + "\n"


def largest_accepted_size(real: str) -> str:
    """The real words padded with small unknown entries up to the size cap: the most work a file can ask for."""
    text = real
    for i in range(MAX_FILE_BYTES):
        entry = f"x{i}: {{a: [1, 2, 3], b: text}}\n"
        if len((text + entry).encode("utf-8")) > MAX_FILE_BYTES:
            break
        text += entry
    return text


def cases() -> list[tuple[str, str, str | bytes]]:
    words = (CONTENT_DIR / "en" / "questionnaire.yaml").read_text(encoding="utf-8")
    deepest = MAX_DEPTH - 1
    return [
        ("real content", "en/questionnaire.yaml", words),
        ("alias bomb, 9 levels", "en/questionnaire.yaml", alias_bomb(9)),
        ("recursive alias", "network.yaml", "schema_version: 1\nloop: &loop [*loop]\n"),
        ("largest file accepted", "en/questionnaire.yaml", largest_accepted_size(words)),
        ("one byte over the cap", "en/questionnaire.yaml", words + "#" * (MAX_FILE_BYTES - len(words) + 1)),
        ("nesting at the limit", "network.yaml", "schema_version: 1\nx: " + "[" * deepest + "]" * deepest + "\n"),
        ("120,000 brackets", "en/network.yaml", "x: " + "[" * 60_000 + "]" * 60_000 + "\n"),
        ("empty network.yaml", "network.yaml", ""),
    ]


def load(folder: Path) -> str:
    try:
        load_network_content("en", folder)
        return "loaded"
    except ContentError as error:
        return f"{len(error.issues)} problem(s): {error.issues[0].message[:40]}"


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "content"
        shutil.copytree(CONTENT_DIR, folder)
        print(f"{'case':<26} {'bytes':>9} {'time':>9} {'peak':>9}  outcome")
        for label, file, text in cases():
            original = (folder / file).read_bytes()
            raw = text if isinstance(text, bytes) else text.encode("utf-8")
            (folder / file).write_bytes(raw)
            start = time.perf_counter()
            outcome = load(folder)
            elapsed = time.perf_counter() - start
            tracemalloc.start()  # a second run: tracemalloc slows Python down several times
            load(folder)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            (folder / file).write_bytes(original)
            print(f"{label:<26} {len(raw):>9,} {elapsed * 1000:>7.0f}ms {peak / 2**20:>7.1f}MB  {outcome}")


if __name__ == "__main__":
    main()
