"""Write a synthetic content tree of N articles and registries of a realistic shape.

A briefing desk curating twenty articles a day reaches 10,000 records in about 500 days;
the corpus follows that rhythm: publication dates run from 1 January 2024 at twenty
articles a day. The registries grow with N (200 countries, 300 initiatives, 2,000 people
and 50 organisations at N=10,000), and a few actors are far more cited than the rest, as
in real news: mentions follow a Zipf-like law, so the busiest country appears in about a
tenth of the articles. Each article names several countries, organisations, initiatives
and people, reports events, positions, quotes and figures, and carries a summary of about
200 French words. Everything comes from one seeded random generator: the same N and seed
always give the same bytes.

    python -m benchmarks.make_corpus OUT_DIR --n 10000
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml
from babel import Locale
from slugify import slugify

ARTICLES_PER_DAY = 20
FIRST_DAY = dt.date(2024, 1, 1)
RETRIEVED = dt.date(2026, 11, 23)

_FRENCH = Locale.parse("fr")

_ROLES = ["proposes", "hosts", "signs", "joins", "supports", "supports", "supports", "opposes"]
_STATUSES = ["proposed", "in_preparation", "adopted", "in_force", "ongoing", "abandoned"]
_QUALIFIERS = [None, "more_than", "about", "up_to", "less_than"]
_PUBLISHERS = [
    "French.china.org.cn", "Le Monde", "Le Figaro", "Les Échos", "La Tribune", "Le Temps",
    "Jeune Afrique", "L’Orient-Le Jour", "Le Devoir", "La Presse", "RFI", "France 24",
    "Euractiv", "Contexte", "Le Soir", "La Libre Belgique", "Le Matin", "Hespress FR",
    "Vietnam+", "Le Courrier du Vietnam", "Agence Ecofin", "APS", "Xinhua (fr)", "TV5Monde",
]  # fmt: skip
_OUTLETS: list[dict[str, object]] = [
    {"name": "French.china.org.cn", "country": "CN", "kind": "state_owned_outlet"},
    {"name": "Xinhua", "aliases": ["Xinhua (fr)"], "country": "CN", "kind": "state_news_agency"},
    {"name": "Le Monde", "country": "FR", "kind": "private_outlet"},
    {"name": "RFI", "aliases": ["Radio France internationale"], "country": "FR", "kind": "public_broadcaster"},
    {"name": "France 24", "country": "FR", "kind": "public_broadcaster"},
]
"""The publishers registry: some of the publishers and agencies above; the others are left unlisted, as in
a desk's content before every outlet has its entry."""
_AGENCIES = [None, None, "AFP", "Xinhua", "Reuters", "AP", "ANSA", "Belga"]
_TAGS = [
    "gouvernance de l'IA", "multilatéralisme", "coopération régionale", "transformation numérique",
    "sécurité de l'IA", "régulation", "éthique", "données personnelles", "semi-conducteurs",
    "formation", "recherche", "santé", "défense", "désinformation", "droits humains",
    "fracture numérique", "normes techniques", "investissements", "emploi", "énergie",
    "cybersécurité", "open source", "propriété intellectuelle", "éducation", "climat",
    "commerce", "diplomatie", "Sud global", "innovation", "souveraineté numérique",
]  # fmt: skip
_FIRST_NAMES = [
    "Amina", "Jean", "Li", "Wei", "Fatou", "Carlos", "Ana", "Yuki", "Olga", "Ibrahim", "Sofia",
    "Pierre", "Mariam", "Kwame", "Elena", "Hiroshi", "Priya", "Omar", "Chloé", "Diego",
    "Nadia", "Sergueï", "Aïcha", "Thomas", "Lucía", "Minh", "Kofi", "Ingrid", "Rania", "Paulo",
]  # fmt: skip
_LAST_NAMES = [
    "Diallo", "Martin", "Zhang", "Nguyen", "Silva", "Tanaka", "Ivanova", "Haddad", "Kowalski",
    "Mensah", "García", "Rossi", "Schmidt", "Okafor", "Dubois", "Kim", "Sato", "Petrov",
    "Benali", "Traoré", "Moreau", "Lindqvist", "Costa", "Rahman", "Yilmaz", "Novak", "Lefèvre",
    "Mbeki", "Chen", "Ortega", "Khan", "Fischer", "Nakamura", "Bianchi", "Adeyemi", "Laurent",
]  # fmt: skip
_OFFICES = [
    "ministre du Numérique", "ministre des Affaires étrangères", "Premier ministre", "président de la République",
    "ambassadeur auprès des Nations unies", "secrétaire d'État à l'IA", "porte-parole du gouvernement",
    "directeur de l'agence nationale du numérique", "vice-ministre de l'Industrie", "conseiller spécial",
]  # fmt: skip
_BODIES = ["organisation", "agence", "forum", "conseil", "union", "alliance", "commission", "banque"]
_TOPICS = [
    "l'intelligence artificielle", "la gouvernance des données", "la sécurité de l'IA", "l'IA responsable",
    "l'innovation numérique", "les technologies émergentes", "la coopération numérique", "l'IA en santé",
    "les normes de l'IA", "la recherche en IA", "l'éducation au numérique", "les semi-conducteurs",
]  # fmt: skip
_INITIATIVE_KINDS = [
    "Déclaration", "Charte", "Partenariat", "Initiative", "Programme", "Pacte", "Cadre", "Code",
    "Observatoire", "Forum", "Stratégie", "Alliance",
]  # fmt: skip
_PLACES = [
    "Genève", "Paris", "Pékin", "Shanghai", "Nairobi", "New York", "Singapour", "Séoul", "Astana",
    "Hanoï", "Dakar", "Bruxelles", "Montréal", "Riyad", "Brasilia", "New Delhi", "Tokyo", "Londres",
]  # fmt: skip
_MEASURES = [
    "taille du marché mondial de l'IA", "investissements publics dans l'IA", "nombre de chercheurs formés",
    "part des entreprises utilisant l'IA", "capacité des centres de données", "emplois créés par le numérique",
]  # fmt: skip
_SENTENCES = [
    "{source} rapporte que {country} entend accélérer ses travaux sur {topic}.",
    "Selon la dépêche, {person} a plaidé pour une approche concertée sur {topic}, associant États et entreprises.",
    "Le texte évoque {initiative}, présentée comme un cadre de dialogue entre partenaires.",
    "Les représentants de {country} et de {other} ont échangé sur les risques et les bénéfices liés à {topic}.",
    "L'article souligne que la fracture numérique entre pays du Nord et du Sud reste au cœur des discussions.",
    "{organisation} a rappelé son rôle de coordination et proposé un calendrier de réunions techniques.",
    "Plusieurs délégations ont insisté sur la transparence des systèmes et la protection des données personnelles.",
    "D'après la source, {person} estime que la confiance du public dépend de règles claires et vérifiables.",
    "La rencontre s'est tenue à {place}, en présence d'experts venus d'une vingtaine de pays.",
    "Des programmes de formation destinés aux agents publics et aux étudiants ont été annoncés.",
    "La dépêche mentionne des projets de centres de calcul partagés et de jeux de données ouverts.",
    "Le communiqué final appelle à poursuivre les consultations avant la prochaine session plénière.",
    "{country} dit vouloir contribuer à {initiative} tout en préservant sa souveraineté numérique.",
    "Les participants ont abordé l'usage de l'IA dans la santé, l'agriculture et la gestion de l'eau.",
    "Aucune date n'a été fixée pour l'adoption d'un texte contraignant, précise l'article.",
    "Des observateurs cités par le média jugent ces engagements encore trop généraux.",
    "{other} a salué l'initiative et proposé d'accueillir un futur atelier régional.",
    "Le ministre a insisté sur la nécessité de normes techniques communes et interopérables.",
    "Le média note que les investissements annoncés restent modestes au regard des ambitions affichées.",
    "La question de la sécurité des modèles les plus puissants a occupé une large part des échanges.",
]  # fmt: skip


@dataclass(frozen=True)
class Sizes:
    """How many registry entries of each kind a corpus of N articles has."""

    countries: int
    organisations: int
    initiatives: int
    people: int

    @classmethod
    def for_articles(cls, n: int) -> Sizes:
        return cls(
            countries=min(len(_country_codes()), max(10, round(200 * n / 10_000))),
            organisations=max(5, round(50 * n / 10_000)),
            initiatives=max(8, round(300 * n / 10_000)),
            people=max(20, round(2_000 * n / 10_000)),
        )


def _country_codes() -> list[str]:
    """ISO codes that Babel names in French (so every briefing has a real name)."""
    return sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 in _FRENCH.territories)


class _Zipf:
    """Pick items with probability proportional to 1 / (rank + offset)."""

    def __init__(self, items: list[str], rng: random.Random, offset: float = 2.0) -> None:
        self.items = items
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1 / (rank + offset) for rank in range(len(items))))

    def pick(self, count: int) -> list[str]:
        chosen: dict[str, None] = {}
        while len(chosen) < min(count, len(self.items)):
            point = self.rng.random() * self.cumulative[-1]
            chosen[self.items[bisect.bisect(self.cumulative, point)]] = None
        return list(chosen)


def write_corpus(out: Path, n: int, seed: int = 20_251_123) -> None:
    """Write `out/content/` with `n` articles and their registries; replace any previous corpus."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    sizes = Sizes.for_articles(n)
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)

    countries = sorted(rng.sample(_country_codes(), sizes.countries))
    rng.shuffle(countries)  # the Zipf rank: which countries are most cited
    for code in countries:
        name = _FRENCH.territories[code]
        _write(content / "countries" / f"{code.lower()}.md", {"code": code}, _overview(rng, name))

    for outlet in _OUTLETS:  # no random draw: the rest of the corpus is as it was before publishers
        _write(content / "publishers" / f"{slugify(str(outlet['name']))}.md", outlet, "")

    organisations: list[str] = []
    for index in range(sizes.organisations):
        body, topic = rng.choice(_BODIES), rng.choice(_TOPICS)
        name = f"{body.capitalize()} internationale pour {topic} nº {index + 1}"
        identifier = slugify(f"{body}-{index + 1}")
        organisations.append(identifier)
        meta: dict[str, object] = {
            "name": name,
            "short_name": f"{body[:3].upper()}{index + 1}",
            "kind": f"{body} internationale",
        }
        _write(content / "organisations" / f"{identifier}.md", meta, _overview(rng, name))

    initiatives: list[str] = []
    initiative_names: dict[str, str] = {}
    for index in range(sizes.initiatives):
        kind, topic = rng.choice(_INITIATIVE_KINDS), rng.choice(_TOPICS)
        name = f"{kind} de {rng.choice(_PLACES)} sur {topic} ({index + 1})"
        identifier = slugify(name)
        initiatives.append(identifier)
        initiative_names[identifier] = name
        meta = {
            "name": name,
            "proposer": rng.choice([rng.choice(countries[:20]), rng.choice(organisations)]),
            "status": rng.choice(_STATUSES),
            "announced": f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}",
        }
        _write(content / "initiatives" / f"{identifier}.md", meta, _overview(rng, name))

    people: list[str] = []
    country_of: dict[str, str] = {}
    for index in range(sizes.people):
        name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
        identifier = slugify(f"{name}-{index + 1}")
        people.append(identifier)
        country_of[identifier] = rng.choice(countries)
        meta = {"name": name, "role": rng.choice(_OFFICES), "country": country_of[identifier]}
        if rng.random() < 0.15:
            meta["organisation"] = rng.choice(organisations)
        _write(content / "people" / f"{identifier}.md", meta, _overview(rng, name))

    pick_country, pick_organisation = _Zipf(countries, rng).pick, _Zipf(organisations, rng).pick
    pick_initiative, pick_person = _Zipf(initiatives, rng, offset=5).pick, _Zipf(people, rng, offset=20).pick
    for index in range(n):
        published = FIRST_DAY + dt.timedelta(days=index // ARTICLES_PER_DAY)
        article_countries = pick_country(rng.randint(1, 4))
        article_organisations = pick_organisation(rng.choice([0, 0, 1, 2]))
        article_initiatives = pick_initiative(rng.randint(1, 3))
        article_people = pick_person(rng.randint(1, 3))
        actors = article_countries + article_organisations
        words = slugify(f"{rng.choice(_TOPICS)} {rng.choice(_PLACES)}")
        identifier = f"{published.isoformat()}-{words}-{index + 1}"
        meta = {
            "title": _title(rng, article_countries[0], initiative_names[article_initiatives[0]]),
            "published": published.isoformat(),
            "source": _source(rng, index),
            "countries": article_countries,
            "organisations": article_organisations,
            "initiatives": article_initiatives,
            "people": article_people,
            "events": [
                {
                    "name": f"réunion sur {rng.choice(_TOPICS)}",
                    "date": (published - dt.timedelta(days=rng.randint(0, 3))).isoformat(),
                    "place": rng.choice(_PLACES),
                }
                for _ in range(rng.choice([0, 1, 1, 2]))
            ],
            "positions": [
                {
                    "actor": rng.choice(actors),
                    "initiative": rng.choice(article_initiatives),
                    "role": rng.choice(_ROLES),
                    "date": published.isoformat(),
                    "voiced_by": rng.choice(article_people),
                    "evidence": rng.choice(_SENTENCES).format(**_fillers(rng, article_countries, article_people)),
                }
                for _ in range(rng.choice([0, 1, 1, 2, 3]))
            ],
            "quotes": [
                {
                    "speaker": rng.choice(article_people),
                    "text": rng.choice(_SENTENCES).format(**_fillers(rng, article_countries, article_people)),
                    "language": "fr",
                    "date": published.isoformat(),
                    "reported": rng.random() < 0.5,
                    "initiative": rng.choice(article_initiatives),
                }
                for _ in range(rng.choice([0, 1, 2, 3]))
            ],
            "figures": [
                {
                    "value": rng.choice([12, 150, 4800, 2.5, 37, 1000]),
                    "unit": rng.choice(["milliards de dollars", "%", "millions d'euros", "personnes"]),
                    "measures": rng.choice(_MEASURES),
                    "qualifier": rng.choice(_QUALIFIERS),
                    "year": rng.choice([2025, 2027, 2030, 2033]),
                    "stated_by": rng.choice(article_people),
                }
                for _ in range(rng.choice([0, 0, 1, 2]))
            ],
            "tags": rng.sample(_TAGS, rng.randint(1, 4)),
        }
        meta = {key: value for key, value in meta.items() if value != []}
        body = _summary(rng, article_countries, article_people, article_initiatives, organisations)
        _write(content / "articles" / str(published.year) / f"{identifier}.md", meta, body)


def _title(rng: random.Random, country: str, initiative: str) -> str:
    verb = rng.choice(["soutient", "présente", "discute", "critique", "rejoint", "accueille"])
    return f"{_FRENCH.territories[country]} {verb} : {initiative}"


def _source(rng: random.Random, index: int) -> dict[str, object]:
    source: dict[str, object] = {
        "publisher": rng.choice(_PUBLISHERS),
        "language": rng.choice(["fr", "fr", "fr", "en", "zh"]),
        "retrieved": RETRIEVED.isoformat(),
        "capture": f"{index:06d}_{rng.getrandbits(64):016x}",
    }
    if agency := rng.choice(_AGENCIES):
        source["agency"] = agency
    if rng.random() < 0.6:
        source["url"] = f"https://presse.example.org/{index}/{rng.getrandbits(32):08x}.html"
    return source


def _fillers(rng: random.Random, countries: list[str], people: list[str]) -> dict[str, str]:
    return {
        "source": rng.choice(_PUBLISHERS),
        "country": _FRENCH.territories[rng.choice(countries)],
        "other": _FRENCH.territories[rng.choice(countries)],
        "topic": rng.choice(_TOPICS),
        "person": rng.choice(people).rsplit("-", 1)[0].replace("-", " ").title(),
        "initiative": f"l'initiative sur {rng.choice(_TOPICS)}",
        "organisation": "L'organisation",
        "place": rng.choice(_PLACES),
    }


def _summary(
    rng: random.Random, countries: list[str], people: list[str], initiatives: list[str], organisations: list[str]
) -> str:
    """About 200 French words in two or three paragraphs."""
    sentences: list[str] = []
    while sum(len(sentence.split()) for sentence in sentences) < 200:
        sentences.append(rng.choice(_SENTENCES).format(**_fillers(rng, countries, people)))
    cut = len(sentences) // 2
    return " ".join(sentences[:cut]) + "\n\n" + " ".join(sentences[cut:]) + "\n"


def _overview(rng: random.Random, name: str) -> str:
    topics = rng.sample(_TOPICS, 2)
    return (
        f"{name} figure dans les sources suivies pour ses prises de position sur {topics[0]} "
        f"et sur {topics[1]}. Cette fiche rassemble ce que les articles en rapportent.\n"
    )


def _write(path: Path, meta: dict[str, object], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="project folder; the corpus goes to OUT/content/")
    parser.add_argument("--n", type=int, default=1_000, help="number of articles (default: 1000)")
    parser.add_argument("--seed", type=int, default=20_251_123)
    arguments = parser.parse_args(argv)
    write_corpus(arguments.out, arguments.n, arguments.seed)


if __name__ == "__main__":
    main()
