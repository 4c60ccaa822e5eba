"""The parts of the results page around the result itself: unfinished, shared, saved links, files.

Nothing here saves a result: "See my results" did (``saving.save_once``); this page reads.
"""

from __future__ import annotations

import datetime

import streamlit as st

from assessment.exchange import ImportRefused, export_json, import_json
from assessment.questionnaire import Questionnaire
from assessment.chart_text import result_texts
from assessment.report import ReportTexts, render_report
from assessment.scoring import Result
from assessment.wording import result_words
from assessment.storage.errors import StorageUnavailable

from . import flow, history_view, owner, resources, saving
from .focus import kept_place
from .lazy import opened_section
from .link_box import link_box
from .links import Param
from .press import action_button
from .result_view import blend_rows, figures, md_escape, profile_notes, show_result, step_part_templates
from .session import current
from .uploads import results_file_uploader
from .text import t


def show_unfinished(q: Questionnaire) -> None:
    """Someone without a result: tell them how far they are and send them back to the questions."""
    st.title(t("results.own_title"))
    notice = current().take_results_notice()  # e.g. a private link that matches nothing
    if notice:
        st.warning(notice)
    answered = q.answered(current().answers)
    st.info(t("results.unfinished", answered=answered, total=len(q.answer_keys())))
    label = t("results.continue") if answered else t("results.start")
    if st.button(label, type="primary", key="results.resume"):
        current().step = flow.first_open_step(q)
        st.switch_page("pages/questionnaire.py")
    import_section(q)
    history_view.compare_files_section(q)


def take_assessment_button() -> None:
    if st.button(t("results.take"), type="primary", key="results.take"):
        st.query_params.clear()
        st.switch_page("pages/home.py")


def show_shared(token: str, q: Questionnaire) -> None:
    """A share link, read-only; with &m=KEY the owner can also delete it."""
    then = st.query_params.get(Param.THEN)
    if then:
        history_view.show_shared_comparison(then, token, q)
        return
    try:
        lookup = resources.store().find_result(token)
    except StorageUnavailable:
        st.title(t("results.shared.title"))
        st.error(t("results.shared.unavailable"))
        return
    if lookup.status == "removed":
        st.title(t("results.shared.removed_title"))
        st.info(t("results.shared.removed"))
        take_assessment_button()
        return
    result = owner.result_of(lookup.result) if lookup.status == "found" else None
    if result is None:
        st.title(t("results.shared.not_found_title"))
        st.info(t("results.shared.not_found"))
        take_assessment_button()
        return
    stored = lookup.result
    title = (t("results.shared.title_named", name=md_escape(stored.display_name)) if stored.display_name
             else t("results.shared.title"))
    st.caption(t("results.shared.read_only"))
    show_result(result, q, title=title, answers=stored.answers if stored.include_answers else None, for_reader=True)
    manage_key = st.query_params.get(Param.MANAGE)
    if manage_key:
        delete_section(token, manage_key)
    st.divider()
    take_assessment_button()


def delete_section(token: str, manage_key: str) -> None:
    st.divider()
    st.subheader(t("results.delete.title"))
    st.write(t("results.delete.intro"))
    confirm = st.checkbox(t("results.delete.confirm"), key="manage.confirm")
    if st.button(t("results.delete.button"), disabled=not confirm, key="manage.delete"):
        try:
            deleted = resources.store().delete_result(token, manage_key)
        except StorageUnavailable:
            st.error(t("results.delete.unavailable"))
            return
        if deleted:
            session = current()
            if session.saved and session.saved.share_token == token:
                session.saved = None
            st.success(t("results.delete.done"))
            st.rerun()
        else:
            st.error(t("results.delete.wrong_key"))


def show_owner_tools(q: Questionnaire) -> None:
    """Under the owner's own result: take it again, the private and share links, downloads, delete, import."""
    session = current()
    notice = session.take_results_notice()
    with kept_place("results-notice"):  # shown once: the next tap's run drops it, and what follows keeps its place
        if notice:
            st.info(notice)
    take_again_section()
    st.divider()
    st.subheader(t("results.share.title"))
    if session.save_error:
        st.error(session.save_error)
        action_button(st, t("results.share.retry"), on_click=saving.retry, key="results.retry", type="primary")
    elif session.saved:
        owner.show_private_link()
        history_view.reminder_button(owner.private_url(session.owner_key) if session.owner_key else None)
        st.write(t("results.share.link"))
        link_box(owner.share_url(session.saved.share_token), label=t("common.link_box.share_link"), key="link.share")
        if st.query_params.get(Param.RESULT) != session.saved.share_token:
            st.query_params[Param.RESULT] = session.saved.share_token  # a reload shows the saved result
        owner.remember_browser()
    else:
        st.caption(t("results.share.not_kept"))
        history_view.reminder_button(None)
    download_section(q)
    if session.owner_key:  # every result kept under the private link, and any two compared
        history_view.owner_history_section(q, session.owner_key, session.saved.share_token if session.saved else None)
    if session.saved:
        delete_section(session.saved.share_token, session.saved.manage_key)
    import_section(q)
    history_view.compare_files_section(q)


def take_again_section() -> None:
    """"Take it again": fresh answers, or last time's as a start; the result above stays saved."""
    session = current()
    with st.container(border=True):
        st.markdown(t("results.again.title"))
        st.write(t("results.again.in_workshop") if session.workshop else
                 t("results.again.kept") if session.saved else t("results.again.not_kept"))
        fresh, from_last = st.columns(2)
        if fresh.button(t("results.again.fresh"), type="primary", key="results.again", width="stretch",
                        icon=":material/restart_alt:"):
            flow.start_again(from_last=False)
            st.switch_page("pages/questionnaire.py")
        if from_last.button(t("results.again.from_last"), key="results.again_from_last", width="stretch"):
            flow.start_again(from_last=True)
            current().draft_notice = t("history.again.from_last")  # shown above the first step until an answer changes
            st.switch_page("pages/questionnaire.py")


def report_texts(result: Result, display_name: str | None, *, method_url: str, day: datetime.date) -> ReportTexts:
    """The report's words in the session's language (people's text escaped by the report itself)."""
    blend = blend_rows(result)
    return ReportTexts(
        title=t("results.report.title_named", name=display_name) if display_name else t("results.report.title"),
        dated=t("results.report.dated", day=day),
        width=t("results.width"), depth=t("results.depth"), out_of=t("results.report.out_of"),
        where=t("results.where.title"), dimensions=t("results.dimensions"), next_steps=t("results.report.next_steps"),
        network_title=t("results.network.title"),
        network_rows=blend.rows if blend else (),
        network_note=t("results.report.network_note", sentence=blend.sentence) if blend else "",
        idea=t("results.report.idea", idea="{idea}"),  # the report fills {idea} in per card
        footer=t("results.report.footer", id=result.questionnaire_id, version=result.version),
        method_url=method_url, not_recorded=t("results.report.not_recorded"),
        step_part=step_part_templates(), profile_notes=profile_notes(result),
    )


def download_section(q: Questionnaire) -> None:
    session = current()
    result, name = session.result, session.sharing.display_name
    method_url = resources.app_url("method")
    left, right = st.columns(2)
    left.download_button(
        t("results.download.html"),
        data=lambda: render_report(result, result_words(result, q), figures(result, q, titled=False),
                                   report_texts(result, name, method_url=method_url, day=datetime.date.today()),
                                   result_texts(result, result_words(result, q), t)),
        file_name="wide-and-deep-report.html", mime="text/html", on_click="ignore", key="results.html", width="stretch",
    )
    roster, ties, answers = session.roster_rows, session.ties, dict(session.answers)
    right.download_button(
        t("results.download.json"),
        data=lambda: export_json(answers, result.to_dict(), display_name=name,
                                 roster={"rows": roster, "ties": ties} if roster else None),
        file_name="wide-and-deep-results.json", mime="application/json", on_click="ignore", key="results.json",
        width="stretch",
    )


def import_section(q: Questionnaire) -> None:
    with opened_section(t("results.import.title"), key="results.import.open") as opened:
        if not opened:
            return
        st.write(t("results.import.intro"))
        upload = results_file_uploader(t("results.import.label"), key="results.import")
        if upload is None:
            return
        try:
            imported = import_json(upload.getvalue(), q, resources.network())  # at most 1 MB (the uploader); import_json measures it first
        except ImportRefused as refused:
            st.error(t(f"results.import.refused.{refused.code}", **refused.params))
            return
        if st.button(t("results.import.apply"), type="primary", key="results.import.apply"):
            roster = imported.roster or {}
            rows = roster.get("rows") if isinstance(roster.get("rows"), list) else None
            current().import_result(imported.answers, imported.result, imported.display_name, rows,
                                    roster.get("ties") if rows is not None else None)
            st.query_params.clear()
            st.rerun()
