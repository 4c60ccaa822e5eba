"""One widget per item kind. Answers live in our own session dict, widgets only mirror them."""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Item, Questionnaire

from . import state


def collect(q: Questionnaire, item_ids: tuple[str, ...]) -> None:
    """Copy the step's widget values into the answers dict (widgets vanish between steps).

    Called by the step's submit buttons: a step is a form, so answering costs no rerun;
    only Back, Next and Finish do (one rerun per step, which keeps a full room fast).
    """
    given = state.answers()
    for item_id in item_ids:
        for key in q.item(item_id).answer_keys(q.segments):
            value = st.session_state.get(state.widget_key(key))
            if value is None:
                given.pop(key, None)
            else:
                given[key] = value


def _choice(answer_key: str, label: str, options: tuple[tuple[str, str], ...], *, help: str | None = None,
            label_visibility: str = "visible") -> None:
    key = state.widget_key(answer_key)
    if key not in st.session_state:
        st.session_state[key] = state.answers().get(answer_key)
    labels = dict(options)
    st.radio(
        label, options=[o for o, _ in options], format_func=labels.__getitem__, key=key, horizontal=True,
        help=help or None, label_visibility=label_visibility,
    )


def show_item(item: Item, q: Questionnaire) -> None:
    """Render one item; its answers land in ``state.answers()`` under ``item.answer_keys``."""
    if item.kind == "segment_grid":
        _grid(item, q)
        return
    _choice(item.id, item.text, tuple((o.id, o.label) for o in item.options), help=item.help)


def _grid(item: Item, q: Questionnaire) -> None:
    """Two radios per segment, each label complete on its own (screen readers read it alone).

    No container or caption per segment: every element costs time on every rerun, and a
    step is rerun once per click by each person in the room.
    """
    st.markdown(f"**{item.text}**")
    for segment in q.segments:
        for column in item.columns:
            _choice(
                f"{item.id}.{segment.id}.{column.id}", f"**{segment.name}** · {column.label}",
                tuple((b.id, b.label) for b in column.bands), help=f"{segment.description} {column.help}",
            )


def unanswered(q: Questionnaire, item_ids: tuple[str, ...]) -> list[str]:
    """Answer keys of these items that still lack an answer."""
    given = state.answers()
    return [k for i in item_ids for k in q.item(i).answer_keys(q.segments) if not given.get(k)]
