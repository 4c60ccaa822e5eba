"""The names of the scores stored per result, built and read in one place.

A result's scores are stored as flat metrics (``storage/schema.py``, ``result_metrics``):

    width                      the result's Width (0-100)
    depth                      its Depth
    dim:<dimension id>         one dimension's score, e.g. ``dim:reach``
    seg:<segment id>:<measure> one segment's measure, e.g. ``seg:peers:depth``

The room's summary, its tally thresholds and the export read these names; nothing else
writes them by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

MetricKind = Literal["width", "depth", "dim", "seg"]
SEPARATOR = ":"


def metric_name(kind: MetricKind, id: str | None = None, measure: str | None = None) -> str:
    """``metric_name("seg", "peers", "depth")`` -> ``"seg:peers:depth"``; ``("dim", "reach")``
    -> ``"dim:reach"``; ``("width")`` -> ``"width"``."""
    if (kind in ("dim", "seg")) != (id is not None) or (measure is not None) != (kind == "seg"):
        raise ValueError(f"metric {kind!r} takes an id{' and a measure' if kind == 'seg' else ''}; "
                         f"got id={id!r}, measure={measure!r}")
    return SEPARATOR.join(part for part in (kind, id, measure) if part is not None)


def metric_ids(names: Iterable[str], kind: MetricKind) -> tuple[str, ...]:
    """The ids named by metrics of ``kind`` (``dim`` or ``seg``), first appearance first."""
    found = (name.split(SEPARATOR)[1] for name in names if name.startswith(kind + SEPARATOR))
    return tuple(dict.fromkeys(found))


def metric_kind(name: str) -> str:
    """The kind a metric name starts with: ``"seg:peers:depth"`` -> ``"seg"``."""
    return name.split(SEPARATOR, 1)[0]
