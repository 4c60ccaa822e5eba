"""The facilitator's page: creating a workshop, then its links and controls.

Every control acts on the database at once (an ``on_click``), so a second facilitator tab,
the projector and another server all see the change on their next refresh.
"""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.room.export import (
    ROOM_COLUMN, SEGMENT_MEASURES, Column, build_dictionary_csv, build_room_csv, export_columns,
)
from assessment.room.metrics import metric_name
from assessment.room.screens import SCREENS
from assessment.room.summary import FLOOR_RESPONSES
from assessment.storage.errors import StorageUnavailable
from assessment.room.joining import format_join_code
from assessment.storage.workshops import Workshop

from . import resources, session, workshops
from .link_box import link_box
from .press import action_button
from .result_view import md_escape
from .text import number, t

DELETED = "workshop.deleted"            # the title of the workshop just deleted, for a one-off notice
NOT_CHANGED = "workshop.not_changed"    # one-off flag: a control's change did not reach the database
REMOVED = "workshop.removed"            # one-off: how many results the facilitator just removed
COUNT_REFRESH = "5s"
QR_WIDTH = 220
MAX_MINIMUM = 50  # a minimum group size above a big room's size would hide everything


def create_form() -> None:
    """Title and note; on submit the page becomes the new workshop's facilitator page."""
    st.write(t("workshop.create.intro"))
    with st.form("workshop.new", enter_to_submit=False):
        st.text_input(t("workshop.create.workshop_title"), key="workshop.title", max_chars=workshops.MAX_TITLE,
                      placeholder=t("workshop.create.workshop_title_placeholder"),
                      help=t("workshop.create.workshop_title_help"))
        st.text_area(t("workshop.create.note"), key="workshop.note", max_chars=workshops.MAX_NOTE, height=80,
                     placeholder=t("workshop.create.note_placeholder"), help=t("workshop.create.note_help"))
        submitted = st.form_submit_button(t("workshop.create.submit"), key="workshop.create", type="primary")
    if submitted:
        title = str(st.session_state.get("workshop.title") or "").strip()
        if not title:
            st.error(t("workshop.create.no_title"))
            return
        if not workshops.allowed(workshops.CREATIONS):
            st.error(t("workshop.too_many_workshops"))
            return
        try:
            workshop, key = workshops.create(title, str(st.session_state.get("workshop.note") or ""))
        except StorageUnavailable:
            st.error(t("workshop.not_created"))
            return
        session.current().just_created = workshop.id
        st.query_params.update(workshops.link_params(workshop.id, key))
        st.rerun()


def created_here() -> None:
    """Links back to the workshops created or opened in this browser tab (their keys live in the session)."""
    created = session.current().facilitator_keys
    found = [(w, key) for w, key in ((resources.store().find_workshop(int(i)), k) for i, k in created.items()) if w]
    if not found:
        return
    st.markdown(t("workshop.rooms.held_here"))
    for workshop, key in found:
        st.page_link("pages/workshop.py", label=md_escape(workshop.title), icon=":material/groups:",
                     query_params=workshops.link_params(workshop.id, key))


def show_notice() -> None:
    """Once, after deleting: which workshop is gone."""
    title = st.session_state.pop(DELETED, None)
    if title is not None:
        st.success(t("workshop.facilitator.deleted", title=md_escape(title)))


def facilitator_page(workshop: Workshop, key: str) -> None:
    """Links to hand out, the live count and the controls of one workshop."""
    st.title(md_escape(workshop.title), anchor=False)
    if workshop.note:
        st.caption(md_escape(workshop.note))
    if st.session_state.pop(NOT_CHANGED, False):
        st.error(t("workshop.not_changed"))
    if session.current().just_created == workshop.id:
        _private_link(workshop, key)
    _status(workshop)
    _joining(workshop)
    _projector(workshop, key)
    projector_steps(workshop.id, workshop.revealed)
    _controls(workshop)
    _privacy(workshop)
    _remove_latest(workshop)
    _delete(workshop)


def _private_link(workshop: Workshop, key: str) -> None:
    st.success(t("workshop.facilitator.ready"))
    with st.container(border=True, key="workshop-private"):
        st.markdown(t("workshop.facilitator.private_link"))
        link_box(workshops.facilitator_link(workshop.id, key), label=t("common.link_box.facilitator_link"),
                 key="link.facilitator")
        st.warning(t("workshop.facilitator.private_warning"), icon=":material/key:")
        action_button(st, t("workshop.facilitator.saved_it"), key="workshop.saved_link", on_click=_link_saved)


def _link_saved() -> None:
    session.current().just_created = None


def _status(workshop: Workshop) -> None:
    count, answers, screen = st.columns(3)
    with count:
        _live_count(workshop.id)
    answers.metric(t("workshop.facilitator.answers"),
                   t("workshop.facilitator.open") if workshop.is_open else t("workshop.facilitator.closed"))
    screen.metric(t("workshop.facilitator.projector"), t("workshop.facilitator.results_shown") if workshop.revealed
                  else t("workshop.facilitator.join_code_shown"))


@st.fragment(run_every=COUNT_REFRESH)
def _live_count(workshop_id: int) -> None:
    try:
        st.metric(t("workshop.facilitator.responses"), number(resources.store().workshop_response_count(workshop_id)))
    except StorageUnavailable:
        st.metric(t("workshop.facilitator.responses"), "…", help=t("workshop.facilitator.responses_unavailable"))


def _joining(workshop: Workshop) -> None:
    st.header(t("workshop.facilitator.participants_join"), anchor=False)
    link = workshops.join_link(workshop.code)
    text, code = st.columns([3, 2], vertical_alignment="center")
    with text:
        st.markdown(t("workshop.facilitator.join_code", code=format_join_code(workshop.code)))
        link_box(link, label=t("common.link_box.join_link"), key="link.join")
        st.caption(t("workshop.facilitator.join_other_ways"))
    with code:
        st.image(workshops.join_qr(link, QR_WIDTH), width=QR_WIDTH, alt=t("workshop.qr_alt"))


def _projector(workshop: Workshop, key: str) -> None:
    st.header(t("workshop.facilitator.projector"), anchor=False)
    link = workshops.projector_link(workshop.id, key)
    st.link_button(t("workshop.facilitator.projector_open"), link, icon=":material/tv:", type="primary")
    st.caption(t("workshop.facilitator.projector_help"))
    with st.expander(t("workshop.facilitator.projector_link")):
        link_box(link, label=t("common.link_box.projector_link"), key="link.projector")


def _controls(workshop: Workshop) -> None:
    st.header(t("workshop.facilitator.during"), anchor=False)
    reveal, close = st.columns(2)
    with reveal:
        _reveal_button(workshop.id, workshop.revealed)
    action_button(
        close, t("workshop.facilitator.close") if workshop.is_open else t("workshop.facilitator.reopen"),
        key="workshop.open", width="stretch",
        icon=":material/lock:" if workshop.is_open else ":material/lock_open:",
        on_click=_set, args=("open", workshop.id, not workshop.is_open),
    )
    store, q = resources.store(), resources.questionnaire()
    names = export_metric_names(q)
    results, dictionary = st.columns(2)
    results.download_button(
        t("workshop.facilitator.download"), key="workshop.export", icon=":material/download:", width="stretch",
        data=lambda: build_room_csv(store.workshop_export_rows(workshop.id), min_responses=workshop.min_responses,
                                    metric_names=names),
        file_name=f"wide-and-deep-workshop-{workshop.code}.csv", mime="text/csv", on_click="ignore",
    )
    dictionary.download_button(
        t("workshop.facilitator.download_dictionary"), key="workshop.dictionary", icon=":material/menu_book:",
        width="stretch", data=lambda: dictionary_csv(q),
        file_name=f"wide-and-deep-workshop-{workshop.code}-columns.csv", mime="text/csv", on_click="ignore",
    )
    st.caption(t("workshop.facilitator.download_help", n=workshop.min_responses))


@st.fragment(run_every=COUNT_REFRESH)
def _reveal_button(workshop_id: int, revealed: bool) -> None:
    """Reveal (or hide) the results. It is the page's main action only once the room has enough
    answers to show anything (the minimum group size): before that, revealing shows a count."""
    try:
        workshop = resources.store().find_workshop(workshop_id)
        count = resources.store().workshop_response_count(workshop_id)
    except StorageUnavailable:
        workshop, count = None, 0
    if workshop is not None and workshop.revealed != revealed:
        st.rerun(scope="app")  # revealed or hidden from another tab: the whole page follows
    minimum = workshop.min_responses if workshop is not None else FLOOR_RESPONSES
    ready = count >= minimum
    action_button(
        st, t("workshop.facilitator.hide") if revealed else t("workshop.facilitator.reveal"),
        key="workshop.reveal", width="stretch", type="primary" if ready and not revealed else "secondary",
        icon=":material/visibility_off:" if revealed else ":material/visibility:",
        on_click=_set, args=("revealed", workshop_id, not revealed),
    )
    if not ready and not revealed:
        st.caption(t("projector.steps.below_minimum", n=minimum, count=count))


@st.fragment(run_every=COUNT_REFRESH)
def projector_steps(workshop_id: int, revealed: bool) -> None:
    """Back and Next through the projector's screens (the projector's arrow keys step the same
    ones: the screen is stored with the workshop). Refreshed, so a key pressed there shows here."""
    try:
        workshop = resources.store().find_workshop(workshop_id)
    except StorageUnavailable:
        workshop = None
    if workshop is None or not workshop.revealed:
        st.caption(t("projector.steps.before_reveal"))
        return
    with st.container(key="workshop-steps", border=True):
        st.markdown(t("projector.steps.showing", name=t(f"projector.screen.name.{SCREENS[workshop.screen]}"),
                      n=workshop.screen + 1, total=len(SCREENS)))
        back, forward = st.columns(2)
        action_button(back, t("projector.steps.back"), key="workshop.screen_back", icon=":material/arrow_back:",
                      width="stretch", disabled=workshop.screen == 0, on_click=_step, args=(workshop_id, -1))
        action_button(forward, t("projector.steps.next"), key="workshop.screen_next", icon=":material/arrow_forward:",
                      width="stretch", type="primary", disabled=workshop.screen == len(SCREENS) - 1,
                      on_click=_step, args=(workshop_id, 1))
        st.caption(t("projector.steps.help"))


def _step(workshop_id: int, step: int) -> None:
    try:
        resources.store().step_workshop_screen(workshop_id, step)
    except StorageUnavailable:
        st.session_state[NOT_CHANGED] = True


def export_metric_names(q: Questionnaire) -> tuple[str, ...]:
    """The export's metric columns in questionnaire order: dimensions, then each segment's measures."""
    return tuple(metric_name("dim", d.id) for d in q.dimensions) + tuple(
        metric_name("seg", s.id, m) for s in q.segments for m in SEGMENT_MEASURES)


def dictionary_csv(q: Questionnaire, *, rooms: bool = False) -> str:
    """What each column of the export means, in the facilitator's language; ``rooms``: of the
    combined export of several rooms, whose first column names the room (``rooms_view.py``)."""
    dimensions = {d.id: d.name for d in q.dimensions}
    segments = {s.id: s.name for s in q.segments}

    def describe(column: Column) -> str:
        if column.kind == "fixed" and column.header == ROOM_COLUMN:
            return t("workshop.rooms.column_room")
        if column.kind == "fixed":
            return t(f"workshop.export.column.{column.header}")
        if column.kind == "dimension":
            return t("workshop.export.column.dimension", name=dimensions.get(column.about, column.about))
        return t(f"workshop.export.column.segment_{column.kind}", name=segments.get(column.about, column.about))

    heading = (t("workshop.export.dictionary_column"), t("workshop.export.dictionary_meaning"))
    columns = ((Column(ROOM_COLUMN),) if rooms else ()) + export_columns((), export_metric_names(q))
    return build_dictionary_csv(columns, describe, heading)


def _privacy(workshop: Workshop) -> None:
    """The room's privacy rule, and the minimum group size the facilitator may raise."""
    st.header(t("workshop.facilitator.privacy_title"), anchor=False)
    st.markdown(t("workshop.facilitator.privacy_rule", n=workshop.min_responses))
    st.number_input(
        t("workshop.facilitator.minimum"), key="workshop.minimum", min_value=FLOOR_RESPONSES, max_value=MAX_MINIMUM,
        value=workshop.min_responses, step=1, help=t("workshop.facilitator.minimum_help", floor=FLOOR_RESPONSES),
        on_change=_set_minimum, args=(workshop.id,),
    )


def _set_minimum(workshop_id: int) -> None:
    try:
        resources.store().set_workshop_min_responses(workshop_id, int(st.session_state["workshop.minimum"]))
    except StorageUnavailable:
        st.session_state[NOT_CHANGED] = True


def _remove_latest(workshop: Workshop) -> None:
    """Remove the last few results (e.g. one person who pressed the button 20 times)."""
    removed = st.session_state.pop(REMOVED, None)
    if removed is not None:
        st.success(t("workshop.facilitator.removed", n=removed) if removed else t("workshop.facilitator.removed_none"))
    with st.expander(t("workshop.facilitator.remove_title")):
        st.write(t("workshop.facilitator.remove_intro"))
        st.number_input(t("workshop.facilitator.remove_count"), key="workshop.remove_count", min_value=1,
                        max_value=1000, value=1, step=1)
        action_button(st, t("workshop.facilitator.remove"), key="workshop.remove", icon=":material/undo:",
                      on_click=_remove, args=(workshop.id,))


def _remove(workshop_id: int) -> None:
    try:
        count = int(st.session_state.get("workshop.remove_count") or 1)
        st.session_state[REMOVED] = resources.store().remove_latest_workshop_results(workshop_id, count)
    except StorageUnavailable:
        st.session_state[NOT_CHANGED] = True


def _set(what: str, workshop_id: int, value: bool) -> None:
    try:
        store = resources.store()
        if what == "revealed":
            store.set_workshop_revealed(workshop_id, value)
        else:
            store.set_workshop_open(workshop_id, value)
    except StorageUnavailable:
        st.session_state[NOT_CHANGED] = True


def _delete(workshop: Workshop) -> None:
    with st.expander(t("workshop.facilitator.delete_title")):
        st.write(t("workshop.facilitator.delete_warning"))
        sure = st.checkbox(t("workshop.facilitator.delete_confirm"), key="workshop.delete_confirm")
        if st.button(t("workshop.facilitator.delete"), key="workshop.delete", disabled=not sure,
                     icon=":material/delete:"):
            try:
                resources.store().delete_workshop(workshop.id)
            except StorageUnavailable:
                st.error(t("workshop.not_changed"))
                return
            session.current().just_created = None
            st.session_state[DELETED] = workshop.title
            st.query_params.clear()
            st.rerun()
