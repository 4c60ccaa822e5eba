"""Brazilian Portuguese beside English: the same scores, the reader's words, numbers, dates and
plurals the language's way, and every missing or broken translation found with its file and line.

The browser walk in Portuguese is tests/browser/test_portuguese.py; the check anyone can run
is ``python scripts/translations.py`` (tested here through ``problems``).
"""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire
from assessment.content.load import CONTENT_DIR, load_network_content
from assessment.scoring import score_answers
from assessment.text import load_catalogue, match_language, plural_category, plotly_separators
from assessment.wording import result_words
from scripts.translations import problems
from tests.personas import BALANCED, BEGINNER, DEEP_NARROW, MILE_WIDE, MIXED

REPO = Path(__file__).resolve().parents[1]
EN, PT = load_questionnaire("en"), load_questionnaire("pt-BR")
PT_TEXTS, PT_ISSUES = load_catalogue("pt-BR", CONTENT_DIR)


def test_portuguese__every_text_translated__no_missing_key_no_wrong_placeholder():
    """Fails with one line per problem (file:line: path: what. fix.) when English gains a key."""
    assert problems("pt-BR") == []


def test_portuguese_content__questionnaire_and_network_map__load():
    assert PT.language == "pt-BR" and PT.profiles[1].name != EN.profiles[1].name
    assert load_network_content("pt-BR").field("stage").label == "O quanto conhece você"


@pytest.mark.parametrize("persona", [MILE_WIDE, DEEP_NARROW, BALANCED, BEGINNER, MIXED], ids=lambda p: p.name)
def test_scores__same_answers_in_either_language__same_numbers(persona):
    answers = persona.answers(EN)
    assert persona.answers(PT) == answers  # answers are option ids, not words
    english, portuguese = score_answers(EN, answers), score_answers(PT, answers)
    assert dataclasses.replace(portuguese, language="en") == english


def test_result_taken_in_english__read_in_portuguese__portuguese_words_same_ids():
    result = score_answers(EN, MILE_WIDE.answers(EN))
    words = result_words(result, PT)
    profile = words.profile(result.profile.id)
    assert profile.name == next(p.name for p in PT.profiles if p.id == result.profile.id)
    assert words.advice(result.advice[0]).title in {a.title for a in PT.advice}


def copy_content(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    return tmp_path / "content"


def test_missing_portuguese_key__warning_at_file_and_line__english_shown(tmp_path):
    content = copy_content(tmp_path)
    results = content / "pt-BR" / "ui" / "results.yaml"
    lines = results.read_text(encoding="utf-8").splitlines()
    retry = next(n for n, line in enumerate(lines, start=1) if line.startswith("  retry:"))
    results.write_text("\n".join(line for n, line in enumerate(lines, start=1) if n != retry) + "\n", encoding="utf-8")
    texts, issues = load_catalogue("pt-BR", content)
    found = [str(i) for i in issues]
    share_line = next(n for n, line in enumerate(lines, start=1) if line.startswith("share:"))
    assert found == [f"{results}:{share_line}: share.retry: no translation of 'results.share.retry'. "
                     "Add it; until then English is shown."]
    assert issues[0].severity == "warning"
    assert texts.text("results.share.retry") == "Try saving again"
    assert texts.text("results.share.title") == "Guardar e compartilhar"
    assert problems("pt-BR", content) == found


def test_wrong_placeholder__error_at_file_and_line__english_shown_instead(tmp_path):
    content = copy_content(tmp_path)
    home = content / "pt-BR" / "ui" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace("Você respondeu {answered} de {total}", "Você respondeu {respondidas} de {total}"),
                    encoding="utf-8")
    texts, issues = load_catalogue("pt-BR", content)
    line = next(n for n, s in enumerate(text.splitlines(), start=1) if s.startswith("progress:"))
    assert [str(i) for i in issues] == [f"{home}:{line}: progress: 'home.progress' has other placeholders than "
                                        "English. Use exactly: {answered}, {total}."]
    assert texts.text("home.progress", answered=3, total=47) == "You have answered 3 of 47 questions."


def test_numbers_and_dates__portuguese__comma_decimal_dot_grouping_brazilian_date():
    assert PT_TEXTS.number(1234.5, 1) == "1.234,5"
    assert load_catalogue("en", CONTENT_DIR)[0].number(1234.5, 1) == "1,234.5"
    assert PT_TEXTS.text("results.report.dated", day=datetime.date(2026, 12, 1)) == "Gerado em 1 de dezembro de 2026"
    assert "a partir de 1.500 pessoas" in PT_TEXTS.text("network.scores.profile", profile="X", full=1500)
    assert PT_TEXTS.text("results.network.sentence", n=7, weight=0.35).endswith("que conta 35%.")
    assert plotly_separators("pt-BR") == ",." and plotly_separators("en") == ".,"


def test_plurals__portuguese_zero_is_singular_by_cldr__texts_say_nenhum():
    assert plural_category(0, "pt-BR") == "one" and plural_category(0, "en") == "other"
    people = [PT_TEXTS.text("projector.chart.people", n=n) for n in (0, 1, 2, 1000)]
    assert people == ["nenhuma pessoa", "1 pessoa", "2 pessoas", "1.000 pessoas"]
    assert PT_TEXTS.text("results.next_steps", n=0) == "Nenhum próximo passo"
    assert PT_TEXTS.text("projector.answers", n=0) == "**Nenhuma** resposta ainda"


def test_portuguese_plural_texts__at_zero__never_a_bare_zero_with_a_noun():
    """pt's "one" covers 0: a plural text a 0 can reach says "nenhum…", never "0 resposta(s)"."""
    bare = []
    for key, entry in PT_TEXTS.entries.items():
        if isinstance(entry, str) or "zero" in entry:
            continue
        if "{n}" in entry["one"]:
            bare.append(key)  # "{n} pessoa" would read "0 pessoa"
    # n is never 0 in these: a group minimum (at least 3), a map that feeds scores (at least 3 people),
    # a dimension's questions (at least 1)
    assert sorted(bare) == ["method.dimension", "projector.prompt_later", "projector.suppressed",
                            "results.network.sentence"]


@pytest.mark.parametrize(("asked", "exact", "found"), [
    ("pt-BR", True, "pt-BR"), ("pt-br", True, "pt-BR"), ("PT_BR", True, "pt-BR"), ("en", True, "en"),
    ("pt", True, None), ("de", True, None), ("", True, None), ("x" * 100, True, None), (None, True, None),
    (["pt-BR"], True, None), ("pt", False, "pt-BR"), ("pt-PT", False, "pt-BR"), ("en-GB", False, "en"),
    ("fr-FR", False, None),
])
def test_match_language__known_languages_only(asked, exact, found):
    assert match_language(asked, ("en", "pt-BR"), exact=exact) == found


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite'}")


def _home(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for name, value in (query or {}).items():
        app.query_params[name] = value
    return app.run()


def _said(app: AppTest) -> str:
    return " ".join(m.value for m in app.markdown) + " ".join(b.label for b in app.button)


def test_lang_parameter__pt_BR__page_in_portuguese_and_kept_in_the_session():
    app = _home({"lang": "pt-BR"})
    assert not app.exception
    assert "Começar a avaliação" in _said(app)
    app.query_params.clear()
    app.run()  # the next page: the address no longer says it, the session does
    assert "Começar a avaliação" in _said(app)


@pytest.mark.parametrize("asked", ["xx", "pt", "../en", "<script>", "p" * 500])
def test_lang_parameter__unknown__english_silently(asked):
    app = _home({"lang": asked})
    assert not app.exception and not app.error
    assert "Start the assessment" in _said(app)


def test_switch__choosing_portuguese__page_rerun_in_portuguese():
    app = _home()
    assert "Start the assessment" in _said(app)
    switch = app.get("button_group")[0]
    switch.set_value("pt-BR").run()
    assert "Começar a avaliação" in _said(app)
    assert app.query_params["lang"] == ["pt-BR"] or app.query_params["lang"] == "pt-BR"


@pytest.mark.parametrize("path", ["pages/home.py", "pages/questionnaire.py", "pages/results.py", "pages/method.py",
                                  "pages/network.py", "pages/join.py", "pages/workshop.py", "pages/projector.py"])
def test_every_page__in_portuguese__draws_without_an_error(path):
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params["lang"] = "pt-BR"
    app.run()
    app.query_params["lang"] = "pt-BR"
    app.switch_page(path).run()
    assert not app.exception


def test_dates_of_results_compared__in_portuguese__brazilian_short_date(monkeypatch):
    import ui.history_view as history

    monkeypatch.setattr(history, "language", lambda: "pt-BR")
    assert history.day_words(datetime.date(2026, 12, 1)) == "1 de dez. de 2026"
