"""The owner's private link: back to one's own results, with every tool, on any device, any day.

Design (issue 11 §1). Two links per person, never mixed up:

- the **share link** ``/results?r=SHARE``: read-only, one per result, the same for its whole life
  (changes are made in place, ``Store.update_result``);
- the **private link** ``/results?o=OWNER_KEY``: one per person, for all of their results; it
  brings back downloads, delete, keep-and-share and the map. Only its hash is stored.

What copying the address bar hands out: never the private key. Opening the private link moves
the key at once into this tab's session and into a browser cookie (``wd_owner``, this site only,
90 days), and rewrites the address to the share link. So the address bar always shows the share
link, which is safe to paste to a mentor; a reload, or coming back tomorrow in the same browser,
finds the owner again through the cookie; another device uses the private link, which is shown
once saved in its own labelled box with a copy button. "Not your device?" forgets both.

The cookie is set by a script, so it cannot be HttpOnly: a Streamlit script cannot add a header to
an HTTP response (its runs travel over the websocket), and Streamlit 1.67's only way to set one,
middleware of the experimental ``st.App``, sees page requests, not the moment a key is made.
HttpOnly would hide little anyway: the owner view shows the private link itself. What limits the
risk instead (docs/deploying.md, "The owner cookie"): it lives 90 days (the .ics reminder carries the
link for later), ``SameSite=Strict``, ``Secure`` and the ``__Host-`` prefix on HTTPS (no other
subdomain and no plain-HTTP page can plant or read one; only that name is read there), it grants only
this person's own results, and "Forget me on this device" clears it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import streamlit as st

from assessment.scoring import Result, ResultShapeError
from assessment.storage.errors import StorageError
from assessment.storage.results import StoredResult

from . import resources
from .link_box import link_box
from .links import Param
from .press import action_button
from .session import SavedLinks, SharingChoice, current
from .text import t

COOKIE = "wd_owner"
# On HTTPS the cookie is "__Host-wd_owner": the browser takes it only with Secure, Path=/ and no
# Domain, so neither a sibling subdomain nor a plain-HTTP page can set it (RFC 6265bis, cookie prefixes).
HOST_COOKIE = f"__Host-{COOKIE}"
# Our own choice: the three-month reminder carries the private link, so the cookie need not outlive
# it; a shared computer forgets the owner by itself after this, even if no one pressed "forget me".
COOKIE_DAYS = 90
# This site only, never sent to other sites, and on HTTPS only over HTTPS, under the __Host- prefix.
# (A block of its own: the page runs this script again on later runs, and a second top-level
# ``const`` of the same name would throw.)
COOKIE_SCRIPT = ("<script>{{ const https = location.protocol === 'https:'; "  # not-text
                 "document.cookie = (https ? '__Host-' : '') + {cookie} + '; path=/; samesite=strict' "  # not-text
                 "+ (https ? '; secure' : ''); }}</script>")  # not-text


def private_url(owner_key: str) -> str:
    return resources.app_url(f"results?{Param.OWNER}={owner_key}")


def share_url(share_token: str) -> str:
    return resources.app_url(f"results?{Param.RESULT}={share_token}")


def arrive() -> None:
    """Before the results page draws: take the private key from ``?o=`` (then hide it from the
    address) or from this browser's cookie, and bring the owner's result into the session."""
    session = current()
    key = st.query_params.get(Param.OWNER)
    if key:
        del st.query_params[Param.OWNER]  # the key leaves the address bar before anything is drawn
        if not _come_back(key, None):
            session.tell_results_page(t("results.owner.unknown_link"))
        return
    if session.result is not None or session.owner_key or session.owner_forgotten:
        return
    remembered = remembered_key(st.context.cookies, st.context.url)
    if remembered:
        _come_back(remembered, st.query_params.get(Param.RESULT))


def _come_back(key: str, share_token: str | None) -> bool:
    """The owner's result (``share_token``'s, else the newest) into the session; False if none."""
    try:
        chosen = resources.store().owner_result(key, share_token)  # one row, however many they kept
    except StorageError:
        current().tell_results_page(t("results.owner.unavailable"))
        return False
    result = result_of(chosen)
    if result is None:
        return False
    current().come_back(
        key, result, SavedLinks(chosen.share_token, key),
        SharingChoice(keep=True, display_name=chosen.display_name, include_answers=chosen.include_answers),
        chosen.answers, chosen.extras,
    )
    st.query_params[Param.RESULT] = chosen.share_token
    return True


def result_of(stored: StoredResult | None) -> Result | None:
    """The storage boundary: a stored result as a Result (None if gone or not a Result's shape)."""
    if stored is None or stored.result is None:
        return None
    try:
        return Result.from_dict(stored.result)
    except ResultShapeError:
        return None


def remembered_key(cookies: Mapping[str, str], url: str | None) -> str | None:
    """The owner key this browser keeps: on an HTTPS page only the ``__Host-`` cookie (a plain
    ``wd_owner`` there may have been planted by a subdomain, to have a person's next results saved
    under someone else's key); on plain HTTP (a laptop's localhost) the plain one."""
    if url is not None and url.startswith("https:"):
        return cookies.get(HOST_COOKIE)
    return cookies.get(COOKIE)


def remember_browser() -> None:
    """Keep the owner key in this browser (the cookie), so a reload finds the owner again."""
    key = current().owner_key
    if key and remembered_key(st.context.cookies, st.context.url) != key:
        cookie_script(f"{COOKIE}={key}; max-age={COOKIE_DAYS * 86400}")  # not-text


def cookie_script(cookie: str) -> None:
    """Set a cookie of this site in the browser (drawn as a tiny script; nothing shows)."""
    # The key is URL-safe base64 (assessment/tokens.py): json.dumps quotes it for the script.
    st.html(COOKIE_SCRIPT.format(cookie=json.dumps(cookie)), unsafe_allow_javascript=True, width="content")


def forget_browser() -> None:
    """on_click of "Not your device? Forget me here": the session and the cookie let go of the key."""
    current().forget_owner()


def show_forgotten() -> None:
    """After "forget me here": clear the cookie (drawn once) and say what happened."""
    if current().take_owner_forgotten():
        cookie_script(f"{COOKIE}=; max-age=0")  # not-text
        st.success(t("results.owner.forgotten"))


def show_private_link() -> None:
    """The private link, prominent and labelled, with copy and share buttons (ui/link_box.py), and the way out."""
    session = current()
    if not session.owner_key:
        return
    with st.container(border=True):
        st.markdown(t("results.owner.title"))
        st.write(t("results.owner.explain"))
        link_box(private_url(session.owner_key), label=t("common.link_box.private_link"), key="link.private")
        st.caption(t("results.owner.address_bar"))
        action_button(st, t("results.owner.forget"), on_click=forget_browser, key="owner.forget",
                      icon=":material/logout:")
