"""Join codes, facilitator keys, the join QR code, opening a workshop and the joining decision
(assessment/room/joining.py), and the words of a refusal (ui/workshops.refusal_text)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
import segno

from assessment.tokens import hash_secret
from assessment.room.joining import (
    CODE_ATTEMPTS,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    LOOKALIKE_GROUPS,
    InvalidJoinCode,
    JoinCodeTaken,
    NoFreeJoinCode,
    Refusal,
    find_for_joining,
    open_workshop,
    format_join_code,
    is_join_code,
    join_qr_svg,
    new_facilitator_key,
    new_join_code,
    normalise_join_code,
    verify_facilitator_key,
)

ALPHABET = tuple("3479ACEFHJKMNPRTWXY")


def refused(typed) -> Refusal:
    with pytest.raises(InvalidJoinCode) as error:
        normalise_join_code(typed)
    return error.value.refusal


# -- the alphabet -------------------------------------------------------------------------

def test_alphabet__has_no_member_of_any_lookalike_group():
    assert not set(JOIN_CODE_ALPHABET) & set("".join(LOOKALIKE_GROUPS))


def test_alphabet__is_uppercase_letters_and_digits_without_repeats():
    assert len(set(JOIN_CODE_ALPHABET)) == len(JOIN_CODE_ALPHABET) == 19
    assert all(c.isdigit() or c.isupper() for c in JOIN_CODE_ALPHABET)


def test_new_join_code__many__are_six_alphabet_characters_and_mostly_distinct():
    codes = [new_join_code() for _ in range(2000)]
    assert all(len(c) == JOIN_CODE_LENGTH == 6 and is_join_code(c) for c in codes)
    # 19**6 ~ 47 million codes: 2000 draws collide with probability ~4 %, so allow one.
    assert len(set(codes)) >= 1999
    # Every character turns up: the draw uses the whole alphabet.
    assert set("".join(codes)) == set(JOIN_CODE_ALPHABET)


def test_format_join_code__six_characters__two_groups_of_three():
    assert format_join_code("K7RWX3") == "K7R WX3"


# -- normalising typed codes ---------------------------------------------------------------

@pytest.mark.parametrize("typed", ["K7RWX3", "k7rwx3", " K7R WX3 ", "k7r-wx3", "K7R_WX3", "k.7.r.w.x.3", "K7R\tWX3\n"])
def test_normalise_join_code__case_spaces_dashes__canonical(typed):
    assert normalise_join_code(typed) == "K7RWX3"


def test_normalise_join_code__its_own_output__unchanged():
    code = new_join_code()
    assert normalise_join_code(format_join_code(code)) == code


@pytest.mark.parametrize("typed", ["", "   ", " - ", None])
def test_normalise_join_code__empty__asks_for_the_code(typed):
    assert refused(typed) == Refusal.of("empty", length=6)


@pytest.mark.parametrize(("typed", "count"), [("K7RWX", 5), ("K7R-WX33", 7), ("https://x/j?K7RWX3", 18)])
def test_normalise_join_code__wrong_length__says_how_many(typed, count):
    assert refused(typed) == Refusal.of("length", length=6, count=count)


def test_normalise_join_code__lookalike_letter__names_it_and_gives_the_alphabet():
    # 'o' as typed, named upper case
    assert refused("k7rwo3") == Refusal.of("lookalike", chars=("O",), alphabet=ALPHABET)


def test_normalise_join_code__several_lookalikes__each_named_once_in_order():
    assert refused("0O10SS").params["chars"] == ("0", "O", "1", "S")


@pytest.mark.parametrize("char", sorted(set("".join(LOOKALIKE_GROUPS))))
def test_normalise_join_code__any_lookalike__is_refused_never_mapped(char):
    assert refused("K7RWX" + char) == Refusal.of("lookalike", chars=(char,), alphabet=ALPHABET)


def test_normalise_join_code__non_latin_or_symbol__asks_to_remove_it():
    assert refused("K7Ré!3") == Refusal.of("character", chars=("é", "!"))


# -- the words of a refusal (ui/workshops.py, content/en/ui/workshop.yaml) --------------------

@pytest.mark.parametrize(("refusal", "text"), [
    (Refusal.of("empty", length=6), "Enter the 6-character join code shown on the screen."),
    (Refusal.of("length", length=6, count=5), "A join code has 6 characters; this has 5. Check the code on the screen."),
    (Refusal.of("lookalike", chars=("O",), alphabet=ALPHABET),
     "Join codes never contain 'O'. Check the code on the screen: it uses only 3 4 7 9 A C E F H J K M N P R T W X Y."),
    (Refusal.of("character", chars=("é", "!")), "Join codes contain only letters and digits; remove 'é' or '!'."),
    (Refusal.of("unknown", code="K7R WX3"),
     "There is no workshop with the code **K7R WX3**. Check the code on the screen and try again."),
    (Refusal.of("closed", title="Team *day*"),
     "The workshop “Team \\*day\\*” is closed: it takes no more answers. Ask the facilitator to reopen it, "
     "or take the assessment on your own from the home page."),
])
def test_refusal_text__english__worded_with_people_text_escaped(refusal, text):
    from ui.workshops import refusal_text

    assert refusal_text(refusal) == text


def test_refusal_text__several_characters__the_languages_list_with_or():
    from ui.workshops import refusal_text

    text = refusal_text(Refusal.of("lookalike", chars=("0", "O", "1", "S"), alphabet=ALPHABET))
    assert text.startswith("Join codes never contain '0', 'O', '1', or 'S'. ")  # CLDR's English "or" list


# -- opening a workshop, and whether a code can be joined -------------------------------------

class FakeDirectory:
    """A store with workshops by code; ``taken`` codes refuse creation (as a clash would)."""

    def __init__(self, *, taken_draws: int = 0, workshops=(), deleted=()):
        self.taken_draws, self.created = taken_draws, []
        self.workshops = {w.code: w for w in workshops}
        self.deleted = set(deleted)

    def create_workshop(self, code, title, note, facilitator_hash):
        if len(self.created) < self.taken_draws:
            self.created.append(None)
            raise JoinCodeTaken(code)
        workshop = SimpleNamespace(code=code, title=title, note=note, hash=facilitator_hash, is_open=True)
        self.created.append(workshop)
        return workshop

    def find_workshop_by_code(self, code):
        return self.workshops.get(code)

    def workshop_code_deleted(self, code):
        return code in self.deleted


def test_open_workshop__codes_taken_twice__third_draw_used_and_only_the_hash_stored():
    store = FakeDirectory(taken_draws=2)
    workshop, secret = open_workshop(store, "Team day", "Room 2")
    assert len(store.created) == 3 and store.created[-1] is workshop
    assert is_join_code(workshop.code) and (workshop.title, workshop.note) == ("Team day", "Room 2")
    assert workshop.hash == hash_secret(secret) and secret not in workshop.hash


def test_open_workshop__every_draw_taken__gives_up_after_the_last_attempt():
    store = FakeDirectory(taken_draws=CODE_ATTEMPTS)
    with pytest.raises(NoFreeJoinCode, match=f"after {CODE_ATTEMPTS} draws"):
        open_workshop(store, "Team day", "")
    assert len(store.created) == CODE_ATTEMPTS


def test_workshop_code_taken__from_storage__is_the_domains_join_code_taken():
    from assessment.storage.errors import StorageError, WorkshopCodeTaken

    assert issubclass(WorkshopCodeTaken, JoinCodeTaken) and issubclass(WorkshopCodeTaken, StorageError)


OPEN = SimpleNamespace(code="K7RWX3", title="Team day", is_open=True)
CLOSED = SimpleNamespace(code="K7RWX3", title="Team day", is_open=False)


@pytest.mark.parametrize(("directory", "typed", "expected"), [
    (FakeDirectory(workshops=[OPEN]), "k7r-wx3", OPEN),
    (FakeDirectory(workshops=[CLOSED]), "K7RWX3", Refusal.of("closed", title="Team day")),
    (FakeDirectory(deleted=["K7RWX3"]), "K7RWX3", Refusal.of("deleted", code="K7R WX3")),
    (FakeDirectory(), "K7RWX3", Refusal.of("unknown", code="K7R WX3")),
    (FakeDirectory(workshops=[OPEN]), "K7RWX", Refusal.of("length", length=6, count=5)),
])
def test_find_for_joining__each_case__the_workshop_or_why_not(directory, typed, expected):
    assert find_for_joining(directory, typed) == expected


# -- facilitator keys ----------------------------------------------------------------------

def test_new_facilitator_key__stores_only_the_sha256_of_the_secret():
    key = new_facilitator_key()
    assert len(key.secret) >= 22  # token_urlsafe(16): 128 bits
    assert key.hash == hash_secret(key.secret) and re.fullmatch(r"[0-9a-f]{64}", key.hash)
    assert key.secret not in key.hash


def test_new_facilitator_key__repr__hides_the_secret():
    key = new_facilitator_key()
    assert key.secret not in repr(key) and key.hash in repr(key)


def test_new_facilitator_key__twice__different():
    assert new_facilitator_key().secret != new_facilitator_key().secret


def test_verify_facilitator_key__right_wrong_and_missing():
    key, other = new_facilitator_key(), new_facilitator_key()
    assert verify_facilitator_key(key.secret, key.hash)
    assert not verify_facilitator_key(other.secret, key.hash)
    assert not verify_facilitator_key(key.secret, None)
    assert not verify_facilitator_key("", key.hash)
    assert not verify_facilitator_key(key.hash, key.hash)  # the hash itself opens nothing


# -- QR code ---------------------------------------------------------------------------------

URL = "https://wide-deep.example.org/join?code=K7RWX3"


def test_join_qr_svg__is_scalable_svg_without_fixed_size():
    svg = join_qr_svg(URL)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "width" not in root.attrib and "height" not in root.attrib
    assert root.attrib["shape-rendering"] == "crispEdges"
    assert re.fullmatch(r"0 0 (\d+) \1", root.attrib["viewBox"])


def test_join_qr_svg__matches_segno_symbol_with_quiet_zone():
    qr = segno.make(URL, error="m", micro=False, boost_error=True)
    svg = join_qr_svg(URL)
    side = qr.symbol_size(border=4)[0]
    # viewBox = modules + 2 * 4 quiet-zone modules (ISO/IEC 18004 asks for 4).
    assert f'viewBox="0 0 {side} {side}"' in svg
    assert side == qr.symbol_size(border=0)[0] + 8
    assert qr.designator.endswith(("M", "Q", "H"))  # at least 15 % error correction


def test_join_qr_svg__dark_on_white():
    svg = join_qr_svg(URL)
    assert 'fill="#fff"' in svg and 'stroke="#000"' in svg


def test_join_qr_svg__same_url__same_svg():
    assert join_qr_svg(URL) == join_qr_svg(URL)


def _dark_modules(svg: str) -> set[tuple[int, int]]:
    """Rasterise segno's path ("M4 4.5h7m3 0h2m-29 1h1…": pen moves, horizontal strokes)."""
    path = ET.fromstring(svg).find("{http://www.w3.org/2000/svg}path[@class='qrline']").attrib["d"]
    x = y = 0.0
    dark = set()
    for op, args in re.findall(r"([Mmh])([-\d. ]+)", path):
        nums = [float(n) for n in args.split()]
        if op == "M":
            x, y = nums
        elif op == "m":
            x, y = x + nums[0], y + nums[1]
        else:
            dark.update((int(x) + i, int(y)) for i in range(int(nums[0])))
            x += nums[0]
    return dark


def test_join_qr_svg__modules__are_exactly_segnos_matrix_for_the_url():
    qr = segno.make(URL, error="m", micro=False, boost_error=True)
    expected = {(c + 4, r + 4) for r, row in enumerate(qr.matrix) for c, v in enumerate(row) if v}
    assert _dark_modules(join_qr_svg(URL)) == expected


def test_join_qr_svg__title__given_words_escaped_for_screen_readers():
    root = ET.fromstring(join_qr_svg(URL, title="Scan <me> & join"))
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Scan <me> & join"
