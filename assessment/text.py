"""Every word a person reads, by key: the interface texts of one language, with numbers and plurals
formatted for that language (Babel, CLDR).

Interface texts live in ``content/<language>/ui/<area>.yaml``; a key is the file's name and the
path inside it, e.g. ``results.share.title`` for ``share: {title: …}`` in ``results.yaml``. A text is
a template with named placeholders, ``"You have answered {answered} of {total} questions."``, or a
set of plural forms chosen by the number ``n``::

    answers:
      zero: No answers yet           # optional: used for 0 whatever the language's rules say
      one: "{n} answer"
      other: "{n} answers"

Numbers given as parameters are written the language's way: ``{score}`` with 1234.5 gives
``1,234.5`` in English and ``1.234,5`` in Brazilian Portuguese; a format spec chooses the
decimals (``{score:.0f}``, ``{share:.1f}``) or a percentage (``{share:%}`` for 0.25 -> ``25%``).
A date is written in the language's long form (``{day}`` -> ``December 1, 2026``; ``{day:short}`` and
``{day:medium}`` choose CLDR's other forms).
Texts are plain: escape people's text before it meets markdown, never the template.

A language other than English may leave keys out: they fall back to English, with a warning
from the checks (``check_catalogue``); a key unknown to English is an error.
"""

from __future__ import annotations

import logging
import datetime
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from babel import Locale, dates, numbers

from assessment.content.source import Source, read_source
from assessment.errors import FILE_LEVEL, Issue, Rule

FALLBACK = "en"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
UI_FOLDER = "ui"
_LOG = logging.getLogger(__name__)

Entry = str | Mapping[str, str]  # a template, or plural forms -> templates


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The interface texts of one language, with English under them for keys not translated."""

    language: str
    entries: Mapping[str, Entry]
    fallback: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}))

    def text(self, key: str, /, **params: Any) -> str:
        """The text of ``key`` with ``params`` filled in; the key itself if no language has it
        (logged: the catalogue checks and tests catch it before a person does)."""
        entry = self.entries.get(key, self.fallback.get(key))
        if entry is None:
            _LOG.error("text: unknown key %r", key)
            return key
        template = entry if isinstance(entry, str) else self._plural(entry, params.get("n"))
        return _Formatter(self.language).format(template, **params)

    def has(self, key: str) -> bool:
        return key in self.entries or key in self.fallback

    def number(self, value: float, digits: int = 0) -> str:
        """``value`` written with ``digits`` decimals the language's way."""
        return format_number(value, self.language, digits)

    def _plural(self, forms: Mapping[str, str], n: Any) -> str:
        if n == 0 and "zero" in forms:
            return forms["zero"]
        category = plural_category(n if isinstance(n, (int, float)) else 0, self.language)
        return forms.get(category) or forms["other"]


def match_language(asked: object, known: tuple[str, ...], *, exact: bool = False) -> str | None:
    """The language of ``known`` that ``asked`` names (``"pt-br"`` -> ``"pt-BR"``), else None.

    A browser's locale may be more or less precise than a language folder: ``pt`` or ``pt-PT`` find
    ``pt-BR`` and ``en-GB`` finds ``en`` unless ``exact`` (a ``?lang=`` parameter must name a
    language as it is listed). Anything that is not a short string matches nothing.
    """
    if not isinstance(asked, str) or not 1 < len(asked) <= 35:
        return None
    wanted = asked.strip().replace("_", "-").lower()
    by_code = {k.lower(): k for k in known}
    if wanted in by_code:
        return by_code[wanted]
    if exact:
        return None
    primary = wanted.split("-")[0]
    return next((k for k in known if k.lower().split("-")[0] == primary), None)


def locale_of(language: str) -> Locale:
    return Locale.parse(language.replace("-", "_"))


def plural_category(n: float, language: str) -> str:
    """The CLDR plural category of ``n`` (``one``, ``other``, …); pt-BR treats 0 and 1 as one."""
    return locale_of(language).plural_form(abs(n))


def format_number(value: float, language: str, digits: int = 0) -> str:
    """``value`` rounded to ``digits`` decimals, with the language's separators."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return numbers.format_decimal(round(float(value), digits), format=pattern, locale=locale_of(language))


def plotly_separators(language: str) -> str:
    """Plotly's ``layout.separators`` for the language: its decimal mark, then its grouping mark
    (``".,"`` in English, ``",."`` in Brazilian Portuguese), so axis ticks and hovers read like the text."""
    symbols = locale_of(language).number_symbols.get("latn", locale_of(language).number_symbols)
    return symbols["decimal"] + symbols["group"]


def format_percent(share: float, language: str, digits: int = 0) -> str:
    """``share`` (0.25) as a percentage (``25%``) the language's way."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return numbers.format_percent(share, format=pattern, locale=locale_of(language))


class _Formatter(string.Formatter):
    """str.format with numbers written the language's way (see the module docstring)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, datetime.date):
            return dates.format_date(value, format=format_spec.strip() or "long", locale=locale_of(self.language))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return super().format_field(value, format_spec)
        spec = format_spec.strip()
        if spec.endswith("%"):
            return format_percent(value, self.language, _digits(spec[:-1], 0))
        if spec.endswith("f"):
            return format_number(value, self.language, _digits(spec[:-1], 0))
        if spec.startswith("+"):
            sign = "+" if value > 0 else ""
            return sign + format_number(value, self.language, _digits(spec[1:].rstrip("f"), 2))
        if isinstance(value, int):
            return format_number(value, self.language, 0)
        return format_number(value, self.language, 0 if float(value).is_integer() else 1)


def _digits(spec: str, default: int) -> int:
    spec = spec.lstrip(",").lstrip(".")
    return int(spec) if spec.isdigit() else default


# --- loading and checking -----------------------------------------------------------------


def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in, e.g. ``{"answered", "total"}``; raises ValueError if malformed."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def load_catalogue(language: str, content_dir: Path) -> tuple[Catalogue, tuple[Issue, ...]]:
    """The catalogue of ``language`` (English under it) and every problem found in its files."""
    issues: list[Issue] = []
    english, english_lines = _read_folder(content_dir / FALLBACK / UI_FOLDER, issues)
    if language == FALLBACK:
        issues += _check_templates(english, english_lines)
        return Catalogue(language, MappingProxyType(english)), tuple(issues)
    entries, lines = _read_folder(content_dir / language / UI_FOLDER, issues)
    issues += _check_templates(entries, lines)
    issues += _check_against_english(entries, lines, english, content_dir / language / UI_FOLDER)
    # a text that can't be filled in is left out: English shows instead
    refused = {f"{Path(i.file).stem}.{i.path}" for i in issues if i.severity == "error"}
    kept = {k: v for k, v in entries.items() if k in english and k not in refused}
    return Catalogue(language, MappingProxyType(kept), MappingProxyType(english)), tuple(issues)


def _read_folder(folder: Path, issues: list[Issue]) -> tuple[dict[str, Entry], dict[str, tuple[Source, tuple]]]:
    """Flattened entries of every ``*.yaml`` in ``folder`` and, per key, where it is written."""
    entries: dict[str, Entry] = {}
    where: dict[str, tuple[Source, tuple]] = {}
    for path in sorted(folder.glob("*.yaml")):
        source, found = read_source(path, _shown(path))
        issues += found
        if source is None:
            continue
        for path_parts, value in _leaves(source.data, ()):
            key = ".".join((path.stem, *map(str, path_parts)))
            if path_parts == ("schema_version",):
                continue
            if isinstance(value, str) or _is_plural(value):
                entries[key] = value if isinstance(value, str) else MappingProxyType(dict(value))
                where[key] = (source, path_parts)
            else:
                issues.append(source.issue(Rule.TEXT_NOT_TEXT, path_parts, got=type(value).__name__))
    return entries, where


def _leaves(data: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(data, dict) and not _is_plural(data):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    else:
        yield path, data


def _is_plural(value: Any) -> bool:
    return (isinstance(value, dict) and "other" in value and set(value) <= set(PLURAL_FORMS)
            and all(isinstance(v, str) for v in value.values()))


def _templates(entry: Entry) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry.values())


def _check_templates(entries: Mapping[str, Entry], where: Mapping[str, tuple[Source, tuple]]) -> list[Issue]:
    issues = []
    for key, entry in entries.items():
        source, path = where[key]
        for template in _templates(entry):
            try:
                placeholders(template)
            except ValueError as error:
                issues.append(source.issue(Rule.TEXT_TEMPLATE, path, problem=str(error)))
    return issues


def _check_against_english(entries: Mapping[str, Entry], where: Mapping[str, tuple[Source, tuple]],
                           english: Mapping[str, Entry], folder: Path) -> list[Issue]:
    issues = []
    for key, entry in entries.items():
        source, path = where[key]
        if key not in english:
            issues.append(source.issue(Rule.TEXT_UNKNOWN_KEY, path, key=key))
            continue
        expected, names = _names(english[key]), _names(entry)
        if names is not None and expected is not None and names != expected:
            shown = ", ".join("{" + n + "}" for n in sorted(expected)) or "none"
            issues.append(source.issue(Rule.TEXT_PLACEHOLDERS, path, key=key, expected=shown))
    sources = {Path(source.file).stem: source for source, _ in where.values()}
    for key in english:
        if key not in entries:
            issues.append(_missing(key, sources, folder))
    return issues


def _missing(key: str, sources: Mapping[str, Source], folder: Path) -> Issue:
    """A key English has and this language lacks: at the line of the nearest block of it the
    language's file does have (where the text belongs), else the file itself."""
    stem, *parts = key.split(".")
    source = sources.get(stem)
    if source is None:
        return Rule.TEXT_MISSING_KEY.issue(_shown(folder / f"{stem}.yaml"), None, FILE_LEVEL, key=key)
    path = tuple(parts)
    while path and path not in source.lines:
        path = path[:-1]
    return Rule.TEXT_MISSING_KEY.issue(source.file, source.lines.get(path), ".".join(parts), key=key)


def _names(entry: Entry) -> frozenset[str] | None:
    """The placeholders of a text (all its plural forms together); None if one is malformed."""
    try:
        return frozenset().union(*(placeholders(t) for t in _templates(entry)))
    except ValueError:
        return None


def _shown(path: Path) -> str:
    from assessment.content.load import _shown as shown  # one rule for file names in messages

    return shown(path)
