"""The network map as a file of its own: the people (names included) and who knows whom.

Written in the browser's session and downloaded from the network page; loaded back the same way.
The file never reaches the server: it carries names. Reading it goes through the results file's
limits (``exchange.read_document``: size, nesting, number length) and its roster checks
(``exchange.check_roster``), so a map file is refused for the same reasons, with the same codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from assessment.exchange import check_roster, read_document
from assessment.network.content import NetworkContent
from assessment.network.roster import COLUMNS, filled_rows

FORMAT = "wide-and-deep/network-map"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class MapFile:
    """A map read back: rows as the people table holds them, pairs of names, and when it was saved."""

    rows: tuple[Mapping[str, str | None], ...]
    ties: tuple[tuple[str, str], ...]
    saved_at: str | None


def export_map(rows: Iterable[Mapping[str, Any]], ties: Iterable[Iterable[str]], *, now: datetime | None = None,
               stamped: bool = True) -> str:
    """The map file: the filled rows (only the table's columns) and the pairs. ``stamped=False``: no
    ``saved_at`` and no indent, the same text for the same map (the browser tab's own copy)."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **({"saved_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")} if stamped else {}),
        "rows": [{k: row.get(k) for k in COLUMNS} for row in filled_rows(rows)],
        "ties": [list(pair) for pair in ties],
    }
    return json.dumps(document, ensure_ascii=False, indent=2 if stamped else None)


def read_map(data: bytes | str, content: NetworkContent) -> MapFile:
    """A file made by ``export_map``; raises ``exchange.ImportRefused`` with the reason's code."""
    document = read_document(data, FORMAT, FORMAT_VERSION)
    check_roster(document, content)
    saved = document.get("saved_at")
    return MapFile(rows=tuple(dict(r) for r in document["rows"]),
                   ties=tuple((a, b) for a, b in document.get("ties") or []),
                   saved_at=saved if isinstance(saved, str) else None)
