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
guessing would send a person into someone else's workshop. Instead the message names the
characters codes never contain.

The facilitator key is a ``tokens.new_token()`` (``secrets.token_urlsafe(16)``); only its
hash (``tokens.hash_secret``) is stored (streamlit-facts.md, Security).
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass

import segno

from assessment.tokens import hash_secret, new_token, verify_secret

JOIN_CODE_LENGTH = 6
JOIN_CODE_ALPHABET = "3479ACEFHJKMNPRTWXY"
# Characters read or typed for one another. Each group is left out whole, so no typed
# character has exactly one look-alike in the alphabet and nothing is silently "corrected":
# mapping 'O' to 'D' or 'G' to '6' would be a guess.
LOOKALIKE_GROUPS: tuple[str, ...] = ("0OQD", "1IL", "2Z", "5S", "8B", "6G", "UV")
_SEPARATORS = re.compile(r"[\s\-_.·]+")


class InvalidJoinCode(ValueError):
    """A typed join code that cannot be a join code; ``str(error)`` is the message to show."""


# The messages a person can see, in one place (what is wrong -> how to fix it).
JOIN_CODE_MESSAGES = {
    "empty": "Enter the {length}-character join code shown on the screen.",
    "length": "A join code has {length} characters; this has {count}. Check the code on the screen.",
    "lookalike": "Join codes never contain {chars}. Check the code on the screen: "
                 "it uses only {alphabet}.",
    "character": "Join codes contain only letters and digits; remove {chars}.",
}


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
        raise InvalidJoinCode(JOIN_CODE_MESSAGES["empty"].format(length=JOIN_CODE_LENGTH))
    if len(typed) != JOIN_CODE_LENGTH:
        raise InvalidJoinCode(
            JOIN_CODE_MESSAGES["length"].format(length=JOIN_CODE_LENGTH, count=len(typed))
        )
    if all(c in JOIN_CODE_ALPHABET for c in text):
        return text
    # Name each offending character once, as typed (upper case for the Latin look-alikes).
    shown = [c.upper() if c.isascii() else c for c in typed]
    unknown = list(dict.fromkeys(c for c in shown if c not in JOIN_CODE_ALPHABET))
    if all(c.isascii() and c.isalnum() for c in unknown):
        raise InvalidJoinCode(JOIN_CODE_MESSAGES["lookalike"].format(
            chars=_quote_list(unknown), alphabet=" ".join(JOIN_CODE_ALPHABET)))
    raise InvalidJoinCode(JOIN_CODE_MESSAGES["character"].format(chars=_quote_list(unknown)))


def is_join_code(text: str) -> bool:
    """True if ``text`` is already a canonical join code (as stored)."""
    return len(text) == JOIN_CODE_LENGTH and all(c in JOIN_CODE_ALPHABET for c in text)


def _quote_list(chars: list[str]) -> str:
    quoted = [f"'{c}'" for c in chars]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


@dataclass(frozen=True, slots=True)
class FacilitatorKey:
    """A new facilitator key: show ``secret`` once (in the facilitator's link), store only ``hash``."""

    secret: str
    hash: str

    def __repr__(self) -> str:  # keep the secret out of logs and tracebacks
        return f"FacilitatorKey(secret='***', hash={self.hash!r})"


def new_facilitator_key() -> FacilitatorKey:
    """A random facilitator key (``tokens.new_token``: 128 bits, URL-safe) and the hash to store."""
    secret = new_token()
    return FacilitatorKey(secret=secret, hash=hash_secret(secret))


def verify_facilitator_key(secret: str, stored_hash: str | None) -> bool:
    """True if ``secret`` is the key whose hash was stored (constant time; junk is refused)."""
    return verify_secret(secret, stored_hash)


def join_qr_svg(url: str, *, dark: str = "#000000", light: str = "#ffffff") -> str:
    """A standalone SVG QR code for ``url``: dark on white, 4-module quiet zone, no fixed size.

    Without width and height the SVG keeps only its viewBox, so it fills whatever box the
    page gives it and stays sharp on a projector; ``crispEdges`` stops hairline seams
    between module rows at fractional scales. The SVG namespace is kept so the string also
    works as a file or data URI (``st.image``), not only inline in HTML. Error correction
    is at least M (15 %), raised by segno when the URL leaves room.
    """
    qr = segno.make(url, error="m", micro=False, boost_error=True)
    out = io.BytesIO()
    qr.save(out, kind="svg", dark=dark, light=light, border=4, omitsize=True, xmldecl=False,
            svgns=True, nl=False, title="QR code to join the workshop")
    return out.getvalue().decode("utf-8").replace("<svg ", '<svg shape-rendering="crispEdges" ', 1)
