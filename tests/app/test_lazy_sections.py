"""The tools under a result that few people open are built only when opened (ui/lazy.py): the
results page arrives without their three file uploaders (bench/browser_speed.py: about 125 ms of
a phone's drawing), and opening one builds what it holds."""

from tests.app.test_walkthrough import fresh_app, walk_to_results


def uploader_keys(at) -> list[str]:
    return [u.key for u in at.get("file_uploader")]


def test_results_page__tool_sections_closed__no_uploader_is_built():
    at = walk_to_results(fresh_app())
    assert not at.exception
    assert uploader_keys(at) == []


def test_results_page__restore_opened__its_uploader_is_built_and_compare_stays_unbuilt():
    at = walk_to_results(fresh_app())
    at.session_state["results.import.open"] = True
    at.run()
    assert uploader_keys(at) == ["results.import"]


def test_results_page__compare_files_opened__both_uploaders_are_built():
    at = walk_to_results(fresh_app())
    at.session_state["history.files.open"] = True
    at.run()
    assert uploader_keys(at) == ["history.file_earlier", "history.file_later"]
