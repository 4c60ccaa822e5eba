"""The network map's words: every roster problem code has a sentence, and the domain codes are the
ones it uses (so a new code without a text, or a text left for a code that went, fails here)."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.content.load import CONTENT_DIR
from assessment.network.roster import PROBLEM_CODES
from assessment.text import load_catalogue

CATALOGUE, _ = load_catalogue("en", CONTENT_DIR)
ROSTER = Path(__file__).resolve().parents[1] / "assessment" / "network" / "roster.py"
WHERE_KEYS = {"line", "at_row", "at_pair", "at_cell"}


def test_problem_codes__are_the_codes_roster_uses():
    used = set(re.findall(r'RosterProblem\("([a-z_]+)"', ROSTER.read_text(encoding="utf-8")))
    assert used == set(PROBLEM_CODES)


def test_problem_codes__each_has_a_sentence_and_no_sentence_is_left_over():
    texts = {k.removeprefix("network.problem.") for k in CATALOGUE.entries if k.startswith("network.problem.")}
    assert texts - WHERE_KEYS == set(PROBLEM_CODES)
