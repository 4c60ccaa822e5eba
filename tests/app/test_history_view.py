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
    assert at.subheader[0].value == t("history.compare.title", then="1 Sep", now="1 Dec")
    width, depth = at.metric
    # every lowest answer scores Width 7, every highest 94 (shown in help and body): a rise of 87
    assert (width.label, width.value, width.help, width.delta) == (
        t("results.width"), "94 / 100", t("history.compare.was", score=7), "87")
    assert width.proto.direction == width.proto.UP and depth.proto.direction == depth.proto.UP
    table = at.table[0].value
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
    assert set(at.table[0].value[t("history.compare.change")]) == {t("history.compare.same")}
