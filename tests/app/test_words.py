"""Words a person reads (issue 10 §3-§4): progress in answers, no internal codes, a share page for a reader."""

import re

from tests.app.test_walkthrough import Q, answer_step, fresh_app, session_of
from ui.links import Param
from ui.sharing import WITH_ANSWERS
from ui.text import t

CODE = re.compile(r"\bG[0-9]{2}\b")  # a guidance id, e.g. G07


def page_text(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "warning", "info", "subheader", "title") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def test_progress__nothing_answered__zero_of_all_answers_and_the_whole_time():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    # 47 answers, 47 x 12 s = 9.4 -> 10 minutes (tests/test_pace.py)
    progress = at.get("progress")[0].proto
    assert progress.value == 0
    assert progress.text == t("questionnaire.progress", answered=0, total=47, n=10, step=1, steps=len(Q.steps))


def test_progress__after_step_one__counts_its_five_answers():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    # 5 of 47 answered: 42 x 12 s = 8.4 -> 9 minutes; the bar at 5/47 = 10 %
    progress = at.get("progress")[0].proto
    assert progress.value == 10
    assert progress.text == t("questionnaire.progress", answered=5, total=47, n=9, step=2, steps=len(Q.steps))


def test_home__question_count__from_the_questionnaire():
    at = fresh_app()
    assert t("home.length", n=len(Q.answer_keys()), minutes=10) in page_text(at)


def walk_and_share_answers(at):
    at.switch_page("pages/questionnaire.py").run()
    for n in range(len(Q.steps)):
        answer_step(at, n, pick=lambda choices: choices[-1])  # the highest band: "51+" known everywhere
        if n == len(Q.steps) - 1:
            at.checkbox(key=WITH_ANSWERS).check()
        at.button(key="nav.finish" if n == len(Q.steps) - 1 else "nav.next").click().run()
    return at.switch_page("pages/results.py").run()


def test_results__cards_and_caution__carry_no_guidance_codes():
    at = walk_and_share_answers(fresh_app())
    assert not at.exception
    assert CODE.search(page_text(at)) is None


def test_share_page__answers_shared__question_and_answer_words_and_a_reader_voice():
    owner = walk_and_share_answers(fresh_app())
    viewer = fresh_app()
    viewer.query_params[Param.RESULT] = session_of(owner).saved.share_token
    viewer.switch_page("pages/results.py").run()
    assert not viewer.exception
    shown = page_text(viewer)
    assert t("results.shared_answer", question=Q.item("reach_size").text, answer="1,000 or more") in shown
    assert t("results.shared_answer", question="Own field: People you know", answer="51+") in shown
    assert "reach_size" not in shown and "over_1000" not in shown and "grid.own_field" not in shown
    headings = [s.value for s in viewer.subheader]
    assert t("results.reader.dimensions") in headings and t("results.dimensions") not in headings
    assert t("results.reader.intro") in page_text(viewer)


def test_method_page__formulas__no_line_starts_with_a_plus_that_markdown_makes_a_bullet():
    at = fresh_app()
    at.switch_page("pages/method.py").run()
    lines = [line.strip() for m in at.markdown for line in m.value.splitlines()]
    assert [line for line in lines if line.startswith("+")] == []
    assert "*While Quantity is Important, Quality is King in Networking* by Ivan Misner" in at.markdown[0].value
