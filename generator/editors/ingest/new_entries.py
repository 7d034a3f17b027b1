"""Tell which of an article's unknown names are people, organisations or initiatives.

`briefings ingest` drafts a registry entry for each one, so the editor reviews an entry
rather than writes it. A wrong draft costs the editor a deletion; a missed person costs a
file to write by hand. So a name is only drafted when the text says what it is:

- a person, when a run of two to four capitalised words is introduced by an office or a
  title ("Chinese Ambassador to the Maldives Kong Xianhua", "le porte-parole de l'ONU,
  Stéphane Dujarric", "M. Xi Jinping") or followed by one, by a possessive office or by
  a verb of speech ("Fu Cong, China's permanent representative", "Wang Changlin, deputy
  head", "Matsumoto Hisashi a déclaré");
- an organisation or an initiative, when the name's head word says so: the last one in
  English ("Council of Europe Framework Convention" is a convention), the first in French
  ("Conseil de l'Europe"), among words every one of which is capitalised, save connectors.

Each keeps the words it was found by, and the sentence, for the draft entry's comment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from slugify import slugify

from generator.content.kinds import INITIATIVE, ORGANISATION, PERSON
from generator.editors.ingest.folding import fold_lower, folded_words
from generator.editors.ingest.new_names import INITIATIVE_HEADS, ORGANISATION_HEADS, Spans

_ROLES = folded_words(
    """president presidente président vice-president premier vice-premier minister ministre vice-ministre
    secretary-general secretary secretaire secrétaire general général spokesperson spokesman spokeswoman
    porte-parole ambassador ambassadeur ambassadrice envoy envoyé envoyée expert laureate lauréat chairman
    chairwoman chair director director-general directeur directrice professor professeur governor gouverneur mayor
    maire chancellor chancelier king roi queen reine prince senator sénateur commissioner commissaire
    representative représentant représentante deputy chief officer ceo founder fondateur m. mme mr mr. mrs ms dr
    sir honorable l'honorable wife husband épouse"""
)
"""Offices and titles that introduce a person's name, in English and French (folded)."""
_SPEECH = re.compile(
    r"\A[ \t]+(?:has[ \t]+|have[ \t]+|also[ \t]+|then[ \t]+)?(?:said|says|stated|declared|announced|noted|stressed|"
    r"emphasi[sz]ed|highlighted|warned|added|told|praised|expressed|voiced|called|urged|countered|indicated|"
    r"explained|underlined|reaffirmed|welcomed|proposed|pointed|argued|a[ \t]+(?:déclaré|dit|souligné|affirmé|"
    r"annoncé|estimé|indiqué|ajouté|rappelé|expliqué|salué|plaidé)|souligne|estime|déclare|affirme)\b"
)
_SAID_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|\bannounced|\bnoted|\bby|\ba[ \t]+déclaré|\ba[ \t]+dit|\ba[ \t]+souligné|\bselon|"
    r"\baccording[ \t]+to)[ \t]*,?[ \t]*\Z",
    re.IGNORECASE,
)
_OFFICE_AFTER = re.compile(
    r"\A[ \t]*,[ \t]*(?:the[ \t]+|l[ae][ \t]+|l['’]|a[ \t]+|an[ \t]+)?"
    r"(?:[a-zà-ÿ]|(?:US|UN|EU)\b|[A-ZÀ-Þ][\w-]*['’]s\b)"
)
_NAME_RUN = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*)+")
_NOT_NAME = folded_words(
    """global world international national regional united nations state states republic people's people government
    council cooperation conference summit initiative development ministry committee commission union forum plan
    convention declaration assembly city university institute agency office artificial intelligence ai digital
    governance security south north east west middle central asia asian europe european pacific foreign affairs
    autonomous party group center centre bank fund association federation dialogue panel action strategy program
    programme agenda goals era solidarity platform service industry authority society coalition event vision
    high-level meeting week news times press post daily new york cold war road belt framework treaty organization
    organisation technology technologies innovation research science scientific economic forum communications
    telecommunication telecommunications automation engineering chinese the la le les des du de of and for on
    cpc ceremony opening session general-assembly monday tuesday wednesday thursday friday saturday sunday lundi
    mardi mercredi jeudi vendredi samedi dimanche january february march april may june july august september
    october november december janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    network réseau laboratory laboratoire laboratories laboratoires safety recherche numérique
    nouvel an year photo source credit crédit envato xinhua reuters afp tass kuna mr mrs ms dr sir m mme"""
)
"""Words that make a run of capitals an institution, a place, a date or a credit, not a person's name."""
_CONNECTORS = folded_words("de du des d' l' la le les of the for on and in pour sur en et à au aux")
_RUN_ON = re.compile(
    r"[(,;:]|\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|dernier|"
    r"dernière|prochain|prochaine)\b",
    re.IGNORECASE,
)
"""Where a name found by its head word has run on into a date or a parenthesis."""
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_WORDS = (2, 4)
_CONTEXT = 48
"""How many characters before a name are searched for the office that introduces it."""
_SENTENCE = re.compile(r"[^.!?\n]*")


@dataclass(frozen=True)
class NewEntry:
    """A name no registry entry answers to, and the kind of entry the text says it is."""

    kind: str
    """The registry folder: people, organisations or initiatives."""
    id: str
    name: str
    found_by: Counter[str] = field(default_factory=Counter)
    """The words the name was found by, as printed, with how often."""
    sentence: str = ""
    """The first sentence it was found in, for the editor to judge."""
    short_name: str | None = None


def find_new_entries(
    text: str, known: list[tuple[int, int]], names: list[tuple[str, int]], language: str | None
) -> list[NewEntry]:
    """The people in `text` outside the `known` spans, then the organisations and initiatives among `names`."""
    people = _people(text, known)
    entries = list(people.values())
    taken = {entry.id for entry in entries}
    for name, count in names:
        entry = _institution(name, count, text, language)
        inside_a_person = entry is not None and any(_within(p.name, entry.name) for p in people.values())
        if entry is not None and entry.id not in taken and not inside_a_person:
            taken.add(entry.id)
            entries.append(entry)
    return entries


def _people(text: str, known: list[tuple[int, int]]) -> dict[str, NewEntry]:
    covered = Spans(len(text), known)
    masked = "".join("#" if covered.covers(index) else character for index, character in enumerate(text))
    people: dict[str, NewEntry] = {}
    for run in _NAME_RUN.finditer(masked):
        words = run[0].split()
        starts = [run.start() + match.start() for match in re.finditer(r"\S+", run[0])]
        roles = [index for index, word in enumerate(words) if fold_lower(word) in _ROLES]
        first = roles[-1] + 1 if roles else 0
        name_words = words[first:]
        end = run.end()
        if name_words and (possessive := _POSSESSIVE.search(name_words[-1])):  # "Narendra Modi's visit": Narendra Modi
            name_words = [*name_words[:-1], name_words[-1][: possessive.start()]]
            end -= len(possessive[0])
        if not _looks_like_a_name(name_words):
            continue
        start = starts[first]
        before, after = text[max(0, start - _CONTEXT) : start], text[end : end + 40]
        introduced = bool(roles) or _office_before(before) or bool(_SAID_BEFORE.search(before))
        followed = bool(_SPEECH.match(after) or _OFFICE_AFTER.match(after))
        if not (introduced or followed):
            continue
        name = " ".join(name_words)
        identifier = slugify(name, max_length=60, word_boundary=True)
        if not identifier:
            continue
        shown = _words_around(text, run.start() if roles else start, end, before=0 if roles else 4)
        entry = people.setdefault(
            identifier, NewEntry(PERSON.folder, identifier, name, Counter(), _sentence_around(text, start))
        )
        entry.found_by[shown] += 1
    return people


def _words_around(text: str, start: int, end: int, before: int) -> str:
    """The name as printed with the words around it that tell what it is, on one line."""
    ahead = text[max(0, start - _CONTEXT) : start].split("\n")[-1].split()
    behind = re.match(r"[^\S\n]*(?:[^\s]+[^\S\n]+){0,4}", text[end : end + 60])
    left = " ".join(ahead[-before:]) + " " if before and ahead else ""
    return " ".join(f"{left}{text[start:end]}{behind[0] if behind else ''}".split())


def _looks_like_a_name(words: list[str]) -> bool:
    low, high = _NAME_WORDS
    if not low <= len(words) <= high or "#" in "".join(words):
        return False
    if any(fold_lower(word.strip("'’.")) in _NOT_NAME for word in words):
        return False
    if all(word.isupper() for word in words) or any(character.isdigit() for word in words for character in word):
        return False
    return all(len(word.strip("'’.")) >= 2 for word in words)


def _office_before(before: str) -> bool:
    """An office among the last words before the name: "spokesperson", "le président kazakhstanais,"."""
    line = before.split("\n")[-1]
    words = [fold_lower(word.strip(',;:()«»"')) for word in line.split()][-4:]
    return any(word in _ROLES for word in words)


def _institution(printed: str, count: int, text: str, language: str | None) -> NewEntry | None:
    name = _RUN_ON.split(printed)[0].strip()
    words = name.split()
    while words and fold_lower(words[-1]) in _CONNECTORS:
        words.pop()
    name = " ".join(words)
    if len(words) < 2 or len(words) > 9:
        return None
    folded = [fold_lower(word) for word in words]
    capitalised = all(word[:1].isupper() or fold in _CONNECTORS for word, fold in zip(words, folded, strict=True))
    if capitalised and folded[-1] not in _CONNECTORS:
        head = _english_head(folded)
    elif language == "fr" and words[0][:1].isupper() and not _ends_with_participle(words[-1]):
        head = folded[0]
    else:
        return None
    if head in ORGANISATION_HEADS:
        kind = ORGANISATION.folder
    elif head in INITIATIVE_HEADS:
        kind = INITIATIVE.folder
    else:
        return None
    identifier = slugify(name, max_length=60, word_boundary=True)
    position = text.find(name)
    acronym = re.match(r"\s*\(([A-Z]{2,8})\)", text[position + len(name) :]) if position >= 0 else None
    return NewEntry(
        kind,
        identifier,
        name,
        Counter({printed: count}),
        _sentence_around(text, position) if position >= 0 else "",
        short_name=acronym[1] if acronym else None,
    )


def _english_head(folded: list[str]) -> str:
    """The last word when it is a head ("… Framework Convention"), else the last head before "of"/"on"/"for"."""
    heads = ORGANISATION_HEADS | INITIATIVE_HEADS
    if folded[-1] in heads:
        return folded[-1]
    prefix = next((folded[:index] for index, word in enumerate(folded) if word in _CONNECTORS), folded)
    return next((word for word in reversed(prefix) if word in heads), "")


def _ends_with_participle(word: str) -> bool:
    """ "Pacte numérique mondial adopté": the name ran on into the verb."""
    return word[:1].islower() and word.endswith(("é", "ée", "és", "ées"))


def _within(name: str, other: str) -> bool:
    return fold_lower(name) in fold_lower(other)


def _sentence_around(text: str, position: int) -> str:
    """The sentence `position` falls in, on one line."""
    start = max(text.rfind(".", 0, position), text.rfind("\n", 0, position)) + 1
    match = _SENTENCE.match(text, position)
    end = match.end() if match else position
    return " ".join(text[start : min(end + 1, len(text))].split())
