"""What the app's links may carry: how long each query parameter may be, and what a workshop id is.

A link is typed, pasted or forged by anyone, so its parameters are checked where they enter:
the first line of each page that reads them (not app.py: on a page change Streamlit fills
``st.query_params`` only when the page runs). A value longer than any the app makes is blanked,
so the page answers it as it answers a wrong value ("not found", "not valid"), without work that
grows with its length. The limits are far above the app's own values.
"""

from __future__ import annotations

from collections.abc import MutableMapping

# Share token, manage key, draft token and facilitator key are 22 characters (tokens.py
# accepts up to 64); a join code is 6 (typed with spaces or dashes, a few more); a workshop id
# is an INTEGER, and 18 decimal digits always fit one (2**63 - 1 has 19).
PARAM_LIMITS = {"r": 64, "m": 64, "resume": 64, "k": 64, "code": 32, "w": 18}


def blank_overlong_params(params: MutableMapping[str, str]) -> tuple[str, ...]:
    """Blank every parameter longer than its limit in ``params`` (e.g. ``st.query_params``);
    returns the names blanked."""
    blanked = tuple(name for name, limit in PARAM_LIMITS.items() if len(params.get(name) or "") > limit)
    for name in blanked:
        params[name] = ""
    return blanked


def workshop_id(text: object) -> int | None:
    """The workshop id in a link's ``w``, or None: ASCII digits only (``str.isdigit`` also takes
    ``'²'``, which ``int`` refuses), at most 18 of them, so it fits a database INTEGER."""
    if not isinstance(text, str) or not (0 < len(text) <= PARAM_LIMITS["w"]) or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
