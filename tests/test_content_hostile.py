"""Content loaders never hang or explode (issue 9 §2): every hostile file ends in its message.

Each case runs against the four kinds of content file: the questionnaire's structure and
words (checked by ``check_content``) and the network map's structure and words (checked by
``load_network_content``). A file is the real one with one change, so the rest of it is
valid and the case's message is the only one. The old loaders hung on several of these (an
empty network.yaml looped for ever, an alias bomb of nine levels filled the memory): the
``timeout`` marker turns such a hang into a failure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment import check_content
from assessment.content.load import CONTENT_DIR, load_network_content
from assessment.content.source import MAX_DEPTH, MAX_FILE_BYTES
from assessment.errors import ContentError, Rule

pytestmark = pytest.mark.timeout(30)

FILES = ("questionnaire.yaml", "en/questionnaire.yaml", "network.yaml", "en/network.yaml")


def content_with(tmp_path: Path, file: str, text: str | bytes) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    target = folder / file
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def problems(folder: Path, file: str) -> list[str]:
    """Every problem the loader of ``file`` reports."""
    if "network" not in file:
        return [str(i) for i in check_content("en", folder)]
    with pytest.raises(ContentError) as caught:
        load_network_content("en", folder)
    return [str(i) for i in caught.value.issues]


def real(file: str) -> str:
    return (CONTENT_DIR / file).read_text(encoding="utf-8")


def first_line(file: str) -> int:
    """The line of ``schema_version: 1``, the first line of every real file that is not a comment."""
    return real(file).splitlines().index("schema_version: 1") + 1


def expect(folder: Path, file: str, rule: Rule, line: int | None, path: str = "(file)", **fields) -> str:
    return str(rule.issue(str(folder / file), line, path, **fields))


@pytest.fixture(params=FILES)
def file(request) -> str:
    return request.param


def test_content__empty_file__its_own_message(tmp_path, file):
    folder = content_with(tmp_path, file, "")
    assert problems(folder, file) == [expect(folder, file, Rule.EMPTY_FILE, 1)]


def test_content__list_at_the_top__expected_a_mapping(tmp_path, file):
    folder = content_with(tmp_path, file, "- schema_version: 1\n- a\n")
    assert problems(folder, file) == [expect(folder, file, Rule.NOT_A_MAPPING, 1, got="a list")]


@pytest.mark.parametrize("section", ["limits", "plan"])
def test_network_content__section_missing__one_problem_at_the_top(tmp_path, section):
    # The old line lookup never ended for a missing top-level path.
    text = real("network.yaml")
    start = text.index(f"\n{section}:\n") + 1
    end = text.find("\n\n", start)
    folder = content_with(tmp_path, "network.yaml", text[:start] + text[end + 2 if end >= 0 else len(text):])
    assert problems(folder, "network.yaml") == [
        expect(folder, "network.yaml", Rule.MISSING_KEY, first_line("network.yaml"), section, key=section)
    ]


def test_content__anchor_and_alias__refused_where_written(tmp_path, file):
    line = first_line(file)
    text = real(file).replace("schema_version: 1", "schema_version: 1\nsurprise: &shared [a, b]\nagain: *shared", 1)
    folder = content_with(tmp_path, file, text)
    assert problems(folder, file) == [
        expect(folder, file, Rule.ANCHOR_NOT_ALLOWED, line + 1, "surprise", name="shared"),
        expect(folder, file, Rule.ALIAS_NOT_ALLOWED, line + 2, "again", name="shared"),
    ]


def test_content__alias_bomb_of_nine_levels__refused_before_any_expansion(tmp_path, file):
    # Expanded, level 9 would hold 9**9 (387 million) entries; each alias is refused once instead.
    names = "abcdefghi"
    lines = ["schema_version: 1", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip(names, names[1:])]
    folder = content_with(tmp_path, file, "\n".join(lines) + "\n")
    expected = [expect(folder, file, Rule.ANCHOR_NOT_ALLOWED, 2, "a", name="a")]
    for number, (previous, name) in enumerate(zip(names, names[1:]), start=3):
        expected += [expect(folder, file, Rule.ANCHOR_NOT_ALLOWED, number, name, name=name),
                     expect(folder, file, Rule.ALIAS_NOT_ALLOWED, number, f"{name}[0]", name=previous)]
    assert problems(folder, file) == expected


def test_content__recursive_alias__refused_not_a_recursion_error(tmp_path, file):
    folder = content_with(tmp_path, file, "schema_version: 1\nloop: &loop [*loop]\n")
    assert problems(folder, file) == [
        expect(folder, file, Rule.ANCHOR_NOT_ALLOWED, 2, "loop", name="loop"),
        expect(folder, file, Rule.ALIAS_NOT_ALLOWED, 2, "loop[0]", name="loop"),
    ]


def test_content__byte_that_is_not_utf8__refused_at_its_line(tmp_path, file):
    # Latin-1 "é" (0xE9) where UTF-8 expects a continuation byte; the old network loader raised.
    text = real(file).encode("utf-8").replace(b"schema_version: 1\n", b"schema_version: 1\nname: caf\xe9\n", 1)
    folder = content_with(tmp_path, file, text)
    assert problems(folder, file) == [expect(folder, file, Rule.NOT_UTF8, first_line(file) + 1)]


def test_content__python_tag_as_a_value__tags_are_not_allowed_at_its_line(tmp_path, file):
    tagged = "schema_version: 1\nsurprise: !!python/object/apply:os.system [ls]"
    text = real(file).replace("schema_version: 1", tagged, 1)
    folder = content_with(tmp_path, file, text)
    assert problems(folder, file) == [
        expect(folder, file, Rule.TAG_NOT_ALLOWED, first_line(file) + 1, "surprise",
               tag="!!python/object/apply:os.system")
    ]


def test_content__python_tag_as_a_key__reported_at_the_keys_own_line(tmp_path, file):
    # At the end of the file: the old loader reported such a key at the line of its mapping.
    text = real(file).rstrip("\n") + "\n!!python/name:os.system surprise: 1\n"
    folder = content_with(tmp_path, file, text)
    assert problems(folder, file) == [
        expect(folder, file, Rule.TAG_NOT_ALLOWED, text.count("\n"), "surprise", tag="!!python/name:os.system")
    ]


def test_content__file_above_the_size_cap__refused_before_it_is_read(tmp_path, file):
    text = real(file) + "#" * (MAX_FILE_BYTES - len(real(file).encode("utf-8")) + 1)
    folder = content_with(tmp_path, file, text)
    assert problems(folder, file) == [
        expect(folder, file, Rule.FILE_TOO_LARGE, None, size=f"{MAX_FILE_BYTES + 1:,}", limit=f"{MAX_FILE_BYTES:,}")
    ]


def test_content__file_at_the_size_cap__read(tmp_path):
    # A real file filled out with comments to the cap is still a valid file.
    text = real("network.yaml")
    folder = content_with(tmp_path, "network.yaml", text + "#" * (MAX_FILE_BYTES - len(text.encode("utf-8"))))
    assert load_network_content("en", folder) == load_network_content("en")


def test_content__nested_too_deeply__refused_without_recursion(tmp_path, file):
    # 60,000 brackets (under the size cap) would overflow a recursive walk (the old loader's
    # crashed the process); reading stops at the limit.
    folder = content_with(tmp_path, file, "schema_version: 1\nsurprise: " + "[" * 60_000 + "]" * 60_000 + "\n")
    # The top mapping is level 1, the list of `surprise` level 2, its first entry level 3, …:
    # the list at level MAX_DEPTH + 1 is refused, at `surprise` and MAX_DEPTH - 1 indices.
    path = "surprise" + "[0]" * (MAX_DEPTH - 1)
    assert problems(folder, file) == [expect(folder, file, Rule.TOO_DEEP, 2, path, limit=MAX_DEPTH)]


def test_content__two_documents__one_syntax_problem(tmp_path, file):
    folder = content_with(tmp_path, file, real(file) + "---\nschema_version: 1\n")
    line = real(file).count("\n") + 1
    assert problems(folder, file) == [
        expect(folder, file, Rule.YAML_SYNTAX, line, problem="expected a single document in the file")
    ]
