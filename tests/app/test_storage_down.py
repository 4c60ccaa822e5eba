"""The facilitator's actions with the database down: a clear "try again", never a traceback.

"Down" is a PostgreSQL URL whose port nothing listens on (the connection is refused at
once), set as DATABASE_URL for the run where the action happens: ``resources.store()``
then cannot open a store, exactly as when the server has stopped. Deleting reads the
workshop first, so there the database goes away between that read and the delete.
"""

from __future__ import annotations

import pytest

from assessment.storage.errors import StorageUnavailable
from assessment.storage.results import Store
from tests.app.test_workshop_pages import new_workshop, page, store  # noqa: F401  (fixture)
from tests.pg_server import free_port
from ui.text import t


@pytest.fixture
def database_down(monkeypatch):
    def go_down() -> None:
        monkeypatch.setenv("DATABASE_URL", f"postgresql://nobody@127.0.0.1:{free_port()}/wide_deep")
    return go_down


def test_create__database_down__says_try_again_and_stays_on_the_form(database_down):
    at = page("pages/workshop.py")
    database_down()
    at.text_input(key="workshop.title").set_value("Team day")
    at.button(key="workshop.create").click().run()

    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.not_created")]
    assert "w" not in at.query_params


@pytest.mark.parametrize("control", ["workshop.reveal", "workshop.open"])
def test_facilitator_control__database_down__says_try_again_nothing_changed(store, database_down, control):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    database_down()
    at.button(key=control).click().run()

    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.unavailable")]
    now = store.find_workshop(workshop.id)
    assert (now.revealed, now.is_open) == (False, True)


def test_facilitator_control__database_back__the_change_that_failed_is_reported_once(store, monkeypatch):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)

    def unreachable(*_args):
        raise StorageUnavailable("the database cannot be reached")

    monkeypatch.setattr(Store, "set_workshop_revealed", unreachable)
    at.button(key="workshop.reveal").click().run()

    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.not_changed")]
    assert not at.run().error


def test_delete__database_down__says_try_again_and_keeps_the_workshop(store, monkeypatch):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)

    def unreachable(*_args):
        raise StorageUnavailable("the database cannot be reached")

    monkeypatch.setattr(Store, "delete_workshop", unreachable)
    at.checkbox(key="workshop.delete_confirm").check().run()
    at.button(key="workshop.delete").click().run()

    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.not_changed")]
    assert at.query_params["w"] == str(workshop.id)
    assert store.find_workshop(workshop.id) is not None
