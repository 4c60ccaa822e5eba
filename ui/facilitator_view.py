"""The facilitator's page: creating a workshop, then its links and controls.

Every control acts on the database at once (an ``on_click``), so a second facilitator tab,
the projector and another server all see the change on their next refresh.
"""

from __future__ import annotations

import streamlit as st

from assessment.room.export import build_room_csv
from assessment.storage.errors import StorageUnavailable
from assessment.room.joining import format_join_code
from assessment.storage.workshops import Workshop

from . import resources, state, workshops
from .result_view import md_escape

NOTICE = "workshop.notice"              # one-off message after deleting
COUNT_REFRESH = "5s"
QR_WIDTH = 220


def create_form() -> None:
    """Title and note; on submit the page becomes the new workshop's facilitator page."""
    st.write(
        "Run the assessment with a group: everyone answers on their own phone, and the projector shows the room "
        "as anonymous dots and averages once you reveal it."
    )
    with st.form("workshop.new", enter_to_submit=False):
        st.text_input("Workshop title", key="workshop.title", max_chars=workshops.MAX_TITLE,
                      placeholder="e.g. Team day · networks session", help="Participants see it when they join.")
        st.text_area("Note (optional)", key="workshop.note", max_chars=workshops.MAX_NOTE, height=80,
                     placeholder="e.g. Room 2, 14:00", help="Shown under the title on the projector.")
        submitted = st.form_submit_button("Create the workshop", key="workshop.create", type="primary")
    if submitted:
        title = str(st.session_state.get("workshop.title") or "").strip()
        if not title:
            st.error(workshops.MESSAGES["no_title"])
            return
        workshop, key = workshops.create(title, str(st.session_state.get("workshop.note") or ""))
        state.put(state.JUST_CREATED, workshop.id)
        st.query_params.update({"w": str(workshop.id), "k": key})
        st.rerun()


def created_here() -> None:
    """Links back to the workshops created in this browser tab (their keys live in the session)."""
    created = state.get(state.FACILITATOR) or {}
    found = [(w, key) for w, key in ((resources.store().find_workshop(int(i)), k) for i, k in created.items()) if w]
    if not found:
        return
    st.markdown("**Workshops you created in this tab**")
    for workshop, key in found:
        st.page_link("pages/workshop.py", label=md_escape(workshop.title), icon=":material/groups:",
                     query_params={"w": str(workshop.id), "k": key})


def show_notice() -> None:
    notice = state.pop(NOTICE)
    if notice:
        st.success(notice)


def facilitator_page(workshop: Workshop, key: str) -> None:
    """Links to hand out, the live count and the controls of one workshop."""
    st.title(md_escape(workshop.title), anchor=False)
    if workshop.note:
        st.caption(md_escape(workshop.note))
    if state.get(state.JUST_CREATED) == workshop.id:
        _private_link(workshop, key)
    _status(workshop)
    _joining(workshop)
    _projector(workshop, key)
    _controls(workshop)
    _delete(workshop)


def _private_link(workshop: Workshop, key: str) -> None:
    st.success("Your workshop is ready.")
    with st.container(border=True, key="workshop-private"):
        st.markdown("**Your facilitator link** — keep it private")
        st.code(workshops.facilitator_link(workshop.id, key), language=None, wrap_lines=True)
        st.warning(
            "Anyone with this link can reveal, close, export and delete this workshop, and it can't be shown "
            "again once you leave this tab: bookmark it or copy it somewhere safe. Give participants the join "
            "code or QR code below, never this link.",
            icon=":material/key:",
        )
        st.button("I've saved it", key="workshop.saved_link", on_click=state.pop, args=(state.JUST_CREATED,))


def _status(workshop: Workshop) -> None:
    count, answers, screen = st.columns(3)
    with count:
        _live_count(workshop.id)
    answers.metric("Answers", "Open" if workshop.is_open else "Closed")
    screen.metric("Projector", "Results shown" if workshop.revealed else "Join code")


@st.fragment(run_every=COUNT_REFRESH)
def _live_count(workshop_id: int) -> None:
    try:
        st.metric("Responses", f"{resources.store().workshop_response_count(workshop_id):,}")
    except StorageUnavailable:
        st.metric("Responses", "…", help="The database can't be reached just now; retrying.")


def _joining(workshop: Workshop) -> None:
    st.header("Participants join", anchor=False)
    link = workshops.join_link(workshop.code)
    text, code = st.columns([3, 2], vertical_alignment="center")
    with text:
        st.markdown(f"Join code: **{format_join_code(workshop.code)}**")
        st.code(link, language=None, wrap_lines=True)
        st.caption("Or they scan the QR code (also shown on the projector) or type the code on the Join page.")
    with code:
        st.image(workshops.qr_svg(link, QR_WIDTH), width=QR_WIDTH, alt="QR code of the join link")


def _projector(workshop: Workshop, key: str) -> None:
    st.header("Projector", anchor=False)
    link = workshops.projector_link(workshop.id, key)
    st.link_button("Open the projector view", link, icon=":material/tv:", type="primary")
    st.caption("Open it on the computer that drives the projector (F11 for full screen); it refreshes by itself.")
    with st.expander("Projector link (it holds your facilitator key: don't put it on screen)"):
        st.code(link, language=None, wrap_lines=True)


def _controls(workshop: Workshop) -> None:
    st.header("During the workshop", anchor=False)
    reveal, close = st.columns(2)
    reveal.button(
        "Hide results on the projector" if workshop.revealed else "Reveal results on the projector",
        key="workshop.reveal", width="stretch", type="secondary" if workshop.revealed else "primary",
        icon=":material/visibility_off:" if workshop.revealed else ":material/visibility:",
        on_click=_set, args=("revealed", workshop.id, not workshop.revealed),
    )
    close.button(
        "Close submissions" if workshop.is_open else "Reopen submissions",
        key="workshop.open", width="stretch",
        icon=":material/lock:" if workshop.is_open else ":material/lock_open:",
        on_click=_set, args=("open", workshop.id, not workshop.is_open),
    )
    store = resources.store()
    st.download_button(
        "Download anonymous results (CSV)", key="workshop.export", icon=":material/download:", width="stretch",
        data=lambda: build_room_csv(store.workshop_export_rows(workshop.id)),
        file_name=f"wide-and-deep-workshop-{workshop.code}.csv", mime="text/csv", on_click="ignore",
    )
    st.caption("One row per response: scores only, no names, times or links. A nickname appears only when its "
               "owner chose to show it.")


def _set(what: str, workshop_id: int, value: bool) -> None:
    store = resources.store()
    if what == "revealed":
        store.set_workshop_revealed(workshop_id, value)
    else:
        store.set_workshop_open(workshop_id, value)


def _delete(workshop: Workshop) -> None:
    with st.expander("Delete this workshop"):
        st.write("This deletes the workshop and every result in it, for good. Participants' own share links "
                 "will say their results were removed, and the join code stops working.")
        sure = st.checkbox("Yes, delete the workshop and all its results", key="workshop.delete_confirm")
        if st.button("Delete the workshop", key="workshop.delete", disabled=not sure, icon=":material/delete:"):
            resources.store().delete_workshop(workshop.id)
            state.pop(state.JUST_CREATED)
            state.put(NOTICE, f"The workshop “{md_escape(workshop.title)}” and its results are deleted.")
            st.query_params.clear()
            st.rerun()
