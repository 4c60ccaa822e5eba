"""The logic rules of the network map's content: what ``network_schema`` alone cannot say.

Like ``rules.py``, each rule takes the files as far as they validated and yields every
problem it finds; a rule that needs a section skips it when that section did not validate.
The segments and the guidance come from the questionnaire, which is checked on its own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from assessment.content.network_schema import SEGMENT_FIELD, WEIGHTED_FIELDS, NetworkFile, NetworkTexts
from assessment.content.schema import Parsed
from assessment.content.source import FieldPath, Source
from assessment.errors import Issue, Rule
from assessment.network.content import AXIS_PARTS, FIELD_IDS, PLAN_ACTIONS
from assessment.questionnaire import Questionnaire

# Placeholders a text may use, with sample values to fill it in with (assessment/network/measures.py
# and plan.py fill them in with the same names).
MEASURE_SAMPLE = {"value": 0.5, "n": 10, "k": 5, "top_k": 5, "deep": 3, "pct": 50.0, "ties": 9, "pairs": 45,
                  "used": 3, "categories": 6, "inside": 4, "outside": 6, "top": "Peers", "top_share": 40.0}
ACTION_SAMPLE = {"segment": "Peers"}
_WIDE_FORMAT = re.compile(r"\d{3,}")  # "{value:>100000000}" would build a text of that width


@dataclass(frozen=True, slots=True)
class NetworkFiles:
    """network.yaml and one language's network.yaml, as far as each validated."""

    structure: Source
    parsed: Parsed[NetworkFile]
    texts_source: Source | None
    texts: Parsed[NetworkTexts] | None
    language: str
    questionnaire: Questionnaire | None  # None when the questionnaire has errors of its own

    @property
    def model(self) -> NetworkFile:
        return self.parsed.model

    def options(self, field_id: str) -> tuple[str, ...] | None:
        """The option ids of a field, or None when they are not known (a section with errors)."""
        if field_id == SEGMENT_FIELD:
            return None if self.questionnaire is None else tuple(s.id for s in self.questionnaire.segments)
        fields = self.model.fields
        if fields is None or field_id not in FIELD_IDS:
            return None
        return tuple(getattr(fields, field_id))


def _one_of(ids: Any) -> str:
    return ", ".join(ids) or "(none defined yet)"


# --- rules within content/network.yaml -------------------------------------------------


def strength_weighs_weighted_fields(files: NetworkFiles) -> Iterator[Issue]:
    """Tie strength is a weighted mean of fields whose options carry weights."""
    for field_id in files.model.strength or {}:
        if field_id not in WEIGHTED_FIELDS:
            yield files.structure.issue(Rule.UNKNOWN_REFERENCE, ("strength", field_id), kind="weighted field",
                                        id=field_id, choices=_one_of(WEIGHTED_FIELDS))


def weights_not_all_zero(files: NetworkFiles) -> Iterator[Issue]:
    """A weighted mean divides by the sum of its weights: all 0 would divide by zero."""
    model, sections = files.model, []
    if model.strength and files.parsed.whole("strength"):
        sections.append((("strength",), model.strength.values()))
    for axis in AXIS_PARTS if model.axes is not None else ():
        sections.append((("axes", axis), dict(getattr(model.axes, axis)).values()))
    for path, weights in sections:
        if not any(weights):
            yield files.structure.issue(Rule.WEIGHTS_ALL_ZERO, path)


def rules_name_known_options(files: NetworkFiles) -> Iterator[Issue]:
    """Each rule names fields that exist and options those fields have."""
    rules = files.model.rules
    for rule_id, by_field in dict(rules or {}).items():
        for field_id, option_ids in dict(by_field).items():
            path = ("rules", rule_id, field_id)
            if field_id not in FIELD_IDS:
                yield files.structure.issue(Rule.UNKNOWN_REFERENCE, path, kind="field", id=field_id,
                                            choices=_one_of(FIELD_IDS))
                continue
            known = files.options(field_id)
            for index, option_id in enumerate(option_ids if known is not None else ()):
                if option_id not in known:
                    yield files.structure.issue(Rule.UNKNOWN_REFERENCE, (*path, index), kind="option",
                                                id=option_id, choices=_one_of(known))


def guidance_known(files: NetworkFiles) -> Iterator[Issue]:
    """Measures and plan lists name guidance the questionnaire's language file holds."""
    if files.questionnaire is None:
        return
    known = tuple(g for g, _ in files.questionnaire.guidance)
    for section in ("measures", "plan"):
        for entry_id, entry in dict(getattr(files.model, section) or {}).items():
            for index, guidance_id in enumerate(entry.guidance):
                if guidance_id not in known:
                    yield files.structure.issue(Rule.UNKNOWN_REFERENCE, (section, entry_id, "guidance", index),
                                                kind="guidance id", id=guidance_id, choices=_one_of(known))


STRUCTURE_RULES: tuple[Callable[[NetworkFiles], Iterator[Issue]], ...] = (
    strength_weighs_weighted_fields,
    weights_not_all_zero,
    rules_name_known_options,
    guidance_known,
)


# --- rules between network.yaml and a language's network.yaml ---------------------------


def language_matches_folder(files: NetworkFiles) -> Iterator[Issue]:
    value = files.texts.model.language
    if value is not None and value != files.language:
        name = files.texts_source.file.rsplit("/", 2)[-2]
        yield files.texts_source.issue(Rule.LANGUAGE_MISMATCH, ("language",), value=value, name=name,
                                       expected=files.language)


def option_labels_match(files: NetworkFiles) -> Iterator[Issue]:
    """Every option has a label, and every label belongs to an option."""
    fields = files.texts.model.fields
    for field_id in FIELD_IDS if fields is not None else ():
        known = files.options(field_id)
        if field_id == SEGMENT_FIELD or known is None:
            continue  # segment names are the questionnaire's
        labels, path = getattr(fields, field_id).options, ("fields", field_id, "options")
        for option_id in known:
            if option_id not in labels:
                yield files.texts_source.issue(Rule.MISSING_TEXT, path, field="label",
                                               what=f"option '{option_id}' of field '{field_id}'")
        for option_id in labels:
            if option_id not in known:
                yield files.texts_source.issue(Rule.TEXT_FOR_UNKNOWN_ID, (*path, option_id), kind="option",
                                               id=option_id, choices=_one_of(known))


def plan_actions_match(files: NetworkFiles) -> Iterator[Issue]:
    """Each plan list has a default action; other actions are keyed by an option or a bridge reason."""
    plan = files.texts.model.plan
    for kind, keyed_by in PLAN_ACTIONS.items() if plan is not None else ():
        actions, path = getattr(plan, kind).actions, ("plan", kind, "actions")
        known = keyed_by if isinstance(keyed_by, tuple) else files.options(keyed_by)
        if "default" not in actions:
            yield files.texts_source.issue(Rule.MISSING_TEXT, path, field="default action",
                                           what=f"plan list '{kind}'")
        for key in actions if known is not None else ():
            if key != "default" and key not in known:
                kind_of_key = "reason" if isinstance(keyed_by, tuple) else "option"
                yield files.texts_source.issue(Rule.TEXT_FOR_UNKNOWN_ID, (*path, key), kind=kind_of_key, id=key,
                                               choices=_one_of(("default", *known)))


def texts_fill_in(files: NetworkFiles) -> Iterator[Issue]:
    """Texts filled in with numbers use only the placeholders the code provides."""
    texts = files.texts.model
    for measure_id, text in dict(texts.measures or {}).items():
        if text is None:
            continue  # left out: its own error is reported
        for key in ("name", "term", "display"):
            yield from _fill_in(files.texts_source, ("measures", measure_id, key), getattr(text, key), MEASURE_SAMPLE)
        for case, sentence in dict(text.says).items():
            yield from _fill_in(files.texts_source, ("measures", measure_id, "says", case), sentence, MEASURE_SAMPLE)
    for kind, text in dict(texts.plan or {}).items():
        for key, action in text.actions.items():
            yield from _fill_in(files.texts_source, ("plan", kind, "actions", key), action, ACTION_SAMPLE)


def _fill_in(source: Source, path: FieldPath, text: str, sample: dict[str, Any]) -> Iterator[Issue]:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as error:
        yield source.issue(Rule.BAD_TEMPLATE, path, problem=str(error))
        return
    choices = ", ".join("{" + name + "}" for name in sample)
    for _, name, spec, _ in parts:
        if name is not None and name not in sample:
            yield source.issue(Rule.UNKNOWN_PLACEHOLDER, path, name=name, choices=choices)
            return
        if spec and _WIDE_FORMAT.search(spec):
            yield source.issue(Rule.BAD_TEMPLATE, path, problem=f"the format '{spec}' is too wide")
            return
    try:
        text.format(**sample)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        yield source.issue(Rule.BAD_TEMPLATE, path, problem=str(error))


LANGUAGE_RULES: tuple[Callable[[NetworkFiles], Iterator[Issue]], ...] = (
    language_matches_folder,
    option_labels_match,
    plan_actions_match,
    texts_fill_in,
)
