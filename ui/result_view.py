"""Showing a result: the same view for the owner, a shared link and a workshop participant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from assessment.chart_text import ChartText, result_texts
from assessment.charts import ChartTexts, result_figures
from assessment.network.blend import N_MIN
from assessment.people_text import as_markdown_text
from assessment.questionnaire import Questionnaire
from assessment.scoring import CLOSE_POINTS, Result, close_weakest, nearest_places
from assessment.wording import result_words

from .chart_view import show_chart
from .session import current
from .text import language, t

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def md_escape(text: str) -> str:
    """Text a person typed, made inert for st.markdown (``assessment.people_text.as_markdown_text``)."""
    return as_markdown_text(text)


def chart_texts(result: Result, *, for_reader: bool = False) -> ChartTexts:
    """The chart words for ``result`` in the session's language; on a share link the point on the map
    is "This person", not "You" (the reader is someone else)."""
    return ChartTexts(
        map_title=t("results.charts.map_title", width=result.width, depth=result.depth),
        width=t("results.width"), depth=t("results.depth"),
        width_axis=t("results.charts.width_axis"), depth_axis=t("results.charts.depth_axis"),
        you=t("results.chart_text.reader_point") if for_reader else t("results.charts.you"), dimensions_title=t("results.charts.dimensions_title"),
        where_title=t("results.charts.where_title"), known=t("results.charts.known"),
        favour=t("results.charts.favour"), wide_mark=t("results.charts.wide_mark"),
        deep_mark=t("results.charts.deep_mark"), wide_zone=t("results.charts.wide_zone"),
        deep_zone=t("results.charts.deep_zone"),
    )


def _figure_key(result: Result, q: Questionnaire, titled: bool, for_reader: bool) -> int:
    """What the figures depend on: the scores, the questionnaire's words and the language (not the
    Result's stored texts, which the figures do not show twice)."""
    return hash((result.width, result.depth, result.dimensions, result.segments, result.thresholds,
                 tuple(result.texts.items()), q.id, q.version, language(), titled, for_reader))


@st.cache_resource(show_spinner=False, max_entries=256)
def _figures(key: int, _result: Result, _q: Questionnaire, titled: bool, for_reader: bool):
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
    show_chart(map_fig, key="chart.map", **chart_words(map_alt))

    if result.segments:
        st.subheader(t("results.reader.where_title") if for_reader else t("results.where.title"))
        st.markdown(where_lists(result, q))
        st.caption(t("results.where.how"))
        show_chart(where_fig, key="chart.where", **chart_words(where_alt))

    st.subheader(t("results.reader.dimensions") if for_reader else t("results.dimensions"))
    show_chart(dims_fig, key="chart.dimensions", **chart_words(dims_alt))

    steps = len(result.advice)
    st.subheader(t("results.reader.next_steps", n=steps) if for_reader else t("results.next_steps", n=steps))
    if close_weakest(result.dimensions) and result.segments:
        st.caption(steps_reason(result, q))
    guidance = dict(q.guidance)
    for n, advice in enumerate(map(words.advice, result.advice), start=1):
        with st.container(border=True):
            st.markdown(t("results.advice_title", n=n, title=advice.title))
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


def where_lists(result: Result, q: Questionnaire) -> str:
    """Which parts are wide and which deep, with the band each verdict starts at."""
    words, none = result_words(result, q), t("results.where.none")
    grid = next((i for i in q.items if i.kind == "segment_grid"), None)
    known, favour = (grid.columns[0].bands, grid.columns[1].bands) if grid and len(grid.columns) > 1 else ((), ())
    return t("results.where.lists",
             wide=", ".join(words.segment(s.id) for s in result.segments if s.wide) or none,
             deep=", ".join(words.segment(s.id) for s in result.segments if s.deep) or none,
             wide_band=first_band_at(known, result.thresholds.segment_wide),
             deep_band=first_band_at(favour, result.thresholds.segment_deep))


def steps_reason(result: Result, q: Questionnaire) -> str:
    """Why the steps follow the segment map: the weakest dimensions are close; where is nearest to deep/wide."""
    words, near = result_words(result, q), nearest_places(result.segments)
    if near.deep and near.wide:
        nearest = t("results.where.nearest_both", deep=words.segment(near.deep), wide=words.segment(near.wide))
    elif near.deep or near.wide:
        which = "nearest_deep" if near.deep else "nearest_wide"
        nearest = t(f"results.where.{which}", segment=words.segment(near.deep or near.wide))
    else:
        nearest = t("results.where.nearest_none")
    return t("results.where.close", points=CLOSE_POINTS, nearest=nearest)


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
