"""Problems found in the content files, and the one shape they are reported in.

Exception tree::

    Exception
     └── ContentError    the content has at least one error; ``.issues`` lists every problem

Every problem is an :class:`Issue` that prints as::

    <file>:<line>: <field.path>: <what is wrong>. <how to fix it>.

e.g. ``content/questionnaire.yaml:41: items[7].dimension: unknown dimension 'recipocity'.
Use one of: reach, openness, ….`` A problem with no line (a missing file) leaves out
``:<line>``, and one with no field (a YAML syntax error) leaves out ``<field.path>:``.

All wording lives in :class:`Rule`, one template per rule, in the order *what is wrong*
then *how to fix it* (after pyxform's ``errors.py``). Tests build expected messages from
the same templates, so a wording change is made here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

Severity = Literal["error", "warning"]
FILE_LEVEL = "(file)"  # the field path of a problem with a whole file


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in one place of a content file."""

    file: str
    line: int | None
    path: str
    message: str
    hint: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.path:
            where = f"{where}: {self.path}"
        return f"{where}: {self.message}. {self.hint}."


class ContentError(Exception):
    """The content (questionnaire or network map) has errors; ``issues`` holds every error and warning."""

    def __init__(self, issues: tuple[Issue, ...]) -> None:
        self.issues = issues
        errors = sum(1 for i in issues if i.severity == "error")
        lines = "\n".join(f"  {i}" for i in issues)
        super().__init__(f"The content has {errors} error(s):\n{lines}")


@dataclass(frozen=True, slots=True)
class Template:
    """The wording of one rule; ``{name}`` fields are filled in per problem."""

    message: str
    hint: str
    severity: Severity = "error"


class Rule(Enum):
    """Every message the content loader can produce, grouped by layer."""

    # Reading the files.
    FILE_NOT_FOUND = Template("file not found", "Check the content folder: {folder}")
    LANGUAGE_NOT_FOUND = Template("no file for language '{language}'", "Add it, or use one of: {choices}")
    INVALID_LANGUAGE = Template(
        "'{language}' is not a language code", "Use a code such as en, de or pt-BR"
    )
    FILE_TOO_LARGE = Template(
        "the file is {size} bytes, more than the {limit} a content file may hold",
        "Check that this is the right file; real content files are far smaller",
    )
    NOT_UTF8 = Template("the file is not UTF-8 text", "Save it with UTF-8 encoding")
    YAML_SYNTAX = Template(
        "invalid YAML: {problem}", "Check indentation, colons and quotes here and on the line before"
    )
    EMPTY_FILE = Template("the file is empty", "Start it with schema_version: 1")
    NOT_A_MAPPING = Template(
        "expected a mapping of keys at the top, got {got}", "Start the file with schema_version: 1"
    )
    ANCHOR_NOT_ALLOWED = Template(
        "anchors are not allowed (&{name})", "Remove it and write the entry out in full wherever it is used"
    )
    ALIAS_NOT_ALLOWED = Template("aliases are not allowed (*{name})", "Write the entry out in full here")
    TAG_NOT_ALLOWED = Template(
        "tags are not allowed ({tag})", "Remove the tag; put quotes around the value if it is text"
    )
    TOO_DEEP = Template(
        "nested more than {limit} levels deep", "Content needs only a few levels; check the indentation and brackets"
    )
    DUPLICATE_KEY = Template("duplicate key '{key}' (first at line {first})", "Remove or rename one of them")
    SCHEMA_VERSION_MISSING = Template("missing schema_version", "Add schema_version: 1 at the top of the file")
    SCHEMA_VERSION_UNKNOWN = Template(
        "unknown schema_version {value}", "This app reads schema_version 1; convert the file to it"
    )

    # Structure of each file (the schemas in content/schema.py and content/network_schema.py).
    UNKNOWN_KEY = Template("unknown key '{key}'", "Remove it, or use one of: {choices}")
    MISSING_KEY = Template("missing required key '{key}'", "Add it")
    UNKNOWN_VALUE = Template("unknown {field} {value}", "Use one of: {choices}")
    EXPECTED_TEXT = Template("expected text, got {got}", "Put quotes around it, e.g. \"1_5\" or \"yes\"")
    EXPECTED_NUMBER = Template("expected a number, got {got}", "Write a number such as 0.5")
    EXPECTED_WHOLE_NUMBER = Template("expected a whole number, got {got}", "Write a whole number such as 3")
    EXPECTED_BOOLEAN = Template("expected true or false, got {got}", "Write true or false")
    EXPECTED_LIST = Template("expected a list, got {got}", "Write a list, e.g. [a, b]")
    EXPECTED_MAPPING = Template("expected a mapping, got {got}", "Write keys and values, e.g. {{key: value}}")
    EMPTY_LIST = Template("nothing listed", "List at least one entry")
    OUT_OF_RANGE = Template("{value} is outside {low}..{high}", "Use a number from {low} to {high}")
    BELOW_MINIMUM = Template("{value} is below {low}", "Use {low} or more")
    NOT_ABOVE = Template("{value} is not above {low}", "Use a number above {low}")
    INVALID_ID = Template(
        "{value} is not a valid id", "Use lower-case letters, digits and _ only, e.g. reach_size"
    )
    INVALID_GUIDANCE_ID = Template("{value} is not a guidance id", "Use G and two digits, e.g. G05")
    EMPTY_TEXT = Template("the text is empty", "Write the text here")
    INVALID_VALUE = Template("{detail}", "Check this value")

    # Rules across the questionnaire structure (content/rules.py).
    DUPLICATE_ID = Template("duplicate {kind} id '{id}' (first at line {first})", "Give each {kind} its own id")
    UNKNOWN_REFERENCE = Template("unknown {kind} '{id}'", "Use one of: {choices}")
    TOO_FEW_OPTIONS = Template("fewer than two options", "Give it at least two, each with a score from 0 to 1")
    ITEM_IN_NO_STEP = Template("item '{id}' is in no step", "Add it to the items of one step")
    ITEM_IN_TWO_STEPS = Template(
        "item '{id}' is already in step '{step}' (line {first})", "List each item in exactly one step"
    )
    DIMENSION_WITHOUT_ITEM = Template(
        "dimension '{id}' is measured by no item", "Add an item with dimension: {id}, or remove the dimension"
    )
    DIMENSION_WITHOUT_ADVICE = Template("dimension '{id}' has no advice", "Add an advice entry with dimension: {id}")
    AXIS_WITHOUT_DIMENSION = Template("no dimension feeds {axis}", "Give at least one dimension axis: {axis}")
    PROFILE_QUADRANT_TAKEN = Template(
        "profile '{id}' has the same wide: {wide}, deep: {deep} as profile '{other}'",
        "Give each of the four profiles a different combination",
    )
    PROFILE_QUADRANT_MISSING = Template(
        "no profile has wide: {wide}, deep: {deep}", "Add one, so the four profiles cover every combination"
    )
    GRID_TWICE = Template(
        "a second segment grid (the first is item '{first}')", "Keep one segment_grid item: the results read one grid"
    )
    GRID_COLUMNS = Template(
        "{count} column(s), a segment grid needs exactly 2", "Give it a column for breadth, then one for depth"
    )
    GRID_COLUMN_AXIS = Template(
        "column '{column}' measures {dimension}, a {axis} dimension",
        "The first column measures breadth (a width dimension), the second depth (a depth dimension)",
    )
    GUIDANCE_UNMEASURED = Template(
        "guidance '{id}' is measured by no item", "Add {id} to the guidance of an item that measures it"
    )

    # Rules between the structure and a language file.
    LANGUAGE_MISMATCH = Template(
        "language '{value}' does not match the folder {name}", "Set language: {expected}, or rename the folder"
    )
    MISSING_SECTION = Template("missing section '{section}'", "Add it, with the text of each {kind} in {structure}")
    MISSING_TEXT = Template("missing {field} for {what}", "Add it to this file")
    MISSING_OPTIONAL_TEXT = Template("missing {field} for {what}", "Add it; until then it stays blank", "warning")
    TEXT_FOR_UNKNOWN_ID = Template("text for unknown {kind} '{id}'", "Use one of: {choices}, or remove it")
    TEXT_NOT_USED = Template("a {kind} item has no {key}", "Remove it")

    # Interface texts (assessment/text.py): content/<language>/ui/*.yaml.
    TEXT_NOT_TEXT = Template(
        "expected text or plural forms (one, other, …), got {got}", "Write the text, or forms such as one: and other:"
    )
    TEXT_TEMPLATE = Template("the text cannot be filled in: {problem}", "Check its {{placeholders}}")
    TEXT_UNKNOWN_KEY = Template("'{key}' is not a text of the English files", "Remove it, or add it to English first")
    TEXT_PLACEHOLDERS = Template(
        "'{key}' has other placeholders than English", "Use exactly: {expected}"
    )
    TEXT_MISSING_KEY = Template(
        "no translation of '{key}'", "Add it; until then English is shown", "warning"
    )

    # Rules of the network map (network.yaml and <language>/network.yaml, network_rules.py).
    SEGMENTS_DEFINED_ONCE = Template(
        "the segments are defined in {structure}",
        "Remove '{key}' here: the network map uses the questionnaire's segments",
    )
    WEIGHTS_ALL_ZERO = Template("every weight is 0", "Give at least one of them a weight above 0")
    UNKNOWN_PLACEHOLDER = Template("unknown placeholder '{{{name}}}'", "Use only: {choices}")
    BAD_TEMPLATE = Template(
        "the text cannot be filled in ({problem})", "Write a brace as {{{{ or }}}}, and a placeholder as {{name}}"
    )

    def issue(self, file: str, line: int | None, path: str, **fields: Any) -> Issue:
        """This rule's message for one place, with ``fields`` filled in."""
        template: Template = self.value
        return Issue(
            file=file,
            line=line,
            path=path,
            message=template.message.format(**fields),
            hint=template.hint.format(**fields),
            severity=template.severity,
        )


def show(value: Any) -> str:
    """A value as a person wrote it in YAML: strings quoted, containers by kind."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)
