"""Then and now: two results of one person side by side, and a reminder to come back.

``show_comparison`` draws what ``assessment.compare.compare_results`` found: the wide-vs-deep map
with an arrow from then to now, Width and Depth with their change, each dimension's change, the
segments that became deep or wide or went shallow or narrow, and the advice then and now.
``owner_history_section`` lists every result kept under the owner's private link (newest first,
bounded by ``HISTORY_LIMIT``) and compares any two of them, with a read-only link to the comparison.
``compare_files_section`` does the same for two downloaded results files (nothing kept on the
server; the files are read in this session only). ``reminder_button`` offers the .ics file.

Every word comes from ``content/en/ui/history.yaml`` through ``t()``.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from dataclasses import replace

import streamlit as st

from babel.dates import format_date, format_time

from assessment.chart_text import compare_text
from assessment.compare import ComparisonRefused, compare_results, comparison_map
from assessment.exchange import ImportRefused, import_json
from assessment.questionnaire import Questionnaire
from assessment.reminder import Reminder, reminder_file
from assessment.scoring import Result
from assessment.storage.errors import StorageUnavailable
from assessment.storage.results import HistoryEntry
from assessment.text import locale_of
from assessment.wording import ResultWords, result_words

from . import owner, resources
from .lazy import opened_section
from .link_box import link_box
from .links import Param
from .chart_view import show_chart
from .result_view import chart_texts, chart_words
from .text import language, t
from .uploads import results_file_uploader

SEGMENT_CHANGES = ("became_deep", "went_shallow", "became_wide", "went_narrow")
HISTORY_OPEN = 5  # results listed open; the older ones (up to HISTORY_LIMIT) fold into an expander


def show_comparison(before: Result, after: Result, q: Questionnaire, *, then: str, now: str,
                    key: str = "history") -> None:
    """``then`` and ``now`` name the two results (their dates, or the files' roles)."""
    try:
        comparison = compare_results(before, after)
    except ComparisonRefused as refused:
        st.error(t(f"history.refused.{refused.code}"))
        return
    words_then, words_now = result_words(before, q), result_words(after, q)
    if then == now:  # two results of one day (a shared comparison names them by date only)
        then, now = t("history.list.then_same", when=then), t("history.list.now_same", when=now)
    st.header(t("history.compare.title", then=then, now=now))  # an h2: under the page's h1, never skipping a level
    quadrants = {(p.wide, p.deep): p.name for p in q.profiles}
    texts = replace(chart_texts(after), you=t("history.compare.now_point"))
    show_chart(comparison_map(before, after, quadrants, texts, t("history.compare.then_point")),
               key=f"chart.{key}.compare",
               **chart_words(compare_text(before, after, then, now, words_then, words_now, t)))
    width, depth = st.columns(2)
    for column, change, label in ((width, comparison.width, t("results.width")),
                                  (depth, comparison.depth, t("results.depth"))):
        column.metric(label, t("results.score", score=change.after), delta=_delta(change.change),
                      help=t("history.compare.was", score=change.before))
    if comparison.profile_changed:
        st.markdown(t("history.compare.profile_moved", before=words_then.profile(comparison.profile_before).name,
                      after=words_now.profile(comparison.profile_after).name))
    else:
        st.markdown(t("history.compare.profile_same", profile=words_now.profile(comparison.profile_after).name))
    st.markdown(t("history.compare.dimensions"))
    st.table({
        t("history.compare.dimension"): [_dimension_name(d.id, words_now, words_then) for d in comparison.dimensions],
        then: [_score(d.before) for d in comparison.dimensions],
        now: [_score(d.after) for d in comparison.dimensions],
        t("history.compare.change"): [_change_words(d.change) for d in comparison.dimensions],
    })
    lines = [t(f"history.compare.{kind}", n=len(ids), segments=", ".join(words_now.segment(s) for s in ids))
             for kind in SEGMENT_CHANGES if (ids := getattr(comparison, kind))]
    st.markdown("  \n".join(lines) if lines else t("history.compare.segments_same"))
    advice_then, advice_now = st.columns(2)
    for column, ids, words, title in ((advice_then, comparison.advice_before, words_then, t("history.compare.advice_then")),
                                      (advice_now, comparison.advice_after, words_now, t("history.compare.advice_now"))):
        with column.container(border=True):
            st.markdown(title)
            st.markdown("\n".join(t("history.compare.advice_item", title=words.advice(a).title) for a in ids)
                        if ids else t("history.compare.advice_none"))


def compare_link(then_token: str, now_token: str) -> str:
    """A read-only link to a comparison: two share tokens, nothing more than the two share links give."""
    return resources.app_url(f"results?{Param.RESULT}={now_token}&{Param.THEN}={then_token}")


def show_shared_comparison(then_token: str, now_token: str, q: Questionnaire) -> None:
    """A comparison opened with a compare link: read-only, like a share link."""
    st.title(t("history.shared.title"))
    st.caption(t("history.shared.read_only"))
    try:
        found = [_stored(resources.store().find_result(token)) for token in (then_token, now_token)]
    except StorageUnavailable:
        st.error(t("results.shared.unavailable"))
        return
    if None in found:
        st.info(t("history.shared.missing"))
        return
    (before, then_day), (after, now_day) = found
    show_comparison(before, after, q, then=then_day, now=now_day, key="shared")


def _stored(lookup) -> tuple[Result, str] | None:
    """A found result and its date in words, or None (removed, unknown, or not a result)."""
    result = owner.result_of(lookup.result) if lookup.status == "found" else None
    return (result, day_words(lookup.result.created_at.date())) if result is not None else None


def day_words(day: datetime.date) -> str:
    """A date as the reader's language writes it ("1 Dec 2026")."""
    return format_date(day, format="medium", locale=locale_of(language()))  # Babel reads pt_BR, not pt-BR


def owner_history_section(q: Questionnaire, owner_key: str, shown_token: str | None) -> None:
    """Every result kept under the private link, dated, and any two of them compared side by side.

    Nothing at 0 results; one sentence at 1; from 2 on the list, two pickers (the newest and the one
    before by default) and, once "Compare them" is switched on, their comparison with its read-only link. The pickers' keys carry a digest
    of the listed tokens, so a result kept or removed since starts them again on the newest two."""
    try:
        history = resources.store().owner_history(owner_key)
    except StorageUnavailable:
        st.info(t("history.list.unavailable"))
        return
    if history.total == 0:
        return
    st.divider()  # apart from the downloads above: this part is about every result, not the one shown
    st.subheader(t("history.list.title"))
    if history.total == 1:
        st.write(t("history.list.only_one"))
        return
    entries = {e.share_token: e for e in history.entries}
    # numbered from the oldest (No. 1), so two results of the same minute still read apart
    labels = {e.share_token: t("history.list.label", n=history.total - i, when=when_words(e.created_at))
              for i, e in enumerate(history.entries)}
    options = {e.share_token: t("history.list.option", n=history.total - i, when=when_words(e.created_at),
                                width=e.width, depth=e.depth) for i, e in enumerate(history.entries)}
    words = ResultWords(q, {})
    st.write(t("history.list.intro", n=history.total))
    lines = [_history_line(e, labels[e.share_token], words, shown=e.share_token == shown_token) for e in history.entries]
    st.markdown("\n".join(lines[:HISTORY_OPEN]))
    if len(lines) > HISTORY_OPEN:  # the rest folded, so the pickers below stay in reach on a phone
        with st.expander(t("history.list.more", n=len(lines) - HISTORY_OPEN)):
            st.markdown("\n".join(lines[HISTORY_OPEN:]))
    if history.total > len(history.entries):
        st.caption(t("history.list.capped", shown=len(history.entries), left=history.total - len(history.entries)))
    tokens = list(entries)
    listed = hashlib.sha256("".join(tokens).encode()).hexdigest()[:12]  # a result kept or removed since: the picks start again
    left, right = st.columns(2)
    first = left.selectbox(t("history.list.pick_then"), tokens, index=1, format_func=options.__getitem__,
                           key=f"history.then.{listed}")
    second = right.selectbox(t("history.list.pick_now"), tokens, index=0, format_func=options.__getitem__,
                             key=f"history.now.{listed}")
    if first == second:
        st.info(t("history.list.same_pick"))
        return
    # drawn when asked: the owner page stays short, and a rerun draws no second map unless wanted
    if not st.toggle(t("history.list.compare"), key=f"history.compare.{listed}"):
        return
    then_token, now_token = sorted((first, second), key=lambda token: entries[token].created_at)
    try:
        found = [owner.result_of(resources.store().owner_result(owner_key, token)) for token in (then_token, now_token)]
    except StorageUnavailable:
        st.info(t("history.list.unavailable"))
        return
    if None in found:  # removed in another tab or on another device since the list was read
        st.info(t("history.list.one_gone"))
        return
    show_comparison(found[0], found[1], q, then=labels[then_token], now=labels[now_token], key="owner")
    st.markdown(t("history.list.share_title"))
    st.caption(t("history.list.share_explain"))
    link_box(compare_link(then_token, now_token), label=t("history.list.share_label"), key="history.compare_link")


def _history_line(entry: HistoryEntry, label: str, words: ResultWords, *, shown: bool) -> str:
    profile = next((p.name for p in words.questionnaire.profiles if p.id == entry.profile_id),
                   t("history.list.unknown_profile"))  # never an internal id on the page
    marks = (t("history.list.shown_mark") if shown else "") + (t("history.list.workshop_mark") if entry.in_workshop else "")
    return t("history.list.item", label=label, profile=profile, width=entry.width, depth=entry.depth, marks=marks)


def when_words(moment: datetime.datetime) -> str:
    """A moment as the reader's language writes it, in the reader's time zone ("7 Dec 2026, 09:20")."""
    local = moment.astimezone(_reader_zone())
    return t("history.list.when", day=format_date(local.date(), format="medium", locale=locale_of(language())),
             time=format_time(local.time(), format="short", locale=locale_of(language())))


def _reader_zone() -> datetime.tzinfo:
    """The browser's time zone (``st.context.timezone``: text the client sends), else UTC."""
    name = st.context.timezone
    if isinstance(name, str) and 0 < len(name) <= 64:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return datetime.UTC


def compare_files_section(q: Questionnaire) -> None:
    """Two results files, earlier and later, compared here; nothing reaches the server."""
    with opened_section(t("history.files.title"), key="history.files.open") as opened:
        if not opened:
            return
        st.write(t("history.files.intro"))
        left, right = st.columns(2)
        earlier = results_file_uploader(t("history.files.earlier"), key="history.file_earlier", where=left)
        later = results_file_uploader(t("history.files.later"), key="history.file_later", where=right)
        results = [_read_file(upload, q) for upload in (earlier, later)]
        if all(results):
            show_comparison(results[0], results[1], q, then=t("history.files.earlier_short"),
                            now=t("history.files.later_short"), key="files")


def _read_file(upload, q: Questionnaire) -> Result | None:
    if upload is None:
        return None
    try:
        return import_json(upload.getvalue(), q, resources.network()).result
    except ImportRefused as refused:
        st.error(t(f"results.import.refused.{refused.code}", **refused.params))
        return None


def reminder_button(link: str | None, *, key: str = "history.reminder") -> None:
    """An "Add a reminder" .ics file for three months from today, with ``link`` (the private link) in it."""
    description = t("history.reminder.description_link") if link else t("history.reminder.description")
    ics = reminder_file(Reminder(t("history.reminder.title"), description, link or resources.app_url("")),
                        datetime.date.today())
    st.download_button(t("history.reminder.button"), data=ics, file_name="wide-and-deep-reminder.ics",
                       mime="text/calendar", on_click="ignore", icon=":material/event:", key=key,
                       help=t("history.reminder.help"))


def _dimension_name(dimension_id: str, now, then) -> str:
    name = now.dimension(dimension_id).name
    return name if name != dimension_id else then.dimension(dimension_id).name


def _score(value: float | None) -> str:
    return t("history.compare.no_score") if value is None else t("history.compare.score", score=value)


def _change_words(change: float | None) -> str:
    """An arrow and the size of the change, so it reads without colour (0 after rounding: no change)."""
    if change is None:
        return t("history.compare.no_score")
    if round(change) == 0:
        return t("history.compare.same")
    return t("history.compare.up" if change > 0 else "history.compare.down", change=abs(change))


def _delta(change: float | None) -> str | None:
    if change is None:
        return None
    return t("history.compare.delta", change=change)
