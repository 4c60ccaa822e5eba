"""Your place in the room, on your own phone only (issue 12 §4): after the facilitator reveals the
room, a participant sees the room's map with their own dot marked and two plain sentences of
where they stand. Nothing of it reaches the projector (``ui/projector_view.py`` never calls this).

The room compared with is the one the projector may show (``room_feed.released_view``: released in
whole batches, coarsened, nothing below the minimum group size), so a participant learns nothing
of anybody the wall does not already show; their own dot is drawn at their own exact scores.
It is drawn when the page opens and again when the participant presses "Look again".
"""

from __future__ import annotations

import streamlit as st

from assessment.room.place import RoomPlace, Square, place_in_room, squares
from assessment.room.place_chart import PlaceChartTexts, place_map
from assessment.storage.errors import StorageUnavailable

from . import resources, room_feed, session
from .chart_view import show_chart
from .text import number, t

AGAIN = "room-place.again"


def offer_place_in_room() -> None:
    """The section, for a participant in a workshop who has a result; nothing otherwise."""
    me = session.current()
    if me.workshop is None or me.result is None:
        return
    _place(me.workshop.id)


@st.fragment
def _place(workshop_id: int) -> None:
    """No timer: a phone that polled would cost the server a run every few seconds for every
    participant of every room, revealed or not. "Look again" reruns only this section, when the
    facilitator says the room is on the wall."""
    result = session.current().result
    if result is None:
        return
    try:
        workshop = resources.store().find_workshop(workshop_id)
        room = room_feed.released_view(workshop_id, workshop.min_responses) if workshop and workshop.revealed else None
    except StorageUnavailable:
        st.caption(t("workshop.place.unavailable"))
        return
    if workshop is None:
        return
    with st.container(key="room-place"):
        st.subheader(t("workshop.place.title"), anchor=False)
        if room is None:
            st.caption(t("workshop.place.waiting"))
        elif (place := place_in_room(result.width, result.depth, room.summary)) is None:
            st.info(t("workshop.place.too_few", n=room.summary.min_responses))
        else:
            _show_place(place, squares(room.summary))
        st.button(t("workshop.place.look_again"), key=AGAIN, icon=":material/refresh:")


def _show_place(place: RoomPlace, room: tuple[Square, ...]) -> None:
    for axis, where in (("width", place.on_width), ("depth", place.on_depth)):
        st.markdown(t(f"workshop.place.{axis}.{where.phrase}", **where.counts()))
    q = resources.questionnaire()
    texts = PlaceChartTexts(
        width_axis=t("workshop.place.width_axis"), depth_axis=t("workshop.place.depth_axis"),
        you=t("workshop.place.you"), room=t("workshop.place.room"), dots=lambda n: t("workshop.place.dots", n=n),
    )
    figure = place_map(place, room, q.profiles, wide_cut=q.thresholds.wide, deep_cut=q.thresholds.deep, texts=texts)
    width, depth = number(place.width), number(place.depth)
    rows = [(t("workshop.place.table_square", n=s.dots), f"{s.width_from}–{s.width_to}", f"{s.depth_from}–{s.depth_to}")
            for s in room]
    rows.append((t("workshop.place.you"), width, depth))
    show_chart(figure, key="room-place.map", summary=t("workshop.place.chart_summary", n=place.dots, width=width,
                                                         depth=depth),
               columns=(t("workshop.place.table_who"), t("workshop.place.table_width"), t("workshop.place.table_depth")),
               rows=rows)
    st.caption(t("workshop.place.only_you"))
