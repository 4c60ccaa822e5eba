"""Errors raised by the storage layer (``storage.py``, ``workshop_store.py``).

    StorageError                 anything the storage layer refuses or cannot do
    ├── StorageUnavailable       the database cannot be reached; keep the data, retry later
    ├── WorkshopCodeTaken        another workshop already has this code; pick a new one
    └── WorkshopClosed           the workshop is closed or deleted; it takes no new results

Callers never see SQLAlchemy's own exceptions for these cases.
"""

from __future__ import annotations

from assessment.room.joining import JoinCodeTaken


class StorageError(Exception):
    """Base of every error the storage layer raises on purpose."""


class StorageUnavailable(StorageError):
    """The database cannot be reached (down, unreachable, unwritable or locked too long)."""


class WorkshopCodeTaken(StorageError, JoinCodeTaken):
    """The workshop code is already in use; the caller draws another and retries."""


class WorkshopClosed(StorageError):
    """The workshop is closed or deleted, so a result cannot join it."""
