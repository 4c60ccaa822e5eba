"""A YAML content file read into plain data, with the line of every field.

PyYAML's safe loader would give the data but forget where each value was written, would
silently keep the last of two equal keys, and would expand every alias (a "billion laughs"
file of nine nested aliases exhausts memory). So the file is read as a stream of parser
*events* (libyaml when available) and built in one pass, without recursion: mappings as
dicts, sequences as tuples, the line of every path, duplicate keys reported.

Content files need none of YAML's references or types, so anchors, aliases and tags are
refused where they are written, before anything is built from them; so are files above
``MAX_FILE_BYTES`` (checked before reading) and nesting deeper than ``MAX_DEPTH``. Work is
therefore bounded by the size of the file, whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from assessment.errors import FILE_LEVEL, Issue, Rule, show

Key = Union[str, int, float, bool, None]
FieldPath = tuple[Any, ...]

# The largest real content file is 15 kB; 128 kB leaves room for any language and still
# reads in about half a second on this 2-core machine, whatever it holds (bench/content_files.py).
MAX_FILE_BYTES = 128_000
MAX_DEPTH = 32  # the real files nest five levels deep
_PLAIN_KEY = re.compile(r"[\w-]+")  # keys shown as written in a field path
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as the end of a line

try:  # libyaml parses about ten times faster than the pure-Python parser
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)
_STANDARD_TAG = "tag:yaml.org,2002:"
_TEXT_STYLES = frozenset("'\"|>")  # quoted, literal and folded scalars


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
                text += f".{_shown_key(part)}"
                node = node.get(part) if isinstance(node, dict) else None
        return text.lstrip(".")

    def issue(self, rule: Rule, path: FieldPath, **fields: Any) -> Issue:
        return rule.issue(self.file, self.line(path), self.where(path), **fields)


def read_source(path: Path, file: str) -> tuple[Source | None, list[Issue]]:
    """Read ``path``; ``file`` is its name in messages. No source if it cannot be read as content."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Rule.FILE_TOO_LARGE.issue(file, None, FILE_LEVEL, size=f"{size:,}",
                                                    limit=f"{MAX_FILE_BYTES:,}")]
        raw = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None, [Rule.FILE_NOT_FOUND.issue(file, None, FILE_LEVEL, folder=path.parent)]
    return read_text(raw, file)


def read_text(raw: bytes, file: str) -> tuple[Source | None, list[Issue]]:
    """The content of ``raw`` (the bytes of a file named ``file`` in messages)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Rule.NOT_UTF8.issue(file, raw.count(b"\n", 0, error.start) + 1, FILE_LEVEL)]
    loader = _Loader(text)
    try:
        build = _Build(loader, file)
        data = build.run()
    except _Stop:
        return None, build.issues
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = min(mark.line + 1, len(LINE_BREAK.findall(text)) + 1) if mark else None  # libyaml may mark past the end
        return None, [Rule.YAML_SYNTAX.issue(file, line, FILE_LEVEL, problem=error.problem or error.context)]
    except yaml.reader.ReaderError as error:  # a control character; it has a position, not a mark
        line = text.count("\n", 0, error.position) + 1
        return None, [Rule.YAML_SYNTAX.issue(file, line, FILE_LEVEL, problem=str(error).splitlines()[0])]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml's errors are marked; kept for safety
        return None, [Rule.YAML_SYNTAX.issue(file, None, FILE_LEVEL, problem=str(error).splitlines()[0])]
    finally:
        loader.dispose()
    if build.refused:
        return None, build.issues
    if build.root_line is None:
        return None, [Rule.EMPTY_FILE.issue(file, 1, FILE_LEVEL)]
    if not isinstance(data, dict):
        return None, [Rule.NOT_A_MAPPING.issue(file, build.root_line, FILE_LEVEL, got=show(data))]
    return Source(file, data, build.lines), build.issues


def _shown_key(key: Any) -> str:
    """A key in a field path: a plain name as written, any other (``.``, ``a b``, empty) quoted, so the
    path stays readable and never empty."""
    if isinstance(key, bool) or (isinstance(key, str) and not _PLAIN_KEY.fullmatch(key)):
        return show(key)
    return str(key)


@dataclass(slots=True)
class _Open:
    """A mapping or sequence being built: where it is, and (in a mapping) the key read last."""

    value: dict | list
    path: FieldPath
    shown: str
    record: bool  # False inside a key, or the value of a duplicate key: its lines are not the field's
    key: Any = None
    has_key: bool = False
    keep: bool = True  # False while reading the value of a duplicate key
    key_line: int = 0

    def child(self, part: Any) -> tuple[FieldPath, str]:
        if isinstance(self.value, list):
            return (*self.path, part), f"{self.shown}[{part}]"
        return (*self.path, part), f"{self.shown}.{_shown_key(part)}".lstrip(".")


@dataclass(slots=True)
class _Build:
    """One pass over the parser's events: data, lines, duplicate keys and refusals together."""

    loader: Any
    file: str
    lines: dict[FieldPath, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    refused: bool = False  # an anchor, alias, tag or too deep a nesting: the data is not checked further
    root_line: int | None = None
    stack: list[_Open] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def run(self) -> Any:
        loader, result, documents = self.loader, None, 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise yaml.MarkedYAMLError(problem="expected a single document in the file",
                                               problem_mark=event.start_mark)
            elif isinstance(event, _NODE_EVENTS):
                value, done = self._start(event)
                if done:
                    result = self._deliver(value, result)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                closed = self.stack.pop()
                value = tuple(closed.value) if isinstance(closed.value, list) else closed.value
                result = self._deliver(value, result)
        return result

    def _start(self, event: Any) -> tuple[Any, bool]:
        """Check one node's event; a scalar is done at once, a collection opens a frame."""
        line = event.start_mark.line + 1
        path, shown, record = self._where()
        if self.stack and isinstance(event, yaml.ScalarEvent) and path[-1:] == ("<key>",):
            shown = f"{shown}.{event.value}".lstrip(".")  # a key as written: `!!python/name:x key:` is at `key`
        if self.root_line is None:
            self.root_line = line
            self.lines[()] = line
        elif isinstance(self.stack[-1].value, list):
            if record:
                self.lines[path] = line
        elif not self.stack[-1].has_key:
            self.stack[-1].key_line = line
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.aliases:  # once per name: a "billion laughs" file repeats each many times
                self.aliases.add(event.anchor)
                self._refuse(Rule.ALIAS_NOT_ALLOWED, line, shown, name=event.anchor)
            return None, True
        if event.anchor is not None:
            self._refuse(Rule.ANCHOR_NOT_ALLOWED, line, shown, name=event.anchor)
        if event.tag is not None:  # `!!python/object:…`, `!!str`, `!`: quotes say all content needs
            tag = event.tag.replace(_STANDARD_TAG, "!!", 1) if event.tag.startswith(_STANDARD_TAG) else event.tag
            self._refuse(Rule.TAG_NOT_ALLOWED, line, shown, tag=tag)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event), True
        if len(self.stack) >= MAX_DEPTH:
            self._refuse(Rule.TOO_DEEP, line, shown, limit=MAX_DEPTH)
            raise _Stop
        opened = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Open(opened, path, shown, record))
        return None, False

    def _where(self) -> tuple[FieldPath, str, bool]:
        """The path, shown path and recording flag of the node that starts now."""
        if not self.stack:
            return (), "", True
        top = self.stack[-1]
        if isinstance(top.value, list):
            path, shown = top.child(len(top.value))
            return path, shown, top.record
        if not top.has_key:  # a key: problems in it are shown at the mapping's path
            return (*top.path, "<key>"), top.shown, False
        path, shown = top.child(top.key)
        return path, shown, top.record and top.keep

    def _deliver(self, value: Any, result: Any) -> Any:
        """Put a finished value into the collection that holds it (or make it the result)."""
        if not self.stack:
            return value
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
            return result
        if not top.has_key:
            self._key(top, value)
            return result
        if top.keep:
            top.value[top.key] = value
        top.has_key, top.key, top.keep = False, None, True
        return result

    def _key(self, top: _Open, key: Any) -> None:
        try:
            hash(key)
        except TypeError:  # a `? {a: b}` key; the schema will reject it
            key = str(key)
        top.key, top.has_key = key, True
        path, shown = top.child(key)
        if key in top.value:
            top.keep = False
            if top.record:  # keep the first, as a reader of the file would expect
                first = self.lines[path]
                self.issues.append(Rule.DUPLICATE_KEY.issue(self.file, top.key_line, shown, key=key, first=first))
        elif top.record:
            self.lines[path] = top.key_line

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        if event.style in _TEXT_STYLES:  # quoted or a block of text: always text (most of a language file)
            return event.value
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError):  # 2024-02-30 is no date: keep the text
            return event.value
        finally:
            self.loader.constructed_objects.clear()

    def _refuse(self, rule: Rule, line: int, shown: str, **fields: Any) -> None:
        self.refused = True
        self.issues.append(rule.issue(self.file, line, shown or FILE_LEVEL, **fields))


class _Stop(yaml.YAMLError):
    """Raised to stop reading a file nested too deeply; its issue is already listed."""
