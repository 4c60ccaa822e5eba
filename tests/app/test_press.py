"""A button's action runs once per press: by its on_click when the session drew the button before,
by app.py's ``run_pending`` when the press reaches a session that never drew it (a tab reconnected to a new
session, tapped before the page's first run there was over), and never twice."""

from streamlit.testing.v1 import AppTest


def counter_page():
    import streamlit as st

    from ui.press import action_button, run_pending

    run_pending()  # as app.py does, before anything is drawn

    def count(step):
        st.session_state.count = st.session_state.get("count", 0) + step
        st.session_state.note = ""  # an action may empty a field, as adding names to the map does

    st.session_state.setdefault("count", 0)
    st.text_input("Note", key="note")
    action_button(st, "Add", key="add", on_click=count, args=(1,))
    action_button(st, "Locked", key="locked", on_click=count, args=(100,), disabled=True)
    st.write(f"count {st.session_state.count}")  # not-text


def test_press__on_a_button_drawn_before__the_action_runs_once():
    at = AppTest.from_function(counter_page).run()
    at.button(key="add").click().run()
    assert at.session_state.count == 1
    at.run()
    assert at.session_state.count == 1, "a later run does not run it again"
    at.button(key="add").click().run()
    assert at.session_state.count == 2


def test_press__reaching_a_session_that_never_drew_the_button__the_action_still_runs_once():
    old = AppTest.from_function(counter_page).run()
    old.text_input(key="note").input("typed")
    old.button(key="add").click()
    pressed = old._tree.get_widget_states()  # what the old page sends with the tap
    at = AppTest.from_function(counter_page)  # a new session, as after a server restart
    at._run(pressed)  # the tap arrives first: no on_click is known, the script sees the press
    assert at.session_state.count == 1
    assert at.markdown[-1].value == "count 1", "the page is drawn again after the action"
    assert at.text_input(key="note").value == "", "the action ran before the field was drawn, as on_click does"
    at.run()
    assert at.session_state.count == 1


def test_forged_press__on_a_disabled_button__reaching_a_new_session__nothing_runs():
    old = AppTest.from_function(counter_page).run()
    old.button(key="add").click()
    forged = old._tree.get_widget_states()  # a hand-made message: the page cannot press a disabled button
    locked = old.button(key="locked").id
    forged.widgets.remove(next(w for w in forged.widgets if w.id == locked))
    next(w for w in forged.widgets if w.id == old.button(key="add").id).id = locked  # its press, sent as Locked's
    at = AppTest.from_function(counter_page)
    at._run(forged)
    assert at.session_state.count == 0
    assert not at.exception
