"""Random tokens for links (share, manage, draft, facilitator) and hashes of them.

A token is ``secrets.token_urlsafe(16)``: 16 random bytes (128 bits) as 22 URL-safe base64
characters, so it can sit in a query string unescaped and cannot be guessed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 16
# token_urlsafe(n) gives ceil(n * 4 / 3) characters of [A-Za-z0-9_-] (no padding). Accept a
# little more, so tokens made longer later still pass, but nothing shorter than 128 bits.
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{22,64}")


def new_token() -> str:
    """A fresh random token (128 bits, URL-safe)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def looks_like_token(value: object) -> bool:
    """Cheap check before any lookup: a string of 22–64 URL-safe characters.

    Lets callers answer "unknown link" to garbage (typos, truncated links, probes) without
    touching the database.
    """
    return isinstance(value, str) and _TOKEN_PATTERN.fullmatch(value) is not None


def hash_secret(secret: str) -> str:
    """Hex SHA-256 of a secret that grants rights (manage key, facilitator key).

    A plain, unsalted hash is enough here: our secrets are 128 random bits, not passwords, so
    there is no dictionary to try and nothing a salt or a slow KDF (bcrypt, scrypt) would
    protect against; guessing a preimage is as hard as guessing the token itself. Storing
    only the hash means a leaked database grants no rights.
    """
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def verify_secret(secret: str, expected_hash: str | None) -> bool:
    """Whether ``secret`` hashes to ``expected_hash``, compared in constant time."""
    if not expected_hash or not looks_like_token(secret):
        return False
    return hmac.compare_digest(hash_secret(secret), expected_hash)
