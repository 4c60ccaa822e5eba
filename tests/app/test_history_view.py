"""The comparison view, driven by AppTest: the map with its arrow, Width and Depth with their change,
the dimension table, the segments that changed and the advice then and now, all in words."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.link_boxes import shown_links


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

    at = AppTest.from_function(page, args=(before_picks, after_picks), default_timeout=30)
    at.session_state["chart.history.compare.table"] = True  # the map's "Show as a table", opened (ui/lazy.py)
    return at.run()


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
    assert at.header[0].value == t("history.compare.title", then=t("history.list.then_same", when=today),
                                                         now=t("history.list.now_same", when=today))
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


# The history list under the private link (issue 11 §3) -------------------------------------


def owner_with(picks: tuple[int, ...]):
    """Results saved under one new owner key, oldest first: each answers every item with the option
    at that index (0: lowest). Returns the key and the share tokens, oldest first."""
    import os

    from assessment import load_questionnaire, score_answers
    from assessment.questionnaire import complete_answers
    from assessment.storage.results import NewResult, open_store
    from assessment.tokens import new_token

    q = load_questionnaire("en")
    key, tokens = new_token(), []
    with open_store(os.environ["DATABASE_URL"]) as store:
        for index in picks:
            answers = complete_answers(q, pick=lambda item, options, index=index: options[index])
            tokens.append(store.save_result(NewResult(answers=answers, result=score_answers(q, answers).to_dict(),
                                                      owner_key=key)).share_token)
    return key, tokens


def owner_view(key: str) -> AppTest:
    """The results page opened with the private link, in a fresh session."""
    from pathlib import Path

    from ui.links import Param

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=30)
    at.run()
    at.query_params[Param.OWNER] = key
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    return at


def history_lines(at: AppTest) -> list[str]:
    return [line for m in at.markdown for line in m.value.splitlines() if line.startswith("- **")
            and " · Width " in line]


def test_owner_history__one_result__a_sentence_true_for_one_and_nothing_to_pick():
    from ui.text import t

    key, _ = owner_with((1,))
    at = owner_view(key)
    assert t("history.list.title") in [s.value for s in at.subheader]
    assert t("history.list.only_one") in [m.value for m in at.markdown]
    assert not at.selectbox and not history_lines(at)


def test_owner_history__three_results__listed_newest_first_and_the_newest_two_compared():
    from ui.history_view import compare_link
    from ui.text import t

    key, (oldest, middle, newest) = owner_with((0, 1, -1))
    at = owner_view(key)
    lines = history_lines(at)
    assert len(lines) == 3 and lines[0].endswith(t("history.list.shown_mark"))  # the newest is the one shown
    assert t("history.list.intro", n=3) in [m.value for m in at.markdown]
    assert [s.value for s in at.selectbox] == [middle, newest]
    assert not [c for c in shown_links(at) if "then=" in c]  # compared once asked
    at.toggle[0].set_value(True).run()
    assert any("→" in s.value for s in at.header)
    assert compare_link(middle, newest) in shown_links(at)


def test_owner_history__pick_the_oldest_later_in_the_second_box__compared_in_time_order():
    from ui.history_view import compare_link
    from ui.text import t

    key, (oldest, _, newest) = owner_with((0, 1, -1))
    at = owner_view(key)
    at.selectbox[0].set_value(newest)
    at.selectbox[1].set_value(oldest)  # "compare the newest with the oldest"
    at.toggle[0].set_value(True).run()
    assert not at.exception, at.exception
    assert compare_link(oldest, newest) in shown_links(at)  # then is the earlier, whatever the order picked
    own_width, width = at.metric[0], at.metric[2]  # after the owner's own Width and Depth: the comparison's
    # now: the newest (the one shown above); then: every lowest answer, Width 7 (see the first test)
    assert width.value == own_width.value and width.help == t("history.compare.was", score=7)


def test_owner_history__same_result_picked_twice__asks_for_two_different_ones():
    from ui.text import t

    key, (_, newest) = owner_with((0, -1))
    at = owner_view(key)
    at.selectbox[0].set_value(newest).run()
    assert t("history.list.same_pick") in [i.value for i in at.info] and not at.toggle
    assert not [c for c in shown_links(at) if "then=" in c]


def test_owner_history__a_result_removed_elsewhere__leaves_the_list_and_the_comparison_says_so():
    import os

    from assessment.storage.results import open_store
    from ui.text import t

    key, (oldest, middle, newest) = owner_with((0, 1, -1))
    at = owner_view(key)
    assert len(history_lines(at)) == 3
    with open_store(os.environ["DATABASE_URL"]) as store:  # deleted on another device
        assert store.delete_result(middle, key)
    at.run()
    assert not at.exception, at.exception
    assert len(history_lines(at)) == 2 and t("history.list.intro", n=2) in [m.value for m in at.markdown]
    assert [s.value for s in at.selectbox] == [oldest, newest]  # the picks move on to the two that are left


def test_owner_history__more_than_the_limit__the_newest_listed_and_says_how_many_are_left_out():
    from assessment.storage.results import HISTORY_LIMIT
    from ui.text import t

    key, _ = owner_with((1,) * (HISTORY_LIMIT + 2))
    at = owner_view(key)
    assert len(history_lines(at)) == HISTORY_LIMIT  # the newest 5 open, the rest folded
    assert t("history.list.more", n=HISTORY_LIMIT - 5) in [e.label for e in at.expander]  # besides the charts' tables
    assert t("history.list.intro", n=HISTORY_LIMIT + 2) in [m.value for m in at.markdown]
    assert t("history.list.capped", shown=HISTORY_LIMIT, left=2) in [c.value for c in at.caption]
