"""What a page's address says about the article: its date, its site, its headline's words.

News sites put the publication day in the path (`/2025/07/26/`, `/2025/0728/`,
`/20250730/`, `/2025-09/19/`, at the head of an article's number after a letter prefix,
`/yjj2025021200234/`, or only the month, `/2025/09/`) and the headline's words
in the last segment (`/kazakh-leader-backs-chinas-proposal`). The date is the site's own
filing of the article, so it outranks a date printed in the text, which may be the
dateline or an event's; the words help tell the headline from a caption or a menu line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from generator.content.dates import PartialDate
from generator.editors.ingest.folding import fold_lower

_DAY_PATHS = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)[/-](?P<d>[0-3]\d)(?=/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)(?=/)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=/)"),
    re.compile(r"/[a-z]{1,6}(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d*(?=/|$|\.html?$)", re.IGNORECASE),
)
_MONTH_PATH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?=/)")


@dataclass(frozen=True)
class Address:
    """A page's address and what it tells."""

    url: str

    @property
    def host(self) -> str:
        """The site's host without `www.`: the publisher when the page names none."""
        return (urlsplit(self.url).hostname or "").removeprefix("www.")

    @property
    def date(self) -> PartialDate | None:
        """The day (or month) the path files the article under, if it is a real date."""
        path = urlsplit(self.url).path
        for pattern in _DAY_PATHS:
            if match := pattern.search(path):
                try:
                    return PartialDate.parse(f"{match['y']}-{match['m']}-{match['d']}")
                except ValueError:  # /2025/13/45/ is no date
                    continue
        if match := _MONTH_PATH.search(path):
            try:
                return PartialDate.parse(f"{match['y']}-{match['m']}")
            except ValueError:
                return None
        return None

    @property
    def words(self) -> frozenset[str]:
        """The words of the path's last segment that reads as a headline (three words or more)."""
        segments = [unquote(segment) for segment in urlsplit(self.url).path.split("/") if segment]
        for segment in reversed(segments):
            words = [word for word in re.split(r"[-_+\s]+", re.sub(r"\.\w+$", "", segment)) if word.isalpha()]
            if len(words) >= 3:
                return frozenset(fold_lower(word) for word in words)
        return frozenset()

    def likeness(self, line: str) -> float:
        """The share of the headline words of the address that `line` contains."""
        if not self.words:
            return 0.0
        words = {fold_lower(word) for word in re.findall(r"\w+", line)}
        return len(self.words & words) / len(self.words)
