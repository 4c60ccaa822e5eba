"""The network map screen: a table of people, who knows whom, then measures, charts and a plan.

Rows live in ``state.ROSTER`` (plain dicts) and pairs in ``state.TIES``, so they survive page
changes; widget state does not. Names are user text: they reach markdown only through
``md_escape`` and figures only through ``network_charts.safe_label``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from assessment.network import NetworkReport, measure_network
from assessment.network_charts import diversity_chart, rings_map
from assessment.network_content import FIELD_IDS, NetworkContent
from assessment.network_plan import NetworkPlan, plan_connections
from assessment.roster import Roster, RosterError, roster_from_rows
from ui import state
from ui.result_view import CHART_CONFIG, md_escape

PEOPLE_EDITOR = "w.network.people"
TIES_PICKER = "w.network.ties"
COLUMNS = ("name",) + FIELD_IDS


def show_network_map(content: NetworkContent) -> None:
    st.title("Your network map")
    st.write(
        "Optional: list up to 25 people who matter in your working life, using initials or a nickname, and "
        "describe each with a few choices. The map shows where your network is wide, where it is deep, and "
        "who to get back in touch with. Nothing you enter here is saved; it stays in this browser tab."
    )
    rows = _people_table(content)
    ties = _who_knows_whom(rows)
    try:
        roster = roster_from_rows(rows, ties, content)
    except RosterError as error:
        st.warning("Some rows need fixing before the map can be drawn:")
        st.code("\n".join(str(issue) for issue in error.issues), language=None)
        return
    if not roster.contacts:
        st.info("Add a first person to the table to see your map.")
        return
    report = measure_network(roster, content)
    _show_measures(report)
    st.plotly_chart(rings_map(roster, report, content), config=CHART_CONFIG, key="chart.network_map")
    st.plotly_chart(diversity_chart(roster, report, content), config=CHART_CONFIG, key="chart.network_spread")
    _show_plan(plan_connections(roster, report, content), content)


def _people_table(content: NetworkContent) -> list[dict[str, Any]]:
    """The editable table. Its base rows are fixed for the visit (set when the editor is not yet
    on screen): feeding edited rows back in as the base would re-apply added rows on every rerun."""
    if PEOPLE_EDITOR not in st.session_state:
        state.put(state.ROSTER_BASE, list(state.get(state.ROSTER, [])))
    base = pd.DataFrame(state.get(state.ROSTER_BASE), columns=list(COLUMNS))
    config: dict[str, Any] = {"name": st.column_config.TextColumn(
        "Name", max_chars=content.max_name_length, required=True, help="Initials or a nickname")}
    for field in content.fields:
        labels = {c.id: c.label for c in field.choices}
        config[field.id] = st.column_config.SelectboxColumn(
            field.label, options=list(labels), format_func=lambda option, labels=labels: labels.get(option, option),
            required=True)
    edited = st.data_editor(base, key=PEOPLE_EDITOR, num_rows="dynamic", hide_index=True,
                            column_config=config, column_order=list(COLUMNS))
    rows = [{k: (None if pd.isna(v) else v) for k, v in record.items()} for record in edited.to_dict("records")]
    state.put(state.ROSTER, rows)
    return rows


def _who_knows_whom(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    names = [" ".join(r["name"].split()) for r in rows if isinstance(r.get("name"), str) and r["name"].strip()]
    options = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    saved = st.session_state.get(TIES_PICKER, [tuple(p) for p in state.get(state.TIES, [])])
    st.session_state[TIES_PICKER] = [p for p in saved if p in options]  # drop pairs of renamed or removed people
    chosen = st.multiselect("Who knows whom? Pick the pairs of people who know each other.", options,
                            key=TIES_PICKER, format_func=lambda pair: f"{pair[0]} ↔ {pair[1]}")
    state.put(state.TIES, [list(p) for p in chosen])
    return chosen


def _show_measures(report: NetworkReport) -> None:
    width, depth = st.columns(2)
    width.metric("Width from your map", f"{report.axes.width:.0f} / 100",
                 help="Spread across segments, organisations and levels, reach beyond your field and organisation, "
                      "and non-redundant contacts.")
    depth.metric("Depth from your map", f"{report.axes.depth:.0f} / 100",
                 help="Strength of your five strongest ties and the number of deep ties.")
    with st.expander("What the map measures", expanded=False):
        for m in report.measures:
            st.markdown(f"**{m.name}: {m.display}**  \n{m.meaning}  \n*Guidance {', '.join(m.guidance)}*")


def _show_plan(plan: NetworkPlan, content: NetworkContent) -> None:
    st.header("From contacts to connections")
    for section in plan.lists:
        st.subheader(section.title)
        st.caption(section.intro)
        if not section.items:
            st.write("No one here right now.")
        for item in section.items:
            with st.container(border=True):
                st.markdown(f"**{md_escape(item.name)}** · {content.label('segment', item.segment)}")
                st.write(item.action)
