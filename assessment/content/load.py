"""Content files -> a checked ``Questionnaire`` and ``NetworkContent``, with a line for every problem.

The content folder holds the structure (``questionnaire.yaml``, ``network.yaml``) and one
folder per language with the words (``en/questionnaire.yaml``, ``en/network.yaml``). Both
kinds of content are checked in the same layers, and every layer reports all it finds
before the next one runs:

1. each file is read as YAML (size, syntax, duplicate keys, no anchors or tags: ``source.py``);
2. ``schema_version`` is checked, then the strict schema (``schema.py``, ``network_schema.py``);
3. the logic rules across entries and files (``rules.py``, ``network_rules.py``).

Only content without errors becomes a model; warnings (an optional text not translated
yet) are logged and leave that text blank. The network map takes its segments and guidance
from the questionnaire, so it loads only when the questionnaire does.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from assessment.content import network_rules
from assessment.content.network_schema import SEGMENT_FIELD, NetworkFile, NetworkTexts
from assessment.content.network_rules import NetworkFiles
from assessment.content.rules import LANGUAGE_RULES, STRUCTURE_RULES, Files
from assessment.content.schema import (
    SCHEMA_VERSION,
    DimensionModel,
    GridItemModel,
    ItemModel,
    LanguageFile,
    Parsed,
    ProfileModel,
    QuestionnaireFile,
    ScaleItemModel,
    validate_source,
)
from assessment.content.source import Source, read_source
from assessment.errors import FILE_LEVEL, ContentError, Issue, Rule, show
from assessment.network.content import (
    FIELD_IDS, MEASURE_IDS, PLAN_ACTIONS, RULE_IDS, Choice, Field, MeasureText, NetworkContent, PlanText,
)
from assessment.network.content import Thresholds as NetworkThresholds
from assessment.questionnaire import (
    Advice,
    Band,
    Caution,
    Dimension,
    GridColumn,
    Item,
    Option,
    Profile,
    Questionnaire,
    Segment,
    Step,
    Thresholds,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "content"
STRUCTURE_FILE = "questionnaire.yaml"  # the structure, in content/; the texts in content/<language>/
NETWORK_FILE = "network.yaml"  # likewise
# A language folder is named by its code (en, pt-BR); this also keeps a language given by a
# caller (say from a URL) from naming any other file.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

M = TypeVar("M", bound=BaseModel)
Built = TypeVar("Built")  # a Questionnaire or a NetworkContent
logger = logging.getLogger(__name__)


def load_questionnaire(language: str = "en", content_dir: Path | str = CONTENT_DIR) -> Questionnaire:
    """The questionnaire in ``language``; raises ContentError listing every problem."""
    return _checked(*_load(language, Path(content_dir)))


def check_content(language: str = "en", content_dir: Path | str = CONTENT_DIR) -> tuple[Issue, ...]:
    """Every error and warning in the structure and one language file, without raising."""
    return _load(language, Path(content_dir))[1]


def list_languages(content_dir: Path | str = CONTENT_DIR) -> tuple[str, ...]:
    """The codes of the language folders in ``content_dir``, e.g. ``("de", "en")``: each holds a questionnaire.yaml."""
    folders = Path(content_dir).glob(f"*/{STRUCTURE_FILE}")
    return tuple(sorted(p.parent.name for p in folders if LANGUAGE_CODE.fullmatch(p.parent.name)))


def _load(language: str, folder: Path) -> tuple[Questionnaire | None, tuple[Issue, ...]]:
    issues: list[Issue] = []
    structure_file = _shown(folder / STRUCTURE_FILE)
    structure, found = read_source(folder / STRUCTURE_FILE, structure_file)
    issues += found
    texts_source = _read_language(language, folder, issues)

    parsed = _parse(structure, QuestionnaireFile, issues) if structure else None
    texts = _parse(texts_source, LanguageFile, issues) if texts_source else None
    if parsed is not None:
        files = Files(structure, parsed, texts_source if texts else None, texts, language, list_languages(folder))
        rules = STRUCTURE_RULES + (LANGUAGE_RULES if texts else ())
        for rule in rules:
            issues += rule(files)

    issues.sort(key=lambda i: (i.file != structure_file, i.line or 0))  # structure first, then text
    if parsed is None or texts is None or any(i.severity == "error" for i in issues):
        return None, tuple(issues)
    return _build(parsed.model, texts.model, language), tuple(issues)


def load_network_content(language: str = "en", content_dir: Path | str = CONTENT_DIR) -> NetworkContent:
    """The network map's content in ``language``; raises ContentError listing every problem.

    The problems of the questionnaire are listed too when it has errors, since the map
    takes its segments from it.
    """
    return _checked(*_load_network(language, Path(content_dir)))


def _load_network(language: str, folder: Path) -> tuple[NetworkContent | None, tuple[Issue, ...]]:
    questionnaire, questionnaire_issues = _load(language, folder)
    issues: list[Issue] = []
    structure_file = _shown(folder / NETWORK_FILE)
    structure, found = read_source(folder / NETWORK_FILE, structure_file)
    issues += found
    texts_source = None
    if LANGUAGE_CODE.fullmatch(language) and (folder / language).is_dir():  # else the questionnaire says so
        texts_source, found = read_source(folder / language / NETWORK_FILE, _shown(folder / language / NETWORK_FILE))
        issues += found

    if structure is not None:
        structure = _without_segments(structure, _shown(folder / STRUCTURE_FILE), issues)
    parsed = _parse(structure, NetworkFile, issues) if structure else None
    texts = _parse(texts_source, NetworkTexts, issues) if texts_source else None
    if parsed is not None:
        files = NetworkFiles(structure, parsed, texts_source if texts else None, texts, language, questionnaire)
        rules = network_rules.STRUCTURE_RULES + (network_rules.LANGUAGE_RULES if texts else ())
        for rule in rules:
            issues += rule(files)

    issues.sort(key=lambda i: (i.file != structure_file, i.line or 0))
    if questionnaire is None:
        return None, (*questionnaire_issues, *issues)
    if parsed is None or texts is None or any(i.severity == "error" for i in issues):
        return None, tuple(issues)
    return _build_network(parsed.model, texts.model, questionnaire), tuple(issues)


def _without_segments(source: Source, questionnaire_file: str, issues: list[Issue]) -> Source:
    """The segments live once, in the questionnaire: network.yaml may not list them again."""
    fields = source.data.get("fields")
    if not isinstance(fields, dict) or SEGMENT_FIELD not in fields:
        return source
    issues.append(source.issue(Rule.SEGMENTS_DEFINED_ONCE, ("fields", SEGMENT_FIELD), structure=questionnaire_file,
                               key=SEGMENT_FIELD))
    rest = {k: v for k, v in fields.items() if k != SEGMENT_FIELD}
    return Source(source.file, {**source.data, "fields": rest}, source.lines)


def _read_language(language: str, folder: Path, issues: list[Issue]) -> Source | None:
    if not LANGUAGE_CODE.fullmatch(language):
        issues.append(Rule.INVALID_LANGUAGE.issue(_shown(folder), None, "language", language=language))
        return None
    path = folder / language / STRUCTURE_FILE
    if not path.is_file():
        choices = ", ".join(list_languages(folder)) or "none yet"
        issues.append(
            Rule.LANGUAGE_NOT_FOUND.issue(_shown(path), None, FILE_LEVEL, language=language, choices=choices)
        )
        return None
    source, found = read_source(path, _shown(path))
    issues += found
    return source


def _parse(source: Source, model: type[M], issues: list[Issue]) -> Parsed[M] | None:
    """Validate one file, unless its schema_version says it is not a version we know."""
    if "schema_version" not in source.data:
        issues.append(source.issue(Rule.SCHEMA_VERSION_MISSING, ("schema_version",)))
        source = Source(source.file, {"schema_version": SCHEMA_VERSION, **source.data}, source.lines)
    version = source.data["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        issues.append(source.issue(Rule.SCHEMA_VERSION_UNKNOWN, ("schema_version",), value=show(version)))
        return None  # a file of another version is laid out differently: checking it would mislead
    parsed = validate_source(source, model)
    issues += parsed.issues
    return parsed


def _shown(path: Path) -> str:
    """A file's name in messages: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


# --- building the models of questionnaire.py from content without errors ---------------


def _build(s: QuestionnaireFile, t: LanguageFile, language: str) -> Questionnaire:
    """Join structure and text; the rules guarantee every id and required text is there."""
    scales = {
        scale_id: tuple(Option(o, float(value), t.scales[scale_id][o]) for o, value in options.items())
        for scale_id, options in s.scales.items()
    }
    bands = {
        set_id: tuple(Band(b, float(e.value), float(e.count), t.bands[set_id][b], e.least, e.most) for b, e in entries.items())
        for set_id, entries in s.bands.items()
    }
    return Questionnaire(
        id=s.id,
        version=s.version,
        language=language,
        title=t.title,
        intro=t.intro,
        segments=tuple(Segment(i, t.segments[i].name, t.segments[i].description or "") for i in s.segments),
        dimensions=tuple(_build_dimension(i, d, t) for i, d in s.dimensions.items()),
        items=tuple(_build_item(item, t, scales, bands) for item in s.items),
        steps=tuple(Step(st.id, t.steps[st.id].title, t.steps[st.id].intro or "", st.items) for st in s.steps),
        profiles=tuple(_build_profile(i, p, t) for i, p in s.profiles.items()),
        thresholds=Thresholds(
            float(s.thresholds.wide), float(s.thresholds.deep),
            float(s.thresholds.segment_wide), float(s.thresholds.segment_deep), float(s.thresholds.places),
        ),
        advice=tuple(Advice(a.id, a.dimension, a.guidance, t.advice[a.id].title, t.advice[a.id].text, a.parts)
                     for a in s.advice),
        caution=Caution(
            s.caution.dimension, float(s.caution.min_score), s.caution.guidance,
            t.caution.title, t.caution.text,
        ),
        guidance=tuple(t.guidance.items()),
        advice_count=s.advice_count,
    )


def _build_dimension(dimension_id: str, d: DimensionModel, t: LanguageFile) -> Dimension:
    text = t.dimensions[dimension_id]
    return Dimension(dimension_id, d.axis, float(d.weight), text.name, text.description or "")


def _build_profile(profile_id: str, p: ProfileModel, t: LanguageFile) -> Profile:
    text = t.profiles[profile_id]
    return Profile(profile_id, p.wide, p.deep, text.name, text.tagline, text.summary, text.prompt or "")


def _build_item(item: ItemModel, t: LanguageFile, scales: dict, bands: dict) -> Item:
    text = t.items[item.id]
    if isinstance(item, GridItemModel):
        columns = tuple(
            GridColumn(c, column.dimension, bands[column.bands], text.columns[c].label, text.columns[c].help or "")
            for c, column in item.columns.items()
        )
        return Item(item.id, item.kind, None, item.guidance, False, text.text, text.help or "", columns=columns)
    if isinstance(item, ScaleItemModel):
        options = scales[item.scale]
    else:
        options = tuple(Option(o, None if value is None else float(value), text.options[o])
                        for o, value in item.options.items())
    return Item(
        item.id, item.kind, item.dimension, item.guidance, item.reverse, text.text, text.help or "", options=options,
        split_from=getattr(item, "split_from", None),
    )



# --- building the network map's models from content without errors ---------------------


def _build_network(s: NetworkFile, t: NetworkTexts, q: Questionnaire) -> NetworkContent:
    """Join structure, words and the questionnaire's segments; the rules guarantee every label."""
    segments = tuple(Choice(segment.id, segment.name, None) for segment in q.segments)

    def field(field_id: str) -> Field:
        text = getattr(t.fields, field_id)
        if field_id == SEGMENT_FIELD:
            return Field(field_id, text.label, segments)
        options = getattr(s.fields, field_id)
        pairs = options.items() if isinstance(options, dict) else ((o, None) for o in options)
        return Field(field_id, text.label, tuple(Choice(o, text.options[o], w) for o, w in pairs))

    chart = dict(t.chart)
    words = tuple((k, v) for k, v in chart.items() if isinstance(v, str))
    words += tuple((f"ring_{k}", v) for k, v in dict(t.chart.rings).items())
    words += tuple((f"group_{k}", v) for k, v in dict(t.chart.groups).items())
    return NetworkContent(
        language=t.language,
        max_contacts=s.limits.max_contacts,
        max_name_length=s.limits.max_name_length,
        fields=tuple(field(f) for f in FIELD_IDS),
        strength=tuple(s.strength.items()),
        rules=tuple((r, tuple((f, frozenset(ids)) for f, ids in dict(getattr(s.rules, r)).items())) for r in RULE_IDS),
        thresholds=NetworkThresholds(**dict(s.thresholds)),
        width_parts=tuple(dict(s.axes.width).items()),
        depth_parts=tuple(dict(s.axes.depth).items()),
        references=tuple(dict(s.references).items()),
        measures=tuple(_measure(m, getattr(s.measures, m), getattr(t.measures, m)) for m in MEASURE_IDS),
        empty=t.empty,
        plan=tuple(
            PlanText(p, getattr(s.plan, p).guidance, getattr(t.plan, p).title, getattr(t.plan, p).intro,
                     tuple(getattr(t.plan, p).actions.items()))
            for p in PLAN_ACTIONS
        ),
        chart=words,
    )


def _measure(measure_id: str, spec: Any, text: Any) -> MeasureText:
    return MeasureText(measure_id, spec.guidance, getattr(spec, "cut", None), text.name, text.term, text.display,
                       tuple(dict(text.says).items()))


def _checked(loaded: Built | None, issues: tuple[Issue, ...]) -> Built:
    """What a loader built, its warnings logged; ContentError listing every problem if it built nothing."""
    if loaded is None:
        raise ContentError(issues)
    for issue in issues:
        logger.warning("%s", issue)
    return loaded
