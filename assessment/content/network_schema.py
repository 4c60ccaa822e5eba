"""The strict schema of the network map's content files (schema_version 1).

``NetworkFile`` is ``content/network.yaml``: option ids and weights, rules, thresholds, how
the map feeds Width and Depth. ``NetworkTexts`` is ``content/<language>/network.yaml``: only
words, keyed by those ids. The segments are not here: they are the questionnaire's own.

The fixed sections (one entry per field, measure, plan list or chart word the code reads)
are built from the id tuples of ``assessment/network/content.py``, so a missing or unknown id
is a missing or unknown key. What depends on other entries (rules naming options, labels for
every option, placeholders a text may use) is checked in ``network_rules.py``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, create_model
from pydantic_core import PydanticCustomError

from assessment.content.schema import FileModel, GuidanceId, Id, Score, bounded
from assessment.network.content import (
    AXIS_PARTS, CHART_KEYS, FIELD_IDS, GROUP_KEYS, MEASURE_CASES, MEASURE_CUTS, MEASURE_IDS, PLAN_ACTIONS, RING_KEYS,
    RULE_IDS,
)

SEGMENT_FIELD = "segment"  # the questionnaire's segments; network.yaml names no options for it
WEIGHTED_FIELDS = ("stage", "favour", "last_contact", "giving")  # each option weighs 0-1 in tie strength
LISTED_FIELDS = tuple(f for f in FIELD_IDS if f not in (SEGMENT_FIELD, *WEIGHTED_FIELDS))


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "empty text")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Weight = Annotated[float, bounded(0)]
Options = Annotated[tuple[Id, ...], Field(min_length=1)]
WeightedOptions = Annotated[dict[Id, Score], Field(min_length=1)]
Guidance = Annotated[tuple[GuidanceId, ...], Field(min_length=1)]
Count = Annotated[int, bounded(1)]


def _fixed(name: str, keys: tuple[str, ...], value: Any) -> type[FileModel]:
    """A model with one required key per id, each holding ``value``."""
    return create_model(name, __base__=FileModel, **{key: (value, ...) for key in keys})


# --- content/network.yaml --------------------------------------------------------------


class LimitsModel(FileModel):
    max_contacts: Count
    max_name_length: Count


class NetworkThresholdsModel(FileModel):
    deep_tie: Score
    top_k: Count
    thin_segment: Annotated[int, bounded(0)]
    bridge_betweenness: Score
    plan_items: Count


class MeasureModel(FileModel):
    guidance: Guidance


class CutMeasureModel(MeasureModel):
    cut: float  # the value that separates two of the measure's cases (MEASURE_CUTS)


class PlanListModel(FileModel):
    guidance: Guidance


FieldsModel = create_model(
    "FieldsModel", __base__=FileModel,
    **{f: (Options, ...) for f in LISTED_FIELDS}, **{f: (WeightedOptions, ...) for f in WEIGHTED_FIELDS},
)
RuleModel = dict[str, Annotated[tuple[str, ...], Field(min_length=1)]]  # field id -> option ids
ExternalRuleModel = _fixed("ExternalRuleModel", ("field", "organisation"), tuple[str, ...])
RulesModel = create_model(
    "RulesModel", __base__=FileModel,
    **{r: (ExternalRuleModel if r == "external" else RuleModel, ...) for r in RULE_IDS},
)
AxesModel = create_model(
    "AxesModel", __base__=FileModel, **{a: (_fixed(f"{a}_parts", p, Weight), ...) for a, p in AXIS_PARTS.items()}
)
ReferencesModel = _fixed("ReferencesModel", ("effective_size", "deep_ties"), Annotated[float, bounded(0, above=True)])


class NetworkFile(FileModel):
    schema_version: int
    limits: LimitsModel
    fields: FieldsModel
    strength: Annotated[dict[str, Weight], Field(min_length=1)]
    rules: RulesModel
    thresholds: NetworkThresholdsModel
    axes: AxesModel
    references: ReferencesModel
    measures: create_model("MeasuresModel", __base__=FileModel, **{
        m: (CutMeasureModel if m in MEASURE_CUTS else MeasureModel, ...) for m in MEASURE_IDS})
    plan: _fixed("PlanModel", tuple(PLAN_ACTIONS), PlanListModel)


# --- content/<language>/network.yaml ---------------------------------------------------


class FieldText(FileModel):
    label: Text
    options: dict[str, Text] = {}


class SegmentFieldText(FileModel):
    label: Text  # the options are the segment names of the questionnaire's language file


class MeasureTextModel(FileModel):
    name: Text     # plain words, shown first
    term: Text     # the measure's own name, shown with its number
    display: Text  # the number


def _measure_text(measure_id: str) -> type[FileModel]:
    """A measure's words with one sentence per case the code chooses from (MEASURE_CASES)."""
    says = _fixed(f"{measure_id}_says", MEASURE_CASES[measure_id], Text)
    return create_model(f"{measure_id}_text", __base__=MeasureTextModel, says=(says, ...))


class PlanListText(FileModel):
    title: Text
    intro: Text
    actions: dict[str, Text]


ChartTexts = create_model(
    "ChartTexts", __base__=FileModel,
    **{k: (Text, ...) for k in CHART_KEYS if k not in ("rings", "groups")},
    rings=(_fixed("RingTexts", RING_KEYS, Text), ...), groups=(_fixed("GroupTexts", GROUP_KEYS, Text), ...),
)


class NetworkTexts(FileModel):
    schema_version: int
    language: str
    fields: create_model(
        "FieldTexts", __base__=FileModel,
        **{f: (SegmentFieldText if f == SEGMENT_FIELD else FieldText, ...) for f in FIELD_IDS},
    )
    empty: Text
    measures: create_model("MeasureTexts", __base__=FileModel, **{m: (_measure_text(m), ...) for m in MEASURE_IDS})
    plan: _fixed("PlanTexts", tuple(PLAN_ACTIONS), PlanListText)
    chart: ChartTexts
