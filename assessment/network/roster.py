"""The people on a network map and who knows whom, checked and frozen.

A roster is built from plain rows (a table editor's records) and name pairs, so it fits session
state and JSON. Every problem is collected and reported at once, one per line, in the project's
shape ``roster: <field.path>: <what is wrong>. <how to fix it>.``, e.g.
``roster: contacts[3].stage: unknown value 'x'. Use one of: visibility, credibility, profitability.``

Decisions:
- names are stripped, inner whitespace is collapsed, and they may not be empty or longer
  than ``limits.max_name_length`` (rejected, not cut: a cut name could collide with another);
- names must be unique, ignoring case, so who-knows-whom pairs can name people and the map's
  labels can be told apart (two "JS" become "JS" and "JS2");
- a row with every cell empty is skipped (a table editor's fresh row);
- a contact's ``id`` is its row's index, so ids match the ``contacts[i]`` of messages;
- ties name people (ignoring case); self-ties and unknown names are errors, duplicates and
  reversed duplicates collapse into one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assessment.errors import Issue
from assessment.network.content import FIELD_IDS, NetworkContent
from assessment.network.loading import network_content

WHERE = "roster"


class RosterError(ValueError):
    """A roster has problems; ``issues`` lists every one (``str(issue)`` is the message line)."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(map(str, self.issues)))


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
    ties: Iterable[Any] = (),
    content: NetworkContent | None = None,
) -> Roster:
    """Check rows of ``{"name": …, "segment": …, …}`` and name pairs; raise RosterError if any problem."""
    content = content or network_content()
    rows, ties = list(rows), list(ties)
    too_many = size_problems(rows, ties, content)
    if too_many:  # refused before any work per row or pair: 12,000 rows cost one count
        raise RosterError(too_many)
    problems: list[Issue] = []
    contacts, names = _contacts(rows, content, problems)
    pairs = _ties(ties, names, problems)
    if problems:
        raise RosterError(problems)
    return Roster(contacts=tuple(contacts), ties=pairs)


def size_problems(rows: list[Any], ties: list[Any], content: NetworkContent) -> list[Issue]:
    """More people than ``limits.max_contacts`` or more pairs than they can form: the checks made
    where rows enter (an import, the table, ``roster_from_rows``), before any work that grows with them."""
    problems: list[Issue] = []
    people = sum(1 for row in rows if not (isinstance(row, Mapping) and all(map(_blank, row.values()))))
    if people > content.max_contacts:
        problems.append(_problem("contacts", f"{people} people listed, the most is {content.max_contacts}",
                                 f"Remove {people - content.max_contacts} of them"))
    most_pairs = content.max_contacts * (content.max_contacts - 1) // 2
    if len(ties) > most_pairs:
        problems.append(_problem("ties", f"{len(ties)} pairs listed, the most {content.max_contacts} people can form "
                                         f"is {most_pairs}", "Remove the pairs listed twice"))
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
    rows: Iterable[Mapping[str, Any]], new: Mapping[str, Any], content: NetworkContent | None = None
) -> tuple[str, ...]:
    """Why ``new`` cannot join ``rows`` (an add-a-person form), one sentence each, labels not ids.

    Blank rows in ``rows`` do not count. The name may be rejected (empty, too long, already on
    the map, ignoring case); every field left blank is named; a full map refuses anyone new.
    Sentences may quote the name: escape them before markdown.
    """
    content = content or network_content()
    kept = filled_rows(rows)
    problems: list[str] = []
    if len(kept) >= content.max_contacts:
        problems.append(f"Your map already holds {content.max_contacts} people, the most it can. "
                        "Remove someone from the table first.")
    issues: list[Issue] = []
    name = _name(new.get("name"), "name", content, issues)
    taken = {" ".join(r["name"].split()).casefold() for r in kept if isinstance(r.get("name"), str)}
    if issues:
        problems.append(f"Name: {issues[0].message}. {issues[0].hint}.")
    elif name is not None and name.casefold() in taken:
        problems.append(f"Name: {name!r} is already on your map. Add a letter or number to tell them apart.")
    for field in content.fields:
        value = new.get(field.id)
        if _blank(value):
            problems.append(f"{field.label}: choose one.")
        elif value not in field.ids():
            problems.append(f"{field.label}: unknown value {value!r}. Choose one of the options.")
    return tuple(problems)


def _contacts(rows: list[Any], content: NetworkContent, problems: list[Issue]) -> tuple[list[Contact], dict]:
    """The valid contacts, and ``casefolded name -> (id, name)`` of every well-named row (for ties)."""
    keys = ("name",) + FIELD_IDS
    kept = [(i, row) for i, row in enumerate(rows) if not (isinstance(row, Mapping) and all(map(_blank, row.values())))]
    contacts: list[Contact] = []
    first_by_name: dict[str, tuple[int, str, str]] = {}  # casefolded name -> (id, name, path)
    for index, row in kept:
        path = f"contacts[{index}]"
        if not isinstance(row, Mapping):
            problems.append(_problem(path, f"expected a mapping of fields, got {type(row).__name__}",
                                     f"Give each person: {', '.join(keys)}"))
            continue
        for key in row:
            if key not in keys:
                problems.append(_problem(f"{path}.{key}", f"unknown field {key!r}", f"Use only: {', '.join(keys)}"))
        name = _name(row.get("name"), f"{path}.name", content, problems)
        if name and name.casefold() in first_by_name:
            problems.append(_problem(f"{path}.name", f"{name!r} is already used by {first_by_name[name.casefold()][2]}",
                                     "Add a letter or number to tell them apart"))
        elif name:
            first_by_name[name.casefold()] = (index, name, path)
        values = {f: _option(row.get(f), f"{path}.{f}", content.field(f).ids(), problems) for f in FIELD_IDS}
        if name and all(values.values()):
            contacts.append(Contact(id=index, name=name, **values))
    return contacts, {key: (i, name) for key, (i, name, _) in first_by_name.items()}


def _name(value: Any, path: str, content: NetworkContent, problems: list[Issue]) -> str | None:
    fix = "Give initials or a nickname"
    if _blank(value):
        problems.append(_problem(path, "empty", fix))
        return None
    if not isinstance(value, str):
        problems.append(_problem(path, f"expected text, got {type(value).__name__} {value!r}", fix))
        return None
    name = " ".join(value.split())
    if not name:
        problems.append(_problem(path, "empty", fix))
        return None
    if len(name) > content.max_name_length:
        problems.append(_problem(path, f"{len(name)} characters, the most is {content.max_name_length}",
                                 "Shorten it to initials or a nickname"))
        return None
    return name


def _option(value: Any, path: str, ids: tuple[str, ...], problems: list[Issue]) -> str | None:
    if _blank(value):
        problems.append(_problem(path, "missing", f"Pick one of: {', '.join(ids)}"))
        return None
    if value not in ids:
        problems.append(_problem(path, f"unknown value {value!r}", f"Use one of: {', '.join(ids)}"))
        return None
    return value


def _ties(raw: list[Any], names: dict[str, tuple[int, str]], problems: list[Issue]) -> tuple[tuple[int, int], ...]:
    found: set[tuple[int, int]] = set()
    for i, pair in enumerate(raw):
        path = f"ties[{i}]"
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable) or len(pair := tuple(pair)) != 2:
            problems.append(_problem(path, f"expected a pair of names, got {pair!r}", "Give two names from the list"))
            continue
        ends = []
        for j, who in enumerate(pair):
            end = names.get(" ".join(who.split()).casefold()) if isinstance(who, str) else None
            if end is None:
                problems.append(_problem(f"{path}[{j}]", f"unknown person {who!r}",
                                         "Use a name from the list of people"))
            ends.append(end)
        if None in ends:
            continue
        (a, name), (b, _) = ends
        if a == b:
            problems.append(_problem(path, f"{name!r} is paired with themself", "Pair two different people"))
            continue
        found.add((min(a, b), max(a, b)))
    return tuple(sorted(found))


def _blank(value: Any) -> bool:
    """Empty cell: None, blank text, or NaN (what pandas puts in an empty table cell)."""
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))


def _problem(path: str, what: str, fix: str) -> Issue:
    return Issue(WHERE, None, path, what, fix)
