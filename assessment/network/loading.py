"""content/network.yaml -> NetworkContent, checking everything and collecting every problem.

Each section is checked for structure (known keys, types, ranges) and for cross-references
(rules and text name options that exist, templates use known placeholders), as in Network
Canvas' protocol validation; every problem is collected before reporting. Problems read
``content/network.yaml:<line>: <field.path>: <what is wrong>. <how to fix it>.``
"""

from __future__ import annotations

import functools
import math
import re
import string
from pathlib import Path
from typing import Any

import yaml

from assessment.errors import Issue
from assessment.network.content import (
    AXIS_PARTS, CHART_KEYS, FIELD_IDS, GROUP_KEYS, MEASURE_IDS, PLAN_ACTIONS, RING_KEYS, RULE_IDS, THRESHOLD_IDS,
    Choice, Field, MeasureText, NetworkContent, NetworkContentError, PlanText, Thresholds,
)

CONTENT_PATH = Path(__file__).resolve().parents[2] / "content" / "network.yaml"
SCHEMA_VERSION = 1
FALLBACK_LANGUAGE = "en"
TOP_KEYS = ("schema_version", "limits", "fields", "strength", "rules", "thresholds", "axes",
            "references", "measures", "plan", "text")
GUIDANCE_ID = re.compile(r"G(0[1-9]|1[0-6])")
# Placeholders a template may use, with sample values to try it against.
MEASURE_SAMPLE = {"value": 0.5, "n": 10, "k": 5, "deep": 3, "pct": 50.0, "used": 3, "categories": 6,
                  "inside": 4, "outside": 6, "top": "Peers", "top_share": 40.0}
ACTION_SAMPLE = {"segment": "Peers"}


@functools.lru_cache(maxsize=8)
def network_content(language: str = FALLBACK_LANGUAGE) -> NetworkContent:
    """The app's own content file, loaded once per language (the result is immutable)."""
    return load_network_content(CONTENT_PATH, language)


def load_network_content(path: Path = CONTENT_PATH, language: str = FALLBACK_LANGUAGE) -> NetworkContent:
    """Read and check a network content file; raises NetworkContentError listing every problem."""
    source = f"content/{path.name}" if path.parent.name == "content" else str(path)
    check = _Check(source)
    if not path.is_file():
        hint = f"Check the content folder: {path.parent}"
        raise NetworkContentError((Issue(source, None, "", "file not found", hint),))
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = _plain(loader, node, "", check) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = str(getattr(exc, "problem", None) or exc)
        raise NetworkContentError((Issue(source, mark.line + 1 if mark else None, "", f"invalid YAML: {problem}",
                                         "Check indentation, colons and quotes here and on the line before"),)) from exc
    finally:
        loader.dispose()
    content = _build(data, language, check)
    if check.problems or content is None:
        raise NetworkContentError(tuple(check.problems))
    return content


class _Check:
    """Collects problems, each with the line of the nearest path that the file holds."""

    def __init__(self, source: str):
        self.source, self.lines, self.problems = source, {}, []

    def problem(self, path: str, what: str, fix: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", probe)
        self.problems.append(Issue(self.source, self.lines.get(probe, 1), path, what, fix))

    def mapping(self, path: str, value: Any, required: tuple = (), optional: tuple = (),
                open_keys: bool = False) -> dict:
        """``value`` when it is a mapping holding every required key and (unless open) no others."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {_kind(value)}", "Write it as 'key: value' lines")
            return {}
        for key in value:
            if not open_keys and key not in required + optional:
                self.problem(_join(path, key), f"unknown key '{key}'", f"Use only: {', '.join(required + optional)}")
        for key in required:
            if key not in value:
                self.problem(path, f"missing '{key}'", f"Add '{key}'")
        return value

    def number(self, path: str, value: Any, low: float, high: float = math.inf, whole: bool = False) -> float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
        if not ok or (whole and not isinstance(value, int)):
            span = f"from {low} to {high}" if high < math.inf else f"of at least {low}"
            self.problem(path, f"expected {'a whole number' if whole else 'a number'} {span}, got {value!r}",
                         "Fix the value")
            return low
        return value

    def text(self, path: str, value: Any, sample: dict[str, Any] | None = None) -> str:
        why = _template_problem(value, sample or {})
        if why:
            self.problem(path, why, "Fix the text")
            return ""
        return value


def _plain(loader: yaml.SafeLoader, node: yaml.Node, path: str, check: _Check) -> Any:
    """Node tree -> plain Python, recording each path's line (PyYAML marks count from 0)."""
    check.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            child = _join(path, key)
            if key in out:
                check.lines[child] = key_node.start_mark.line + 1
                check.problem(child, f"duplicate key '{key}'", "Keep only one of them")
            out[key] = _plain(loader, value_node, child, check)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(loader, v, f"{path}[{i}]", check) for i, v in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _build(data: Any, language: str, check: _Check) -> NetworkContent | None:
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        found = data.get("schema_version") if isinstance(data, dict) else None
        check.problem("schema_version", f"unsupported schema_version {found!r}",
                      f"This app reads schema_version {SCHEMA_VERSION}")
        return None
    check.mapping("", data, TOP_KEYS)
    limits = check.mapping("limits", data.get("limits"), ("max_contacts", "max_name_length"))
    max_contacts = check.number("limits.max_contacts", limits.get("max_contacts"), 1, whole=True)
    max_name_length = check.number("limits.max_name_length", limits.get("max_name_length"), 1, whole=True)
    options = _options(check, check.mapping("fields", data.get("fields"), FIELD_IDS))
    strength = _strength(check, data.get("strength"), options)
    rules = _rules(check, data.get("rules"), options)
    raw_t = check.mapping("thresholds", data.get("thresholds"), THRESHOLD_IDS)
    thresholds = Thresholds(
        deep_tie=check.number("thresholds.deep_tie", raw_t.get("deep_tie"), 0, 1),
        top_k=check.number("thresholds.top_k", raw_t.get("top_k"), 1, whole=True),
        thin_segment=check.number("thresholds.thin_segment", raw_t.get("thin_segment"), 0, whole=True),
        bridge_betweenness=check.number("thresholds.bridge_betweenness", raw_t.get("bridge_betweenness"), 0, 1),
        plan_items=check.number("thresholds.plan_items", raw_t.get("plan_items"), 1, whole=True),
    )
    axes = check.mapping("axes", data.get("axes"), tuple(AXIS_PARTS))
    parts = {a: _weights(check, f"axes.{a}", axes.get(a), AXIS_PARTS[a]) for a in AXIS_PARTS}
    references = _weights(check, "references", data.get("references"), ("effective_size", "deep_ties"))
    measures = check.mapping("measures", data.get("measures"), MEASURE_IDS)
    text_all = check.mapping("text", data.get("text"), (FALLBACK_LANGUAGE,), open_keys=True)
    used = language if language in text_all else FALLBACK_LANGUAGE
    text = _merge(text_all.get(FALLBACK_LANGUAGE, {}), text_all.get(used, {}))
    plan = check.mapping("plan", data.get("plan"), tuple(PLAN_ACTIONS))
    built = _text(check, f"text.{used}", text, options, measures, plan)
    if check.problems:
        return None
    fields, measure_texts, empty, plan, chart = built
    return NetworkContent(
        language=used,
        max_contacts=max_contacts, max_name_length=max_name_length,
        fields=fields, strength=strength, rules=rules, thresholds=thresholds,
        width_parts=parts["width"], depth_parts=parts["depth"], references=references,
        measures=measure_texts, empty=empty, plan=plan, chart=chart,
    )


def _options(check: _Check, raw: dict) -> dict[str, tuple[tuple[str, float | None], ...]]:
    """Each field's (option id, weight) pairs; a list gives unweighted options."""
    out = {}
    for field_id, value in raw.items():
        path = f"fields.{field_id}"
        if isinstance(value, list):
            pairs = [(o, None, f"{path}[{i}]") for i, o in enumerate(value)]
        elif isinstance(value, dict):
            pairs = [(o, check.number(_join(path, o), w, 0, 1), _join(path, o)) for o, w in value.items()]
        else:
            check.problem(path, f"expected a list or mapping of options, got {_kind(value)}", "List the option ids")
            continue
        if not pairs:
            check.problem(path, "has no options", "List at least one option id")
        seen: set[str] = set()
        for option_id, _, opath in pairs:
            if not isinstance(option_id, str) or not option_id:
                check.problem(opath, f"option id {option_id!r} is not text", 'Quote it, e.g. "no"')
            elif option_id in seen:
                check.problem(opath, f"duplicate option '{option_id}'", "Keep only one of them")
            seen.add(option_id)
        out[field_id] = tuple((o, w) for o, w, _ in pairs)
    return out


def _strength(check: _Check, raw: Any, options: dict) -> tuple[tuple[str, float], ...]:
    weighted = tuple(f for f, pairs in options.items() if pairs and pairs[0][1] is not None)
    raw = check.mapping("strength", raw, (), weighted)
    if not raw:
        check.problem("strength", "no field weights", f"Weigh some of: {', '.join(weighted)}")
    return tuple((f, check.number(f"strength.{f}", w, 0)) for f, w in raw.items() if f in weighted)


def _rules(check: _Check, raw: Any, options: dict) -> tuple:
    raw = check.mapping("rules", raw, RULE_IDS)
    out = []
    for rule_id, by_field in raw.items():
        path = f"rules.{rule_id}"
        required = ("field", "organisation") if rule_id == "external" else ()
        by_field = check.mapping(path, by_field, required, tuple(f for f in options if f not in required))
        pairs = []
        for field_id, ids in by_field.items():
            known = tuple(o for o, _ in options.get(field_id, ()))
            if not isinstance(ids, list):
                check.problem(f"{path}.{field_id}", f"expected a list of option ids, got {_kind(ids)}",
                              f"Use some of: {', '.join(known)}")
                continue
            for i, option_id in enumerate(ids):
                if option_id not in known:
                    check.problem(f"{path}.{field_id}[{i}]", f"unknown option {option_id!r}",
                                  f"Use one of: {', '.join(known)}")
            pairs.append((field_id, frozenset(ids)))
        out.append((rule_id, tuple(pairs)))
    return tuple(out)


def _weights(check: _Check, path: str, raw: Any, keys: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    raw = check.mapping(path, raw, keys)
    return tuple((k, check.number(f"{path}.{k}", raw[k], 0)) for k in keys if k in raw)


def _text(check: _Check, root: str, text: Any, options: dict, measures: dict, plan: dict) -> tuple:
    """The language block: labels, measure texts, plan texts and chart texts."""
    text = check.mapping(root, text, ("fields", "empty", "measures", "plan", "chart"))
    return (
        _field_texts(check, f"{root}.fields", text.get("fields"), options),
        _measure_texts(check, f"{root}.measures", text.get("measures"), measures),
        check.text(f"{root}.empty", text.get("empty")),
        _plan_texts(check, f"{root}.plan", text.get("plan"), plan, options),
        _chart_texts(check, f"{root}.chart", text.get("chart")),
    )


def _field_texts(check: _Check, root: str, raw: Any, options: dict) -> tuple[Field, ...]:
    raw = check.mapping(root, raw, FIELD_IDS)
    fields = []
    for field_id, pairs in options.items():
        path = f"{root}.{field_id}"
        block = check.mapping(path, raw.get(field_id), ("label", "options"))
        labels = check.mapping(f"{path}.options", block.get("options"), tuple(str(o) for o, _ in pairs))
        choices = tuple(Choice(o, check.text(f"{path}.options.{o}", labels[o]), w) for o, w in pairs if o in labels)
        fields.append(Field(field_id, check.text(f"{path}.label", block.get("label")), choices))
    return tuple(fields)


def _measure_texts(check: _Check, root: str, raw: Any, measures: dict) -> tuple[MeasureText, ...]:
    raw = check.mapping(root, raw, MEASURE_IDS)
    out = []
    for measure_id in MEASURE_IDS:
        spec = check.mapping(f"measures.{measure_id}", measures.get(measure_id), ("guidance", "cut"))
        path = f"{root}.{measure_id}"
        block = check.mapping(path, raw.get(measure_id), ("name", "display", "low", "high"))
        texts = (check.text(f"{path}.{k}", block.get(k), MEASURE_SAMPLE) for k in ("name", "display", "low", "high"))
        out.append(MeasureText(measure_id, _guidance(check, f"measures.{measure_id}.guidance", spec.get("guidance")),
                               check.number(f"measures.{measure_id}.cut", spec.get("cut"), -math.inf), *texts))
    return tuple(out)


def _plan_texts(check: _Check, root: str, raw: Any, plan: dict, options: dict) -> tuple[PlanText, ...]:
    """Each list needs a ``default`` action; others are keyed by an option id or a bridge reason."""
    raw = check.mapping(root, raw, tuple(PLAN_ACTIONS))
    out = []
    for kind, keyed_by in PLAN_ACTIONS.items():
        path = f"{root}.{kind}"
        block = check.mapping(path, raw.get(kind), ("title", "intro", "actions"))
        keys = keyed_by if isinstance(keyed_by, tuple) else tuple(o for o, _ in options.get(keyed_by, ()))
        actions = check.mapping(f"{path}.actions", block.get("actions"), ("default",), keys)
        spec = check.mapping(f"plan.{kind}", plan.get(kind), ("guidance",))
        out.append(PlanText(
            kind, _guidance(check, f"plan.{kind}.guidance", spec.get("guidance")),
            check.text(f"{path}.title", block.get("title")), check.text(f"{path}.intro", block.get("intro")),
            tuple((k, check.text(f"{path}.actions.{k}", v, ACTION_SAMPLE)) for k, v in actions.items()),
        ))
    return tuple(out)


def _chart_texts(check: _Check, root: str, raw: Any) -> tuple[tuple[str, str], ...]:
    """Chart words; the ``rings`` and ``groups`` blocks flatten to ``ring_<id>`` and ``group_<id>``."""
    raw = check.mapping(root, raw, CHART_KEYS)
    out = tuple((k, check.text(f"{root}.{k}", raw.get(k))) for k in CHART_KEYS if k not in ("rings", "groups"))
    for key, parts in (("rings", RING_KEYS), ("groups", GROUP_KEYS)):
        block = check.mapping(f"{root}.{key}", raw.get(key), parts)
        out += tuple((f"{key[:-1]}_{k}", check.text(f"{root}.{key}.{k}", block.get(k))) for k in parts)
    return out


def _guidance(check: _Check, path: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, list) and value and all(isinstance(g, str) and GUIDANCE_ID.fullmatch(g) for g in value):
        return tuple(value)
    check.problem(path, f"expected a list of guidance ids G01-G16, got {_kind(value)}",
                  "List the ids it relates to, e.g. [G03]")
    return ()


def _merge(base: Any, over: Any) -> Any:
    """``over`` on top of ``base``, key by key: a translation may leave keys to the fallback."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in over.items()}}
    return base if over is None else over


def _template_problem(template: Any, sample: dict[str, Any]) -> str | None:
    """Why a text cannot be formatted with the sample values, or None when it can."""
    if not isinstance(template, str) or not template.strip():
        return f"expected non-empty text, got {_kind(template)}"
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        unknown = sorted(n for n in names if n not in sample)
        if unknown:
            known = ", ".join("{" + k + "}" for k in sample) or "none"
            return f"unknown placeholder '{{{unknown[0]}}}' (known: {known})"
        template.format(**sample)
    except (ValueError, IndexError, KeyError) as exc:
        return f"cannot be formatted ({exc})"
    return None


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _kind(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"[:60]
