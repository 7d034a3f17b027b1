"""List the names an article gives that no registry entry answers to.

Two shapes of name are looked for. Runs of capitalised words ("Meridian Safety Network",
"Cho Tae-yul") and acronyms, as English and personal names are written, with the words
that start a sentence or a title ("Selon", "Président") taken off. And French institutional
names, capitalised on their first word only ("la Conférence mondiale sur l'intelligence
artificielle à Shanghai"), found by their head word in the middle of a sentence and read
up to the next verb, preposition of place or punctuation; it may contain a registry name
("Forum de l'avenir de l'ASEAN"), but one that starts inside a registry name is part of
that name, not a new one; one that ends inside a capitalised name is a piece of it. Two
runs joined by "and" are one institution's name when a head word says so ("National
Development and Reform Commission"). A name stays on its line: a capture's lines are a
headline, paragraphs, menu items. These are leads for the editor, not facts: "Central
Asian" will come up too, and the editor ignores it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from generator.editors.ingest.folding import fold, fold_lower, folded_words

_CAPITALISED_RUN = re.compile(
    r"(?<![\w-])(?<!\w['’])(?:[A-ZÀ-ÖØ-Þ][\w-]*\w(?:[^\S\n]+(?:(?:de|du|des|of|the|for|on|pour|sur)[^\S\n]+"
    r"(?:la[^\S\n]+|l['’])?)?[A-ZÀ-ÖØ-Þ][\w-]*\w)+|[A-Z]{3,8}\b)"
)
"""Capitalised words in a row, on one line: a capture's lines are a page's headline, paragraphs and
menu items, and a name that ran on from a headline into the next line would be junk. Not inside a
word, nor after an elision ("l'Organisation"); after an opening quote ("'New Delhi Declaration'"), yes."""
_ACRONYM = re.compile(r"[A-Z]{3,8}")
_LEADING_WORDS = folded_words(
    """a an and at but by for from in on the this that these le la les l un une des du de en et dans par pour
    selon lors après avant mais cette ce ces son sa ses leur leurs il elle ils elles m mme mr mrs ms dr président
    présidente premier première ministre vice-ministre president prime minister secretary general chef porte-parole
    monsieur madame sir lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday république republic"""
)
"""Words that start a sentence or a title rather than a name: "Selon Sun Weidong" is "Sun Weidong"."""
_INSTITUTION = re.compile(
    r"(?<![\w-])(?:Forum|Conférence|Sommet|Organisation|Agence|Conseil|Commission|Comité|Assemblée|Alliance|"
    r"Partenariat|Déclaration|Initiative|Programme|Pacte|Charte|Convention|Traité|Accord|Stratégie|Plan|Code|Fonds|"
    r"Banque|Institut|Réseau|Centre|Observatoire|Union|Association|Fédération|Office)(?![\w-])"
)
_INSTITUTION_MAX_WORDS = 9
_INSTITUTION_STOPS = folded_words(
    """à a au aux et ou est sont était ont qui que dont dans avec lors par selon depuis pendant entre vers chez
    où ce cette ces il elle ils elles se s'est a-t-il"""
)
_INSTITUTION_CONNECTORS = folded_words("de du des d' l' la le les sur pour en")
_LINKING_WORDS = _INSTITUTION_CONNECTORS | folded_words("of for on the and")
"""Words that go on with a name after its head word: "Plan for the …", "Conférence sur l'IA"."""
ORGANISATION_HEADS = folded_words(
    """organization organisation council conseil commission committee comité ministry ministère agency agence union
    association federation fédération institute institut center centre bank banque fund fonds office authority
    autorité group groupe university université secretariat secrétariat alliance coalition network réseau"""
)
INITIATIVE_HEADS = folded_words(
    """initiative declaration déclaration plan pact pacte compact convention convention-cadre treaty traité accord
    agreement strategy stratégie programme program charter charte agenda dialogue process processus resolution
    résolution framework code partnership partenariat summit sommet conference conférence forum mechanism
    mécanisme"""
)
"""The last word of an organisation's or an initiative's name, or the first: "… Commission", "Ministry of …"."""
_AND = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+")
_WORD_BEFORE_AND = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]*\w[^\S\n]+(?:and|&)[^\S\n]+$")
_AND_WORD_AFTER = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+[A-ZÀ-ÖØ-Þ][\w-]*\w(?![\w'’-])(?![^\S\n]+[A-ZÀ-ÖØ-Þ])")
_WORD_BEFORE = 60
"""How far before a run its one word before "and" is looked for: a long capture has thousands of runs."""
_TRAILING_YEAR = re.compile(r"\s+\d{4}$")


class Spans:
    """Which characters of a text some span covers: one byte per character, so each test is one C call.

    Testing every match against every span taken was quadratic, minutes on a long capture.
    """

    def __init__(self, length: int, spans: list[tuple[int, int]] = []) -> None:  # noqa: B006 - never mutated
        self.mask = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) >= 0

    def covers(self, position: int) -> bool:
        return bool(self.mask[position])

    def covers_all(self, start: int, end: int) -> bool:
        return self.mask.find(0, start, end) < 0


def find_new_names(text: str, known: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Return the names outside the `known` spans of `text`, with their counts, most frequent first."""
    found: dict[int, str] = {}
    covered = Spans(len(text), known)
    named = Spans(len(text))
    """The capitalised names found: "Forum Opens", inside "Global AI Governance Forum Opens", is no other name."""
    for start, end in _capitalised_runs(text, covered):
        if covered.overlaps(start, end):
            continue
        words = text[start:end].split()
        while words and fold_lower(words[0].rstrip(".")).strip("'") in _LEADING_WORDS:
            words = words[1:]
        while words and fold_lower(words[-1]) in _LEADING_WORDS:
            words = words[:-1]
        if len(words) >= 2 or (len(words) == 1 and _ACRONYM.fullmatch(words[0])):
            found[start] = " ".join(words)
            named.add(start, end)
    for match in _INSTITUTION.finditer(text):
        start = match.start()
        if start in found or covered.covers(start) or not _mid_sentence(text, start):
            continue
        words, end = _institution_words(text, start)
        if len(words) < 2 or named.covers_all(start, end):
            continue
        if named.covers(start) and words[1][:1].islower() and fold_lower(words[1]) not in _LINKING_WORDS:
            continue  # "Reform Commission said": the end of an English name, and the verb after it
        found[start] = " ".join(words)
    # One entry per name, however its apostrophes are typed and whether or not a year follows it.
    shown: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for _, name in sorted(found.items()):
        key = _TRAILING_YEAR.sub("", fold(name))
        shown.setdefault(key, _TRAILING_YEAR.sub("", name))
        counts[key] += 1
    # Counter keeps first-mention order, and sorted() is stable: ties stay in text order.
    return [(shown[key], count) for key, count in sorted(counts.items(), key=lambda item: -item[1])]


def _capitalised_runs(text: str, known: Spans) -> list[tuple[int, int]]:
    """The spans of the capitalised runs of `text`, two runs joined by "and" into one institution's name.

    "Ministry of Science and Technology", "National Development and Reform Commission", "Belt and
    Road Initiative" are one name when the first run starts with a head word or the second ends with
    one; "Pratik Mathur and Chen Jiachang" stays two, and so do two whole names ("the AI for Good
    Global Summit and World Summit …") and a name "and" a `known` one ("the Ministry of Foreign
    Affairs and China").
    """
    heads = ORGANISATION_HEADS | INITIATIVE_HEADS
    joined: list[tuple[int, int]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, end = match.span()
        first, last = _first_word(text, start, end), _last_word(text, start, end)
        joins = joined and _AND.fullmatch(text, joined[-1][1], start) and not known.overlaps(start, end)
        joins = joins and _last_word(text, *joined[-1]) not in heads  # "… Global Summit and World Summit": two
        if joins and (_first_word(text, *joined[-1]) in ORGANISATION_HEADS or last in heads):
            joined[-1] = (joined[-1][0], end)
            continue
        single = _WORD_BEFORE_AND.search(text, max(0, start - _WORD_BEFORE), start) if last in heads else None
        if single and (not joined or joined[-1][1] <= single.start()) and not known.overlaps(*single.span()):
            start = single.start()  # "Belt and Road Initiative"
        after = _AND_WORD_AFTER.match(text, end) if first in ORGANISATION_HEADS else None
        if after and not known.overlaps(*after.span()):  # "Ministry of Science and Technology"
            end = after.end()
        joined.append((start, end))
    return joined


def _first_word(text: str, start: int, end: int) -> str:
    return fold_lower(text[start:end].split()[0])


def _last_word(text: str, start: int, end: int) -> str:
    return fold_lower(text[start:end].split()[-1])


def _mid_sentence(text: str, position: int) -> bool:
    """A capital after a lowercase word or an elision ("la Conférence", "l'Organisation")."""
    before = position
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before > 0 and (text[before - 1].islower() or text[before - 1] in "'’")


_WORD = re.compile(r"\S+")


def _institution_words(text: str, start: int) -> tuple[list[str], int]:
    """The words of an institution's name from `start`, and where they end: stop at punctuation, a verb, a
    preposition of place or the end of the line."""
    words: list[tuple[str, int]] = []
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    for match in itertools.islice(_WORD.finditer(text, start, line_end), _INSTITUTION_MAX_WORDS):
        bare = match[0].rstrip('.,;:!?»)"')
        if not bare or fold_lower(bare) in _INSTITUTION_STOPS:
            break
        words.append((bare, match.start() + len(bare)))
        if bare != match[0]:
            break
    while words and fold_lower(words[-1][0]) in _INSTITUTION_CONNECTORS:
        words.pop()
    return [word for word, _ in words], words[-1][1] if words else start
