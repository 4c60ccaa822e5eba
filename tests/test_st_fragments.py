"""bench/st_fragments.py against a real `streamlit run` of tests/st_fragment_app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.st_client import StreamlitClientError
from bench.st_fragments import FragmentClient
from bench.st_server import running_streamlit

APP = Path(__file__).parent / "st_fragment_app" / "app.py"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("st_fragments") / "streamlit.log"
    with running_streamlit(APP, log_file=log) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[FragmentClient]:
    with FragmentClient(base_url, timeout=30) as c:
        yield c


def test_connect__page_with_run_every__records_the_fragment_and_interval(client):
    client.connect()
    assert list(client.fragments.values()) == [10.0]


def test_rerun_fragment__runs_only_the_fragment__and_keeps_the_rest_of_the_page(client):
    client.connect()
    run = client.rerun_fragment()
    assert run.status == "ok"
    assert run.elapsed >= run.first_message > 0
    assert "Full runs: 1" in run.texts()
    assert "Fragment runs: 2" in run.texts()
    assert "Fragment runs: 1" not in run.texts()


def test_rerun__after_fragment_runs__is_a_full_run_again(client):
    client.connect()
    client.rerun_fragment()
    run = client.rerun()
    assert "Full runs: 2" in run.texts() and "Fragment runs: 3" in run.texts()


def test_rerun_fragment__page_without_fragments__says_to_rerun(client):
    client.connect()
    client.fragments.clear()
    with pytest.raises(StreamlitClientError, match=r"^no auto-rerunning fragment on this page; use rerun\(\)\.$"):
        client.rerun_fragment()
