"""The parts of the results page around the result itself: unfinished, shared, saving, files."""

from __future__ import annotations

import streamlit as st

from assessment.exchange import MAX_IMPORT_BYTES, ImportRefused, export_json, import_json
from assessment.questionnaire import Questionnaire
from assessment.report import render_report
from assessment.storage.errors import StorageError, StorageUnavailable

from . import flow, resources, saving, state
from .result_view import figures, md_escape, show_result


def show_unfinished(q: Questionnaire) -> None:
    """Someone without a result: tell them how far they are and send them back to the questions."""
    st.title("Your results")
    answered = sum(1 for k in q.answer_keys() if state.answers().get(k))
    total = len(q.answer_keys())
    st.info(f"Your results appear here once you have answered every question. You have answered {answered} of {total}.")
    if st.button("Continue the questionnaire" if answered else "Start the questionnaire", type="primary", key="results.resume"):
        state.set_step(flow.first_open_step(q))
        st.switch_page("pages/questionnaire.py")
    import_section(q)


def take_assessment_button() -> None:
    if st.button("Take the assessment yourself", type="primary", key="results.take"):
        st.query_params.clear()
        st.switch_page("pages/home.py")


def show_shared(token: str, q: Questionnaire) -> None:
    """A share link, read-only; with &m=KEY the owner can also delete it."""
    try:
        lookup = resources.store().find_result(token)
    except StorageUnavailable:
        st.title("Shared results")
        st.error("These results can't be loaded right now: the database can't be reached. Please try again in a minute.")
        return
    if lookup.status == "removed":
        st.title("Results removed")
        st.info("The owner of these results has removed them, so there is nothing to show here any more.")
        take_assessment_button()
        return
    if lookup.status != "found" or lookup.result is None or lookup.result.result is None:
        st.title("Results not found")
        st.info("We couldn't find results at this link. Check that the whole link was copied — or take the assessment yourself.")
        take_assessment_button()
        return
    stored = lookup.result
    title = f"Results of {stored.display_name}" if stored.display_name else "Shared results"
    st.caption("Read-only view of results someone shared with you.")
    show_result(stored.result, q, title=title, answers=stored.answers if stored.include_answers else None)
    manage_key = st.query_params.get("m")
    if manage_key:
        delete_section(token, manage_key)
    st.divider()
    take_assessment_button()


def delete_section(token: str, manage_key: str) -> None:
    st.divider()
    st.subheader("Delete these saved results")
    st.write("This removes the results from the server. The share link will then say they were removed.")
    confirm = st.checkbox("Yes, delete them for good", key="manage.confirm")
    if st.button("Delete my saved results", disabled=not confirm, key="manage.delete"):
        try:
            deleted = resources.store().delete_result(token, manage_key)
        except StorageUnavailable:
            st.error("The database can't be reached, so nothing was deleted. Please try again in a minute.")
            return
        if deleted:
            saved = state.get(state.SAVED) or {}
            if saved.get("share_token") == token:
                state.pop(state.SAVED)
            st.success("Deleted. The share link now says the results were removed.")
            st.rerun()
        else:
            st.error("This private link doesn't match these results, so nothing was deleted. Use the whole link you were given.")


def show_owner_tools(q: Questionnaire) -> None:
    """Under the owner's own result: links, downloads, import."""
    notice = state.pop(state.NOTICE_RESULTS)
    if notice:
        st.info(notice)
    saving.ensure_saved()
    st.divider()
    st.subheader("Keep and share")
    error = state.get(state.SAVE_ERROR)
    saved = state.get(state.SAVED)
    if error:
        st.error(error)
        st.button("Try saving again", on_click=saving.retry, key="results.retry", type="primary")
    elif saved:
        share = resources.app_url(f"results?r={saved['share_token']}")
        manage = f"{share}&m={saved['manage_key']}"
        st.write("**Share link** — anyone with it sees your results, read-only:")
        st.code(share, language=None, wrap_lines=True)
        with st.expander("Private link to delete your saved results"):
            st.write("Keep this one to yourself: with it you can delete what was saved.")
            st.code(manage, language=None, wrap_lines=True)
        if st.query_params.get("r") != saved["share_token"]:
            st.query_params["r"] = saved["share_token"]  # a reload shows the saved result
    else:
        st.caption("Your results are not stored on the server. Download them to keep them.")
    download_section(q)
    import_section(q)


def download_section(q: Questionnaire) -> None:
    result = state.get(state.RESULT)
    sharing = state.get(state.SHARING) or {}
    name = sharing.get("display_name")
    left, right = st.columns(2)
    left.download_button(
        "Download report (HTML)", data=lambda: render_report(result, figures(result, q), display_name=name, guidance=dict(q.guidance)),
        file_name="wide-and-deep-report.html", mime="text/html", on_click="ignore", key="results.html", width="stretch",
    )
    roster, ties, answers = state.get(state.ROSTER), state.get(state.TIES), dict(state.answers())
    right.download_button(
        "Download answers and scores (JSON)",
        data=lambda: export_json(answers, result, display_name=name, roster={"rows": roster, "ties": ties} if roster else None),
        file_name="wide-and-deep-results.json", mime="application/json", on_click="ignore", key="results.json", width="stretch",
    )


def import_section(q: Questionnaire) -> None:
    with st.expander("Restore results from a file"):
        st.write("Choose the .json file you downloaded from a results page. Nothing is saved on the server.")
        upload = st.file_uploader("Results file", type=["json"], key="results.import", max_upload_size=1)
        if upload is None:
            return
        data = upload.getvalue()
        try:
            imported = import_json(data[: MAX_IMPORT_BYTES + 1], q)
        except ImportRefused as refused:
            st.error(str(refused))
            return
        if st.button("Show these results", type="primary", key="results.import.apply"):
            state.put(state.ANSWERS, imported.answers)
            state.put(state.RESULT, imported.result.to_dict())
            state.put(state.SHARING, {"keep": False, "display_name": imported.display_name, "include_answers": False})
            roster = imported.roster or {}
            if isinstance(roster.get("rows"), list):  # the person's own map comes back to this tab only
                state.put(state.ROSTER, roster["rows"])
                state.put(state.TIES, roster.get("ties") or [])
                state.pop(state.ROSTER_BASE)
            for key in (state.SAVED, state.SAVE_ERROR):
                state.pop(key)
            st.query_params.clear()
            st.rerun()
