"""The people on a network map and who knows whom, checked and frozen.

A roster is built from plain rows (a table editor's records) and name pairs, so it fits session
state and JSON. Every problem is collected and reported at once as a ``RosterProblem``: a code,
where it is (``contacts[3].stage``) and the numbers and values a sentence needs; the UI words it
(``content/en/ui/network.yaml``, ``network.problem.<code>``), e.g. ``option_unknown`` at
``contacts[3].stage`` with ``{"row": 4, "field": "stage", "value": "x"}``.

Decisions:
- names are stripped, inner whitespace is collapsed, and they may not be empty or longer
  than ``limits.max_name_length`` (rejected, not cut: a cut name could collide with another);
- names must be unique, ignoring case, so who-knows-whom pairs can name people and the map's
  labels can be told apart (two "JS" become "JS" and "JS2");
- a row with every cell empty is skipped (a table editor's fresh row);
- a contact's ``id`` is its row's index, so ids match the ``contacts[i]`` of problems (``row`` is
  that index + 1, as a person counts);
- ties name people (ignoring case); self-ties and unknown names are errors, duplicates and
  reversed duplicates collapse into one;
- a person's segment is never asked: it follows from their field, organisation and level
  (``segment_of``), so "Own field" can never sit beside "Different from mine". A ``segment`` in a
  row (maps saved before this rule) is accepted and ignored;
- someone added by name only gets ``NEW_PERSON``'s choices, which the person then corrects.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from assessment.network.content import FIELD_IDS, NetworkContent

WHERE = "roster"
# The fields asked about each person: every field but the segment, which follows from them.
ASKED_FIELDS = tuple(f for f in FIELD_IDS if f != "segment")
COLUMNS = ("name",) + ASKED_FIELDS
LEGACY_COLUMNS = ("segment",)  # in maps saved before the segment was derived: accepted, ignored
# A person's segment from the facts asked about them: the first rule that holds (field, options,
# segment). One segment per person, as the map draws one sector per segment. Crossing your
# organisation is asked first, then crossing your field, then rank: the order in which the
# articles weigh openness (G09-G11: reach outside your organisation and field first). Someone of
# your field, in your organisation, with no rank between you sits in "Own field".
SEGMENT_RULES = (
    ("organisation", ("other_org",), "outside_org"),
    ("field", ("different",), "other_fields"),
    ("level", ("senior",), "senior"),
    ("level", ("junior",), "junior"),
    ("level", ("peer",), "peers"),
)
SEGMENT_OTHERWISE = "own_field"
# What someone added by name only starts with (one tap each to change): same field, same
# organisation, same level (so "Peers"); trusts your work, would probably do you a favour, seen
# this quarter, nobody has helped anybody yet. A middle ring, never a deep tie by default.
NEW_PERSON = {"field": "same", "organisation": "same_org", "level": "peer", "stage": "credibility",
              "favour": "probably", "last_contact": "quarter", "giving": "neither"}
NAME_SEPARATOR = ","
# Every code a RosterProblem can carry (the UI has a sentence for each: network.problem.<code>).
PROBLEM_CODES = (
    "too_many", "map_full", "not_a_person", "unknown_column", "name_empty", "name_not_text", "name_too_long",
    "name_on_map", "name_used", "option_missing", "option_unknown", "tie_not_a_pair", "tie_unknown_person",
    "tie_self", "too_many_ties", "line_too_long",
)


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """One thing wrong with a roster or a new person: ``code`` names the rule, ``path`` the place
    (``contacts[3].stage``, ``ties[0][1]``, ``name``), ``params`` what a sentence about it needs
    (``row`` and ``field`` ids, the value given, a limit). No words: the UI writes them."""

    code: str
    path: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:  # for logs and developers, never shown as it is
        shown = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{WHERE}: {self.path}: {self.code}" + (f" ({shown})" if shown else "")


class RosterError(ValueError):
    """A roster has problems; ``problems`` lists every one (``str(problem)`` is a developer's line)."""

    def __init__(self, problems: Iterable[RosterProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True, slots=True)
class Contact:
    """One person on the map. Field values are option ids of content/network.yaml."""

    id: int
    name: str
    segment: str
    field: str
    organisation: str
    level: str
    stage: str
    favour: str
    last_contact: str
    giving: str


@dataclass(frozen=True, slots=True)
class Roster:
    """Contacts, and who knows whom as sorted id pairs ``(a, b)`` with ``a < b``."""

    contacts: tuple[Contact, ...] = ()
    ties: tuple[tuple[int, int], ...] = ()

    def contact(self, contact_id: int) -> Contact:
        return next(c for c in self.contacts if c.id == contact_id)


def roster_from_rows(
    rows: Iterable[Mapping[str, Any]],
    ties: Iterable[Any],
    content: NetworkContent,
) -> Roster:
    """Check rows of ``{"name": …, "segment": …, …}`` and name pairs; raise RosterError if any problem."""
    rows, ties = list(rows), list(ties)
    too_many = size_problems(rows, ties, content)
    if too_many:  # refused before any work per row or pair: 12,000 rows cost one count
        raise RosterError(too_many)
    problems: list[RosterProblem] = []
    contacts, names = _contacts(rows, content, problems)
    pairs = _ties(ties, names, problems)
    if problems:
        raise RosterError(problems)
    return Roster(contacts=tuple(contacts), ties=pairs)


def size_problems(rows: list[Any], ties: list[Any], content: NetworkContent) -> list[RosterProblem]:
    """More people than ``limits.max_contacts`` or more pairs than they can form: the checks made
    where rows enter (an import, the table, ``roster_from_rows``), before any work that grows with them."""
    problems: list[RosterProblem] = []
    people = sum(1 for row in rows if not (isinstance(row, Mapping) and all(map(_blank, row.values()))))
    most = content.max_contacts
    if people > most:
        problems.append(RosterProblem("too_many", "contacts", _params(count=people, most=most, remove=people - most)))
    most_pairs = most * (most - 1) // 2
    if len(ties) > most_pairs:
        problems.append(RosterProblem("too_many_ties", "ties", _params(count=len(ties), most=most_pairs)))
    return problems


def table_edits_fit(edits: Any, base_count: int, content: NetworkContent) -> bool:
    """Whether a table editor's edits (``{"edited_rows": {row: …}, "added_rows": […], "deleted_rows": […]}``,
    as a browser sends them) stay within ``limits.max_contacts`` people. Checked before the edits are
    applied: applying 3,000 added rows took 90 s and 1.5 GB in one rerun."""
    if edits is None:
        return True
    if not isinstance(edits, Mapping):
        return False
    edited, added, deleted = (edits.get(k) or c() for k, c in
                              (("edited_rows", dict), ("added_rows", list), ("deleted_rows", list)))
    if not (isinstance(edited, Mapping) and isinstance(added, list) and isinstance(deleted, list)):
        return False
    if len(edited) > base_count or len(deleted) > base_count or len(added) > content.max_contacts:
        return False
    return base_count - len(set(map(str, deleted))) + len(added) <= content.max_contacts


def filled_rows(rows: Iterable[Any]) -> list[Mapping[str, Any]]:
    """The rows that are not blank (a table editor's fresh row has every cell empty)."""
    return [r for r in rows if isinstance(r, Mapping) and not all(map(_blank, r.values()))]


def new_contact_problems(
    rows: Iterable[Mapping[str, Any]], new: Mapping[str, Any], content: NetworkContent
) -> tuple[RosterProblem, ...]:
    """Why ``new`` cannot join ``rows`` (an add-a-person form), one problem each, paths without a row.

    Blank rows in ``rows`` do not count. The name may be rejected (empty, too long, already on
    the map, ignoring case); every field left blank is named; a full map refuses anyone new.
    Params may hold the name: escape it before markdown.
    """
    kept = filled_rows(rows)
    problems: list[RosterProblem] = []
    if len(kept) >= content.max_contacts:
        problems.append(RosterProblem("map_full", "contacts", _params(most=content.max_contacts)))
    issues: list[RosterProblem] = []
    name = _name(new.get("name"), "name", content, issues, {"field": "name"})
    taken = {" ".join(r["name"].split()).casefold() for r in kept if isinstance(r.get("name"), str)}
    if issues:
        problems.append(issues[0])
    elif name is not None and name.casefold() in taken:
        problems.append(RosterProblem("name_on_map", "name", _params(field="name", name=name)))
    for f in ASKED_FIELDS:
        _option(new.get(f), f, content.field(f).ids(), problems, {"field": f})
    return tuple(problems)


def segment_of(values: Mapping[str, Any]) -> str:
    """The segment of someone with these field values (``SEGMENT_RULES``, first that holds)."""
    return next((segment for f, options, segment in SEGMENT_RULES if values.get(f) in options), SEGMENT_OTHERWISE)


def names_from_line(line: Any, rows: Iterable[Mapping[str, Any]], content: NetworkContent
                    ) -> tuple[tuple[str, ...], tuple[RosterProblem, ...]]:
    """The names in one line of quick add ("Ana, Bo, Cy"), each as a new person would be checked,
    and why any is refused (then nobody is added: the line stays to be corrected).

    The line is a widget value, so it can be anything a client sends: it is refused by its length
    before it is split (the most a full map's names and separators can take), and no more names
    are read than the map has room for."""
    kept = filled_rows(rows)
    room = content.max_contacts - len(kept)
    longest = content.max_contacts * (content.max_name_length + 2)
    if not isinstance(line, str) or len(line) > longest:
        size = len(line) if isinstance(line, str) else 0
        return (), (RosterProblem("line_too_long", "name", _params(length=size, most=longest)),)
    parts = [p for p in (" ".join(part.split()) for part in line.split(NAME_SEPARATOR)) if p]
    if not parts:
        return (), (RosterProblem("name_empty", "name", _params(field="name")),)
    if len(parts) > room:
        return (), (RosterProblem("map_full", "contacts", _params(most=content.max_contacts)),)
    names: list[str] = []
    problems: list[RosterProblem] = []
    for part in parts:
        found = [p for p in new_contact_problems([*kept, *({"name": n} for n in names)],
                                                 {"name": part, **NEW_PERSON}, content)]
        problems.extend(found)
        if not found:
            names.append(part)
    return (tuple(names), ()) if not problems else ((), tuple(problems))


def ties_among(rows: Iterable[Any], ties: Iterable[Any]) -> list[list[str]]:
    """The pairs of ``ties`` whose two names are on ``rows`` (ignoring case and spacing): a pair of
    someone removed or renamed elsewhere, or of a map file's unknown name, is dropped, not reported,
    since no list of pairs is shown where it could be corrected."""
    on_map = {" ".join(r["name"].split()).casefold() for r in filled_rows(rows) if isinstance(r.get("name"), str)}
    return [list(p) for p in ties if isinstance(p, (list, tuple)) and len(p) == 2
            and all(isinstance(n, str) and " ".join(n.split()).casefold() in on_map for n in p)]


def new_person(name: str) -> dict[str, Any]:
    """The row of someone added by name only: ``NEW_PERSON``'s choices, to be corrected."""
    return {"name": " ".join(name.split()), **NEW_PERSON}


def _contacts(rows: list[Any], content: NetworkContent, problems: list[RosterProblem]) -> tuple[list[Contact], dict]:
    """The valid contacts, and ``casefolded name -> (id, name)`` of every well-named row (for ties)."""
    kept = [(i, row) for i, row in enumerate(rows) if not (isinstance(row, Mapping) and all(map(_blank, row.values())))]
    contacts: list[Contact] = []
    first_by_name: dict[str, tuple[int, str]] = {}  # casefolded name -> (id, name)
    for index, row in kept:
        path, at = f"contacts[{index}]", {"row": index + 1}
        if not isinstance(row, Mapping):
            problems.append(RosterProblem("not_a_person", path, _params(**at, got=type(row).__name__)))
            continue
        for key in row:
            if key not in COLUMNS and key not in LEGACY_COLUMNS:
                problems.append(RosterProblem("unknown_column", f"{path}.{key}", _params(**at, column=str(key))))
        name = _name(row.get("name"), f"{path}.name", content, problems, {**at, "field": "name"})
        if name and name.casefold() in first_by_name:
            problems.append(RosterProblem("name_used", f"{path}.name", _params(
                **at, field="name", name=name, first=first_by_name[name.casefold()][0] + 1)))
        elif name:
            first_by_name[name.casefold()] = (index, name)
        values = {f: _option(row.get(f), f"{path}.{f}", content.field(f).ids(), problems, {**at, "field": f})
                  for f in ASKED_FIELDS}
        if name and all(values.values()):
            contacts.append(Contact(id=index, name=name, segment=segment_of(values), **values))
    return contacts, dict(first_by_name)


def _name(value: Any, path: str, content: NetworkContent, problems: list[RosterProblem],
          at: Mapping[str, Any]) -> str | None:
    name = " ".join(value.split()) if isinstance(value, str) else None
    if _blank(value) or name == "":
        problems.append(RosterProblem("name_empty", path, _params(**at)))
        return None
    if name is None:
        problems.append(RosterProblem("name_not_text", path, _params(**at, got=type(value).__name__)))
        return None
    if len(name) > content.max_name_length:
        problems.append(RosterProblem("name_too_long", path, _params(
            **at, length=len(name), most=content.max_name_length)))
        return None
    return name


def _option(value: Any, path: str, ids: tuple[str, ...], problems: list[RosterProblem],
            at: Mapping[str, Any]) -> str | None:
    if _blank(value):
        problems.append(RosterProblem("option_missing", path, _params(**at)))
        return None
    if value not in ids:
        problems.append(RosterProblem("option_unknown", path, _params(**at, value=str(value))))
        return None
    return value


def _ties(raw: list[Any], names: dict[str, tuple[int, str]], problems: list[RosterProblem]) -> tuple[tuple[int, int], ...]:
    found: set[tuple[int, int]] = set()
    for i, pair in enumerate(raw):
        path, at = f"ties[{i}]", {"pair": i + 1}
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable) or len(pair := tuple(pair)) != 2:
            problems.append(RosterProblem("tie_not_a_pair", path, _params(**at)))
            continue
        ends = []
        for j, who in enumerate(pair):
            end = names.get(" ".join(who.split()).casefold()) if isinstance(who, str) else None
            if end is None:
                problems.append(RosterProblem("tie_unknown_person", f"{path}[{j}]", _params(**at, name=str(who))))
            ends.append(end)
        if None in ends:
            continue
        (a, name), (b, _) = ends
        if a == b:
            problems.append(RosterProblem("tie_self", path, _params(**at, name=name)))
            continue
        found.add((min(a, b), max(a, b)))
    return tuple(sorted(found))


def _blank(value: Any) -> bool:
    """Empty cell: None, blank text, or NaN (what pandas puts in an empty table cell)."""
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))


def _params(**params: Any) -> Mapping[str, Any]:
    return MappingProxyType(params)
