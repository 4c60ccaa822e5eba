"""One widget per item kind. Answers live in the session, widgets only mirror them (ui/answer_widgets.py)."""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import AnswerKey, Item, Questionnaire, Segment
from assessment.scoring import impossible_segments

from . import answer_widgets, drafts
from .session import current
from .text import t


def keys_of(q: Questionnaire, item_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for i in item_ids for k in q.item(i).answer_keys(q.segments))


def collect(q: Questionnaire, item_ids: tuple[str, ...]) -> None:
    """Copy the step's widget values into the answers (widgets vanish between steps).

    Called by the step's buttons; each answer is also kept as it is given (``flow.answer_given``).
    """
    answer_widgets.collect(keys_of(q, item_ids), current().answers)


def _choice(answer_key: str, label: str, options: tuple[tuple[str, str], ...], *, help: str | None = None) -> None:
    key = answer_widgets.seed(answer_key, current().answers)
    labels = dict(options)
    st.radio(label, options=[o for o, _ in options], format_func=labels.__getitem__, key=key, horizontal=True,
             help=help or None, on_change=answer_given, args=(answer_key,))


def answer_given(answer_key: str) -> None:
    """on_change of every answer: keep it, and save the draft at once (a reload loses nothing)."""
    answer_widgets.collect((answer_key,), current().answers)
    drafts.keep_draft()


def show_item(item: Item, q: Questionnaire) -> None:
    """Render one item; its answers land in the session's answers under ``item.answer_keys``."""
    if item.kind == "segment_grid":
        _grid(item, q)
        return
    _choice(item.id, item.text, tuple((o.id, o.label) for o in item.options), help=item.help)


def _grid(item: Item, q: Questionnaire) -> None:
    """Two radios per segment, each label complete on its own and plain (a screen reader reads it
    alone, and would read markdown's asterisks aloud in the group's name).

    What the columns and segments mean is written out where it is needed, once each: the columns
    above the grid, each segment in one line above its two radios. There are no "?" icons (each was an
    extra tab stop, its text out of sight on a phone). No container or caption beyond that: every element
    costs time on every rerun, and a step is rerun once per click by each person in the room.
    """
    st.markdown(t("questionnaire.grid.title", text=item.text))
    st.caption("  \n".join([t("questionnaire.grid.overlap")]
                           + [t("questionnaire.grid_inline.column", column=c.label, help=c.help) for c in item.columns]))
    answers = current().answers
    wrong = set(impossible_segments(q, answers))  # answers as of the last Next: the message stays until corrected
    with st.container(key="answers-grid"):  # its short bands stay one line on a phone (app.py's CSS)
        for segment in q.segments:
            st.markdown(t("questionnaire.grid_inline.segment", segment=segment.name, description=segment.description))
            for column in item.columns:
                _choice(
                    str(AnswerKey(item.id, segment.id, column.id)),
                    t("questionnaire.grid.cell", segment=segment.name, column=column.label),
                    tuple((b.id, b.label) for b in column.bands),
                )
            if segment.id in wrong:
                st.error(impossible_text(item, segment, answers), icon=":material/error:")


def impossible_text(item: Item, segment: Segment, answers) -> str:
    """The note under a grid row whose favour-ready band is above its known band."""
    (known_col, known), (favour_col, favour) = (
        (c, c.band(answers[str(AnswerKey(item.id, segment.id, c.id))])) for c in item.columns[:2])
    return t("questionnaire.grid.impossible", segment=segment.name, known_column=known_col.label, known=known.label,
             favour_column=favour_col.label, favour=favour.label)


def unanswered(q: Questionnaire, item_ids: tuple[str, ...]) -> list[str]:
    """Answer keys of these items that still lack an answer."""
    given = current().answers
    return [k for k in keys_of(q, item_ids) if not given.get(k)]
