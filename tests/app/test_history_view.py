"""The comparison view, driven by AppTest: the map with its arrow, Width and Depth with their change,
the dimension table, the segments that changed and the advice then and now, all in words."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def comparison_page(before_picks: str, after_picks: str) -> AppTest:
    def page(before_picks: str, after_picks: str) -> None:
        from assessment import load_questionnaire, score_answers
        from assessment.questionnaire import complete_answers
        from ui.history_view import show_comparison

        q = load_questionnaire("en")

        def pick(name):
            return lambda item, options: options[{"low": 0, "middle": len(options) // 2, "high": -1}[name]]

        before = score_answers(q, complete_answers(q, pick=pick(before_picks)))
        after = score_answers(q, complete_answers(q, pick=pick(after_picks)))
        show_comparison(before, after, q, then="1 Sep", now="1 Dec")

    return AppTest.from_function(page, args=(before_picks, after_picks), default_timeout=30).run()


def test_show_comparison__low_then_high__shows_the_rise_and_the_arrow():
    at = comparison_page("low", "high")
    assert not at.exception, at.exception
    from ui.text import t
    assert at.header[0].value == t("history.compare.title", then="1 Sep", now="1 Dec")
    width, depth = at.metric
    # every lowest answer scores Width 7, every highest 94 (shown in help and body): a rise of 87
    assert (width.label, width.value, width.help, width.delta) == (
        t("results.width"), "94 / 100", t("history.compare.was", score=7), "87")
    assert width.proto.direction == width.proto.UP and depth.proto.direction == depth.proto.UP
    chart_table, table = (tb.value for tb in at.table)  # the map in words, then the dimensions
    assert list(chart_table.columns) == [t("results.chart_text.when"), t("results.width"), t("results.depth"),
                                         t("results.chart_text.profile")]
    assert list(chart_table[t("results.width")]) == ["7", "94"]
    assert list(table.columns) == [t("history.compare.dimension"), "1 Sep", "1 Dec", t("history.compare.change")]
    assert all(c.startswith("↑ ") for c in table[t("history.compare.change")])  # every dimension rose
    text = "\n".join(m.value for m in at.markdown)
    assert t("history.compare.advice_then") in text and t("history.compare.advice_now") in text


def test_show_comparison__same_result__no_segment_changed():
    at = comparison_page("middle", "middle")
    assert not at.exception, at.exception
    from ui.text import t
    text = "\n".join(m.value for m in at.markdown)
    assert t("history.compare.segments_same") in text
    assert {m.delta for m in at.metric} == {"0"}
    assert set(at.table[-1].value[t("history.compare.change")]) == {t("history.compare.same")}


def saved_pair():
    """Two results saved in the test database: every lowest answer, then every highest."""
    import os

    from assessment import load_questionnaire, score_answers
    from assessment.questionnaire import complete_answers
    from assessment.storage.results import NewResult, open_store

    q = load_questionnaire("en")
    store = open_store(os.environ["DATABASE_URL"])
    tokens = []
    for index in (0, -1):
        answers = complete_answers(q, pick=lambda key, options, index=index: options[index])
        tokens.append(store.save_result(NewResult(answers=answers, result=score_answers(q, answers).to_dict())).share_token)
    return tokens


def test_compare_link__two_share_tokens__read_only_comparison_dated_then_and_now():
    from pathlib import Path

    from ui.history_view import day_words
    from ui.links import Param
    from ui.text import t
    import datetime

    then, now = saved_pair()
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=30)
    at.run()
    at.query_params[Param.RESULT], at.query_params[Param.THEN] = now, then
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    today = day_words(datetime.datetime.now(datetime.timezone.utc).date())
    assert at.title[0].value == t("history.shared.title")
    assert at.header[0].value == t("history.compare.title", then=today, now=today)
    assert not [b for b in at.button if b.key == "manage.delete"]  # read-only: nothing to delete


def test_compare_link__one_result_removed__says_it_cannot_be_compared():
    from pathlib import Path

    from ui.links import Param
    from ui.text import t

    _, now = saved_pair()
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=30)
    at.run()
    at.query_params[Param.RESULT], at.query_params[Param.THEN] = now, "A" * 22
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert [i.value for i in at.info] == [t("history.shared.missing")]
