"""Full names of people in published text: what the rule person-unlisted
(:mod:`advocacy.core.checking.rules.consent`) reads.

Precision matters more than recall: a warning about "New York" or "Product Owner" teaches
writers to ignore warnings, so a name is only a name when it starts with a given name from
``given_names.txt`` and looks like one all the way (no institution or place word after
it, no Title Case heading around it). Danish and English spellings are read alike: æ, ø and
å, hyphenated names (Holm-Jensen), particles (van der, de, von, af) and Mc/Mac/O' surnames.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from advocacy.core.checking.texts import forms

NAMES_FILE = Path(__file__).with_name("given_names.txt")
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿā-ž"  # Latin-1 and Latin Extended-A lower case (é, ü, ł, š ...)
# One capitalised word: Hansen, McCarthy, O'Brien, D'Angelo, Holm-Jensen, Anne-Mette.
_PART = (
    rf"(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][{_LOWER}]+"
    rf"(?:[-‐][{_UPPER}][{_LOWER}]+)*"
)
_PARTICLES = (
    "van",
    "von",
    "de",
    "der",
    "den",
    "del",
    "della",
    "di",
    "da",
    "du",
    "af",
    "la",
    "le",
    "ten",
    "ter",
    "bin",
    "ibn",
    "al",
    "el",
    "dos",
    "das",
)
_GAP = r"[ \t\u00a0]+"
# Two or more capitalised words in a row, particles allowed between them.
_RUN = re.compile(
    rf"(?<![\w@/.#-]){_PART}(?:{_GAP}(?:(?:{'|'.join(_PARTICLES)}){_GAP}){{0,2}}"
    rf"{_PART})+(?![\w@/-])"
)
_WORD = re.compile(rf"(?:(?:{'|'.join(_PARTICLES)}){_GAP})*{_PART}")
_CAPITALISED = re.compile(rf"^[{_UPPER}]")
_LETTERS = re.compile(rf"[{_UPPER}{_LOWER}]+")
# After a name, these make it the name of a thing: "Niels Bohr Institute", "Grace Hopper
# Award", "Victoria Station", "Arne Jacobsen A/S". Before one, they make it a title or a
# place ("Queen Margrethe" is a public figure's title, "Lake Victoria" a lake).
_THINGS = frozenset(
    """
street road avenue lane drive way boulevard square plaza place station airport bridge park
garden gardens hall house tower building center centre hospital clinic university college
school academy institute institut institutet foundation fund trust award awards prize medal
cup day days week month year group team office department ministry agency service services
bureau council committee commission board club society association union party league
democrats republicans church cathedral chapel museum library gallery theatre theater stadium
arena conference summit festival forum expo project program programme platform studio studios
lab labs laboratory bank capital partners consulting company corporation holding holdings
lake river bay beach valley mountain mountains hill hills
forest island islands county city state region harbor harbour canyon falls memorial
monument tech technologies software systems solutions computing language framework cloud
app apps api sdk bot bots dunes reports alert act law bill rule code plan initiative fellowship
scholarship lecture lectures series show podcast radio tv news times post journal review
magazine press books edition effect principle method model theorem syndrome disease test
gade vej vejen allé alle plads pladsen torv torvet skole skolen gymnasium universitet
universitetet hospitalet sygehus kirke kirken havn havnen station stationen fonden
prisen kollegium kommune kommunen region regionen centret centeret huset selskab selskabet
""".split()
)
# A legal form right after a name makes it a company: "Arne Jacobsen A/S", "Hansen & Co".
_LEGAL = frozenset(
    """
a/s aps i/s p/s k/s amba ivs inc inc. ltd ltd. llc llp gmbh plc ag ab oy asa s.a. bv b.v. nv
n.v. co co. corp corp. &
""".split()
)
_TITLES = frozenset(
    """
lake mount saint st san santa fort port cape queen king prince princess dronning kong
prins prinsesse president senator governor mayor minister sir dame lady lord pope
""".split()
)
# Places and other capitalised words that can follow a given name without being a surname.
_PLACES = frozenset(
    """
texas california virginia georgia florida washington york jersey carolina dakota oregon
ohio michigan illinois colorado arizona nevada utah maryland massachusetts pennsylvania
tennessee kentucky alabama louisiana missouri minnesota wisconsin iowa kansas nebraska
oklahoma arkansas mississippi montana idaho wyoming alaska hawaii maine vermont connecticut
delaware indiana denmark danmark sweden sverige norway norge germany tyskland england
britain scotland wales ireland france frankrig spain spanien italy italien poland polen
europe europa america amerika africa afrika asia asien india china japan canada mexico
brazil australia chile peru israel jordan egypt turkey tyrkiet greece
copenhagen københavn kobenhavn aarhus århus odense aalborg esbjerg london paris berlin
stockholm oslo helsinki amsterdam brussels bruxelles chicago boston seattle denver austin
diem capita cent monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december mandag tirsdag onsdag
torsdag fredag lørdag søndag januar februar marts juni juli oktober
""".split()
)
# Capitalised in a Title Case heading, never part of a name.
_FUNCTION = frozenset(
    """
the a an and or of to in on for with at by from as is are was were be this that these those
our your their my his her its we you they it not no but so if then than how why what when
where who new
""".split()
)
_MAX_SURNAMES = 3  # "Anne Holm Jensen Berg" at most; more is a heading or an institution
KnownNames = dict[str, list[frozenset[str]]]  # a word -> the names that have it


@dataclass(frozen=True)
class FoundName:
    """A full name in a text: as written, where it starts, and its words (lower case)."""

    text: str
    start: int
    words: tuple[str, ...]


@functools.cache
def given_names() -> frozenset[str]:
    """The given names (lower case, in every spelling of :func:`forms`), read once."""
    names: set[str] = set()
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines():
        for name in line.split("#", 1)[0].split():
            names.update(forms(name))
    return frozenset(names)


def _given(word: str, names: frozenset[str]) -> bool:
    """Whether ``word`` (as written) is a given name; Anne-Mette by its first part too."""
    lower = word.lower()
    return lower in names or lower.split("-")[0] in names or lower.split("‐")[0] in names


def _title_cased(text: str) -> bool:
    """A heading or a title in Title Case, where capitals say nothing about names: a few
    words, none of them a lower-case word of four letters or more."""
    words = _LETTERS.findall(text)
    return len(words) >= 3 and not any(len(w) >= 4 and not _CAPITALISED.match(w) for w in words)


def find_full_names(text: str) -> Iterator[FoundName]:
    """Full names in ``text``: a given name, perhaps more, then one to three surnames."""
    names = given_names()
    heading: bool | None = None  # most texts have no name: only then is this worked out
    for run in _RUN.finditer(text):
        words = [(m.group(), run.start() + m.start()) for m in _WORD.finditer(run.group())]
        for found in _names_in(text, words, names):
            if heading is None:
                heading = _title_cased(text)
            if heading:
                return
            yield found


def _names_in(
    text: str, words: list[tuple[str, int]], names: frozenset[str]
) -> Iterator[FoundName]:
    """The name in one run of capitalised words, if the run ends with it."""
    for index, (word, start) in enumerate(words):
        if not _given(word, names) or (index and words[index - 1][0].lower() in _TITLES):
            continue
        end = index + 1
        while end < len(words) and _given(words[end][0], names):
            end += 1  # Anne Marie Hansen: more given names
        last = end
        while last < len(words) and last - end < _MAX_SURNAMES and not _thing(words[last][0]):
            last += 1
        # The run must end with the name: a thing after it ("Niels Bohr Institute"), or more
        # capitalised words than a name has, make it something else.
        if last == end or last < len(words):
            return
        if _next_word(text, words[-1][1] + len(words[-1][0])).lower() in _LEGAL:
            return
        final = words[-1]
        yield FoundName(
            text[start : final[1] + len(final[0])], start, tuple(_bare(w) for w, _ in words[index:])
        )
        return


def _thing(word: str) -> bool:
    """A word that is no part of a person's name (Institute, Texas, The)."""
    lower = word.lower()
    return lower in _THINGS or lower in _PLACES or lower in _FUNCTION


def _next_word(text: str, at: int) -> str:
    """The word right after a name ("A/S" after "Arne Jacobsen"), or ""."""
    match = re.match(r"[ \t\u00a0]+([\w/.&-]+)", text[at : at + 40])
    return match.group(1) if match else ""


def _bare(word: str) -> str:
    """A word of a name as compared: lower case, without a genitive 's."""
    return re.sub(r"['’]s?$", "", word.lower())


def name_words(name: str) -> tuple[frozenset[str], ...]:
    """Each spelling of a known person's name as a set of lower-case words (the part before a
    comma: "Lise Holm, Novo" is Lise Holm)."""
    plain = name.split(",", 1)[0]
    return tuple(frozenset(re.findall(r"[\w'’-]+", form)) for form in forms(plain))


def is_known(found: FoundName, known: KnownNames) -> bool:
    """Whether ``found`` is one of the ``known`` names: the same words, some of them left
    out (Mette Hansen for Mette Louise Hansen), a Danish genitive (Hansens), or another form
    of the given name with the same surname (Kate or Katherine, Mike or Michael Cairns)."""
    spellings = [frozenset(f) for f in _spellings(found.words)]
    first, last = _short(found.words[0]), found.words[-1]
    # Only names that share a word with this one can be it: looked up, not walked through.
    for words in {w for mine in spellings for word in mine for w in known.get(word, ())}:
        if any(mine <= words or words <= mine for mine in spellings):
            return True
        if (last in words or last.removesuffix("s") in words) and any(
            _short(w) == first for w in words if w != last
        ):
            return True
    return False


def known_names(names: Iterable[str]) -> KnownNames:
    """People's names (in every spelling, see :func:`name_words`) by each of their words."""
    out: dict[str, list[frozenset[str]]] = {}
    for name in names:
        for words in name_words(name):
            if len(words) >= 2:  # a first name alone says nothing
                for word in words:
                    out.setdefault(word, []).append(words)
    return out


# Short forms that do not begin like the name (Kate, Katherine and Kathy share "kat").
_NICKNAMES = {
    "mike": "mic",
    "bill": "wil",
    "billy": "wil",
    "bob": "rob",
    "bobby": "rob",
    "jim": "jam",
    "jimmy": "jam",
    "dick": "ric",
    "rick": "ric",
    "jack": "joh",
    "peggy": "mar",
    "liz": "eli",
    "beth": "eli",
    "betty": "eli",
    "sue": "sus",
    "ted": "edw",
    "ned": "edw",
    "chuck": "cha",
    "hank": "hen",
    "tony": "ant",
    "sandy": "san",
    "kit": "chr",
    "kris": "chr",
}


def _short(given: str) -> str:
    """What two forms of one given name have in common: its first three letters."""
    return _NICKNAMES.get(given, given[:3])


def _spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The words as written, in the ASCII spellings, and without a Danish genitive s."""
    joined = forms(" ".join(words))
    out = [tuple(j.split()) for j in joined]
    out += [(*w[:-1], w[-1][:-1]) for w in list(out) if w[-1].endswith("s") and len(w[-1]) > 3]
    return out
