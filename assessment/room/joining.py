"""Joining a workshop: join codes, the facilitator key, and the QR code on the projector.

Join codes are read off a projector across a room and typed on a phone, so the alphabet
leaves out every character that has a look-alike:

    0 O Q D   round shapes          1 I L   upright strokes
    2 Z       5 S       8 B         6 G     U V

What is left is ``JOIN_CODE_ALPHABET`` (19 characters): 19**6 ~ 47 million codes, drawn
with ``secrets`` so they cannot be guessed from earlier ones. A join code only lets a person
add their own answers to a workshop; managing it takes the facilitator key.

Typed codes are forgiven for case, spaces, dashes, dots and underscores. A look-alike is
never mapped to another character: every group above is left out whole, so a typed 'O'
has no single counterpart in the alphabet (it could have been meant as D, 0 or Q) and
guessing would send a person into someone else's workshop. Instead the refusal names the
characters codes never contain.

Whether a code can be joined is decided here too (``find_for_joining``), and a new workshop
gets a free code here (``open_workshop``); both take the store as a ``WorkshopDirectory``, so
this module never imports storage. A refusal is a reason code and its numbers, never a
sentence: the UI words it (``content/en/ui/workshop.yaml``, ``refusal.<reason>``).

The facilitator key is a ``tokens.new_token()`` (``secrets.token_urlsafe(16)``); only its
hash (``tokens.hash_secret``) is stored (streamlit-facts.md, Security).
"""

from __future__ import annotations

import io
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, Protocol

import segno

from assessment.tokens import hash_secret, new_token, verify_secret

JOIN_CODE_LENGTH = 6
JOIN_CODE_ALPHABET = "3479ACEFHJKMNPRTWXY"
# Characters read or typed for one another. Each group is left out whole, so no typed
# character has exactly one look-alike in the alphabet and nothing is silently "corrected":
# mapping 'O' to 'D' or 'G' to '6' would be a guess.
LOOKALIKE_GROUPS: tuple[str, ...] = ("0OQD", "1IL", "2Z", "5S", "8B", "6G", "UV")
_SEPARATORS = re.compile(r"[\s\-_.·]+")


# Why a code cannot be joined: the first four are about what was typed, the next three about the
# workshop it names, the last is the UI's abuse limit (assessment/limits.py). Each is a text key
# ``workshop.refusal.<reason>`` in the UI.
Reason = Literal["empty", "length", "lookalike", "character", "unknown", "deleted", "closed", "too_many_joins"]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why joining is not possible, with what the words need: ``length`` and ``count`` (numbers),
    ``chars`` (the offending characters, as typed, in order), ``alphabet`` (the characters codes
    use), ``code`` (the code as shown) or ``title`` (the workshop's, as its facilitator typed it)."""

    reason: Reason
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, reason: Reason, **params: Any) -> Refusal:
        return cls(reason, MappingProxyType(params))


class InvalidJoinCode(ValueError):
    """A typed join code that cannot be a join code; ``refusal`` says why (a reason code)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(f"invalid join code: {refusal.reason} {dict(refusal.params)}")  # not-text: for logs
        self.refusal = refusal


class JoinCodeTaken(Exception):
    """A store's answer when a drawn join code is in use already: draw another.
    (``storage.errors.WorkshopCodeTaken`` is one.)"""


class NoFreeJoinCode(RuntimeError):
    """``CODE_ATTEMPTS`` draws in a row were all taken: the store is broken, not unlucky."""


CODE_ATTEMPTS = 20  # 47 million codes: a clash is rare, twenty in a row is a broken database


def new_join_code() -> str:
    """A fresh random join code, e.g. ``'K7RWX3'``. The caller retries if it is taken."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def format_join_code(code: str) -> str:
    """The code as shown on a projector, in two groups of three: ``'K7R WX3'``."""
    half = JOIN_CODE_LENGTH // 2
    return f"{code[:half]} {code[half:]}"


def normalise_join_code(typed: str) -> str:
    """The canonical code for what a person typed, or ``InvalidJoinCode`` saying why not.

    ``' k7r-wx3 '`` -> ``'K7RWX3'``. Length is checked before characters, because a code
    of the wrong length is usually a typo or half a paste, whatever its characters.
    """
    typed = _SEPARATORS.sub("", typed or "")
    text = typed.upper()
    if not typed:
        raise InvalidJoinCode(Refusal.of("empty", length=JOIN_CODE_LENGTH))
    if len(typed) != JOIN_CODE_LENGTH:
        raise InvalidJoinCode(Refusal.of("length", length=JOIN_CODE_LENGTH, count=len(typed)))
    if all(c in JOIN_CODE_ALPHABET for c in text):
        return text
    # Name each offending character once, as typed (upper case for the Latin look-alikes).
    shown = [c.upper() if c.isascii() else c for c in typed]
    unknown = tuple(dict.fromkeys(c for c in shown if c not in JOIN_CODE_ALPHABET))
    if all(c.isascii() and c.isalnum() for c in unknown):
        raise InvalidJoinCode(Refusal.of("lookalike", chars=unknown, alphabet=tuple(JOIN_CODE_ALPHABET)))
    raise InvalidJoinCode(Refusal.of("character", chars=unknown))


def is_join_code(text: str) -> bool:
    """True if ``text`` is already a canonical join code (as stored)."""
    return len(text) == JOIN_CODE_LENGTH and all(c in JOIN_CODE_ALPHABET for c in text)


@dataclass(frozen=True, slots=True)
class FacilitatorKey:
    """A new facilitator key: show ``secret`` once (in the facilitator's link), store only ``hash``."""

    secret: str
    hash: str

    def __repr__(self) -> str:  # keep the secret out of logs and tracebacks
        return f"FacilitatorKey(secret='***', hash={self.hash!r})"  # not-text


def new_facilitator_key() -> FacilitatorKey:
    """A random facilitator key (``tokens.new_token``: 128 bits, URL-safe) and the hash to store."""
    secret = new_token()
    return FacilitatorKey(secret=secret, hash=hash_secret(secret))


def verify_facilitator_key(secret: str, stored_hash: str | None) -> bool:
    """True if ``secret`` is the key whose hash was stored (constant time; junk is refused)."""
    return verify_secret(secret, stored_hash)


def join_qr_svg(url: str, *, title: str = "", dark: str = "#000000", light: str = "#ffffff") -> str:
    """A standalone SVG QR code for ``url``: dark on white, 4-module quiet zone, no fixed size.

    Without width and height the SVG keeps only its viewBox, so it fills whatever box the
    page gives it and stays sharp on a projector; ``crispEdges`` stops hairline seams
    between module rows at fractional scales. The SVG namespace is kept so the string also
    works as a file or data URI (``st.image``), not only inline in HTML. Error correction
    is at least M (15 %), raised by segno when the URL leaves room. ``title`` is what a
    screen reader says (the UI's words); segno escapes it.
    """
    qr = segno.make(url, error="m", micro=False, boost_error=True)
    out = io.BytesIO()
    qr.save(out, kind="svg", dark=dark, light=light, border=4, omitsize=True, xmldecl=False,
            svgns=True, nl=False, title=title or None)
    return out.getvalue().decode("utf-8").replace("<svg ", '<svg shape-rendering="crispEdges" ', 1)  # not-text


# --- the service: opening a workshop, deciding whether a code can be joined ---------------


class JoinableWorkshop(Protocol):
    """What the joining decision reads of a workshop (``storage.workshops.Workshop`` is one)."""

    code: str
    title: str
    is_open: bool


class WorkshopDirectory(Protocol):
    """The part of the store joining needs (``storage.results.Store`` is one)."""

    def create_workshop(self, code: str, title: str, note: str, facilitator_hash: str) -> Any: ...

    def find_workshop_by_code(self, code: str) -> Any: ...

    def workshop_code_deleted(self, code: str) -> bool: ...


def open_workshop(store: WorkshopDirectory, title: str, note: str) -> tuple[Any, str]:
    """A new open workshop under a fresh join code, and its facilitator key (the secret: show it
    once, in the link). A drawn code that is taken (``JoinCodeTaken``) is drawn again, up to
    ``CODE_ATTEMPTS`` times."""
    key = new_facilitator_key()
    for _ in range(CODE_ATTEMPTS):
        try:
            return store.create_workshop(new_join_code(), title, note, key.hash), key.secret
        except JoinCodeTaken:
            continue
    raise NoFreeJoinCode(f"no free join code after {CODE_ATTEMPTS} draws")  # not-text: a developer message


def find_for_joining(store: WorkshopDirectory, typed: str) -> Any | Refusal:
    """The open workshop a typed or linked code names, or the ``Refusal`` saying why not:
    a malformed code, no such workshop, one deleted (its code is never reused) or closed."""
    try:
        code = normalise_join_code(typed)
    except InvalidJoinCode as error:
        return error.refusal
    workshop = store.find_workshop_by_code(code)
    if workshop is None:
        reason = "deleted" if store.workshop_code_deleted(code) else "unknown"
        return Refusal.of(reason, code=format_join_code(code))
    if not workshop.is_open:
        return Refusal.of("closed", title=workshop.title)
    return workshop
