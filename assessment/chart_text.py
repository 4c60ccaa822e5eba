"""What each chart says, in words: one sentence and a table a screen reader can read (WCAG 1.1.1, 1.4.1).

Pure functions of a result and the reader's words; the page (``ui/chart_view.show_chart``) and the
HTML report (``assessment/report.py``) show the same ones under the same charts::

    alt = where_text(result, words, t)   # t: the text function of the reader's language
    alt.summary   -> "Your network is wide in 1 of 2 parts (Part A), and deep in none of the 2 parts."
    alt.rows      -> (("Part A", "many", "one", "wide"), ("Part B", "few", "none", "neither"))

Every sentence holds at 0, 1, some and all: a plural form or a sentence of its own for each. A
segment's row shows the ranges the person chose ("6–20"), never the head-counts the scoring
stands them for (G06); a result saved before ranges were kept says so instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assessment.questionnaire import Band, Questionnaire
from assessment.scoring import DimensionScore, Result, SegmentScore
from assessment.wording import ResultWords

Text = Callable[..., str]  # ``t(key, **params)`` in the reader's language (ui/text.t, Catalogue.text)
KEYS = "results.chart_text"


@dataclass(frozen=True, slots=True)
class ChartText:
    """One chart in words: the sentence under it, and its table (column heads, rows of words)."""

    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def map_text(result: Result, words: ResultWords, t: Text, *, for_reader: bool = False) -> ChartText:
    """The wide-vs-deep map: where the person's point is, in which profile's corner, and the cut-offs."""
    cuts = result.thresholds
    summary = t(f"{KEYS}.map_reader" if for_reader else f"{KEYS}.map", width=result.width, depth=result.depth,
                profile=words.profile(result.profile.id).name, wide=cuts.wide, deep=cuts.deep)
    rows = (
        (t("results.width"), t(f"{KEYS}.score", score=result.width), t(f"{KEYS}.wide_from", score=cuts.wide)),
        (t("results.depth"), t(f"{KEYS}.score", score=result.depth), t(f"{KEYS}.deep_from", score=cuts.deep)),
    )
    return ChartText(summary, (t(f"{KEYS}.measure"), t(f"{KEYS}.score_head"), t(f"{KEYS}.counts_from")), rows)


def dimensions_text(result: Result, words: ResultWords, t: Text) -> ChartText:
    """The dimension bars: the highest and the lowest (every one of them when tied), and each score."""
    dims = result.dimensions
    rows = tuple((words.dimension(d.id).name, t("results.width" if d.axis == "width" else "results.depth"),
                  t(f"{KEYS}.score", score=d.score)) for d in dims)
    columns = (t(f"{KEYS}.dimension"), t(f"{KEYS}.counts_toward"), t(f"{KEYS}.score_head"))
    return ChartText(_dimensions_summary(dims, words, t), columns, rows)


def _dimensions_summary(dims: Sequence[DimensionScore], words: ResultWords, t: Text) -> str:
    if not dims:
        return t(f"{KEYS}.dimensions_none")
    shown = [round(d.score) for d in dims]  # compared as the page shows them, so "50" and "50" tie
    high, low = max(shown), min(shown)
    if high == low:
        return t(f"{KEYS}.dimensions_same", n=len(dims), score=high,
                 names=_names(words.dimension(d.id).name for d in dims))
    at = lambda score: _names(words.dimension(d.id).name for d, s in zip(dims, shown) if s == score)  # noqa: E731
    return t(f"{KEYS}.dimensions", n=len(dims), highest=at(high), high=high, lowest=at(low), low=low)


def where_text(result: Result, words: ResultWords, t: Text, *, for_reader: bool = False) -> ChartText:
    """The segment chart: in how many parts (and which) the network is wide, and deep; per part the
    ranges the person chose and the verdict, as words (the chart shows it by filled dots too)."""
    segments = result.segments
    columns = (t(f"{KEYS}.part"), t(f"{KEYS}.known"), t(f"{KEYS}.favour"), t(f"{KEYS}.verdict"))
    if not segments:
        return ChartText(t(f"{KEYS}.where_none"), columns, ())
    wide = _share("wide", [s for s in segments if s.wide], len(segments), words, t)
    deep = _share("deep", [s for s in segments if s.deep], len(segments), words, t)
    summary = t(f"{KEYS}.where_reader" if for_reader else f"{KEYS}.where", wide=wide, deep=deep)
    rows = tuple((words.segment(s.id), *chosen_ranges(words.questionnaire, s, t(f"{KEYS}.not_recorded")),
                  _verdict(s, t)) for s in segments)
    return ChartText(summary, columns, rows)


def _share(kind: str, found: Sequence[SegmentScore], total: int, words: ResultWords, t: Text) -> str:
    """"wide in 2 of 5 parts (A, B)", or its none / all form (plural on the number of parts)."""
    if not found:
        return t(f"{KEYS}.{kind}_none", n=total)
    if len(found) == total:
        return t(f"{KEYS}.{kind}_all", n=total)
    return t(f"{KEYS}.{kind}_some", n=len(found), total=total, parts=_names(words.segment(s.id) for s in found))


def _verdict(segment: SegmentScore, t: Text) -> str:
    marks = [t(f"results.charts.{m}_mark") for m, on in (("wide", segment.wide), ("deep", segment.deep)) if on]
    return " · ".join(marks) or t(f"{KEYS}.neither")


def compare_text(before: Result, after: Result, then: str, now: str, words_then: ResultWords,
                 words_now: ResultWords, t: Text) -> ChartText:
    """The then-and-now map: both points and both profiles, in the order of time."""
    summary = t(f"{KEYS}.compare", then=then, now=now, width_then=before.width, depth_then=before.depth,
                width_now=after.width, depth_now=after.depth)
    rows = tuple((name, t(f"{KEYS}.score", score=r.width), t(f"{KEYS}.score", score=r.depth),
                  w.profile(r.profile.id).name)
                 for name, r, w in ((then, before, words_then), (now, after, words_now)))
    columns = (t(f"{KEYS}.when"), t("results.width"), t("results.depth"), t(f"{KEYS}.profile"))
    return ChartText(summary, columns, rows)


def result_texts(result: Result, words: ResultWords, t: Text, *, for_reader: bool = False
                 ) -> tuple[ChartText, ChartText, ChartText]:
    """The three result charts in words, in the order of ``charts.result_figures`` (map, dimensions, where)."""
    return (map_text(result, words, t, for_reader=for_reader), dimensions_text(result, words, t),
            where_text(result, words, t, for_reader=for_reader))


def chosen_ranges(q: Questionnaire, segment: SegmentScore, missing: str) -> tuple[str, str]:
    """The ranges the person chose for a segment, as they read them ("6–20", "2–3"); ``missing`` for
    a result saved before bands were kept, or a band this questionnaire no longer has."""
    grid = next((i for i in q.items if i.kind == "segment_grid"), None)
    if grid is None or len(grid.columns) < 2:
        return missing, missing
    known, favour = grid.columns[0].band(segment.known_band), grid.columns[1].band(segment.favour_band)
    return _label(known, missing), _label(favour, missing)


def _label(band: Band | None, missing: str) -> str:
    return band.label if band else missing


def _names(names) -> str:
    return ", ".join(names)
