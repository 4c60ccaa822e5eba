"""A saved result whose scores change afterwards (the network map feeding Width and Depth).

One saved copy per result: a workshop's room counts each saved result, so leaving the old copy
beside a new one would count the person twice. For now the old copy is deleted with its manage
key (its share link then says "removed") and the results page saves the new scores afresh, with a
new share link. This is the one place that decides it: keeping the link is a change here.
"""

from __future__ import annotations

from typing import Protocol


class DeletesResults(Protocol):
    """What this needs of a ``results.Store``."""

    def delete_result(self, share_token: str, manage_key: str) -> bool: ...


def retire_saved_copy(store: DeletesResults, share_token: str, manage_key: str) -> None:
    """Remove the saved copy of a result about to get new scores, so it is saved again next.

    Raises ``StorageError`` (``StorageUnavailable``) when the database cannot be reached: the
    caller then keeps the old scores, so the saved copy and the session never disagree. A key
    that no longer matches (the copy was deleted meanwhile) is not an error: it is gone either way.
    """
    store.delete_result(share_token, manage_key)
