"""bench/st_client.py against a real `streamlit run` of tests/st_client_app (two pages)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.st_client import StreamlitClient, StreamlitClientError
from bench.st_server import running_streamlit

APP = Path(__file__).parent / "st_client_app" / "app.py"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("st_client") / "streamlit.log"
    with running_streamlit(APP, log_file=log) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[StreamlitClient]:
    with StreamlitClient(base_url, timeout=30) as c:
        yield c


def test_connect__first_load__runs_default_page_with_widget_keys(client):
    run = client.connect()
    assert run.status == "ok"
    assert client.session_id
    assert [(e.kind, e.key) for e in run.elements if e.widget_id] == [
        ("radio", "colour"), ("text_input", "name"), ("button", "save"), ("button", "next"),
    ]
    assert "Saved: nothing yet" in run.texts()
    assert client.pages["second"] == client.pages["Second"] != client.pages[""]


def test_connect__xsrf_cookie__is_fetched_from_health(client):
    # The browser reads this cookie and sends it as the 2nd Sec-WebSocket-Protocol entry.
    token = client._fetch_xsrf_cookie()
    assert token.startswith("2|") and token.count("|") == 3


def test_click__after_setting_radio_and_text__shows_the_saved_text(client):
    client.connect()
    client.set_value("colour", 2)  # index 2 -> "blue"
    client.set_value("name", "Ada")
    run = client.click("save")
    assert "Saved: Ada likes blue" in run.texts()
    assert run.elapsed >= run.first_message > 0
    assert run.messages > 0 and run.received_bytes > 0


def test_act__radio_by_option_text__is_kept_on_later_reruns(client):
    client.connect()
    client.act("colour", "green")
    run = client.click("save")
    assert "Saved: Someone likes green" in run.texts()


def test_connect__query_string__reaches_the_script(client):
    run = client.connect(query_string="code=K7RWX3")
    assert "Query: K7RWX3" in run.texts()


def test_click__button_calling_switch_page__ends_on_the_other_page(client):
    client.connect()
    run = client.click("next")
    assert run.status == "ok"
    assert client.page_script_hash == client.pages["second"]
    assert [e.key for e in run.elements if e.key] == ["size"]
    run = client.act("size", 2)
    assert "Second page: nothing yet, size large" in run.texts()


def test_switch_page__by_url_path_and_back__keeps_session_state(client):
    client.connect()
    client.set_value("name", "Bo")
    client.click("save")
    assert "Second page: Bo likes red, size small" in client.switch_page("second").texts()
    assert "Saved: Bo likes red" in client.switch_page("").texts()


def test_connect__to_a_page_path__opens_that_page(client):
    run = client.connect(page="second")
    assert client.page_script_hash == client.pages["second"]
    assert "Size" in run.texts()


def test_two_clients__have_separate_sessions(base_url, client):
    client.connect()
    client.set_value("name", "Cy")
    client.click("save")
    with StreamlitClient(base_url) as other:
        run = other.connect()
        assert other.session_id != client.session_id
        assert "Saved: nothing yet" in run.texts()


def test_set_value__unknown_key__names_the_keys_on_the_page(client):
    client.connect()
    with pytest.raises(StreamlitClientError) as error:
        client.set_value("colours", 1)
    assert str(error.value) == (
        "colours: no widget with this key on the page; keys are ['colour', 'name', 'next', 'save']."
    )


def test_click__on_a_radio__is_refused(client):
    client.connect()
    with pytest.raises(StreamlitClientError, match=r"^colour: is a radio, not a button\.$"):
        client.click("colour")


def test_pause__then_rerun__session_still_answers(client):
    client.connect()
    client.pause(0.5)
    assert client.rerun().status == "ok"


def test_rerun__before_connect__says_to_connect(base_url):
    with pytest.raises(StreamlitClientError, match=r"^not connected; call connect\(\) first\.$"):
        StreamlitClient(base_url).rerun()
