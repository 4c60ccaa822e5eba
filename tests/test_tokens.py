"""Rules of assessment/tokens.py."""

from __future__ import annotations

import pytest

from assessment.tokens import hash_secret, looks_like_token, new_token, verify_secret


def test_new_token__128_bits_url_safe__22_characters():
    tokens = {new_token() for _ in range(1000)}

    assert len(tokens) == 1000
    assert all(len(t) == 22 and looks_like_token(t) for t in tokens)


@pytest.mark.parametrize("value", ["", "short", "x" * 21, "x" * 65, "has space in it xxxxxxxx",
                                   "slash/slash/slash/slash", "+plus+plus+plus+plus+plus", None, 12])
def test_looks_like_token__malformed__false(value):
    assert looks_like_token(value) is False


def test_hash_secret__known_value__hex_sha256():
    # sha256("abc") from FIPS 180-2, appendix B.1
    assert hash_secret("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_verify_secret__right_wrong_and_missing_hash():
    secret = new_token()

    assert verify_secret(secret, hash_secret(secret)) is True
    assert verify_secret(new_token(), hash_secret(secret)) is False
    assert verify_secret(secret, None) is False
    assert verify_secret("bad", hash_secret("bad")) is False
