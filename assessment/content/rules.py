"""The logic rules: what the schema alone cannot say about the content.

Each rule is a small function that takes the validated files and yields every problem it
finds. They run after the schema, on whatever part of each file validated (see
``schema.Parsed``), so one typo does not hide the other problems:

- references and uniqueness are checked against the ids *declared* in the file, even by
  entries that failed the schema, so a broken item does not turn into 'unknown item';
- rules about coverage ('every dimension has an item') run only when the sections they
  look through are whole, with no entry left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from assessment.content.schema import (
    ChoiceItemModel,
    GridItemModel,
    LanguageFile,
    Parsed,
    QuestionnaireFile,
    ScaleItemModel,
)
from assessment.content.source import FieldPath, Source
from assessment.errors import Issue, Rule

AXES = ("width", "depth")
QUADRANTS = ((True, True), (True, False), (False, True), (False, False))


@dataclass(frozen=True, slots=True)
class Files:
    """The structure file and one language file, as far as each validated."""

    structure: Source
    parsed: Parsed[QuestionnaireFile]
    texts_source: Source | None
    texts: Parsed[LanguageFile] | None
    language: str  # the language asked for, which names the language file
    languages: tuple[str, ...]  # every language with a file in the content folder

    @property
    def model(self) -> QuestionnaireFile:
        return self.parsed.model

    def declared(self, section: str) -> tuple[str, ...]:
        """The ids a section of the structure declares, read from the file itself."""
        return _declared(self.structure.data.get(section))

    def guidance_ids(self) -> tuple[str, ...] | None:
        """The guidance ids listed in the language file, or None if there is none to check."""
        if self.texts_source is None or not isinstance(self.texts_source.data.get("guidance"), dict):
            return None
        return _declared(self.texts_source.data["guidance"])


def _declared(raw: Any) -> tuple[str, ...]:
    if isinstance(raw, dict):
        return tuple(k for k in raw if isinstance(k, str))
    if isinstance(raw, tuple):
        ids = (e.get("id") if isinstance(e, dict) else e for e in raw)
        return tuple(dict.fromkeys(i for i in ids if isinstance(i, str)))
    return ()


def _entries(section: tuple | None) -> Iterator[tuple[int, Any]]:
    """(index, entry) of a list section, skipping entries left out by the schema."""
    return ((i, e) for i, e in enumerate(section or ()) if e is not None)


def _one_of(ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(ids) or "(none defined yet)"


# --- rules within content/questionnaire.yaml ------------------------------------------


def unique_ids(files: Files) -> Iterator[Issue]:
    """Items, steps, advice and segments each have their own ids (mapping keys are unique by YAML)."""
    for section, kind in (("segments", "segment"), ("items", "item"), ("steps", "step"), ("advice", "advice")):
        raw = files.structure.data.get(section)
        first: dict[str, FieldPath] = {}
        for index, entry in enumerate(raw if isinstance(raw, tuple) else ()):
            path = (section, index) if section == "segments" else (section, index, "id")
            entry_id = entry if section == "segments" else entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(entry_id, str):
                continue
            if entry_id in first:
                line = files.structure.line(first[entry_id])
                yield files.structure.issue(Rule.DUPLICATE_ID, path, kind=kind, id=entry_id, first=line)
            else:
                first[entry_id] = path


def known_references(files: Files) -> Iterator[Issue]:
    """Every dimension, scale, bands, item and guidance id referred to exists."""
    dimensions, scales, bands = files.declared("dimensions"), files.declared("scales"), files.declared("bands")
    items, guidance = files.declared("items"), files.guidance_ids()

    def check(path: FieldPath, value: str, known: tuple[str, ...] | None, kind: str) -> Iterator[Issue]:
        if known is not None and value not in known:
            yield files.structure.issue(Rule.UNKNOWN_REFERENCE, path, kind=kind, id=value, choices=_one_of(known))

    def check_guidance(path: FieldPath, ids: tuple[str, ...]) -> Iterator[Issue]:
        for index, guidance_id in enumerate(ids):
            yield from check((*path, "guidance", index), guidance_id, guidance, "guidance id")

    model = files.model
    for i, item in _entries(model.items):
        if isinstance(item, (ScaleItemModel, ChoiceItemModel)):
            yield from check(("items", i, "dimension"), item.dimension, dimensions, "dimension")
        if isinstance(item, ScaleItemModel):
            yield from check(("items", i, "scale"), item.scale, scales, "scale")
            if item.split_from is not None:
                yield from check(("items", i, "split_from"), item.split_from, items, "item")
        if isinstance(item, GridItemModel):
            for column_id, column in item.columns.items():
                path = ("items", i, "columns", column_id)
                yield from check((*path, "dimension"), column.dimension, dimensions, "dimension")
                yield from check((*path, "bands"), column.bands, bands, "bands")
        yield from check_guidance(("items", i), item.guidance)
    for i, step in _entries(model.steps):
        for j, item_id in enumerate(step.items):
            yield from check(("steps", i, "items", j), item_id, items, "item")
    for i, advice in _entries(model.advice):
        yield from check(("advice", i, "dimension"), advice.dimension, dimensions, "dimension")
        yield from check_guidance(("advice", i), advice.guidance)
        for j, segment_id in enumerate(advice.parts):
            yield from check(("advice", i, "parts", j), segment_id, files.declared("segments"), "segment")
    if model.caution is not None:
        yield from check(("caution", "dimension"), model.caution.dimension, dimensions, "dimension")
        yield from check_guidance(("caution",), model.caution.guidance)
    if model.default_language is not None:
        yield from check(("default_language",), model.default_language, files.languages, "language")


def enough_options(files: Files) -> Iterator[Issue]:
    """A scale, a set of bands and a choice item each offer at least two answers."""
    model = files.model
    for section in ("scales", "bands"):
        for set_id, options in (getattr(model, section) or {}).items():
            if len(options) < 2:
                yield files.structure.issue(Rule.TOO_FEW_OPTIONS, (section, set_id))
    for i, item in _entries(model.items):
        if isinstance(item, ChoiceItemModel) and len(item.options) < 2:
            yield files.structure.issue(Rule.TOO_FEW_OPTIONS, ("items", i, "options"))


def one_step_per_item(files: Files) -> Iterator[Issue]:
    """Each item is asked on exactly one step."""
    known = set(files.declared("items"))
    placed: dict[str, tuple[str, FieldPath]] = {}
    for i, step in _entries(files.model.steps):
        for j, item_id in enumerate(step.items):
            path = ("steps", i, "items", j)
            if item_id in placed:
                step_id, first = placed[item_id]
                line = files.structure.line(first)
                yield files.structure.issue(Rule.ITEM_IN_TWO_STEPS, path, id=item_id, step=step_id, first=line)
            elif item_id in known:
                placed[item_id] = (step.id, path)
    if files.parsed.whole("steps"):
        for i, item in _entries(files.model.items):
            if item.id not in placed:
                yield files.structure.issue(Rule.ITEM_IN_NO_STEP, ("items", i, "id"), id=item.id)


def one_grid_of_breadth_and_depth(files: Files) -> Iterator[Issue]:
    """One segment grid: its first column counts people known (breadth), the second those
    who would do a favour (depth, G06). Scoring reads the grid in this shape."""
    dimensions, first = files.model.dimensions or {}, None
    for i, item in _entries(files.model.items):
        if not isinstance(item, GridItemModel):
            continue
        if first is not None:
            yield files.structure.issue(Rule.GRID_TWICE, ("items", i, "kind"), first=first)
            continue
        first = item.id
        if len(item.columns) != 2:
            yield files.structure.issue(Rule.GRID_COLUMNS, ("items", i, "columns"), count=len(item.columns))
            continue
        for (column_id, column), axis in zip(item.columns.items(), AXES):
            dimension = dimensions.get(column.dimension)
            if dimension is not None and dimension.axis != axis:
                path = ("items", i, "columns", column_id, "dimension")
                yield files.structure.issue(
                    Rule.GRID_COLUMN_AXIS, path, column=column_id, dimension=column.dimension, axis=dimension.axis
                )


def dimensions_covered(files: Files) -> Iterator[Issue]:
    """Every dimension is measured and has advice; each axis has a dimension."""
    model, whole = files.model, files.parsed.whole
    measured = _measured_dimensions(model.items) if whole("items") else None
    advised = {a.dimension for a in model.advice} if whole("advice") else None
    for dimension_id in model.dimensions or {}:
        path = ("dimensions", dimension_id)
        if measured is not None and dimension_id not in measured:
            yield files.structure.issue(Rule.DIMENSION_WITHOUT_ITEM, path, id=dimension_id)
        if advised is not None and dimension_id not in advised:
            yield files.structure.issue(Rule.DIMENSION_WITHOUT_ADVICE, path, id=dimension_id)
    for axis in AXES if whole("dimensions") else ():
        if not any(d.axis == axis for d in model.dimensions.values()):
            yield files.structure.issue(Rule.AXIS_WITHOUT_DIMENSION, ("dimensions",), axis=axis)
    if whole("advice", "advice_count") and model.advice_count > len(model.advice):
        yield files.structure.issue(
            Rule.OUT_OF_RANGE, ("advice_count",), value=model.advice_count, low=1, high=len(model.advice)
        )


def _measured_dimensions(items: tuple) -> set[str]:
    grids = {c.dimension for i in items if isinstance(i, GridItemModel) for c in i.columns.values()}
    return grids | {i.dimension for i in items if not isinstance(i, GridItemModel)}


def profiles_cover_quadrants(files: Files) -> Iterator[Issue]:
    """The profiles cover the four (wide, deep) combinations once each."""
    profiles = files.model.profiles
    if profiles is None:
        return
    taken: dict[tuple[bool, bool], str] = {}
    for profile_id, profile in profiles.items():
        quadrant = (profile.wide, profile.deep)
        if quadrant in taken:
            yield files.structure.issue(
                Rule.PROFILE_QUADRANT_TAKEN, ("profiles", profile_id),
                id=profile_id, wide=_yaml(profile.wide), deep=_yaml(profile.deep), other=taken[quadrant],
            )
        else:
            taken[quadrant] = profile_id
    if files.parsed.whole("profiles"):
        for wide, deep in QUADRANTS:
            if (wide, deep) not in taken:
                yield files.structure.issue(
                    Rule.PROFILE_QUADRANT_MISSING, ("profiles",), wide=_yaml(wide), deep=_yaml(deep)
                )


def _yaml(flag: bool) -> str:
    return "true" if flag else "false"


STRUCTURE_RULES: tuple[Callable[[Files], Iterator[Issue]], ...] = (
    unique_ids,
    known_references,
    enough_options,
    one_step_per_item,
    one_grid_of_breadth_and_depth,
    dimensions_covered,
    profiles_cover_quadrants,
)


# --- rules between the structure and a language file ----------------------------------


def language_matches_file(files: Files) -> Iterator[Issue]:
    """`language:` inside a language file agrees with the file's name."""
    value = files.texts.model.language
    if value is not None and value != files.language:
        name = files.texts_source.file.rsplit("/", 2)[-2]  # the folder: content/<language>/questionnaire.yaml
        yield files.texts_source.issue(
            Rule.LANGUAGE_MISMATCH, ("language",), value=value, name=name, expected=files.language
        )


TEXT_SECTIONS = (
    ("guidance", "piece of guidance"), ("scales", "scale"), ("bands", "set of bands"), ("segments", "segment"),
    ("dimensions", "dimension"), ("steps", "step"), ("items", "item"), ("profiles", "profile"),
    ("advice", "advice entry"),
)


def text_sections_present(files: Files) -> Iterator[Issue]:
    """A section missing from a language file is one problem, not one per id in it."""
    for section, kind in TEXT_SECTIONS:
        if section not in files.texts_source.data:
            yield files.texts_source.issue(
                Rule.MISSING_SECTION, (section,), section=section, kind=kind, structure=files.structure.file
            )


def texts_present(files: Files) -> Iterator[Issue]:
    """Everything a person reads has text; a few optional texts only warn when missing."""
    texts, model = files.texts.model, files.model
    absent = {section for section, _ in TEXT_SECTIONS if section not in files.texts_source.data}

    def need(path: FieldPath, value: str | None, field: str, what: str, required: bool = True) -> Iterator[Issue]:
        if path[0] in absent:
            return  # reported once by text_sections_present
        if files.texts.kept(path) and (value is None or not value.strip()):
            rule = Rule.MISSING_TEXT if required else Rule.MISSING_OPTIONAL_TEXT
            yield files.texts_source.issue(rule, path, field=field, what=what)

    def entry(section: str, entry_id: str) -> Any:
        return (getattr(texts, section) or {}).get(entry_id)

    yield from need(("title",), texts.title, "title", "the questionnaire")
    yield from need(("intro",), texts.intro, "intro", "the questionnaire")
    for guidance_id, text in (texts.guidance or {}).items():
        yield from need(("guidance", guidance_id), text, "text", f"guidance '{guidance_id}'")
    for section, kind in (("scales", "scale"), ("bands", "bands")):
        for set_id, options in (getattr(model, section) or {}).items():
            labels = entry(section, set_id) or {}
            for option_id in options:
                what = f"option '{option_id}' of {kind} '{set_id}'"
                yield from need((section, set_id, option_id), labels.get(option_id), "label", what)
    for _, segment_id in _entries(model.segments):
        text = entry("segments", segment_id)
        path, what = ("segments", segment_id), f"segment '{segment_id}'"
        yield from need((*path, "name"), text and text.name, "name", what)
        yield from need((*path, "description"), text and text.description, "description", what, required=False)
    for dimension_id in model.dimensions or {}:
        text = entry("dimensions", dimension_id)
        path, what = ("dimensions", dimension_id), f"dimension '{dimension_id}'"
        yield from need((*path, "name"), text and text.name, "name", what)
        yield from need((*path, "description"), text and text.description, "description", what, required=False)
    for _, step in _entries(model.steps):
        text = entry("steps", step.id)
        path, what = ("steps", step.id), f"step '{step.id}'"
        yield from need((*path, "title"), text and text.title, "title", what)
        yield from need((*path, "intro"), text and text.intro, "intro", what, required=False)
    for _, item in _entries(model.items):
        yield from _item_texts(item, entry("items", item.id), need)
    for profile_id in model.profiles or {}:
        text = entry("profiles", profile_id)
        path, what = ("profiles", profile_id), f"profile '{profile_id}'"
        for field in ("name", "tagline", "summary"):
            yield from need((*path, field), text and getattr(text, field), field, what)
        yield from need((*path, "prompt"), text and text.prompt, "prompt", what, required=False)
    for _, advice in _entries(model.advice):
        text, what = entry("advice", advice.id), f"advice '{advice.id}'"
        for field in ("title", "text"):
            yield from need(("advice", advice.id, field), text and getattr(text, field), field, what)
    for field in ("title", "text"):
        yield from need(("caution", field), getattr(texts.caution, field, None), field, "the caution")


def _item_texts(item: Any, text: Any, need: Callable[..., Iterator[Issue]]) -> Iterator[Issue]:
    path, what = ("items", item.id), f"item '{item.id}'"
    yield from need((*path, "text"), text and text.text, "text", what)
    if isinstance(item, ChoiceItemModel):
        labels = (text and text.options) or {}
        for option_id in item.options:
            option_what = f"option '{option_id}' of item '{item.id}'"
            yield from need((*path, "options", option_id), labels.get(option_id), "label", option_what)
    if isinstance(item, GridItemModel):
        columns = (text and text.columns) or {}
        for column_id in item.columns:
            column, column_path = columns.get(column_id), (*path, "columns", column_id)
            column_what = f"column '{column_id}' of item '{item.id}'"
            yield from need((*column_path, "label"), column and column.label, "label", column_what)
            yield from need((*column_path, "help"), column and column.help, "help", column_what, required=False)


def texts_known(files: Files) -> Iterator[Issue]:
    """A language file holds text only for ids the structure has."""
    texts, model, source = files.texts.model, files.model, files.texts_source
    for section, kind in (
        ("scales", "scale"), ("bands", "bands"), ("segments", "segment"), ("dimensions", "dimension"),
        ("steps", "step"), ("items", "item"), ("profiles", "profile"), ("advice", "advice"),
    ):
        known = files.declared(section)
        for entry_id in getattr(texts, section) or {}:
            if entry_id not in known:
                yield source.issue(
                    Rule.TEXT_FOR_UNKNOWN_ID, (section, entry_id), kind=kind, id=entry_id, choices=_one_of(known)
                )
    for section in ("scales", "bands"):
        for set_id, labels in (getattr(texts, section) or {}).items():
            options = (getattr(model, section) or {}).get(set_id)
            for option_id in labels if options else ():  # no options: reported in the structure
                if option_id not in options:
                    path, choices = (section, set_id, option_id), _one_of(list(options))
                    yield source.issue(Rule.TEXT_FOR_UNKNOWN_ID, path, kind="option", id=option_id, choices=choices)
    items = {item.id: item for _, item in _entries(model.items)}
    for item_id, text in (texts.items or {}).items():
        if item_id in items:
            yield from _item_texts_known(source, items[item_id], text)


def _item_texts_known(source: Source, item: Any, text: Any) -> Iterator[Issue]:
    for key, model_type, kind in (("options", ChoiceItemModel, "option"), ("columns", GridItemModel, "column")):
        given, path = getattr(text, key), ("items", item.id, key)
        if given is None:
            continue
        if not isinstance(item, model_type):
            yield source.issue(Rule.TEXT_NOT_USED, path, kind=item.kind, key=key)
            continue
        known = list(getattr(item, key))
        for entry_id in given:
            if entry_id not in known:
                yield source.issue(
                    Rule.TEXT_FOR_UNKNOWN_ID, (*path, entry_id), kind=kind, id=entry_id, choices=_one_of(known)
                )


def guidance_measured(files: Files) -> Iterator[Issue]:
    """Every piece of guidance from the articles is measured by at least one item."""
    if not files.parsed.whole("items"):
        return
    measured = {g for item in files.model.items for g in item.guidance}
    for guidance_id in files.texts.model.guidance or {}:
        if guidance_id not in measured:
            yield files.texts_source.issue(Rule.GUIDANCE_UNMEASURED, ("guidance", guidance_id), id=guidance_id)


LANGUAGE_RULES: tuple[Callable[[Files], Iterator[Issue]], ...] = (
    language_matches_file,
    text_sections_present,
    texts_present,
    texts_known,
    guidance_measured,
)
