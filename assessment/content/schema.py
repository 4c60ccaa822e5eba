"""The strict, versioned schema of the two kinds of content file (schema_version 1).

``QuestionnaireFile`` is ``content/questionnaire.yaml``: ids, scales, weights, references.
``LanguageFile`` is ``content/<language>/questionnaire.yaml``: only text, keyed by those ids. Every text is
optional here, because which texts are required depends on the structure; the rules in
``rules.py`` check that, and everything else that spans entries or files.

The models only mirror the files; ``load.py`` builds the frozen dataclasses of
``questionnaire.py`` from them. Strict mode keeps YAML's types honest: ``"0.5"`` is not a
number and ``15`` (an unquoted ``1_5``) is not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Generic, Literal, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from assessment.content.source import FieldPath, Source
from assessment.errors import Issue, Rule, show

SCHEMA_VERSION = 1
ITEM_KINDS = ("scale", "choice", "segment_grid")
_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_GUIDANCE_ID = re.compile(r"G[0-9]{2}")
M = TypeVar("M", bound=BaseModel)


class FileModel(BaseModel):
    """Base of every model: frozen, no unknown keys, no type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def bounded(low: float, high: float | None = None, *, above: bool = False):
    """A validator keeping a number in ``low..high``, or above ``low``."""

    def check(value: float) -> float:
        # `not (...)` rather than `<` so that .nan is rejected too.
        if above and not value > low:
            raise PydanticCustomError("not_above", "not above", {"value": value, "low": low})
        if not above and high is None and not value >= low:
            raise PydanticCustomError("below_minimum", "below minimum", {"value": value, "low": low})
        if not above and high is not None and not low <= value <= high:
            raise PydanticCustomError("out_of_range", "out of range", {"value": value, "low": low, "high": high})
        return value

    return AfterValidator(check)


def _matching(pattern: re.Pattern[str], error: str):
    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise PydanticCustomError(error, error, {"value": value})
        return value

    return AfterValidator(check)


Id = Annotated[str, _matching(_ID, "invalid_id")]
GuidanceId = Annotated[str, _matching(_GUIDANCE_ID, "invalid_guidance_id")]
Score = Annotated[float, bounded(0, 1)]  # an option's score, 0 (low) to 1 (high)
Percent = Annotated[float, bounded(0, 100)]  # Width, Depth and segment scores are 0-100
Refs = Annotated[tuple[str, ...], Field(min_length=1)]


# --- content/questionnaire.yaml -------------------------------------------------------


class DimensionModel(FileModel):
    axis: Literal["width", "depth"]
    weight: Annotated[float, bounded(0, above=True)]


class BandModel(FileModel):
    value: Score
    count: Annotated[float, bounded(0)]
    least: Annotated[int, bounded(0)] = 0   # the range of people the band means
    most: Union[Annotated[int, bounded(0)], None] = None  # None: no top ("51+")


class ScaleItemModel(FileModel):
    id: Id
    kind: Literal["scale"]
    scale: str
    dimension: str
    guidance: Refs
    reverse: bool = False
    split_from: Union[Id, None] = None  # the item this one was split from: its answer carries over


class ChoiceItemModel(FileModel):
    id: Id
    kind: Literal["choice"]
    options: dict[Id, Union[Score, None]]  # null: an answer that is not scored (``Option.value``)
    dimension: str
    guidance: Refs
    reverse: bool = False


class GridColumnModel(FileModel):
    dimension: str
    bands: str


class GridItemModel(FileModel):
    id: Id
    kind: Literal["segment_grid"]
    columns: Annotated[dict[Id, GridColumnModel], Field(min_length=1)]
    guidance: Refs


ItemModel = Annotated[Union[ScaleItemModel, ChoiceItemModel, GridItemModel], Field(discriminator="kind")]


class StepModel(FileModel):
    id: Id
    items: Refs


class ProfileModel(FileModel):
    wide: bool
    deep: bool


class ThresholdsModel(FileModel):
    wide: Percent
    deep: Percent
    segment_wide: Percent
    segment_deep: Percent
    places: Annotated[int, bounded(1)] = 3


class AdviceModel(FileModel):
    id: Id
    dimension: str
    guidance: Refs
    parts: tuple[str, ...] = ()  # the segments the step can be about; none listed: any part


class CautionModel(FileModel):
    dimension: str
    min_score: Percent
    guidance: Refs


class QuestionnaireFile(FileModel):
    schema_version: int
    id: str
    version: str
    default_language: str
    scales: dict[Id, dict[Id, Score]]
    bands: dict[Id, dict[Id, BandModel]]
    segments: Annotated[tuple[Id, ...], Field(min_length=1)]
    dimensions: dict[Id, DimensionModel]
    items: Annotated[tuple[ItemModel, ...], Field(min_length=1)]
    steps: Annotated[tuple[StepModel, ...], Field(min_length=1)]
    profiles: dict[Id, ProfileModel]
    thresholds: ThresholdsModel
    advice_count: Annotated[int, bounded(1)]
    advice: tuple[AdviceModel, ...]
    caution: CautionModel


# --- content/<language>/questionnaire.yaml ------------------------------------------
# Texts are `str | None`: an empty `text:` counts as missing, reported by the text rules.

Text = Union[str, None]


class NamedText(FileModel):
    name: Text = None
    description: Text = None


class StepText(FileModel):
    title: Text = None
    intro: Text = None


class ColumnText(FileModel):
    label: Text = None
    help: Text = None


class ItemText(FileModel):
    text: Text = None
    help: Text = None
    options: Union[dict[str, Text], None] = None
    columns: Union[dict[str, ColumnText], None] = None


class ProfileText(FileModel):
    name: Text = None
    tagline: Text = None
    summary: Text = None
    prompt: Text = None


class AdviceText(FileModel):
    title: Text = None
    text: Text = None


class CautionText(FileModel):
    title: Text = None
    text: Text = None


class LanguageFile(FileModel):
    schema_version: int
    language: str
    title: Text = None
    intro: Text = None
    guidance: dict[GuidanceId, Text] = {}
    scales: dict[str, dict[str, Text]] = {}
    bands: dict[str, dict[str, Text]] = {}
    segments: dict[str, NamedText] = {}
    dimensions: dict[str, NamedText] = {}
    steps: dict[str, StepText] = {}
    items: dict[str, ItemText] = {}
    profiles: dict[str, ProfileText] = {}
    advice: dict[str, AdviceText] = {}
    caution: CautionText = CautionText()


# --- validating a file against its model ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed(Generic[M]):
    """A file validated against its model, as far as it goes.

    ``model`` is built even when the file has errors, so the rules can still check the
    rest: an entry of a section (an item, a dimension, a text) that holds an error is left
    out and listed in ``dropped`` (in a list it leaves ``None``, so indices still match
    the file); a whole section that does not fit is ``None``.
    """

    model: M
    issues: tuple[Issue, ...]
    dropped: frozenset[FieldPath]

    def whole(self, *sections: str) -> bool:
        """True when nothing was left out of these sections, so rules about coverage hold."""
        return all(
            getattr(self.model, name) is not None and not any(d[0] == name for d in self.dropped)
            for name in sections
        )

    def kept(self, path: FieldPath) -> bool:
        """False when ``path`` lies in a part of the file that was left out."""
        return not any(path[:end] in self.dropped for end in range(1, len(path) + 1))


def validate_source(source: Source, model: type[M]) -> Parsed[M]:
    """Validate ``source`` against ``model``; every schema problem becomes an Issue."""
    try:
        return Parsed(model.model_validate(source.data), (), frozenset())
    except ValidationError as error:
        errors = [e for e in error.errors(include_url=False) if not _follows_from_others(e)]
    issues, dropped = [], set()
    for error in errors:
        loc = _data_loc(error)
        issues.append(_schema_issue(source, model, error, loc))
        collection = len(loc) >= 2 and _is_collection(model, loc[0])
        dropped.add(loc[:2] if collection else loc[:1])
    return Parsed(_salvage(model, source.data, dropped), tuple(issues), frozenset(dropped))


def _follows_from_others(error: dict) -> bool:
    """'List too short' only because its entries failed: those are reported already."""
    return error["type"] == "too_short" and len(error["input"]) >= error["ctx"]["min_length"]


def _data_loc(error: dict) -> FieldPath:
    """Pydantic's location as a path into the file's data."""
    loc = tuple(error["loc"])
    # A discriminated union puts the item's kind into the location: items.3.scale.dimension.
    if len(loc) > 2 and loc[0] == "items" and isinstance(loc[1], int) and loc[2] in ITEM_KINDS:
        loc = loc[:2] + loc[3:]
    if loc and loc[-1] == "[key]":  # the key itself is wrong; pydantic may show it altered
        loc = (*loc[:-2], error["input"])
    return loc


_TYPE_RULES = {
    "string_type": Rule.EXPECTED_TEXT,
    "float_type": Rule.EXPECTED_NUMBER,
    "int_type": Rule.EXPECTED_WHOLE_NUMBER,
    "bool_type": Rule.EXPECTED_BOOLEAN,
    "tuple_type": Rule.EXPECTED_LIST,
    "list_type": Rule.EXPECTED_LIST,
    "dict_type": Rule.EXPECTED_MAPPING,
    "model_type": Rule.EXPECTED_MAPPING,
    "model_attributes_type": Rule.EXPECTED_MAPPING,
}
_RANGE_RULES = {
    "out_of_range": Rule.OUT_OF_RANGE,
    "below_minimum": Rule.BELOW_MINIMUM,
    "not_above": Rule.NOT_ABOVE,
    "invalid_id": Rule.INVALID_ID,
    "invalid_guidance_id": Rule.INVALID_GUIDANCE_ID,
    "empty_text": Rule.EMPTY_TEXT,
}


def _schema_issue(source: Source, model: type[BaseModel], error: dict, loc: FieldPath) -> Issue:
    kind, value, ctx = error["type"], error["input"], error.get("ctx", {})
    if kind == "string_type" and value is None:  # `label:` with nothing after it
        return source.issue(Rule.EMPTY_TEXT, loc)
    if kind in _TYPE_RULES:
        return source.issue(_TYPE_RULES[kind], loc, got=show(value))
    if kind in _RANGE_RULES:
        shown = {name: show(v) for name, v in ctx.items()}
        return source.issue(_RANGE_RULES[kind], loc, **{**shown, "value": show(value)})  # as written
    if kind == "missing":
        return source.issue(Rule.MISSING_KEY, loc, key=loc[-1])
    if kind == "extra_forbidden":
        allowed = _model_at(model, tuple(error["loc"])[:-1])
        choices = ", ".join(allowed.model_fields) if allowed else "see docs/content.md"
        return source.issue(Rule.UNKNOWN_KEY, loc, key=loc[-1], choices=choices)
    if kind == "union_tag_not_found":
        return source.issue(Rule.MISSING_KEY, (*loc, "kind"), key="kind")
    if kind == "union_tag_invalid":
        choices = ", ".join(ITEM_KINDS)
        path, shown = (*loc, "kind"), show(value["kind"])
        return source.issue(Rule.UNKNOWN_VALUE, path, field="kind", value=shown, choices=choices)
    if kind == "literal_error":
        choices = ", ".join(re.findall(r"'([^']*)'", ctx["expected"]))
        return source.issue(Rule.UNKNOWN_VALUE, loc, field=loc[-1], value=show(value), choices=choices)
    if kind == "too_short":
        return source.issue(Rule.EMPTY_LIST, loc)
    return source.issue(Rule.INVALID_VALUE, loc, detail=error["msg"][:1].lower() + error["msg"][1:])


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The model that validates the mapping at pydantic location ``loc``, if any."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            annotation = field.annotation
        elif get_origin(annotation) in (tuple, dict):
            annotation = get_args(annotation)[-1 if get_origin(annotation) is dict else 0]
        elif get_origin(annotation) is Union:  # the tag of a discriminated union
            annotation = next((m for m in get_args(annotation) if _kind_of(m) == part), None)
    annotation = _unwrap(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated[...] and Optional[...] down to the type inside."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is Union and type(None) in get_args(annotation):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def _kind_of(member: Any) -> str | None:
    field = getattr(member, "model_fields", {}).get("kind")
    return get_args(field.annotation)[0] if field else None


def _is_collection(model: type[BaseModel], name: Any) -> bool:
    """Sections whose entries stand alone: one bad entry need not sink the section."""
    field = model.model_fields.get(name) if isinstance(name, str) else None
    return field is not None and get_origin(_unwrap(field.annotation)) in (tuple, dict)


def _salvage(model: type[M], data: dict, dropped: set[FieldPath]) -> M:
    """The model without the parts that hold errors; sections that still fail become None."""
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name not in data or (name,) in dropped:
            values[name] = None if field.is_required() else field.get_default()
            continue
        section = data[name]
        drop = {path[1] for path in dropped if len(path) == 2 and path[0] == name}
        if isinstance(section, dict):
            section = {k: v for k, v in section.items() if k not in drop}
        elif isinstance(section, tuple):
            section = tuple(v for i, v in enumerate(section) if i not in drop)
        try:
            value = _adapter(model, name).validate_python(section, strict=True)
        except ValidationError:
            value = None
        if drop and isinstance(value, tuple):  # keep indices: a dropped entry leaves a None
            kept = iter(value)
            value = tuple(None if i in drop else next(kept) for i in range(len(data[name])))
        values[name] = value
    return model.model_construct(**values)


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    field = model.model_fields[name]
    annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(annotation)
