"""The network map screen, phone first: last time's map loaded back, then two tabs.

- **Your people**: one line adds people by name ("Ana, Bo, Cy", Enter), each with sensible
  choices (``roster.NEW_PERSON``); a tap on a name opens that person: who they are (field,
  workplace, level: the segment follows from them, ``roster.segment_of``), how close you are
  (four taps at most) and whom they know (one chip per other person), plus rename and remove.
  No table, no sideways scrolling at 390 px.
- **Your map**: measures, the rings map and the spread chart (each with a sentence and a table,
  ``chart_view.show_chart``), what changed since the loaded map, the map in the scores, the plan,
  and the map kept as a file.

Rows live in the session (``session.roster_rows``, plain dicts) and pairs in ``session.ties``, so
they survive page changes; widget state does not, so every widget of a person is set from the
session before it is drawn and reports changes through its callback (issue 11: reading a widget's
own state lost every pair on coming back to the page). Names are user text and stay in this
session: they reach markdown only through ``md_escape``, figures only through
``chart_style.plain_label``, and never the server (the map file is made in this session and
downloaded). What may be saved is ``network_blend.network_extras`` (numbers and option ids).

Fast where it shows (issue 13 §5): the tabs are lazy (``st.tabs(on_change="rerun")``): only the open
tab runs and is sent. Each tab is a fragment, so a tap on a person's chip reruns that tab only, not
the title, the loader or the other tab; what is drawn from a roster is kept in the session
(``MAP_DRAWN``) while the roster and the language stay the same; every button acts in a callback,
so no click runs the page twice.

Using the map in the scores changes a saved copy in place (``saving.replace_scores``): the share
link already sent stays the same and shows the new scores. Every word comes from
``content/en/ui/network.yaml`` through ``t()``; measure sentences and plan texts from the network
content (``content.measure``, ``content.plan_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.exchange import ImportRefused
from assessment.network.blend import (
    N_FULL, N_MIN, blend_roster, blend_status, network_extras, questionnaire_only, roster_weight,
)
from assessment.network.charts import (
    ChartText, MapPoint, diversity_chart, map_points, rings_map, spread_counts, summarise_map,
)
from assessment.network.content import NetworkContent
from assessment.network.map_file import MapFile, export_map, read_map
from assessment.network.measures import DIVERSITY_FIELDS, NetworkReport, measure_network
from assessment.network.plan import NetworkPlan, plan_connections
from assessment.network.roster import (
    ASKED_FIELDS, Roster, RosterError, RosterProblem, filled_rows, names_from_line, new_contact_problems,
    new_person, roster_from_rows, segment_of, size_problems, ties_among,
)
from assessment.network.waves import KINDS, WaveChange, compare_waves
from assessment.questionnaire import Questionnaire
from assessment.scoring import Result
from ui import saving
from ui.chart_view import show_chart
from ui.focus import kept_place
from ui.lazy import opened_section
from ui.press import action_button
from ui.result_view import md_escape
from ui.session import Session, current
from ui.tab_copy import keep_in_tab
from ui.text import language, t
from ui.uploads import results_file_uploader

VIEW = "w.network.view"                # the open tab: its label
ADD_FORM = "w.network.add"
ADD_LINE = "w.network.add.names"       # quick add: one line of names
PERSON = "w.network.person"            # whose card is open: an index into the filled rows
PERSON_PREFIX = "w.network.person."    # + a field id, "knows" or "name": the open card's inputs
KNOWS = PERSON_PREFIX + "knows"
RENAME = PERSON_PREFIX + "name"
# What was wrong with the last line added or name changed: set by a callback, shown under it.
# Form feedback, so it goes with the widget keys ("w.") when a draft is restored.
ADD_PROBLEMS = "w.network.add_problems"
RENAME_PROBLEMS = "w.network.rename_problems"
MAP_UPLOAD = "w.network.map_file"
# The map last drawn in this session: (roster, language) -> DrawnMap. In the session, never in a
# cache shared by sessions: the figures hold names.
MAP_DRAWN = "network.drawn"
# Why the last score button changed nothing (set in its callback, shown under the scores).
SCORES_PROBLEM = "network.scores_problem"
WHO_FIELDS = ("field", "organisation", "level")           # the segment follows from these
CLOSE_FIELDS = ("stage", "favour", "last_contact", "giving")  # tie strength


def show_network_map(content: NetworkContent, questionnaire: Questionnaire) -> None:
    st.title(t("network.title"))
    st.write(t("network.intro", most=content.max_contacts))
    st.info(t("network.privacy"), icon=":material/lock:")
    _load_map(content)
    labels = (t("network.entry.tab_people"), t("network.entry.tab_map"))
    if st.session_state.get(VIEW) not in labels:  # a label of another language, or a client's guess
        st.session_state.pop(VIEW, None)
    people, mapped = st.tabs(labels, key=VIEW, on_change="rerun")
    if people.open:
        with people:
            _people_tab(content)
    else:  # the people tab keeps the tab's copy itself, at each of its own reruns
        session = current()
        keep_in_tab(session.roster_rows, session.ties, content)
    if mapped.open:
        with mapped:
            _map_tab(content, questionnaire)


# -- your people ------------------------------------------------------------------------------------

@st.fragment
def _people_tab(content: NetworkContent) -> None:
    """Quick add, the names to tap, and the open person's card. A fragment: its taps rerun this tab only."""
    session = current()
    rows = filled_rows(session.roster_rows)
    too_many = size_problems(rows, session.ties, content)
    if too_many:  # only a session a client forged gets here: no card is built for 3,000 rows
        _show_problems(too_many, content)
        return
    keep_in_tab(rows, session.ties, content)  # a copy in this browser tab, for a session that starts afresh
    if session.map_before is not None:
        st.info(t("network.entry.new_round"), icon=":material/history:")
    _quick_add(content, len(rows))
    if not rows:
        st.caption(t("network.entry.start"))
        return
    st.header(t("network.table.title", count=len(rows), most=content.max_contacts))  # h2 after the h1 (axe heading-order)
    names = [" ".join(str(r.get("name")).split()) for r in rows]
    if st.session_state.get(PERSON) not in range(len(rows)):
        st.session_state[PERSON] = 0
    chosen = st.pills(t("network.entry.pick"), range(len(rows)), format_func=lambda i: md_escape(names[i]),
                      key=PERSON, required=True)
    _person_card(names, chosen if chosen is not None else 0, content)


def _quick_add(content: NetworkContent, count: int) -> None:
    """One line of names, Enter to add them all; each starts with ``roster.NEW_PERSON``'s choices."""
    if count >= content.max_contacts:
        st.info(t("network.add.full", most=content.max_contacts))
        return
    with st.form(ADD_FORM, border=False, enter_to_submit=True):
        st.text_input(t("network.entry.add_label"), key=ADD_LINE, placeholder=t("network.entry.add_placeholder"),
                      max_chars=content.max_contacts * (content.max_name_length + 2))
        action_button(st, t("network.add.submit"), type="primary", icon=":material/person_add:", form=True,
                      key="network.add", on_click=_add_people, args=(content,))
    st.caption(t("network.entry.add_help"))
    problems = st.session_state.get(ADD_PROBLEMS)
    if problems:
        st.error("  \n".join(md_escape(problem_text(p, content)) for p in problems))


def _add_people(content: NetworkContent) -> None:
    """Form callback: add every name on the line (checked as it entered), or none and say why."""
    session = current()
    rows = filled_rows(session.roster_rows)
    names, problems = names_from_line(st.session_state.get(ADD_LINE), rows, content)
    st.session_state[ADD_PROBLEMS] = problems
    if problems:
        return
    session.roster_rows = [*rows, *(new_person(n) for n in names)]
    st.session_state[PERSON] = len(rows)  # the first one added: describe them next
    st.session_state[ADD_LINE] = ""


def _person_card(names: list[str], index: int, content: NetworkContent) -> None:
    """The open person: who they are, how close you are, whom they know; rename and remove.
    Each input is set from the session first, so it shows the person, not a widget's memory."""
    with st.container(border=True):
        st.markdown(t("network.entry.person", name=md_escape(names[index])))
        _who_they_are(index, content)
        _how_close(index, content)
        _knows(names, index)
        _rename_and_remove(names, index, content)


# Each part of the card is a fragment of its own, inside the tab's: a tap reruns and redraws only
# the part it changes (the chips, or one group of choices), not the card or the tab (issue 13 §5).

@st.fragment
def _who_they_are(index: int, content: NetworkContent) -> None:
    """Field, workplace and level, and the segment that follows from them."""
    person = _row(index)
    st.markdown(t("network.entry.who"))
    facts = {f: person.get(f) for f in WHO_FIELDS}
    with kept_place("segment"):  # it appears with the third choice: the chips keep their place (and the focus)
        if all(v in content.field(f).ids() for f, v in facts.items()):
            st.caption(t("network.entry.sits_in", segment=content.label("segment", segment_of(facts))))
    for field_id in WHO_FIELDS:
        _choice(field_id, person, index, content)


@st.fragment
def _how_close(index: int, content: NetworkContent) -> None:
    person = _row(index)
    st.markdown(t("network.entry.close"))
    for field_id in CLOSE_FIELDS:
        _choice(field_id, person, index, content)


def _row(index: int) -> Mapping[str, Any]:
    rows = filled_rows(current().roster_rows)
    return rows[index] if index < len(rows) else {}


def _choice(field_id: str, person: Mapping[str, Any], index: int, content: NetworkContent) -> None:
    field, key = content.field(field_id), PERSON_PREFIX + field_id
    labels = {c.id: c.label for c in field.choices}
    value = person.get(field_id)
    if value in labels:
        st.session_state[key] = value
    else:  # a value no choice has (an old or damaged map): nothing chosen until a tap
        st.session_state.pop(key, None)
    st.pills(field.label, list(labels), format_func=labels.__getitem__, key=key, required=True, wrap=True,
             on_change=_set_choice, args=(index, field_id, key))


def _set_choice(index: int, field_id: str, key: str) -> None:
    session = current()
    rows = [dict(r) for r in filled_rows(session.roster_rows)]
    value = st.session_state.get(key)
    if index < len(rows) and value is not None:
        rows[index][field_id] = value
        session.roster_rows = rows


@st.fragment
def _knows(names: list[str], index: int) -> None:
    """Whom this person knows: one chip per other person. The kept pairs (``session.ties``) are the truth."""
    session = current()
    others = [j for j in range(len(names)) if j != index]
    if not others:
        st.caption(t("network.entry.knows_alone"))
        return
    pairs = {frozenset(k.casefold() for k in p) for p in session.ties if isinstance(p, (list, tuple)) and len(p) == 2
             and all(isinstance(n, str) for n in p)}
    me = names[index].casefold()
    st.session_state[KNOWS] = [j for j in others if frozenset((me, names[j].casefold())) in pairs]
    st.pills(t("network.entry.knows", name=md_escape(names[index])), others, selection_mode="multi",
             format_func=lambda j: md_escape(names[j]), key=KNOWS, wrap=True,
             on_change=_set_knows, args=(names, index))


def _set_knows(names: list[str], index: int) -> None:
    """The chips' callback: this person's pairs become the ones chosen; other pairs stay."""
    session = current()
    me = names[index].casefold()
    kept = [list(p) for p in session.ties
            if not (isinstance(p, (list, tuple)) and me in (str(n).casefold() for n in p))]
    chosen = [j for j in st.session_state.get(KNOWS) or [] if isinstance(j, int) and 0 <= j < len(names) and j != index]
    session.ties = kept + [[names[index], names[j]] for j in chosen]


def _rename_and_remove(names: list[str], index: int, content: NetworkContent) -> None:
    with st.expander(t("network.entry.change_title")):
        st.session_state[RENAME] = names[index]
        st.text_input(t("network.table.name"), key=RENAME, max_chars=content.max_name_length,
                      on_change=_rename, args=(names, index, content))
        problems = st.session_state.get(RENAME_PROBLEMS)
        if problems:
            st.error("  \n".join(md_escape(problem_text(p, content)) for p in problems))
        action_button(st, t("network.entry.remove", name=md_escape(names[index])), icon=":material/person_remove:",
                      key="network.remove", on_click=_remove, args=(names, index))


def _rename(names: list[str], index: int, content: NetworkContent) -> None:
    """A new name for this person, checked like a new person's; their pairs follow the new name."""
    session = current()
    rows = [dict(r) for r in filled_rows(session.roster_rows)]
    new = st.session_state.get(RENAME)
    others = [r for i, r in enumerate(rows) if i != index]
    problems = tuple(p for p in new_contact_problems(others, {"name": new, **{f: rows[index].get(f) for f in ASKED_FIELDS}},
                                                     content) if p.path == "name")
    st.session_state[RENAME_PROBLEMS] = problems
    if problems or index >= len(rows):
        return
    old, name = names[index].casefold(), " ".join(new.split())
    rows[index]["name"] = name
    session.roster_rows = rows
    session.ties = [[name if str(n).casefold() == old else n for n in p] for p in session.ties
                    if isinstance(p, (list, tuple))]


def _remove(names: list[str], index: int) -> None:
    session = current()
    rows = filled_rows(session.roster_rows)
    gone = names[index].casefold()
    session.roster_rows = [dict(r) for i, r in enumerate(rows) if i != index]
    session.ties = [list(p) for p in session.ties
                    if isinstance(p, (list, tuple)) and gone not in (str(n).casefold() for n in p)]
    st.session_state[PERSON] = max(0, index - 1)
    st.session_state.pop(RENAME_PROBLEMS, None)


# -- your map --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DrawnMap:
    """What the page draws from one roster: measures, the two figures and their words, the plan."""

    report: NetworkReport
    points: tuple[MapPoint, ...]
    rings: Any
    spread: Any
    plan: NetworkPlan


@st.fragment
def _map_tab(content: NetworkContent, questionnaire: Questionnaire) -> None:
    """Everything drawn from the map. A fragment: the score buttons rerun this tab only."""
    session = current()
    rows = filled_rows(session.roster_rows)
    # pairs of people no longer on the map are dropped; too many rows or pairs are refused, uncounted
    ties = session.ties if size_problems(rows, session.ties, content) else ties_among(rows, session.ties)
    try:
        roster = roster_from_rows(rows, ties, content)
    except RosterError as error:
        _show_problems(error.problems, content)
        return
    if not roster.contacts:
        st.info(t("network.entry.map_empty"))
        return
    drawn = _drawn_map(roster, content)
    _show_measures(drawn.report)
    words = chart_text()
    show_chart(drawn.rings, key="chart.network_map", summary=_rings_summary(drawn.points, content),
               columns=(t("network.table.name"), content.field("segment").label, t("network.entry.ring"),
                        t("network.entry.knows_column")),
               rows=_rings_rows(roster, drawn.points, content, words))
    show_chart(drawn.spread, key="chart.network_spread", summary=_spread_summary(roster, drawn.report, content),
               columns=(t("network.entry.group"), t("network.entry.option"), words.deep, words.other),
               rows=[(words.groups[c.field], content.label(c.field, c.option), c.deep, c.other)
                     for c in spread_counts(roster, drawn.report, content)])
    if session.map_before is not None:
        _show_changes(session.map_before, roster, content, words)
    _show_scores(session, roster, drawn.report, questionnaire)
    _show_plan(drawn.plan, content)
    _download_map(rows, ties)


def _show_problems(problems: tuple[RosterProblem, ...] | list[RosterProblem], content: NetworkContent) -> None:
    st.warning(t("network.problems.intro"))
    st.code("\n".join(problem_text(p, content) for p in problems), language=None)


def _drawn_map(roster: Roster, content: NetworkContent) -> DrawnMap:
    """Measures, figures and plan of ``roster``: the session's last ones while nothing they show
    has changed (the figures are never changed after they are built)."""
    key = (roster, language())
    kept = st.session_state.get(MAP_DRAWN)
    if kept is not None and kept[0] == key:
        return kept[1]
    report, words = measure_network(roster, content), chart_text()
    drawn = DrawnMap(report, map_points(roster, report, content), rings_map(roster, report, content, words),
                     diversity_chart(roster, report, content, words), plan_connections(roster, report, content))
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


def _rings_summary(points: tuple[MapPoint, ...], content: NetworkContent) -> str:
    """One sentence: people per ring, the segments with people and those without."""
    summary = summarise_map(points, content)
    inner, middle, outer = summary.per_ring
    rings = t("network.entry.rings_summary", n=summary.people, inner=inner, middle=middle, outer=outer)
    filled = ", ".join(t("network.entry.segment_count", segment=content.label("segment", s), n=n)
                       for s, n in summary.filled)
    empty = ", ".join(content.label("segment", s) for s in summary.empty)
    sectors = (t("network.entry.sectors_all", filled=filled) if not summary.empty
               else t("network.entry.sectors_some", filled=filled, empty=empty))
    return f"{rings} {sectors}"


def _rings_rows(roster: Roster, points: tuple[MapPoint, ...], content: NetworkContent, words: ChartText) -> list[tuple]:
    """The rings map as a table: each person, their segment, ring and whom they know (plain text)."""
    names = {c.id: c.name for c in roster.contacts}
    knows: dict[int, list[str]] = {c.id: [] for c in roster.contacts}
    for a, b in roster.ties:
        knows[a].append(names[b])
        knows[b].append(names[a])
    ordered = sorted(points, key=lambda p: (p.ring, p.name.casefold()))
    return [(p.name, content.label("segment", p.segment), words.rings[p.ring], ", ".join(knows[p.contact_id]))
            for p in ordered]


def _spread_summary(roster: Roster, report: NetworkReport, content: NetworkContent) -> str:
    deep = sum(1 for _, s in report.strengths if s >= content.thresholds.deep_tie)
    counts = {s: sum(1 for c in roster.contacts if c.segment == s) for s in content.field("segment").ids()}
    most = max(counts.values())
    top = ", ".join(content.label("segment", s) for s, n in counts.items() if n == most)
    return t("network.entry.spread_summary", n=len(roster.contacts), deep=deep, top=top, most=most)


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
            action_button(st, t("network.scores.answers_only"), key="network.unblend", on_click=_replace_result,
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
        action_button(st, t("network.scores.answers_only"), key="network.unblend", on_click=_replace_result,
                      args=(session, answers_only, None, t("network.scores.done_answers_only")))
        return
    if status == "outdated":
        st.info(t("network.scores.outdated"))
    label = t("network.scores.update") if status == "outdated" else t("network.scores.use")
    action_button(st, label, type="primary", icon=":material/merge:", key="network.blend", on_click=_replace_result,
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


# -- the map kept as a file, and loaded back as a new round ------------------------------------------------

def _load_map(content: NetworkContent) -> None:
    """Load a downloaded map back: a new round with the same people, compared with the file as it was."""
    with opened_section(t("network.keep.load_title"), key=f"{MAP_UPLOAD}.open") as opened:
        if not opened:
            return
        st.write(t("network.keep.load_intro"))
        upload = results_file_uploader(t("network.keep.load_label"), key=MAP_UPLOAD)
        if upload is None:
            return
        try:
            loaded = read_map(upload.getvalue(), content)
        except ImportRefused as refused:
            st.error(t(f"network.keep.refused.{refused.code}", **refused.params))
            return
        if filled_rows(current().roster_rows):
            st.caption(t("network.keep.load_replaces"))
        action_button(st, t("network.keep.load_apply", n=len(loaded.rows)), type="primary", key="network.map_load",
                      on_click=_start_round, args=(loaded,))


def _start_round(loaded: MapFile) -> None:
    """Button callback: the loaded map becomes last wave and the start of this one (no second run)."""
    session = current()
    session.map_before = {"rows": [dict(r) for r in loaded.rows], "ties": [list(p) for p in loaded.ties]}
    session.set_network_map(loaded.rows, loaded.ties)
    st.session_state[PERSON] = 0


def _download_map(rows: list[Mapping[str, Any]], ties: list[Any]) -> None:
    """The map as a file, names included: made in this session and sent to this device only."""
    st.header(t("network.keep.title"))
    st.caption(t("network.keep.download_caption"))
    kept_rows, kept_ties = list(rows), [list(p) for p in ties]
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
