"""Which cookie brings an owner back (ui/owner.py): on HTTPS only the __Host- one, which no
subdomain and no plain-HTTP page can plant; on plain HTTP (a laptop's localhost) the plain one."""

from __future__ import annotations

import pytest

from ui.owner import COOKIE, HOST_COOKIE, remembered_key

KEY, PLANTED = "A" * 22, "B" * 22


def test_remembered_key__https_page_with_both_cookies__only_the_host_prefixed_one():
    cookies = {COOKIE: PLANTED, HOST_COOKIE: KEY}
    assert remembered_key(cookies, "https://wide-deep.example/results") == KEY


def test_remembered_key__https_page_with_only_a_plain_cookie__no_owner():
    assert remembered_key({COOKIE: PLANTED}, "https://wide-deep.example/results") is None


@pytest.mark.parametrize("url", ["http://localhost:8501/results", None])
def test_remembered_key__plain_http_or_unknown_page__the_plain_cookie(url):
    assert remembered_key({COOKIE: KEY, HOST_COOKIE: PLANTED}, url) == KEY


def test_owner_cookie__prefix__is_the_one_the_script_writes_on_https():
    from ui.owner import COOKIE_SCRIPT

    assert HOST_COOKIE == "__Host-" + COOKIE and "'__Host-'" in COOKIE_SCRIPT and "'; secure'" in COOKIE_SCRIPT
