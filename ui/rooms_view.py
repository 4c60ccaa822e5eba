"""Several rooms side by side (issue 12 §6), on the workshop page: averages, where each room is
deep and each room's reach, and one combined anonymous export.

Which rooms: only those whose facilitator key this browser tab holds, each checked against its
stored hash every time: the workshops created in this tab, those whose facilitator link was
opened in it, and those added here by pasting their facilitator link. Facilitator rights are per
workshop key, so a room is shown only to someone who could open its own facilitator page; there
is no account that could list "all my rooms", and a key is never guessed from a code or a title.

Each room is the room as its projector may show it (``room_feed.released_view``: its own minimum group
size, its own batches, whole-number means); a room under its minimum shows no figure and says so.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import streamlit as st

from assessment.room.export import ExportRoom, build_rooms_csv
from assessment.room.rooms import RoomsComparison, SegmentCell, compare_rooms, room_labels
from assessment.room.rooms_chart import RoomsChartTexts, room_averages, rooms_map
from assessment.room.joining import verify_facilitator_key
from assessment.storage.errors import StorageUnavailable
from assessment.storage.workshops import Workshop

from . import resources, room_feed, session, workshops
from .chart_view import chart_table, show_chart
from .facilitator_view import dictionary_csv, export_metric_names
from .links import Param
from .press import action_button
from .result_view import md_escape
from .text import number, t

MAX_ROOMS = 12  # rooms compared at once: a table wider than this is no longer "side by side"
MAX_HELD = 50  # keys looked at per run (each is one query); creating is limited to 5 an hour anyway
MAX_LINK = 600  # characters of a pasted facilitator link (a real one is under 200)
CHOSEN, LINK, ADD, ADDED = "workshop.rooms.chosen", "workshop.rooms.link", "workshop.rooms.add", "workshop.rooms.added"


def held_rooms() -> list[Workshop]:
    """The live workshops whose facilitator key this tab holds (checked now), oldest first."""
    store = resources.store()
    found = []
    for workshop_id, key in list(session.current().facilitator_keys.items())[:MAX_HELD]:
        workshop = store.find_workshop(int(workshop_id)) if workshop_id.isdigit() else None
        if workshop is not None and verify_facilitator_key(key, workshop.facilitator_hash):
            found.append(workshop)
    return sorted(found, key=lambda w: (w.created_at, w.id))


def rooms_side_by_side() -> None:
    """The section: the rooms this tab may see, a way to add one by its link, then the comparison."""
    try:
        rooms = held_rooms()
    except StorageUnavailable:
        return
    with st.container(key="workshop-rooms"):
        st.header(t("workshop.rooms.title"), anchor=False)
        st.caption(t("workshop.rooms.which"))
        _add_by_link()
        if not rooms:
            return
        labels = dict(zip((w.id for w in rooms), room_labels([t("workshop.rooms.figure"), *(w.title for w in rooms)])[1:]))
        chosen_ids = st.multiselect(
            t("workshop.rooms.choose"), options=[w.id for w in rooms], default=[w.id for w in rooms][-MAX_ROOMS:],
            format_func=lambda i: labels.get(i, "?"), max_selections=MAX_ROOMS,
            key=CHOSEN + "." + ".".join(str(w.id) for w in rooms),  # a room just added starts chosen
        )
        chosen = [w for w in rooms if w.id in set(chosen_ids)][:MAX_ROOMS]
        if len(chosen) < 2:  # one room alone is its own facilitator page
            st.caption(t("workshop.rooms.need_two"))
        else:
            try:
                _comparison(chosen, labels)
            except StorageUnavailable:
                st.error(t("workshop.unavailable"))


def _comparison(rooms: list[Workshop], labels: dict[int, str]) -> None:
    q = resources.questionnaire()
    named = [(labels[w.id], room_feed.released_view(w.id, w.min_responses).summary) for w in rooms]
    compared = compare_rooms(named, [d.id for d in q.dimensions], [s.id for s in q.segments])
    small = [side for side in compared.rooms if side.suppressed]
    for side in small:
        st.info(t("workshop.rooms.too_small", room=md_escape(side.label), n=side.min_responses))
    # st.table renders Markdown in its cells and headers: a title is a person's text, made inert
    heading = [t("workshop.rooms.figure"), *(md_escape(side.label) for side in compared.rooms)]
    st.subheader(t("workshop.rooms.averages_title"), anchor=False)
    _map(compared, q)
    st.table(chart_table(heading, _average_rows(compared, q)))
    st.subheader(t("workshop.rooms.deep_title"), anchor=False)
    st.caption(t("workshop.rooms.deep_help", deep=q.thresholds.segment_deep))
    names = {s.id: s.name for s in q.segments}
    st.table(chart_table(heading, [(names.get(row.segment, row.segment), *(_depth(c) for c in row.cells))
                                   for row in compared.segments]))
    st.subheader(t("workshop.rooms.reach_title"), anchor=False)
    st.caption(t("workshop.rooms.reach_help"))
    st.table(chart_table(heading, [(names.get(row.segment, row.segment), *(_reach(c) for c in row.cells))
                                   for row in compared.segments]))
    _export(rooms, labels, small_labels=[side.label for side in small])


def _map(compared: RoomsComparison, q) -> None:
    points = room_averages(compared)
    if not points:
        return
    figure = rooms_map(compared, q.profiles, wide_cut=q.thresholds.wide, deep_cut=q.thresholds.deep,
                       texts=RoomsChartTexts(t("workshop.rooms.width_axis"), t("workshop.rooms.depth_axis")))
    rows = [(md_escape(label), number(width), number(depth)) for label, width, depth in points]
    show_chart(figure, key="workshop.rooms.map", summary=t("workshop.rooms.map_summary", n=len(points)),
               columns=(t("workshop.rooms.room"), t("workshop.rooms.width"), t("workshop.rooms.depth")), rows=rows)


def _average_rows(compared: RoomsComparison, q) -> list[tuple[str, ...]]:
    dimensions = {d.id: d.name for d in q.dimensions}
    rows = [(t("workshop.rooms.answers"), *(number(side.responses) for side in compared.rooms))]
    for row in compared.averages:
        name = t(f"workshop.rooms.{row.figure}") if row.figure != "dimension" else dimensions.get(row.about, row.about)
        rows.append((name, *(_score(v) for v in row.values)))
    return rows


def _score(value: float | None) -> str:
    return t("workshop.rooms.no_figure") if value is None else number(value)


def _depth(cell: SegmentCell | None) -> str:
    return _score(cell.depth if cell is not None else None)


def _reach(cell: SegmentCell | None) -> str:
    if cell is None:
        return t("workshop.rooms.no_figure")
    if cell.deep_count == 0:
        return t("workshop.rooms.nobody_deep")
    return t("workshop.rooms.deep_of", n=cell.deep_count, count=cell.count)


def _export(rooms: list[Workshop], labels: dict[int, str], small_labels: list[str]) -> None:
    store, q = resources.store(), resources.questionnaire()
    names = export_metric_names(q)
    results, dictionary = st.columns(2)
    results.download_button(
        t("workshop.rooms.download"), key="workshop.rooms.export", icon=":material/download:", width="stretch",
        data=lambda: build_rooms_csv(
            [ExportRoom(labels[w.id], store.workshop_export_rows(w.id), w.min_responses) for w in rooms],
            metric_names=names),
        file_name="wide-and-deep-rooms.csv", mime="text/csv", on_click="ignore",
    )
    dictionary.download_button(
        t("workshop.facilitator.download_dictionary"), key="workshop.rooms.dictionary", icon=":material/menu_book:",
        width="stretch", data=lambda: dictionary_csv(q, rooms=True),
        file_name="wide-and-deep-rooms-columns.csv", mime="text/csv", on_click="ignore",
    )
    st.caption(t("workshop.rooms.download_help"))
    if small_labels:
        st.caption(t("workshop.rooms.left_out", n=len(small_labels), rooms=", ".join(map(md_escape, small_labels))))


def _add_by_link() -> None:
    """Another room, by pasting its facilitator link: its key joins this tab's keys if it is right."""
    added = st.session_state.pop(ADDED, None)
    if added is not None:
        if added:
            st.success(t("workshop.rooms.added"))
        else:
            st.error(t("workshop.rooms.not_added"))
    with st.form("workshop.rooms.add_form", border=False, enter_to_submit=True):
        st.text_input(t("workshop.rooms.link_label"), key=LINK, max_chars=MAX_LINK,
                      placeholder=t("workshop.rooms.link_placeholder"), autocomplete="off")
        action_button(st, t("workshop.rooms.add"), key=ADD, icon=":material/add:", form=True, on_click=_add_room)


def _add_room() -> None:
    text = str(st.session_state.get(LINK) or "")[:MAX_LINK].strip()
    st.session_state[LINK] = ""
    query = parse_qs(urlsplit(text).query) if text else {}
    try:
        opened = workshops.open_with_key((query.get(Param.WORKSHOP) or [""])[0], (query.get(Param.KEY) or [""])[0])
    except StorageUnavailable:
        opened = None
    if opened is not None:
        session.current().remember_facilitator_key(opened[0].id, opened[1])
    st.session_state[ADDED] = opened is not None
