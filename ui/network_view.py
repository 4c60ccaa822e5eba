"""The network map screen: add people, a table of them, who knows whom, then measures, charts,
how the map feeds the scores, and a plan.

Rows live in ``state.ROSTER`` (plain dicts) and pairs in ``state.TIES``, so they survive page
changes; widget state does not. Names are user text and stay in this session: they reach markdown
only through ``md_escape``, figures only through ``network_charts.safe_label``, and never the
server. What may be saved is ``network_blend.network_extras`` (numbers and option ids).

Using the map in the scores replaces a saved copy rather than leaving the old scores behind:
the earlier copy is deleted with its manage key (its share link then says "removed") and
``state.SAVED`` is dropped, so ``saving.ensure_saved`` stores a fresh copy, with a new share
link, when the results page is next shown. One saved copy per result keeps a workshop's room
from counting the person twice.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from assessment.network.measures import NetworkReport, measure_network
from assessment.network.blend import (
    N_MIN, blend_roster, blend_status, network_extras, questionnaire_only, roster_weight,
)
from assessment.network.charts import diversity_chart, rings_map
from assessment.network.content import FIELD_IDS, NetworkContent
from assessment.network.plan import NetworkPlan, plan_connections
from assessment.questionnaire import Questionnaire
from assessment.network.roster import Roster, RosterError, filled_rows, new_contact_problems, roster_from_rows
from assessment.scoring import Result
from assessment.storage.errors import StorageError
from ui import resources, saving, state
from ui.session import current
from ui.result_view import CHART_CONFIG, md_escape

PEOPLE_EDITOR = "w.network.people"
TIES_PICKER = "w.network.ties"
ADD_FORM = "w.network.add"
ADD_PREFIX = "w.network.add."        # + "name" or a field id: the add-a-person form's inputs
# What was wrong with the last person added: set by the form's callback, shown under the form.
# Form feedback, so it goes with the widget keys ("w.") when a draft is restored.
ADD_PROBLEMS = "w.network.add_problems"
COLUMNS = ("name",) + FIELD_IDS


def show_network_map(content: NetworkContent, questionnaire: Questionnaire) -> None:
    st.title("Your network map")
    st.write(
        f"Optional: list up to {content.max_contacts} people who matter in your working life and describe each "
        "with a few choices. The map shows where your network is wide, where it is deep, and who to get back in "
        "touch with. It works on its own, and after the questionnaire it can feed your Width and Depth."
    )
    st.info(
        "**Use initials or a nickname**, not full names. Names stay in this browser session: they are never "
        "saved on the server or put in a share link. Download your results file to keep them.",
        icon=":material/lock:",
    )
    _add_person_form(content)
    rows = _people_table(content)
    ties = _who_knows_whom(rows)
    try:
        roster = roster_from_rows(rows, ties, content)
    except RosterError as error:
        st.warning("Some rows need fixing before the map can be drawn:")
        st.code("\n".join(str(issue) for issue in error.issues), language=None)
        return
    if not roster.contacts:
        st.info("Add a first person above to see your map.")
        return
    report = measure_network(roster, content)
    _show_measures(report)
    # theme=None, as on the results page: the figures set their own fonts, colours and title place.
    st.plotly_chart(rings_map(roster, report, content), config=CHART_CONFIG, theme=None, key="chart.network_map")
    st.plotly_chart(diversity_chart(roster, report, content), config=CHART_CONFIG, theme=None,
                    key="chart.network_spread")
    _show_scores(roster, report, questionnaire)
    _show_plan(plan_connections(roster, report, content), content)


def _add_person_form(content: NetworkContent) -> None:
    """One person at a time: a name and a tap per field (easier on a phone than the table).
    Horizontal radios, not pills: pills scroll sideways when they do not fit, radios wrap."""
    st.subheader("Add a person")
    if len(filled_rows(state.get(state.ROSTER, []))) >= content.max_contacts:
        st.info(f"Your map holds {content.max_contacts} people, the most it can. "
                "Remove someone from the table below to add another.")
        return
    with st.form(ADD_FORM, border=True):
        st.text_input("Name", key=ADD_PREFIX + "name", max_chars=content.max_name_length,
                      placeholder="Initials or a nickname", help="Initials or a nickname; it stays in this browser.")
        # Who they are on the left, how strong the tie is on the right; on a phone the columns
        # stack, so the fields still come in content order.
        columns, half = st.columns(2), (len(content.fields) + 1) // 2
        for n, field in enumerate(content.fields):
            labels = {c.id: c.label for c in field.choices}
            columns[n // half].radio(
                field.label, list(labels), format_func=labels.__getitem__, index=None, horizontal=True,
                key=ADD_PREFIX + field.id)
        st.form_submit_button("Add to my map", type="primary", icon=":material/person_add:",
                              on_click=_add_person, args=(content,))
    problems = st.session_state.get(ADD_PROBLEMS)
    if problems:
        st.error("  \n".join(md_escape(p) for p in problems))


def _add_person(content: NetworkContent) -> None:
    """Form callback: add the person, or keep the entries and say what is missing."""
    rows = state.get(state.ROSTER, [])
    new = {key: st.session_state.get(ADD_PREFIX + key) for key in COLUMNS}
    problems = new_contact_problems(rows, new, content)
    st.session_state[ADD_PROBLEMS] = problems
    if problems:
        return
    state.put(state.ROSTER, [*filled_rows(rows), {**new, "name": " ".join(new["name"].split())}])
    st.session_state.pop(PEOPLE_EDITOR, None)  # the table restarts from the new rows
    st.session_state[ADD_PREFIX + "name"] = ""
    for field in FIELD_IDS:
        st.session_state[ADD_PREFIX + field] = None


def _people_table(content: NetworkContent) -> list[dict[str, Any]]:
    """The table to correct or remove people. Its base rows are fixed for the visit (set when the
    editor is not yet on screen): feeding edited rows back in as the base would re-apply edits on
    every rerun."""
    if PEOPLE_EDITOR not in st.session_state:
        state.put(state.ROSTER_BASE, list(state.get(state.ROSTER, [])))
    base_rows = state.get(state.ROSTER_BASE)
    if not base_rows:
        return []
    st.subheader(f"Your people ({len(base_rows)} of {content.max_contacts})")
    st.caption("Change a cell to correct it. To remove someone, tick their row and press the bin.")
    base = pd.DataFrame(base_rows, columns=list(COLUMNS))
    config: dict[str, Any] = {"name": st.column_config.TextColumn(
        "Name", max_chars=content.max_name_length, required=True, help="Initials or a nickname", pinned=True)}
    for field in content.fields:
        labels = {c.id: c.label for c in field.choices}
        config[field.id] = st.column_config.SelectboxColumn(
            field.label, options=list(labels), format_func=lambda option, labels=labels: labels.get(option, option),
            required=True)
    edited = st.data_editor(base, key=PEOPLE_EDITOR, num_rows="delete", hide_index=True,
                            column_config=config, column_order=list(COLUMNS))
    rows = [{k: (None if pd.isna(v) else v) for k, v in record.items()} for record in edited.to_dict("records")]
    state.put(state.ROSTER, rows)
    return rows


def _who_knows_whom(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    names = [" ".join(r["name"].split()) for r in rows if isinstance(r.get("name"), str) and r["name"].strip()]
    options = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    saved = st.session_state.get(TIES_PICKER, [tuple(p) for p in state.get(state.TIES, [])])
    st.session_state[TIES_PICKER] = [p for p in saved if p in options]  # drop pairs of renamed or removed people
    if not options:
        return []
    chosen = st.multiselect("Who knows whom? Pick the pairs of people who know each other.", options,
                            key=TIES_PICKER, format_func=lambda pair: f"{pair[0]} ↔ {pair[1]}",
                            placeholder="Type a name to find its pairs")
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


def _show_scores(roster: Roster, report: NetworkReport, q: Questionnaire) -> None:
    """Offer to feed the map into Width and Depth (formula: assessment/network/blend.py)."""
    st.header("Your map in your scores")
    own = current().result
    if not own:
        st.write("Take the questionnaire to get Width and Depth from your answers; then your map can feed them too.")
        st.page_link("pages/questionnaire.py", label="Take the questionnaire", icon=":material/edit_note:")
        return
    result = own
    status = blend_status(result, report.axes)
    weight = roster_weight(report.axes.people)
    if weight == 0:
        st.write(f"With {N_MIN} or more people on your map, it can feed your Width and Depth.")
        if status != "none" and st.button("Use my answers only", key="network.unblend"):
            _replace_result(questionnaire_only(result, q), None,
                            "Your scores now come from your answers only.")
        return
    answers_only, together = questionnaire_only(result, q), blend_roster(result, report.axes, q)
    st.markdown(
        "| | Width | Depth |\n|---|---:|---:|\n"
        f"| From your answers | {answers_only.width:.0f} | {answers_only.depth:.0f} |\n"
        f"| From your map | {report.axes.width:.0f} | {report.axes.depth:.0f} |\n"
        f"| **Together** (the map counts {weight:.0%}) | **{together.width:.0f}** | **{together.depth:.0f}** |"
    )
    st.caption(f"Profile with your map: {q.profile(together.profile.wide, together.profile.deep).name}. The more people on your map, the more it "
               f"counts, up to half from 15 people. The method page explains how.")
    _saved_copy_note()
    if status == "current":
        st.success("Your scores use this map.", icon=":material/check_circle:")
        st.page_link("pages/results.py", label="See your results", icon=":material/insights:")
        if st.button("Use my answers only", key="network.unblend"):
            _replace_result(answers_only, None, "Your scores now come from your answers only.")
        return
    if status == "outdated":
        st.info("Your scores use an earlier version of this map.")
    label = "Update my scores with this map" if status == "outdated" else "Use my map in my scores"
    if st.button(label, type="primary", icon=":material/merge:", key="network.blend"):
        _replace_result(together, network_extras(roster, report), "Your scores now include your network map.")


def _saved_copy_note() -> None:
    if current().saved:
        st.caption("Your results are saved with a share link. Changing your scores replaces that copy: the earlier "
                   "link will say the results were removed, and your results page makes a new link. Only scores and "
                   "counts from your map are saved with them, never names.")
    elif not current().sharing.keep:
        st.caption("Your results are not stored on the server, so this changes them in this browser tab only.")
    else:
        st.caption("When your results are saved, only scores and counts from your map go with them, never names.")


def _replace_result(result: Result, extras: dict[str, Any] | None, done: str) -> None:
    """New scores for this session; a saved copy is deleted so the results page saves a fresh one."""
    saved = current().saved
    if saved:
        try:
            resources.store().delete_result(saved.share_token, saved.manage_key)
        except StorageError:
            st.error("The database can't be reached, so your saved results could not be replaced and your scores "
                     "are unchanged. Please try again in a minute.")
            return
        current().saved = None
        current().tell_results_page(f"{done} They were saved again with a new share link below; "
                                        "the earlier link now says the results were removed.")
    current().replace_result(result, extras)
    saving.save_once()  # the new scores are saved now, not when the results page is drawn
    st.rerun()


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
