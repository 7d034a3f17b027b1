"""Where a briefing's sources come from, in French: "3 sources : 2 médias d’État chinois, 1 média privé marocain".

Each article counts once, by the outlet that published it (`source.publisher`, matched to
content/publishers/). An outlet is named by its kind and its country's adjective; news
agencies and outlets owned by a state are both "médias d’État", as readers group them (the
methodology page lists the six kinds). A briefing whose sources are all of one kind, or all
from one country, says so: the reader should know the picture may be one side's.
Babel has no adjectives of nationality, so they are a table here; a country missing from
it is named in brackets ("média privé (Lituanie)").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.content.schema import PublisherKind
from generator.output.labels import country_name

KIND_LABELS: dict[PublisherKind, str] = {
    PublisherKind.state_news_agency: "agence de presse d’État",
    PublisherKind.state_owned_outlet: "média détenu par un État",
    PublisherKind.public_broadcaster: "audiovisuel public",
    PublisherKind.private_outlet: "média privé",
    PublisherKind.aggregator: "agrégateur ou site miroir",
    PublisherKind.official_source: "source officielle",
}
"""Each kind of outlet in French, for the methodology page."""


@dataclass(frozen=True)
class _Noun:
    singular: str
    plural: str
    feminine: bool = False


_FAMILIES: dict[PublisherKind | None, _Noun] = {
    PublisherKind.state_news_agency: _Noun("média d’État", "médias d’État"),
    PublisherKind.state_owned_outlet: _Noun("média d’État", "médias d’État"),
    PublisherKind.public_broadcaster: _Noun("média public", "médias publics"),
    PublisherKind.private_outlet: _Noun("média privé", "médias privés"),
    PublisherKind.aggregator: _Noun("agrégateur", "agrégateurs"),
    PublisherKind.official_source: _Noun("source officielle", "sources officielles", feminine=True),
    None: _Noun("source non répertoriée", "sources non répertoriées", feminine=True),
}
"""How an outlet is counted: its kind's family; None for a publisher without a registry entry."""

ADJECTIVES: dict[str, tuple[str, str]] = {
    "AE": ("émirien", "émirienne"),
    "AZ": ("azerbaïdjanais", "azerbaïdjanaise"),
    "CA": ("canadien", "canadienne"),
    "CD": ("congolais", "congolaise"),
    "CG": ("congolais", "congolaise"),
    "CH": ("suisse", "suisse"),
    "CN": ("chinois", "chinoise"),
    "CZ": ("tchèque", "tchèque"),
    "DE": ("allemand", "allemande"),
    "FR": ("français", "française"),
    "GB": ("britannique", "britannique"),
    "HK": ("hongkongais", "hongkongaise"),
    "IN": ("indien", "indienne"),
    "JP": ("japonais", "japonaise"),
    "KR": ("sud-coréen", "sud-coréenne"),
    "KW": ("koweïtien", "koweïtienne"),
    "KZ": ("kazakh", "kazakhe"),
    "LA": ("laotien", "laotienne"),
    "LK": ("srilankais", "srilankaise"),
    "MA": ("marocain", "marocaine"),
    "MV": ("maldivien", "maldivienne"),
    "PK": ("pakistanais", "pakistanaise"),
    "RU": ("russe", "russe"),
    "TR": ("turc", "turque"),
    "UA": ("ukrainien", "ukrainienne"),
    "US": ("américain", "américaine"),
    "VN": ("vietnamien", "vietnamienne"),
    "ZA": ("sud-africain", "sud-africaine"),
}
"""French adjectives of the outlets' countries, masculine and feminine singular."""


@dataclass(frozen=True)
class SourceMix:
    """A briefing's sources summed up: the line to show, and the warning when they are all alike."""

    total: int
    line: str
    """ "2 médias d’État chinois, 1 média privé marocain" """
    warning: str | None


Outlet = tuple[PublisherKind | None, str | None]
"""What counts of an article's outlet: its kind (None when it has no registry entry) and its country."""


def source_mix(outlets: list[Outlet]) -> SourceMix:
    """Sum up the outlets of a briefing's articles, one per article."""
    groups = Counter((_FAMILIES[kind], country if kind is not None else None) for kind, country in outlets)
    ordered = sorted(groups.items(), key=lambda item: (-item[1], _label(item[0][0], item[0][1], item[1])))
    line = ", ".join(f"{count} {_label(noun, country, count)}" for (noun, country), count in ordered)
    return SourceMix(len(outlets), line, _warning(outlets, groups))


def _warning(outlets: list[Outlet], groups: Counter[tuple[_Noun, str | None]]) -> str | None:
    if not outlets or any(kind is None for kind, _ in outlets):
        return None
    if len(groups) == 1:
        (noun, country), count = next(iter(groups.items()))
        if count == 1:
            article = "une" if noun.feminine else "un"
            return f"La seule source de cette fiche est {article} {_label(noun, country, 1)}."
        return f"Toutes les sources de cette fiche sont des {_label(noun, country, count)}."
    families = {noun for noun, _ in groups}
    if len(families) == 1:
        return f"Toutes les sources de cette fiche sont des {next(iter(families)).plural}, de plusieurs pays."
    countries = {country for _, country in outlets}
    if len(countries) == 1 and (country := next(iter(countries))) is not None:
        return f"Toutes les sources de cette fiche viennent d’un même pays : {country_name(country)}."
    return None


def _label(noun: _Noun, country: str | None, count: int) -> str:
    words = noun.singular if count == 1 else noun.plural
    if country is None:
        if noun is _FAMILIES[PublisherKind.official_source]:
            return f"{words} {_agree('international', 'internationale', noun.feminine, count)}"
        return words
    if country not in ADJECTIVES:
        return f"{words} ({country_name(country)})"
    masculine, feminine = ADJECTIVES[country]
    return f"{words} {_agree(masculine, feminine, noun.feminine, count)}"


def _agree(masculine: str, feminine: str, is_feminine: bool, count: int) -> str:
    word = feminine if is_feminine else masculine
    if count > 1:
        if word.endswith("al") and not is_feminine:
            return word[:-2] + "aux"
        if not word.endswith(("s", "x")):
            return word + "s"
    return word
