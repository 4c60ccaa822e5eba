"""Showing a result: the same view for the owner, a shared link and a workshop participant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import streamlit as st

from assessment.chart_text import ChartText, result_texts
from assessment.charts import ChartTexts, result_figures
from assessment.network.blend import N_MIN
from assessment.people_text import as_markdown_text
from assessment.questionnaire import Questionnaire
from assessment.scoring import CLOSE_POINTS, Result, close_weakest, nearest_alike, step_parts
from assessment.wording import PartWords, result_words

from .chart_view import show_chart
from .session import current
from .text import language, t

CHART_CONFIG = {"displayModeBar": False, "responsive": True}
WORD_JOINER = "\u2060"  # after a range's dash: "6–20" on a step card never breaks across two lines on a phone


def md_escape(text: str) -> str:
    """Text a person typed, made inert for st.markdown (``assessment.people_text.as_markdown_text``)."""
    return as_markdown_text(text)


def chart_texts(result: Result, *, for_reader: bool = False) -> ChartTexts:
    """The chart words for ``result`` in the session's language; on a share link, about "them"."""
    texts = ChartTexts(
        map_title=t("results.charts.map_title", width=result.width, depth=result.depth),
        width=t("results.width"), depth=t("results.depth"),
        width_axis=t("results.charts.width_axis"), depth_axis=t("results.charts.depth_axis"),
        you=t("results.chart_text.reader_point") if for_reader else t("results.charts.you"), dimensions_title=t("results.charts.dimensions_title"),
        where_title=t("results.charts.where_title"), known=t("results.charts.known"),
        favour=t("results.charts.favour"), wide_mark=t("results.charts.wide_mark"),
        deep_mark=t("results.charts.deep_mark"), wide_zone=t("results.charts.wide_zone"),
        deep_zone=t("results.charts.deep_zone"),
    )
    if not for_reader:
        return texts
    return replace(texts, you=t("results.for_reader.point"), known=t("results.for_reader.known"),
                   favour=t("results.for_reader.favour"), dimensions_title=t("results.for_reader.dimensions_title"),
                   where_title=t("results.for_reader.where_title"))


def _figure_key(result: Result, q: Questionnaire, titled: bool, for_reader: bool = False) -> int:
    """What the figures depend on: the scores, the questionnaire's words and the language (not the
    Result's stored texts, which the figures do not show twice)."""
    return hash((result.width, result.depth, result.dimensions, result.segments, result.thresholds,
                 tuple(result.texts.items()), q.id, q.version, language(), titled, for_reader))


@st.cache_resource(show_spinner=False, max_entries=256)
def _figures(key: int, _result: Result, _q: Questionnaire, titled: bool, for_reader: bool = False):
    """Built once per ``key``; reruns reuse them (they are never mutated)."""
    quadrants = {(p.wide, p.deep): p.name for p in _q.profiles}
    return result_figures(_result, quadrants, result_words(_result, _q), chart_texts(_result, for_reader=for_reader),
                          titled=titled)


def figures(result: Result, q: Questionnaire, *, titled: bool = True, for_reader: bool = False):
    """The figures with their own titles (for the report), or without (the page has headings)."""
    return _figures(_figure_key(result, q, titled, for_reader), result, q, titled, for_reader)


def chart_words(alt: ChartText) -> dict:
    """A chart's words as ``show_chart`` takes them (summary, columns, rows)."""
    return {"summary": alt.summary, "columns": alt.columns, "rows": alt.rows}


@dataclass(frozen=True, slots=True)
class BlendRows:
    """How a network map fed Width and Depth, in words: rows (source, width, depth) and a sentence."""

    rows: tuple[tuple[str, float, float], ...]
    sentence: str


def blend_rows(result: Result) -> BlendRows | None:
    """The network map's share in ``result``'s scores (numbers only: a saved result holds no names)."""
    blend = result.blend
    if blend is None:
        return None
    rows = (
        (t("results.network.from_answers"), blend.answers_width, blend.answers_depth),
        (t("results.network.from_map"), blend.map_width, blend.map_depth),
        (t("results.network.together"), result.width, result.depth),
    )
    return BlendRows(rows, t("results.network.sentence", n=blend.people, weight=blend.weight))


def show_result(result: Result, q: Questionnaire, *, title: str | None = None,
                answers: Mapping[str, str] | None = None, for_reader: bool = False) -> None:
    """Profile, scores, the three charts, where wide/deep, and next steps, in the words of ``q``.

    ``for_reader``: a share link, read by someone else (a mentor): the headings speak about the
    person, and the sentences written to them are introduced as what they read.
    """
    words = result_words(result, q)
    profile = words.profile(result.profile.id)
    if title:
        st.title(title)
    if for_reader:
        st.write(t("results.reader.intro"))
    st.header(profile.name)
    st.markdown(t("results.tagline", tagline=profile.tagline))
    st.write(profile.summary)

    width_col, depth_col = st.columns(2)
    width_col.metric(t("results.width"), t("results.score", score=result.width), help=t("results.width_help"))
    depth_col.metric(t("results.depth"), t("results.score", score=result.depth), help=t("results.depth_help"))

    if result.caution:
        c = words.caution()
        st.warning(t("results.caution", title=c.title, text=c.text))

    map_fig, dims_fig, where_fig = figures(result, q, titled=False, for_reader=for_reader)
    map_alt, dims_alt, where_alt = result_texts(result, words, t, for_reader=for_reader)
    for note in profile_notes(result, for_reader=for_reader):  # the heading and the dot's quadrant, reconciled
        st.caption(note)
    show_chart(map_fig, key="chart.map", **chart_words(map_alt))

    if result.segments:
        st.subheader(t("results.reader.where_title") if for_reader else t("results.where.title"))
        st.markdown(where_lists(result, q, for_reader=for_reader))
        st.caption(t("results.for_reader.where_how") if for_reader else t("results.where.how"))
        show_chart(where_fig, key="chart.where", **chart_words(where_alt))

    st.subheader(t("results.reader.dimensions") if for_reader else t("results.dimensions"))
    show_chart(dims_fig, key="chart.dimensions", **chart_words(dims_alt))

    steps = len(result.advice)
    st.subheader(t("results.reader.next_steps", n=steps) if for_reader else t("results.next_steps", n=steps))
    if close_weakest(result.dimensions) and result.segments:
        st.caption(steps_reason(result, q, for_reader=for_reader))
    guidance = dict(q.guidance)
    parts = step_part_lines(result, q, for_reader=for_reader)
    for n, (advice, part) in enumerate(zip(map(words.advice, result.advice), parts), start=1):
        with st.container(border=True):
            st.markdown(t("results.advice_title", n=n, title=advice.title))
            if part:  # the part of the network this step is about, with the range chosen there
                st.markdown(t("results.step_part.on_page", line=part.replace("–", "–" + WORD_JOINER)))
            st.write(advice.text)
            idea = next((guidance[g] for g in advice.guidance if g in guidance), None)
            if idea:  # the idea in plain words; its trace to the articles is on the method page
                st.caption(t("results.advice_idea", idea=idea))

    show_network_note(result)

    if answers:
        with st.expander(t("results.shared_answers")):  # a list, not a table: a question wraps on a phone
            st.markdown("\n".join(t("results.shared_answer", question=asked, answer=chosen)
                                   for asked, chosen in q.answers_as_read(answers)))


def first_band_at(bands, score: float) -> str:
    """The words of the first band scoring at least ``score`` (where a part starts to be wide or deep)."""
    return next((b.label for b in bands if 100 * b.value >= score), "")


def where_lists(result: Result, q: Questionnaire, *, for_reader: bool = False) -> str:
    """Which parts are wide and which deep, with the band each verdict starts at (about "them" on a share link)."""
    words, none = result_words(result, q), t("results.where.none")
    grid = next((i for i in q.items if i.kind == "segment_grid"), None)
    known, favour = (grid.columns[0].bands, grid.columns[1].bands) if grid and len(grid.columns) > 1 else ((), ())
    return t("results.for_reader.where_lists" if for_reader else "results.where.lists",
             wide=", ".join(words.segment(s.id) for s in result.segments if s.wide) or none,
             deep=", ".join(words.segment(s.id) for s in result.segments if s.deep) or none,
             wide_band=first_band_at(known, result.thresholds.segment_wide),
             deep_band=first_band_at(favour, result.thresholds.segment_deep))


def steps_reason(result: Result, q: Questionnaire, *, for_reader: bool = False) -> str:
    """Why the steps follow the segment map: the weakest dimensions are close; each step names a part,
    the nearest to deep (wide) first, all of them named when several are alike; only the sides the
    steps work on (three width steps: no word about depth)."""
    words = result_words(result, q)
    sides = {p.axis for p in step_parts(q, result) if p is not None}
    deep, wide = (", ".join(words.segment(s) for s in nearest_alike(result.segments, axis)) if axis in sides else ""
                  for axis in ("depth", "width"))
    if deep and wide:
        nearest = t("results.step_part.nearest_both", deep=deep, wide=wide)
    elif deep or wide:
        nearest = t("results.step_part.nearest_deep" if deep else "results.step_part.nearest_wide", segments=deep or wide)
    elif all(s.wide and s.deep for s in result.segments):  # nothing is thin: the steps keep what is there
        return t("results.step_part.reader.close_all" if for_reader else "results.step_part.close_all", points=CLOSE_POINTS)
    else:
        return t("results.step_part.reader.close_kept" if for_reader else "results.step_part.close_kept",
                 points=CLOSE_POINTS)
    return t("results.step_part.reader.close" if for_reader else "results.where.close", points=CLOSE_POINTS,
             nearest=nearest)


PROFILE_NOTE_KEYS = {  # (side, the profile says so) -> why the profile and the dot's quadrant differ
    ("deep", True): "deep_by_parts", ("wide", True): "wide_by_parts",
    ("deep", False): "deep_without_part", ("wide", False): "wide_without_part",
}


def profile_notes(result: Result, *, for_reader: bool = False) -> tuple[str, ...]:
    """A sentence for each side where the profile (which also reads the segment map) and the scores alone
    (the dot on the map) disagree: all-middle answers give Depth 51 and six deep parts, so "deep" while the
    dot sits below 55."""
    if not result.segments:
        return ()
    th, notes = result.thresholds, []
    for side, flag, score, threshold, parts in (
            ("wide", result.profile.wide, result.width, th.wide, sum(s.wide for s in result.segments)),
            ("deep", result.profile.deep, result.depth, th.deep, sum(s.deep for s in result.segments))):
        if flag != (score >= threshold):
            key = "results.profile_note." + ("reader." if for_reader else "") + PROFILE_NOTE_KEYS[side, flag]
            notes.append(t(key, score=score, threshold=threshold, n=parts, places=int(th.places)))
    return tuple(notes)


STEP_PART_KEYS = {  # (side, already there, a reader's share link) -> the sentence naming a step's part
    ("width", False, False): "results.step_part.wide", ("width", True, False): "results.step_part.wide_reached",
    ("depth", False, False): "results.step_part.deep", ("depth", True, False): "results.step_part.deep_reached",
    ("width", False, True): "results.step_part.reader.wide",
    ("width", True, True): "results.step_part.reader.wide_reached",
    ("depth", False, True): "results.step_part.reader.deep",
    ("depth", True, True): "results.step_part.reader.deep_reached",
}


def step_part_line(part: PartWords, *, for_reader: bool = False) -> str:
    return t(STEP_PART_KEYS[part.axis, part.reached, for_reader], part=part.name,
             band=part.band or t("results.report.not_recorded"), start=part.start)


def step_part_templates() -> dict[tuple[str, bool], str]:
    """The owner's sentences naming a step's part, with {part}, {band} and {start} left in (the report fills them)."""
    return {(axis, reached): t(key, part="{part}", band="{band}", start="{start}")
            for (axis, reached, reader), key in STEP_PART_KEYS.items() if not reader}


def step_part_lines(result: Result, q: Questionnaire, *, for_reader: bool = False) -> tuple[str, ...]:
    """One line per step of ``result``: the part of the network it is about, "" when there is no segment map."""
    words = result_words(result, q)
    return tuple("" if p is None else step_part_line(words.part(p, result), for_reader=for_reader)
                 for p in step_parts(q, result))


def show_network_note(result: Result) -> None:
    """How a network map fed these scores, or, under the person's own result without one, an
    invitation to map their network."""
    own = result == current().result
    shown = blend_rows(result)
    if shown:
        *sources, (label, width, depth) = shown.rows
        st.subheader(t("results.network.title"))
        head = t("results.network.table_head", width=t("results.width"), depth=t("results.depth"))
        body = "".join(t("results.network.table_row", source=s, width=w, depth=d) + "\n" for s, w, d in sources)
        st.markdown(head + "\n" + body + t("results.network.table_total", source=label, width=width, depth=depth))
        st.caption(t("results.network.caption", sentence=shown.sentence))
        if own:
            st.page_link("pages/network.py", label=t("results.network.change"), icon=":material/hub:")
    elif own:
        st.subheader(t("results.network.invite_title"))
        st.write(t("results.network.invite", n=N_MIN))
        st.page_link("pages/network.py", label=t("results.network.invite_link"), icon=":material/hub:")
