"""The network map screen: last time's map loaded back, add people, a table of them, who knows
whom, then measures, charts, what changed since the loaded map, how the map feeds the scores, a
plan, and the map kept as a file.

Rows live in the session (``session.roster_rows``, plain dicts) and pairs in ``session.ties``, so
they survive page changes; widget state does not. Names are user text and stay in this session:
they reach markdown only through ``md_escape``, figures only through ``chart_style.plain_label``,
and never the server (the map file is made in this session and downloaded). What may be saved is
``network_blend.network_extras`` (numbers and option ids).

Using the map in the scores changes a saved copy in place (``saving.replace_scores``): the
share link already sent stays the same and shows the new scores.

Every word comes from ``content/en/ui/network.yaml`` through ``t()``; measure sentences and plan
texts from the network content (``content.measure``, ``content.plan_text``).

Fast where it shows (issue 13 §5): who knows whom and everything drawn from the map sit in one
fragment (``_map_section``), so marking a pair or using the map in the scores reruns that part
only, not the form and the table above it; what is drawn from a roster is kept in the session
(``MAP_DRAWN``) and reused while the roster and the language stay the same; the score buttons act
in callbacks, so no click runs the page twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from assessment.exchange import ImportRefused
from assessment.network.blend import (
    N_FULL, N_MIN, blend_roster, blend_status, network_extras, questionnaire_only, roster_weight,
)
from assessment.network.charts import ChartText, diversity_chart, rings_map
from assessment.network.content import FIELD_IDS, NetworkContent
from assessment.network.map_file import export_map, read_map
from assessment.network.measures import DIVERSITY_FIELDS, NetworkReport, measure_network
from assessment.network.plan import NetworkPlan, plan_connections
from assessment.network.roster import (
    COLUMNS, Roster, RosterError, RosterProblem, filled_rows, new_contact_problems, roster_from_rows, table_edits_fit,
)
from assessment.network.waves import KINDS, WaveChange, compare_waves
from assessment.questionnaire import Questionnaire
from assessment.scoring import Result
from ui import saving
from ui.result_view import CHART_CONFIG, md_escape
from ui.session import Session, current
from ui.text import language, t

PEOPLE_EDITOR = "w.network.people"
TIES_PICKER = "w.network.ties"
ADD_FORM = "w.network.add"
ADD_PREFIX = "w.network.add."        # + "name" or a field id: the add-a-person form's inputs
# What was wrong with the last person added: set by the form's callback, shown under the form.
# Form feedback, so it goes with the widget keys ("w.") when a draft is restored.
ADD_PROBLEMS = "w.network.add_problems"
MAP_UPLOAD = "w.network.map_file"
# The map last drawn in this session: (roster, language) -> DrawnMap. In the session, never in a
# cache shared by sessions: the figures hold names.
MAP_DRAWN = "network.drawn"
# Why the last score button changed nothing (set in its callback, shown under the scores).
SCORES_PROBLEM = "network.scores_problem"


def show_network_map(content: NetworkContent, questionnaire: Questionnaire) -> None:
    st.title(t("network.title"))
    st.write(t("network.intro", most=content.max_contacts))
    st.info(t("network.privacy"), icon=":material/lock:")
    _load_map(content)
    _add_person_form(content)
    rows = _people_table(content)
    _map_section(rows, content, questionnaire)


@dataclass(frozen=True, slots=True)
class DrawnMap:
    """What the page draws from one roster: measures, the two figures, the plan."""

    report: NetworkReport
    rings: Any
    spread: Any
    plan: NetworkPlan


@st.fragment
def _map_section(rows: list[dict[str, Any]], content: NetworkContent, questionnaire: Questionnaire) -> None:
    """Who knows whom, and everything drawn from the map. A fragment: its clicks rerun this part
    only; a change in the form or the table above reruns the page and hands it the new rows."""
    session = current()
    ties = _who_knows_whom(rows) if len(filled_rows(rows)) <= content.max_contacts else []  # no pairs past the limit
    try:
        roster = roster_from_rows(rows, ties, content)
    except RosterError as error:
        st.warning(t("network.problems.intro"))
        st.code("\n".join(problem_text(p, content) for p in error.problems), language=None)
        return
    if not roster.contacts:
        st.info(t("network.empty"))
        return
    drawn = _drawn_map(roster, content)
    _show_measures(drawn.report)
    # theme=None, as on the results page: the figures set their own fonts, colours and title place.
    st.plotly_chart(drawn.rings, config=CHART_CONFIG, theme=None, key="chart.network_map")
    st.plotly_chart(drawn.spread, config=CHART_CONFIG, theme=None, key="chart.network_spread")
    if session.map_before is not None:
        _show_changes(session.map_before, roster, content, chart_text())
    _show_scores(session, roster, drawn.report, questionnaire)
    _show_plan(drawn.plan, content)
    _download_map(rows, ties)


def _drawn_map(roster: Roster, content: NetworkContent) -> DrawnMap:
    """Measures, figures and plan of ``roster``: the session's last ones while nothing they show
    has changed (the figures are never changed after they are built)."""
    key = (roster, language())
    kept = st.session_state.get(MAP_DRAWN)
    if kept is not None and kept[0] == key:
        return kept[1]
    report, words = measure_network(roster, content), chart_text()
    drawn = DrawnMap(report, rings_map(roster, report, content, words), diversity_chart(roster, report, content, words),
                     plan_connections(roster, report, content))
    st.session_state[MAP_DRAWN] = (key, drawn)
    return drawn


def chart_text() -> ChartText:
    """The words of the map's figures, in the session's language."""
    return ChartText(
        language=language(), you=t("network.chart.you"), map_title=t("network.chart.map_title"),
        ties=t("network.chart.ties"), strength=t("network.chart.strength"),
        rings=(t("network.chart.ring_inner"), t("network.chart.ring_middle"), t("network.chart.ring_outer")),
        groups={f: t(f"network.chart.group_{f}") for f in DIVERSITY_FIELDS},
        diversity_title=t("network.chart.diversity_title"), deep=t("network.chart.deep"),
        other=t("network.chart.other"), people=t("network.chart.people"),
    )


def problem_text(problem: RosterProblem, content: NetworkContent) -> str:
    """One roster problem in words: where (row or pair, and column), then what to do. Plain text:
    it may quote a name, so escape it before markdown."""
    params = dict(problem.params)
    column = params.get("field")
    if column is not None:
        params["field"] = t("network.table.name") if column == "name" else content.field(column).label
        if problem.code == "option_unknown":
            params["choices"] = ", ".join(c.label for c in content.field(column).choices)
    what = t(f"network.problem.{problem.code}", **params)
    if "row" in params:
        where = t("network.problem.at_row", row=params["row"])
    elif "pair" in params:
        where = t("network.problem.at_pair", pair=params["pair"])
    else:
        where = None
    if column is not None:
        where = params["field"] if where is None else t("network.problem.at_cell", row=where, column=params["field"])
    return what if where is None else t("network.problem.line", where=where, what=what)


def _add_person_form(content: NetworkContent) -> None:
    """One person at a time: a name and a tap per field (easier on a phone than the table).
    Horizontal radios, not pills: pills scroll sideways when they do not fit, radios wrap."""
    st.header(t("network.add.title"))
    if len(filled_rows(current().roster_rows)) >= content.max_contacts:
        st.info(t("network.add.full", most=content.max_contacts))
        return
    with st.form(ADD_FORM, border=True):
        st.text_input(t("network.table.name"), key=ADD_PREFIX + "name", max_chars=content.max_name_length,
                      placeholder=t("network.add.name_placeholder"), help=t("network.add.name_help"))
        # Who they are on the left, how strong the tie is on the right; on a phone the columns
        # stack, so the fields still come in content order.
        columns, half = st.columns(2), (len(content.fields) + 1) // 2
        for n, field in enumerate(content.fields):
            labels = {c.id: c.label for c in field.choices}
            columns[n // half].radio(
                field.label, list(labels), format_func=labels.__getitem__, index=None, horizontal=True,
                key=ADD_PREFIX + field.id)
        st.form_submit_button(t("network.add.submit"), type="primary", icon=":material/person_add:",
                              on_click=_add_person, args=(content,))
    problems = st.session_state.get(ADD_PROBLEMS)
    if problems:
        st.error("  \n".join(md_escape(problem_text(p, content)) for p in problems))


def _add_person(content: NetworkContent) -> None:
    """Form callback: add the person, or keep the entries and say what is missing."""
    session = current()
    rows = session.roster_rows
    new = {key: st.session_state.get(ADD_PREFIX + key) for key in COLUMNS}
    problems = new_contact_problems(rows, new, content)
    st.session_state[ADD_PROBLEMS] = problems
    if problems:
        return
    session.roster_rows = [*filled_rows(rows), {**new, "name": " ".join(new["name"].split())}]
    st.session_state.pop(PEOPLE_EDITOR, None)  # the table restarts from the new rows
    st.session_state[ADD_PREFIX + "name"] = ""
    for field in FIELD_IDS:
        st.session_state[ADD_PREFIX + field] = None


def _people_table(content: NetworkContent) -> list[dict[str, Any]]:
    """The table to correct or remove people. Its base rows are fixed for the visit (set when the
    editor is not yet on screen): feeding edited rows back in as the base would re-apply edits on
    every rerun."""
    session = current()
    if PEOPLE_EDITOR not in st.session_state:
        session.roster_base = session.roster_rows
    base_rows = session.roster_base
    if not base_rows:
        return []
    st.header(t("network.table.title", count=len(base_rows), most=content.max_contacts))
    st.caption(t("network.table.caption"))
    if not table_edits_fit(st.session_state.get(PEOPLE_EDITOR), len(base_rows), content):  # before Streamlit applies them
        del st.session_state[PEOPLE_EDITOR]
        st.warning(t("network.table.edits_refused", most=content.max_contacts))
    base = pd.DataFrame(base_rows, columns=list(COLUMNS))
    config: dict[str, Any] = {"name": st.column_config.TextColumn(
        t("network.table.name"), max_chars=content.max_name_length, required=True,
        help=t("network.add.name_placeholder"), pinned=True)}
    for field in content.fields:
        labels = {c.id: c.label for c in field.choices}
        config[field.id] = st.column_config.SelectboxColumn(
            field.label, options=list(labels), format_func=lambda option, labels=labels: labels.get(option, option),
            required=True)
    edited = st.data_editor(base, key=PEOPLE_EDITOR, num_rows="delete", hide_index=True,
                            column_config=config, column_order=list(COLUMNS))
    rows = [{k: (None if pd.isna(v) else v) for k, v in record.items()} for record in edited.to_dict("records")]
    session.roster_rows = rows
    return rows


def _who_knows_whom(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The kept pairs (``session.ties``) are the truth; the picker only reports changes, through its
    callback. Reading the picker's own state instead lost every pair on coming back to the page:
    after a page change its state came back as [] and overwrote the kept pairs (issue 11)."""
    session = current()
    names = [" ".join(r["name"].split()) for r in rows if isinstance(r.get("name"), str) and r["name"].strip()]
    options = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    kept = [p for p in (tuple(p) for p in session.ties) if p in options]  # drop pairs of renamed or removed people
    st.session_state[TIES_PICKER] = kept
    if not options:
        return []
    st.multiselect(t("network.ties.label"), options, key=TIES_PICKER, on_change=_keep_ties,
                   format_func=lambda pair: t("network.ties.pair", a=pair[0], b=pair[1]),
                   placeholder=t("network.ties.placeholder"))
    return kept


def _keep_ties() -> None:
    """The picker's callback: the pairs just chosen become the kept pairs."""
    current().ties = [list(p) for p in st.session_state.get(TIES_PICKER) or []]


def _show_measures(report: NetworkReport) -> None:
    width, depth = st.columns(2)
    width.metric(t("network.measures.width"), t("network.measures.out_of_100", score=report.axes.width),
                 help=t("network.measures.width_help"))
    depth.metric(t("network.measures.depth"), t("network.measures.out_of_100", score=report.axes.depth),
                 help=t("network.measures.depth_help"))
    # Plain words first; the measure's own name and number after, small, for those who want them.
    # No guidance ids here: the method page traces each measure to its guidance.
    with st.expander(t("network.measures.expander"), expanded=False):
        for m in report.measures:
            st.markdown(t("network.measures.item", name=m.name, meaning=m.meaning))
            if m.value is not None:
                st.caption(t("network.measures.figure", term=m.term, value=m.display))


def _show_scores(session: Session, roster: Roster, report: NetworkReport, q: Questionnaire) -> None:
    """Offer to feed the map into Width and Depth (formula: assessment/network/blend.py)."""
    st.header(t("network.scores.title"))
    result = session.result
    if result is None:
        st.write(t("network.scores.no_result"))
        st.page_link("pages/questionnaire.py", label=t("network.scores.take_questionnaire"),
                     icon=":material/edit_note:")
        return
    status = blend_status(result, report.axes)
    weight = roster_weight(report.axes.people)
    problem = st.session_state.pop(SCORES_PROBLEM, None)
    if problem:
        st.error(problem)
    if weight == 0:
        st.write(t("network.scores.too_few", least=N_MIN))
        if status != "none":
            st.button(t("network.scores.answers_only"), key="network.unblend", on_click=_replace_result,
                      args=(session, questionnaire_only(result, q), None, t("network.scores.done_answers_only")))
        return
    answers_only, together = questionnaire_only(result, q), blend_roster(result, report.axes, q)
    st.markdown(t("network.scores.table", answers_width=answers_only.width, answers_depth=answers_only.depth,
                  map_width=report.axes.width, map_depth=report.axes.depth, weight=weight,
                  width=together.width, depth=together.depth))
    st.caption(t("network.scores.profile", profile=q.profile(together.profile.wide, together.profile.deep).name, full=N_FULL))
    _saved_copy_note(session)
    if status == "current":
        st.success(t("network.scores.current"), icon=":material/check_circle:")
        st.page_link("pages/results.py", label=t("network.scores.see_results"), icon=":material/insights:")
        st.button(t("network.scores.answers_only"), key="network.unblend", on_click=_replace_result,
                  args=(session, answers_only, None, t("network.scores.done_answers_only")))
        return
    if status == "outdated":
        st.info(t("network.scores.outdated"))
    label = t("network.scores.update") if status == "outdated" else t("network.scores.use")
    st.button(label, type="primary", icon=":material/merge:", key="network.blend", on_click=_replace_result,
              args=(session, together, network_extras(roster, report), t("network.scores.done_with_map")))


def _saved_copy_note(session: Session) -> None:
    if session.saved is not None:
        st.caption(t("network.scores.note_saved"))
    elif not session.sharing.keep:
        st.caption(t("network.scores.note_not_kept"))
    else:
        st.caption(t("network.scores.note_when_saved"))


def _replace_result(session: Session, result: Result, extras: dict[str, Any] | None, done: str) -> None:
    """Button callback: new scores for this session, changed in place in a saved copy (its share link
    stays). Runs before the rerun the click starts, which then shows the new scores."""
    was_saved = session.saved is not None
    if not saving.replace_scores(result, extras):
        st.session_state[SCORES_PROBLEM] = t("network.scores.not_replaced")
        return
    if was_saved and session.saved is not None:
        session.tell_results_page(t("network.scores.saved_again", done=done))


def _show_plan(plan: NetworkPlan, content: NetworkContent) -> None:
    st.header(t("network.plan.title"))
    for section in plan.lists:
        st.subheader(section.title)
        st.caption(section.intro)
        if not section.items:
            st.write(t("network.plan.nobody"))
        for item in section.items:
            with st.container(border=True):
                st.markdown(t("network.plan.person", name=md_escape(item.name),
                              segment=content.label("segment", item.segment)))
                st.write(item.action)


def _load_map(content: NetworkContent) -> None:
    """Load a downloaded map back: a new round with the same people, compared with the file as it was."""
    with st.expander(t("network.keep.load_title")):
        st.write(t("network.keep.load_intro"))
        upload = st.file_uploader(t("network.keep.load_label"), type=["json"], key=MAP_UPLOAD, max_upload_size=1)
        if upload is None:
            return
        try:
            loaded = read_map(upload.getvalue(), content)
        except ImportRefused as refused:
            st.error(t(f"network.keep.refused.{refused.code}", **refused.params))
            return
        session = current()
        if filled_rows(session.roster_rows):
            st.caption(t("network.keep.load_replaces"))
        if st.button(t("network.keep.load_apply", n=len(loaded.rows)), type="primary", key="network.map_load"):
            rows_then, ties_then = [dict(r) for r in loaded.rows], [list(p) for p in loaded.ties]
            session.map_before = {"rows": rows_then, "ties": ties_then}
            session.roster_rows, session.ties, session.roster_base = rows_then, ties_then, None
            st.session_state.pop(PEOPLE_EDITOR, None)  # the table restarts from the loaded rows
            st.rerun()


def _download_map(rows: list[dict[str, Any]], ties: list[tuple[str, str]]) -> None:
    """The map as a file, names included: made in this session and sent to this device only."""
    st.header(t("network.keep.title"))
    st.caption(t("network.keep.download_caption"))
    kept_rows, kept_ties = list(rows), list(ties)
    st.download_button(t("network.keep.download"), data=lambda: export_map(kept_rows, kept_ties),
                       file_name="wide-and-deep-network-map.json", mime="application/json",
                       on_click="ignore", icon=":material/download:", key="network.map_download")


def _show_changes(before: dict[str, Any], roster: Roster, content: NetworkContent, words: ChartText) -> None:
    """What changed since the loaded map, and what to do about each change."""
    st.header(t("network.waves.title"))
    try:
        then = roster_from_rows(before["rows"], before["ties"], content)
    except RosterError:  # checked when loaded; a content change since could still refuse it
        st.info(t("network.waves.unreadable"))
        return
    diff = compare_waves(then, roster, content)
    if diff.unchanged:
        st.info(t("network.waves.unchanged"))
        return
    st.caption(t("network.waves.intro"))
    for kind in KINDS:
        changes = diff.of(kind)
        if not changes:
            continue
        with st.container(border=True):
            st.markdown(t("network.waves.kind_title", title=t(f"network.waves.{kind}.title", n=len(changes))))
            st.markdown("  \n".join(_change_line(c, content, words) for c in changes))
            st.write(t(f"network.waves.{kind}.action"))


def _change_line(change: WaveChange, content: NetworkContent, words: ChartText) -> str:
    name = md_escape(change.name)
    if change.kind.startswith("ring_"):
        return t("network.waves.moved", name=name, before=words.rings[int(change.before)],
                 after=words.rings[int(change.after)])
    if change.kind.startswith("stage_"):
        return t("network.waves.moved", name=name, before=content.label("stage", change.before),
                 after=content.label("stage", change.after))
    return t("network.waves.person", name=name)
