"""Who published an article: the site it was saved from and the wire service it credits.

Hand-written because no maintained library names outlets from pasted page
text (trafilatura's `sitename` needs HTML metadata, which is used first when
present). The signals are general page conventions: credit lines
("© KYODO", "(Reuters) -"), bylines ("AP Kyiv"), subscription and staff
notices ("Subscribe to X digital", "by the X staff"), a saved-page date line
("date 2024-06-20  Site Name") and copyright holders; plus a short list of
wire services and news agencies, which is world knowledge, not corpus rules.
Comments and related-article lists are never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.core.models import RemovedBlock

# Wire services and agencies whose copy is republished by other sites.
WIRE_SERVICES = {
    "AP": "AP",
    "Associated Press": "AP",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Reuters": "Reuters",
    "Kyodo": "Kyodo",
    "Kyodo News": "Kyodo",
    "KYODO": "Kyodo",
    "Jiji": "Jiji Press",
    "Jiji Press": "Jiji Press",
    "Yonhap": "Yonhap",
    "NHK": "NHK",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "Ukrinform": "Ukrinform",
    "Bloomberg": "Bloomberg",
    "dpa": "dpa",
    "ANI": "ANI",
    "PTI": "PTI",
    "IANS": "IANS",
    "UPI": "UPI",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "RIA Novosti": "RIA Novosti",
    "CNA": "CNA",
}
_WIRE_NAMES = "|".join(sorted((re.escape(name) for name in WIRE_SERVICES), key=len, reverse=True))
_NAME = r"([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})"

# Credit lines in page furniture, strongest first: (pattern, what it names).
_CREDIT_PATTERNS = [
    (re.compile(rf"^©\s*({_WIRE_NAMES})\b\.?$", re.IGNORECASE), "wire"),  # © KYODO
    (re.compile(rf"^({_WIRE_NAMES})\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$"), "wire"),  # AP Kyiv
    (re.compile(rf"^(?:By\s+)?({_WIRE_NAMES})$"), "wire"),
    (re.compile(rf"^\s*\(?({_WIRE_NAMES})\)?\s*$"), "wire"),
]
_SITE_PATTERNS = [
    re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+(.+)$", re.IGNORECASE),  # saved-page header
    re.compile(rf"\bSubscribe to {_NAME}(?:\s+(?:digital|today|now|for|and)\b)", re.UNICODE),
    re.compile(rf"\bby the {_NAME} staff\b"),
    re.compile(rf"\b{_NAME} Epaper\b"),
    re.compile(rf"\bSupport {_NAME} (?:journalism|today)\b"),
    re.compile(r"\bExplore what ([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)??)(?:\s+AI)? can do\b"),
]
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(.+?)\.?$", re.IGNORECASE)
# Inside the body: the report names the agency it is based on.
_BODY_WIRE = [
    re.compile(rf"\(({_WIRE_NAMES})\)\s*[-–—]"),  # TOKYO (Reuters) -
    re.compile(rf"\b({_WIRE_NAMES})(?: News)? (?:reports|reported|has learned|learned)\b"),
    re.compile(rf"\btold ({_WIRE_NAMES})\b"),
]
READABLE_KINDS = ("metadata", "credit", "caption", "promo", "appeal", "disclaimer", "other")  # never comment/related


@dataclass(frozen=True)
class OutletGuess:
    site: str
    wire: str

    @property
    def label(self) -> str:
        """"Japan Today (Kyodo)", "Business Standard (AP)", "Kyodo (site not named)"."""
        if self.site and self.wire and self.wire.lower() not in self.site.lower():
            return f"{self.site} ({self.wire})"
        if self.site:
            return self.site
        if self.wire:
            return f"{self.wire} (site not named)"
        return "Unknown outlet"


_RIGHTS = re.compile(
    r"[.,;]?\s*(all rights reserved|tous droits réservés|все права защищены|всі права захищені|無断転載.*|版权所有.*|무단.*)\.?$",
    re.IGNORECASE,
)


def _clean_site(name: str) -> str:
    name = _RIGHTS.sub("", re.sub(r"\s+", " ", name)).strip(" .,:;-|")
    name = re.sub(r"\b(Inc|Ltd|LLC|Co|Corp|GmbH|plc)\.?$", "", name).strip(" .,")
    return name[:60]


def guess_outlet(removed, body: str, site_name: str = "") -> OutletGuess:
    """Site and wire named by the page; empty strings when the page does not say."""
    lines = [
        line.strip()
        for block in removed
        if isinstance(block, RemovedBlock) and block.kind in READABLE_KINDS
        for line in block.text.splitlines()
        if line.strip()
    ]
    wire = ""
    for line in lines:
        for pattern, _what in _CREDIT_PATTERNS:
            match = pattern.search(line)
            if match:
                wire = WIRE_SERVICES.get(match.group(1), WIRE_SERVICES.get(match.group(1).title(), match.group(1)))
                break
        if wire:
            break
    if not wire:
        lead = body[:1500]
        for pattern in _BODY_WIRE:
            match = pattern.search(lead)
            if match:
                wire = WIRE_SERVICES.get(match.group(1), match.group(1))
                break

    site = _clean_site(site_name) if site_name else ""
    if not site:
        for pattern in _SITE_PATTERNS:
            for line in lines:
                match = pattern.search(line)
                if match:
                    site = _clean_site(match.group(1))
                    break
            if site:
                break
    if not site:
        for line in lines:
            match = _COPYRIGHT.match(line)
            if match and not re.fullmatch(_WIRE_NAMES, match.group(1).strip(" ."), re.IGNORECASE):
                site = _clean_site(match.group(1))
                break
    return OutletGuess(site=site, wire=wire)
