"""A YAML content file read into plain data, with the line of every field.

PyYAML's safe loader would give the data but forget where each value was written, and
would silently keep the last of two equal keys. So the file is *composed* into a node
tree (libyaml when available) and walked once: the walk builds the data (mappings as
dicts, sequences as tuples), records the line of every path, and reports duplicate keys.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import yaml

from assessment.errors import FILE_LEVEL, Issue, Rule, show

Key = Union[str, int, float, bool, None]
FieldPath = tuple[Any, ...]

try:  # libyaml composes about ten times faster than the pure-Python parser
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Source:
    """One content file: its name as shown in messages, its data, and a line per path.

    A path is a tuple of mapping keys and sequence indices, e.g. ``("items", 7, "dimension")``.
    """

    file: str
    data: Any
    lines: dict[FieldPath, int]

    def line(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest ancestor that is in the file."""
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]

    def where(self, path: FieldPath) -> str:
        """``path`` as a person reads it: ``items[7].dimension``."""
        text, node = "", self.data
        for part in path:
            if isinstance(node, tuple) and isinstance(part, int):
                text += f"[{part}]"
                node = node[part] if 0 <= part < len(node) else None
            else:
                if isinstance(node, dict) and isinstance(part, int):  # pydantic writes a key `yes` as 1
                    part = next((key for key in node if key == part), part)
                text += f".{show(part) if isinstance(part, bool) else part}"
                node = node.get(part) if isinstance(node, dict) else None
        return text.lstrip(".")

    def issue(self, rule: Rule, path: FieldPath, **fields: Any) -> Issue:
        return rule.issue(self.file, self.line(path), self.where(path), **fields)


def read_source(path: Path, file: str) -> tuple[Source | None, list[Issue]]:
    """Read ``path``; ``file`` is its name in messages. No source if it cannot be parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Rule.FILE_NOT_FOUND.issue(file, None, FILE_LEVEL, folder=path.parent)]
    except UnicodeDecodeError:
        return None, [Rule.NOT_UTF8.issue(file, None, FILE_LEVEL)]
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Rule.EMPTY_FILE.issue(file, 1, FILE_LEVEL)]
        walk = _Walk(loader, file)
        data = walk.build(root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, [Rule.YAML_SYNTAX.issue(file, line, FILE_LEVEL, problem=error.problem or error.context)]
    except yaml.reader.ReaderError as error:  # a control character; it has a position, not a mark
        line = text.count("\n", 0, error.position) + 1
        return None, [Rule.YAML_SYNTAX.issue(file, line, FILE_LEVEL, problem=str(error).splitlines()[0])]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [Rule.NOT_A_MAPPING.issue(file, root.start_mark.line + 1, FILE_LEVEL, got=show(data))]
    return Source(file, data, walk.lines), walk.issues


class _Walk:
    """One pass over the node tree: data, lines and duplicate keys together."""

    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.file = file
        self.lines: dict[FieldPath, int] = {}
        self.issues: list[Issue] = []
        self.open: set[int] = set()  # nodes being built, to catch an alias inside itself

    def build(self, node: yaml.Node, path: FieldPath, shown: str = "") -> Any:
        """The data of ``node``; ``shown`` is its path as printed in messages."""
        if not path:
            self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node)
            except ValueError:  # e.g. 2024-02-30 looks like a date but is none: keep the text
                return node.value
        if id(node) in self.open:
            raise yaml.MarkedYAMLError(problem="an alias refers to an entry that contains it",
                                       problem_mark=node.start_mark)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path, shown)
            items = []
            for index, child in enumerate(node.value):
                self.lines[(*path, index)] = child.start_mark.line + 1
                items.append(self.build(child, (*path, index), f"{shown}[{index}]"))
            return tuple(items)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, shown: str) -> dict[Key, Any]:
        mapping: dict[Key, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, (*path, "<key>"))
            if not isinstance(key, Hashable):  # a `? [a, b]` key; the schema will reject it
                key = str(key)
            line = key_node.start_mark.line + 1
            child = f"{shown}.{show(key) if isinstance(key, bool) else key}".lstrip(".")
            if key in mapping:
                first = self.lines[(*path, key)]
                self.issues.append(Rule.DUPLICATE_KEY.issue(self.file, line, child, key=key, first=first))
                continue  # keep the first, as a reader of the file would expect
            self.lines[(*path, key)] = line
            mapping[key] = self.build(value_node, (*path, key), child)
        return mapping
