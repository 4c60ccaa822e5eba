"""The network page with a loaded map as last wave: what changed, each with what to do about it;
and the who-knows-whom pairs, which are kept by the session, not by the chips' state."""

from __future__ import annotations

from tests.app.sessions import session_of
from tests.app.test_network_page import FIVE, markdown, page_with
from tests.network_samples import DEEP, WEAK, row
from ui.network_view import KNOWS, PERSON
from ui.text import t


def with_last_wave(at, rows, ties=()):
    session_of(at).map_before = {"rows": rows, "ties": [list(p) for p in ties]}
    return at.run()


def test_network_page__loaded_map_unchanged__says_nothing_changed_yet():
    at = with_last_wave(page_with(FIVE), FIVE)
    assert not at.exception
    assert t("network.waves.title") in [h.value for h in at.header]
    assert [i.value for i in at.info if i.value == t("network.waves.unchanged")]


def test_network_page__loaded_map__the_people_tab_says_a_new_round_has_started():
    at = with_last_wave(page_with(FIVE, view="people"), FIVE)
    assert t("network.entry.new_round") in [i.value for i in at.info]


def test_network_page__second_wave__names_each_change_and_what_to_do():
    # last time Ana was a deep tie (strength 1.0) and Zed was there; now Ana's last contact is
    # "year" (cooling: 0.895, still deep, and stale) and Zed is gone
    then = [row("Ana", **DEEP), row("Zed", **WEAK)]
    now = [row("Ana", **{**DEEP, "last_contact": "year"})]
    at = with_last_wave(page_with(now), then)
    assert not at.exception
    text = markdown(at)
    for kind in ("cooling", "gone"):
        assert t("network.waves.kind_title", title=t(f"network.waves.{kind}.title", n=1)) in text
    assert t("network.waves.person", name="Zed") in text
    assert t("network.waves.cooling.action") in [m.value for m in at.markdown]


def test_who_knows_whom__chips_state_comes_back_empty__kept_pairs_win():
    # the browser's symptom (issue 11): after a page change a widget's state comes back empty
    # while the session still holds the pairs; the card must show the kept pairs
    at = page_with(FIVE, ties=[["Ana", "Bo"], ["Cy", "Dee"]], view="people")
    at.session_state[PERSON] = 1  # Ana
    at.session_state[KNOWS] = []
    at.run()
    assert not at.exception
    assert session_of(at).ties == [["Ana", "Bo"], ["Cy", "Dee"]]
    assert at.button_group(key=KNOWS).value == [2]  # Bo


def test_who_knows_whom__a_chip_tapped__is_kept_by_the_session():
    at = page_with(FIVE, ties=[["Ana", "Bo"]], view="people")
    at.button_group(key=PERSON).set_value(3).run()  # Cy
    at.button_group(key=KNOWS).set_value([4]).run()  # knows Dee
    assert not at.exception
    assert session_of(at).ties == [["Ana", "Bo"], ["Cy", "Dee"]]
