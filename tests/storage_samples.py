"""Small, valid inputs for the storage tests (a Result dict as in docs/CONTRACTS.md)."""

from __future__ import annotations

from typing import Any

from assessment.storage.results import NewResult

SEGMENT_IDS = ("own_field", "other_fields", "senior", "peers", "junior", "outside_org")
DIMENSIONS = (
    ("reach", "width"), ("openness", "width"), ("span", "width"), ("curiosity", "width"),
    ("trust", "depth"), ("nurture", "depth"), ("giving", "depth"), ("connecting", "depth"),
)


def sample_result(width: float = 62.5, depth: float = 40.0, profile_id: str = "wide_shallow",
                  seed: float = 0.0) -> dict[str, Any]:
    """A Result dict; ``seed`` shifts every score so results differ."""
    return {
        "questionnaire": {"id": "wide-and-deep", "version": "1.0", "language": "en"},
        "width": width, "depth": depth,
        "profile": {"id": profile_id, "name": "Wide & shallow", "tagline": "Many doors",
                    "summary": "You know many people.", "wide": width >= 55, "deep": depth >= 55},
        "dimensions": [
            {"id": d, "axis": axis, "name": d.title(), "description": "…", "score": 50.0 + seed + i}
            for i, (d, axis) in enumerate(DIMENSIONS)
        ],
        "segments": [
            {"id": s, "name": s.replace("_", " "), "contacts": 12.0 + i, "favour": 2.5,
             "breadth": 65.0 + seed, "depth": 60.0 - i, "wide": True, "deep": i == 0}
            for i, s in enumerate(SEGMENT_IDS)
        ],
        "advice": [{"id": "a1", "dimension": "trust", "guidance": ["G06"], "title": "Ask", "text": "Ask for help."}],
        "caution": None,
        "thresholds": {"wide": 55, "deep": 55, "segment_wide": 65, "segment_deep": 60},
    }


SAMPLE_ANSWERS = {"reach_size": "agree", "grid.peers.known": "6-20", "grid.peers.favour": "2-3"}


def sample_new_result(**changes: Any) -> NewResult:
    fields: dict[str, Any] = {"answers": SAMPLE_ANSWERS, "result": sample_result()}
    fields.update(changes)
    return NewResult(**fields)
