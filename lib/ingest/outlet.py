"""Who published an article: the site it was saved from and the wire service it credits.

Hand-written because no maintained library names outlets from pasted page
text (trafilatura's `sitename` needs HTML metadata, which is one signal here,
with an address-like name replaced by the name the page prints).

The site is chosen by weighing evidence, not by a chain of rules: every place
where the page names its publisher is collected as a `SiteSignal` with a weight
for its kind (`_SIGNAL_WEIGHTS`): the HTML metadata, a saved-page header or
"Subscribe to X digital" line, the name after the page's own headline ("Title |
Site", or "Site | Headline" when the name is a paper's), the logo line at the top, the footer's logo
line beside the copyright line, the copyright holder without its legal form
("Telegraph Media Group Limited 2019" -> "Telegraph"; a reprint notice "ссылка на «X» обязательна"),
a footer colophon, a name line between the headline and the date line that names a paper
("Corriere della Sera", "大阪湾新聞") or that the copyright line holds,
self-naming lines in several languages ("More from X", "X homepage" / "X main menu" (the logo
link's labels), "By Jane Doe | X",
"Posted by X Staff", "(X) —" datelines, "X is an independent newspaper", "X may
earn a commission", "Über X", "X has reached out to ... for comment", "Redação X", "来源：X"), the name
over the footer's postal address, a brand-shaped byline ("LinkNaija"), the
address the furniture prints and the name the page spells it with ("wsj.com" ->
"The Wall Street Journal"), the reporter's e-mail domain, its own permalink.
Weak signs ("Follow X on Twitter", "X App", "Source: X", a company's legal name
printed only in legal lines, "Hearst Communications, Inc.", a top line opening a list
printed one item per line, a trending bar or a network's sites) only add to others:
a page whose evidence is weak signs alone gets no name, since a wrong name shows a
report under an outlet that did not publish it. A copyright holder printed nowhere
but in legal lines weighs less: it is often the parent company (one name and a bare legal form,
"StarGazer Pty Ltd", is the brand itself and names the site alone); the author's own "© Jane"
yields to another copyright line. Signals that name the same site (same letters, one holding the other,
a name spelling an address) add up; the weightiest group names the site,
spelled as readers see it; a page whose evidence is too weak gets no name. The metadata's name loses
an edition the page never prints ("RT International" -> "RT" on a page calling itself "RT").
Photo credits, wire agencies, comments and related stories' bylines never name
the site. An address chosen as the name is said as readers say it when the page prints its
label alone twice and the article never uses it as a word ("Marketpulse.com" -> "Marketpulse"); a
one-word name that is also an ordinary word of the article keeps the address's ending ("Space.com").

The wire: a credit line ("© AFP", "(c)聯合ニュース", "AP Paris", "By JANE DOE,
Associated Press", "Copyright 2019 The Associated Press", "Source: AFP"), else the
body's dateline ("(Reuters) -", "【ソウル聯合ニュース】", "/ТАСС/"), read against a
short list of wire services in their own scripts (world knowledge, not corpus
rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.core.models import RemovedBlock
from lib.ingest.extract import signals as sig

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
    "Europa Press": "Europa Press",
    "Agencia EFE": "EFE",
    "Agenzia ANSA": "ANSA",
    "Agência Lusa": "Lusa",
    "Anadolu Agency": "Anadolu",
    "Anadolu": "Anadolu",
    "The Canadian Press": "The Canadian Press",
    "Canadian Press": "The Canadian Press",
    "AAP": "AAP",
    "Lusa": "Lusa",
    "ANP": "ANP",
    "Belga": "Belga",
    "Antara": "Antara",
    "Bernama": "Bernama",
    # Agencies as pages in other languages print them; the label keeps the printed form.
    "共同通信": "共同通信",
    "共同": "共同通信",
    "時事通信": "時事通信",
    "聯合ニュース": "聯合ニュース",
    "連合ニュース": "聯合ニュース",
    "연합뉴스": "연합뉴스",
    "뉴시스": "뉴시스",
    "뉴스1": "뉴스1",
    "ТАСС": "ТАСС",
    "РИА Новости": "РИА Новости",
    "Интерфакс": "Интерфакс",
    "Укрінформ": "Укрінформ",
    "УНІАН": "УНІАН",
    "新华社": "新华社",
    "新華社": "新華社",
    "中新社": "中新社",
    "中央社": "中央社",
}
_WIRE_NAMES = "|".join(sorted((re.escape(name) for name in WIRE_SERVICES), key=len, reverse=True))
_NAME = r"([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})"

# Credit lines in page furniture, strongest first: (pattern, what it names).
_CREDIT_PATTERNS = [
    (re.compile(rf"^©\s*({_WIRE_NAMES})\b\.?$", re.IGNORECASE), "wire"),  # © AFP
    (re.compile(rf"^({_WIRE_NAMES})\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$"), "wire"),  # AP Paris
    (re.compile(rf"^({_WIRE_NAMES}),\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?$"), "wire"),  # "Reuters, Washington,", "PTI, New Delhi"
    (re.compile(rf"^(?:By\s+)?(?:The\s+)?({_WIRE_NAMES})$"), "wire"),  # "By The Associated Press"
    # A reporter of the agency: "By JANE DOE, Associated Press", "By Jane Doe | AP" ("Al Goldis, Associated
    # Press" without "By" credits a photo).
    (re.compile(rf"^(?:By|Por|Von|Par|Di|Door)\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*){{1,3}}\s*(?:,|\||/)?\s+(?:The\s+)?({_WIRE_NAMES})$"), "wire"),
    # The agency's own copyright on its story: "Copyright 2019 The Associated Press. All rights reserved."
    (re.compile(rf"^(?:Copyright\s*)?(?:©\s*)?(?:Copyright\s*)?(?:19|20)\d{{2}}\s+(?:The\s+)?({_WIRE_NAMES})\b(?!\s+(?:Photo|Images))"), "wire"),
    # "저작권자 © 연합뉴스 무단 전재-재배포 금지", "版权所有 © 新华社": the agency's notice under its story.
    (re.compile(rf"^(?:저작권자|版权所有|版權所有|著作権)\s*(?:©|ⓒ|\(c\))\s*(?:(?:19|20)\d{{2}}\s*)?({_WIRE_NAMES})"), "wire"),
    # "Source: AFP", "Quelle: dpa", "— AFP"
    (re.compile(rf"^(?:(?:Source|Sources|Quelle|Fuente|Fonte|Fonti|Источник|Джерело|来源|來源|出典|출처|ที่มา)\s*[:：]\s*|[-–—]\s*)({_WIRE_NAMES})\.?$"), "wire"),
    (re.compile(rf"^\s*\(?({_WIRE_NAMES})\)?\s*$"), "wire"),
    # The site's newsroom with an agency's copy: "Le Monde avec AFP", "tagesschau.de mit dpa", "Redacción con EFE".
    (re.compile(rf"^(?:[^\W\d][^|]{{0,50}}?\s)?(?:avec|mit|con|com)\s+(?:l['’])?({_WIRE_NAMES})(?:\s+(?:et|und|y|e)\s+\S.{{0,30}})?$"), "wire"),
    # "Tom Krisher, AP Auto Writer", "Jane Doe, Associated Press correspondent"
    (re.compile(rf"^[A-Z][\w.'’ -]{{2,40}},\s+(?i:({_WIRE_NAMES}))(?:\s+\w+)?\s+(?i:writer|correspondent|reporter|editor)$"), "wire"),
]
_SITE_PATTERNS = [
    re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+(.+)$", re.IGNORECASE),  # saved-page header
    re.compile(rf"\bSubscribe to {_NAME}(?:\s+(?:digital|today|now|for|and)\b)", re.UNICODE),
    re.compile(rf"\bby the {_NAME} staff\b"),
    re.compile(rf"\b{_NAME} Epaper\b"),
    re.compile(rf"\bSupport {_NAME} (?:journalism|today)\b"),
    re.compile(r"\bExplore what ([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)??)(?:\s+AI)? can do\b"),
]
# A paid tier sold under the site's name ("Subscribe to Marketpulse Pro today"): the site is the name before it.
_PREMIUM_TIER = re.compile(r"(?i)(?<=\w)\s+(?:pro|plus|premium|prime|gold|unlimited|digital|insider|select)$")
_COPYRIGHT = re.compile(
    r"^(?:Copyright\s*)?(?:©|\(c\)|Copyright|@)\s*(?:(?:©|\(c\)|Copyright)\s*)?(?:\d{4}(?:\s*[-–—]\s*\d{4})?)?"
    r"\s*(?:(?:©|\(c\))\s*)?(?:[,·•|:]\s*|[-–—]\s+)?(.+?)\.?$",
    re.IGNORECASE,
)  # "© 2019 X", "Copyright © 2019 X", "© Copyright 2019 X", "© 1999—2019 X", "Copyright 2019 © X", "© 2019 · X"
# A reservation of rights printed before the sign: "Все права защищены © 2019 Коммерсантъ".
# A photo's credit: a photo agency, or "AGENCY/PHOTOGRAPHER" ("EPA-EFE/JEON HEON-KYUN", "POOL/AFP").
_PHOTO_CREDIT = re.compile(
    r"(?i)^\s*(?:Getty(?: Images)?|Shutterstock|Alamy|EPA(?:-EFE)?|iStock(?:photo)?|Depositphotos|Unsplash|Pexels|"
    r"AP Photo|AFP Photo|Reuters Photo|Imago|dpa(?: picture-alliance)?|picture alliance)\b|^[^/\s]{2,30}/[A-Z]|"
    r"\bPhotography\b"
)
_RIGHTS_FIRST = re.compile(
    r"(?i)^(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|все права защищены|всі права захищені|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
    r"(?:all )?(?:site )?contents?|text and (?:images|photos)|版权所有|版權所有|저작권자|著作権|無断転載[^©]{0,30}?[。.]?|สงวนลิขสิทธิ์)"
    r"[.,:]?\s*(?=©|\(c\)|copyright)"
)
# Inside the body: the report names the agency it is based on.
_BODY_WIRE = [
    re.compile(rf"\(((?i:{_WIRE_NAMES}))\)\s*[-–—]"),  # TOKYO (Reuters) -, "SANTANDER, 12 (EUROPA PRESS) -"
    # "Kyodo News reports", "NHK has learned": the story is the agency's. "NHK reported" usually
    # cites another outlet's report inside a story of one's own, so it is not read.
    # ("according to AP reports", "citing Reuters reports" cite the agency's reports: not read.)
    re.compile(rf"(?<!according to )(?<!citing )(?<!cited )\b({_WIRE_NAMES})(?: News)? (?:reports|has learned|learned)\b"),
    re.compile(rf"\btold ({_WIRE_NAMES})\b"),
    re.compile(rf"【[^】]{{0,12}}?({_WIRE_NAMES})】"),  # 【ソウル聯合ニュース】
    re.compile(rf"^(?:[^\W\d][^,\n]{{1,30}}[,.]\s+)?[^\n]{{0,20}}?/({_WIRE_NAMES})/"),  # ПЕКИН, 3 сентября. /ТАСС/.
    # The agency's dateline in the forms its own copy prints it at the story's start:
    re.compile(rf"(?m)^[^\n]{{0,40}}?\(({_WIRE_NAMES})\)\s*\.\s*[-–—]"),  # "Madrid, 23 oct (EFE).-"
    re.compile(rf"(?m)^[^\n]{{0,40}}?[(\[][^()\[\]=\n]{{1,12}}=({_WIRE_NAMES})[)\]]"),  # "(서울=연합뉴스) 김민수 기자 =", "[광주=뉴시스]"
    re.compile(rf"(?m)^[^\n]{{0,30}}\d[^\n]{{0,12}}?\s[-–—]\s+({_WIRE_NAMES})\.\s"),  # "МОСКВА, 23 окт — РИА Новости. ..."
    re.compile(rf"(?m)^[（(]?({_WIRE_NAMES})[^\n，,。（）()]{{0,20}}?\d{{1,2}}日[电電]"),  # "新华社北京12月28日电", "（中央社記者王明台北28日電）"
]
READABLE_KINDS = ("metadata", "credit", "caption", "promo", "appeal", "disclaimer", "other")  # never comment/related


@dataclass(frozen=True)
class OutletGuess:
    site: str
    wire: str

    @property
    def label(self) -> str:
        """"The Harbour Times (AP)", "Example Daily (Reuters)", or the agency alone ("AP") when the page
        does not name the site that carried it: the name a reader uses, as every page shows it."""
        if self.site and self.wire and self.wire.lower() not in self.site.lower():
            return f"{self.site} ({self.wire})"
        if self.site:
            return self.site
        if self.wire:
            return self.wire
        return "Unknown outlet"


_RIGHTS = re.compile(
    r"[.,;]?\s*(all rights reserved|tous droits réservés|все права защищены|всі права захищені|alle rechte vorbehalten|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|無断転載.*|版权所有.*|版權所有.*|"
    r"禁止转载.*|未经.*|สงวนลิขสิทธิ์.*|무단.*)\.?$",
    re.IGNORECASE,
)


# A lower-case word saying what kind of site the name is ("Inexhibit magazine", "Harbour Times online"):
# a description after the brand, not part of the name readers say.
_KIND_OF_SITE = re.compile(r"(?<=\w)\s+(?:magazine|blog|online|website|web site|newspaper|webzine|e-paper|news site)$")


def _clean_site(name: str) -> str:
    name = _RIGHTS.sub("", re.sub(r"\s+", " ", name)).strip(" .,:;-|")
    name = re.sub(r"\b(Inc|Ltd|LLC|Co|Corp|GmbH|plc)\.?$", "", name).strip(" .,")
    name = _KIND_OF_SITE.sub("", name)
    return name[:60]


# Words of page chrome that are never a site's name, whatever line they sit on.
_UI_WORDS = re.compile(
    r"(?i)\b(?:skip|menu|search|sign|log ?in|subscribe|home|navigation|close|advertisement|cookies?|toggle|"
    r"content|newsletter|account|register|share|follow|edition|breaking|live tv|watch live|latest|trending|more)\b"
)
_LEGAL_TAIL = re.compile(
    r"(?i)(?:,?\s+(?:a division of|part of|owned by|or its affiliated companies|and its (?:licensors|affiliates)|"
    r"all rights reserved|is not responsible|designed by|powered by|reproduction)\b.*$|,\s+an?\s+[A-Z].*$)"
)
_CORPORATE = re.compile(
    r"(?i)(?:\s+|,\s*)(?:inc|ltd|llc|l\.l\.c|l\.?p|co|corp|corporation|company|gmbh|plc|limited|s\.a|se|ag|s\.?p\.?a|"
    r"kg|gmbh (?:&|und) co\.? kg|s\.?l|s\.?l\.?u|s\.?a\.?s|s\.?a\.?r\.?l|s\.?r\.?l|a/s|as|ab|oy|oü|sp\. z o\.o|"
    r"b\.?v|n\.?v|pty|pvt|k\.?k|media group|media network|network|communications|interactive|holdings|group|digital|"
    r"publishing|publishers|media|news media|news (?:&|and) media|newspapers?|internet ventures|ventures|enterprises|"
    r"internet|broadcasting|broadcast|television|pte|public company|public limited company|pcl|"
    r"verlag|verlagsgesellschaft|mbh|sa|sas|ltda|eireli|s\.?r\.?o|sdn\.? bhd|bhd|tbk|"
    r"comunicações|comunicacoes|comunicaciones|comunicazioni)\.?$"
    r"|(?:\s+)(?:UK|US|USA)$"  # a regional company ("Sky UK"), not the brand readers name
)
# A web address as pages print it: in a link, an e-mail, a "Source: X.com" line, a saved-page URL.
# Group 1: the scheme or "www." (they make any host an address), 2: the host, 3: the path.
_ADDRESS = re.compile(
    r"(?i)(?<![\w.-])((?:https?://)?(?:www\.)?)((?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,})(?![\w-])(/[^\s]*)?"
)
# Without a scheme, "www." or a path, only these endings make a dotted word an address ("U.S", "St.Louis" are not).
_ADDRESS_ENDINGS = frozenset(
    "com net org info news tv biz de fr ru ua jp kr cn it id br in uk es pt pl nl be ch at ca au mx ar cl co th tw hk sg "
    "my ph vn tr gr cz se no dk fi ie nz za ng ke il eu".split()
)
_TWO_PART_ENDINGS = frozenset("co.uk com.br co.jp co.kr com.au co.in".split())


def _addresses(text: str):
    """(host, path) of each address printed in `text`, "www." left out; path is "" when none."""
    for match in _ADDRESS.finditer(text):
        host = match.group(2).lower()
        if match.group(1) or match.group(3) or host.rsplit(".", 1)[-1] in _ADDRESS_ENDINGS:
            yield host, match.group(3) or ""


def _is_address(text: str) -> bool:
    """The whole text is one address ("www.example.com/news", "Chosunonline.com")."""
    match = _ADDRESS.fullmatch(text.strip())
    return bool(match) and next(_addresses(text.strip()), None) is not None


def _address_label(host: str) -> str:
    """The label a site is named by: "nytimes" for "www.nytimes.com", "express" for
    "express.co.uk", "cnn" for "edition.cnn.com"."""
    parts = host.lower().removeprefix("www.").split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in _TWO_PART_ENDINGS:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def _letters(text: str) -> str:
    return re.sub(r"[^\w]", "", text).casefold()


def _page_lines(removed, body: str) -> list[str]:
    lines = [line.strip() for block in removed for line in block.text.splitlines() if line.strip()]
    return lines + [line.strip() for line in body.split("\n") if line.strip()]


_SKIP_LINK = re.compile(r"(?i)^(?:skip to|jump to|zum inhalt|aller au contenu|перейти к)\b")
_HOME_LINK = re.compile(r"(?i)\s+[-–|]\s+(?:back to )?home(?: ?page)?$")
# A button above the logo: "Menu", "Search", "Sign in", "Subscribe", "Open navigation".
_CHROME_LINE = re.compile(
    r"(?i)^(?:(?:open|close|toggle|main|show)\s+)?(?:menu|search|sign in|sign up|log ?in|subscribe|navigation|"
    r"account|my account|register|close|open)(?:\s+(?:menu|search|navigation))?$"
)
# A tagline after the logo on the same line: "Harbour Times — Your local news", "Harbour Times | since 1888".
_TAGLINE = re.compile(r"\s+[|–—-]\s+(?=[^|–—]*$)(?:[^\s]+\s+)*?(?:[a-z0-9][^|–—]*)$")
# The link to the home page that opens a menu, in the app's languages.
_HOME_WORD = re.compile(
    r"(?i)^(?:home ?page|startseite|accueil|portada|inicio|início|página inicial|pagina iniziale|hoofdpagina|"
    r"الرئيسية|الصفحة الرئيسية|главная(?: страница)?|головна(?: сторінка)?|首页|首頁|主页|主頁|トップページ|ホーム|홈|หน้าแรก|หน้าหลัก|trang chủ|beranda|"
    r"menü|menú|rubriken|ressorts|rubriques|secciones|разделы|розділи|(?:все|всі) новини|все новости|новини|новости|"
    r"стрічка новин|лента новостей|актуальное|актуальне)$"
)
# Section and kicker labels news sites print over a headline, in the app's languages (a logo image
# leaves the label as the page's first line). "World News" is a section; "Sky News" a site.
_SECTION_WORDS = (
    r"world|local|national|international|business|economy|politics|asia|asia pacific|europe|americas|africa|"
    r"middle east|uk|us|australia|analysis|exclusive|live|live updates|opinion|science|science & tech|tech|technology|"
    r"health|sport|sports|culture|entertainment|lifestyle|markets|climate|environment|weather|breaking|latest|"
    r"wirtschaft|politik|panorama|kultur|ausland|inland|wissen|regional|économie|société|monde|politique|culture|"
    r"sociedad|economía|mundo|internacional|política|cultura|deportes|economia|esteri|cronaca|"
    r"світ|економіка|політика|суспільство|мир|экономика|политика|общество|в мире|"
    r"国際|経済|政治|社会|国际|经济|国內|國際|經濟|국제|경제|정치|사회|ต่างประเทศ|เศรษฐกิจ|การเมือง|สังคม|"
    r"أخبار|اقتصاد|سياسة|رياضة|محليات|دولي|عربي وعالمي|ثقافة"
)
# Menu labels of the site's other pages and services, which a paste opens with as often as the logo
# when the logo is an image ("Games", "Today's Paper", "Shopping Cart", "Spiele", "Jeux", "Juegos").
_MENU_WORDS = (
    r"explore|discover|games|puzzles|crosswords?|shopping(?: cart)?|cart|basket|coupons|shop|store|"
    r"(?:[\w-]+\s+)?(?:reviews|deals|guides|picks|buying guides?)|odds|betting|scores|standings|schedule|fixtures|results|stats|"
    r"events|jobs|careers|obituaries|obits|classifieds|real estate|cars|autos|motoring|travel|food|recipes|style|fashion|beauty|"
    r"books|horoscopes?|comics|puzzles & games|today's paper|e-?edition|e-?paper|print edition|newsletters?|watch|magazine|"
    r"all sections|sections|topics|donate|get the app|apps?|tips|traffic|coronavirus|covid-19|notifications|alerts|settings|"
    r"popular|most popular|featured|for you|wellness|personal finance|money|investing|crypto|education|music|movies|film|"
    r"tv|television|celebrity|royals|parenting|pets|gaming|gadgets|phones|podcasts?|video|videos|photos|gallery|"
    r"spiele|rätsel|stellenmarkt|immobilien|reise|ratgeber|jeux|emploi|immobilier|voyage|juegos|empleo|viajes|giochi|"
    r"lavoro|viaggi|jogos|emprego|viagens|игры|работа|недвижимость|путешествия|ігри|робота|нерухомість|"
    r"ゲーム|求人|旅行|グルメ|게임|채용|여행|游戏|招聘|旅游|เกม|ท่องเที่ยว"
)
_SECTION_LABEL = re.compile(
    rf"(?i)^(?:{_SECTION_WORDS}|{_MENU_WORDS})(?:\s+(?:news|nachrichten|actualités|noticias|новини|новости))?$"
)
_NAME_PARTICLES = {
    "de", "del", "der", "la", "le", "of", "the", "and", "und", "et", "y", "e", "da", "do", "dos", "di",
    "della", "delle", "dei", "du", "des", "van", "von", "al", "el",
}


_MASTHEAD_REACH = 8  # lines from the top: a skip link, today's date and a row of buttons may come before the logo


def _masthead_name(removed, zones: tuple[str, ...], title: str) -> str:
    """The site's name printed as the page's first line (its logo text), or "".

    Only the first line above the headline past a saved-page URL, a skip link, today's date and
    buttons ("Menu", "Search", "Subscribe", "Sign in") is looked at, and only a short name-shaped
    line: menus, dates and sentences are not names.
    """
    for position, block in enumerate(removed[:_MASTHEAD_REACH]):
        if position >= len(zones) or zones[position] != "top":
            return ""
        line = block.text.strip().splitlines()[0].strip() if block.text.strip() else ""
        if _saved_address(line) or _SKIP_LINK.match(line) or _CHROME_LINE.match(line) or sig.is_date_line(line) or _consent_line(line):
            continue  # the page's URL saved with it, the skip link, a "Menu" button, today's date, a cookie banner: the name comes next
        if _opens_a_repeated_menu(removed, position):
            return ""  # "Platform" / "Features" / ... printed again in that order: a menu's first item, the logo being an image
        if len(line.split()) == 1 and not _is_address(line) and (position + 1 >= len(zones) or zones[position + 1] != "top"):
            return ""  # one word right above the headline ("Isère", "Business"): the section's label as often as the logo
        line = _HOME_LINK.sub("", line)  # "The Guardian - Back to home": the logo's link text
        line = _TAGLINE.sub("", line)  # "Harbour Times — Your local news": the logo and its tagline
        parts = re.split(r"\s+[|–—-]\s+", line)
        if len(parts) == 2 and _UI_WORDS.search(parts[1]) and not _UI_WORDS.search(parts[0]):
            line = parts[0]  # "Fox News - Breaking News Updates"
        elif len(parts) == 2 and len(parts[0].split()) <= 3 and len(parts[1].split()) >= 2:
            line = parts[0]  # "RFI - Radio France Internationale", "Mizzima | News in Burmese": the logo, then its motto
        words = line.split()
        if (
            # (a line the cleaner counts in a cookie banner's or an offer's block above it is no offer by itself)
            (block.kind in ("other", "credit", "metadata", "navigation") or (block.kind == "promo" and not sig.is_promo(line)))
            and 1 <= len(words) <= 5
            and len(line) <= 40
            and line != title
            # (a breadcrumb's arrow in any script: "経済 ＞ 農業", "Home › World"; "0Shopping Cart": a counter)
            and not re.search(r"\d{1,2}[:./]\d|(?:19|20)\d{2}|[|｜>»·•/°＞›〉》→]|[.!?:,]$|^\d+[A-Z]", line)
            and not _UI_WORDS.search(line)
            and not (sig.is_nav_word(line) and not _is_address(line))  # "Home", "English", "Politics": menu labels
            and not sig.is_related_marker(line)  # "Останні новини", "Most popular": a list's heading
            and not _HOME_WORD.match(line)  # "Startseite", "Accueil", "หน้าแรก": a menu's first item, not a logo
            and not _SECTION_LABEL.match(line)  # "Asia Pacific", "Wirtschaft": the section's label over the headline
            # A name of several words is proper nouns: one starting in lower case ("Zurück zur Übersicht")
            # makes it a label. A one-word brand may be lower case ("tagesschau"); elided particles
            # ("L'Echo d'Algérie") are part of names.
            and not (
                len(words) > 1
                and any(
                    word[:1].islower() and word.lower() not in _NAME_PARTICLES and not re.match(r"[a-z]{1,3}['’]", word)
                    for word in words
                )
                # Cyrillic names capitalise their first word only ("Українська правда", "Новая газета").
                and not (len(words) <= 3 and re.match(r"[А-ЯЁІЇЄҐ]", words[0]) and all(re.match(r"[А-ЯЁІЇЄҐа-яёіїєґ]", w) for w in words))
            )
        ):
            return line
        return ""
    return ""


# The buttons of a cookie-consent banner: "Accept all cookies", "Reject all", "Alle akzeptieren", "Accepter et fermer".
_CONSENT_BUTTON = re.compile(
    r"(?i)^(?:accept|reject|decline|agree|allow|manage|customi[sz]e|got it|ok|okay|i agree|i accept|continue without accepting|"
    r"alle akzeptieren|akzeptieren|ablehnen|zustimmen|accepter(?: et fermer)?|tout accepter|refuser|continuer sans accepter|"
    r"aceptar|rechazar|aceitar|rejeitar|accetta|accetto|rifiuta|принять|отклонить|прийняти|погоджуюсь|同意する|동의|同意|ยอมรับ)"
    r"(?:\s+(?:all|alle|tout|todo|todas|tutti|cookies?|preferences|settings|options|and close))*[.!]?$"
)


def _consent_line(line: str) -> bool:
    """A line of a cookie-consent banner: its notice, a button, or a short label about cookies or privacy."""
    return sig.is_consent_notice(line) or bool(_CONSENT_BUTTON.match(line)) or (
        len(line.split()) <= 4 and bool(sig.consent_topic(line))
    )


def _saved_address(line: str) -> bool:
    """The line is a web address saved with the page ("https://example.com/news/a-story", "www.example.com");
    a bare "example.de" is the logo's text, as some sites print their name."""
    match = _ADDRESS.fullmatch(line.strip())
    return bool(match) and bool(match.group(1) or match.group(3))


def _opens_a_repeated_menu(removed, position: int) -> bool:
    """The line at `position` and the two after it are printed again in the same order elsewhere on
    the page: the first items of a menu the page shows twice (header and footer, or a mobile copy),
    not a logo followed by a menu."""
    run = [block.text.strip() for block in removed[position : position + 3]]
    if len(run) < 3:
        return False
    texts = [block.text.strip() for block in removed]
    return any(texts[start : start + 3] == run for start in range(len(texts) - 2) if start != position)


# A footer colophon without the copyright sign: "Como Educar Seus Filhos · 2013–2019" (the
# dash of the range is often lost in a paste: "20132019").
_COLOPHON = re.compile(
    r"^((?:[A-ZÀ-Ö][\w'’&.-]*|de|da|do|dos|das|di|del|la|le|of|the|and|e|y)(?:\s+(?:[A-ZÀ-Ö][\w'’&.-]*|de|da|do|dos|das|di|del|la|le|of|the|and|e|y)){0,5})"
    r"\s*[·|•–-]\s*(?:19|20)\d{2}(?:\s*[-–]?\s*(?:19|20)\d{2})?$"
)


def _colophon_name(removed) -> str:
    """The name of a footer colophon line ("Como Educar Seus Filhos · 2013–2019"), or "" (menus,
    related lists and comments are not read: "World Cup - 2019" there is a link)."""
    for block in removed:
        if block.kind not in READABLE_KINDS:
            continue
        for line in block.text.splitlines():
            match = _COLOPHON.match(line.strip())
            if match and match.group(1)[:1].isupper() and not re.search(r"\d", match.group(1)):
                return _clean_site(match.group(1))
    return ""


_SLUG_WORD = re.compile(r"[^\W\d_]{3,}")
_MIN_SLUG_WORDS = 3


def _permalink_host(page_lines: list[str], title: str) -> str:
    """The host of an address printed on the page whose path spells the headline
    ("kabarislamia.com/2015/03/30/jangan-membenci-satu-kaum-secara-berlebihan/" under "Jangan Membenci
    Satu Kaum Secara Berlebihan"): the page's own permalink. "" when none does."""
    title_words = {word.lower() for word in _SLUG_WORD.findall(title)}
    if len(title_words) < _MIN_SLUG_WORDS:
        return ""
    for line in page_lines:
        for host, path in _addresses(line):
            slug_words = {word.lower() for word in _SLUG_WORD.findall(path)}
            shared = title_words & slug_words
            if len(shared) >= _MIN_SLUG_WORDS and len(shared) >= 0.6 * len(title_words):
                return host
    return ""


def _reader_name(name: str, page_lines: list[str]) -> str:
    """The name as readers use it: "Telegraph" printed as "The Telegraph" on the page (a line of its
    own, or inside a sentence) becomes that."""
    if not name or name.lower().startswith("the "):
        return name
    alone = re.compile(rf"^The {re.escape(name)}$")  # a line of its own: a logo or a credit
    # Inside a sentence, a capital "The" belongs to the name ("subscribe to The Telegraph's
    # newsletter"); at a sentence start it says nothing ("The BBC is not responsible").
    inside = re.compile(rf"(?<=[a-z,;] )The {re.escape(name)}\b")
    return f"The {name}" if any(alone.match(line) or inside.search(line) for line in page_lines) else name


# Addresses of platforms every page links to (share buttons, embeds, shorteners): never the site's own.
_PLATFORM_DOMAINS = frozenset(
    "facebook.com twitter.com x.com t.co instagram.com youtube.com youtu.be linkedin.com pinterest.com whatsapp.com "
    "wa.me t.me telegram.me telegram.org reddit.com google.com goo.gl apple.com tiktok.com vk.com ok.ru weibo.com "
    "line.me kakao.com tumblr.com flipboard.com bit.ly ow.ly wordpress.com wordpress.org blogspot.com gravatar.com "
    "disqus.com addthis.com sharethis.com amazon.com pic.twitter.com feedburner.com mailchimp.com".split()
)


def _page_domain(removed, page_lines: list[str]) -> tuple[str, int, str]:
    """The address the page's own furniture prints most ("© 2019 example.com", "tips@example.com",
    "example.com/a?a=474"), platforms and related lists and comments aside: (domain, times printed,
    the name the page prints for it or ""); ("", 0, "") when none. Of the three most printed, one the
    page names wins."""
    counts: dict[str, int] = {}
    for block in removed:
        if not isinstance(block, RemovedBlock) or block.kind in ("comment", "related"):
            continue
        for domain, _path in _addresses(block.text):
            if domain not in _PLATFORM_DOMAINS and not any(domain.endswith("." + p) for p in _PLATFORM_DOMAINS):
                counts[domain] = counts.get(domain, 0) + 1
    if not counts:
        return "", 0, ""
    # An advertiser's address can be printed as often: the site's own is the one the page names.
    ranked = sorted(counts.items(), key=lambda item: -item[1])[:3]
    named = [(domain, count, _name_for_domain(domain, page_lines)) for domain, count in ranked]
    return max(named, key=lambda item: (bool(item[2]), item[1]))


def _spells(stem: str, words: list[str]) -> bool:
    """`stem` is the words written whole or by their initials, in order ("wsj" <- Wall Street Journal,
    "nytimes" <- New York Times, "thehill" <- The Hill, "catchitkansas" <- Catch It Kansas); a leading
    "The" may be left out."""
    letters = [_letters(word) for word in words]
    if not all(letters):
        return False
    if letters[0] == "the":
        return _spells(stem, words[1:]) or _spells_from(stem, letters)
    return _spells_from(stem, letters)


def _spells_from(stem: str, letters: list[str]) -> bool:
    if not letters:
        return not stem
    head, rest = letters[0], letters[1:]
    return (stem.startswith(head) and _spells_from(stem[len(head):], rest)) or (
        stem[:1] == head[:1] and _spells_from(stem[1:], rest)
    )


_NAME_WORD = re.compile(r"[\w&'’.-]+")


def _name_for_domain(domain: str, page_lines: list[str]) -> str:
    """The name the page prints for the site at `domain`, or "" when it prints none.

    * The address itself when the page calls itself by it: printed twice as a word, once at least
      with a capital ("Cleveland.com", "NJ.com").
    * Else words that spell the address's label ("wsj.com" -> "The Wall Street Journal",
      "livescience.com" -> "Live Science", "thehill.com" -> "The Hill", "my6sense.com" ->
      "my6sense"), a name of several words first, then the most printed. A one-word name must be
      the label whole; a name of initials needs three or more words."""
    label = _address_label(domain) if "." in domain else domain.lower()
    if "." in domain:
        registered = domain.lower().removeprefix("www.")
        registered = re.escape(registered[registered.index(label + ".") :] if (label + ".") in registered else registered)
    else:  # a bare label (a one-word site name in metadata): any address ending
        registered = re.escape(label) + r"\.[a-z]{2,}(?:\.[a-z]{2})?"
    dotted = re.compile(rf"(?i)(?<![\w.@/])({registered})(?![\w/@-])")
    printed = [match.group(1) for line in page_lines for match in dotted.finditer(line)]
    capitalised = [spelling for spelling in printed if spelling[:1].isupper()]
    address = max(sorted(set(capitalised)), key=capitalised.count) if len(printed) >= 2 and capitalised else ""
    stem = _letters(label)
    if len(stem) < 3:
        return address
    counts: dict[str, int] = {}
    for line in page_lines:
        if len(line) > 300:
            continue
        words = [word.strip(".,:;|()\"'’“”") for word in _NAME_WORD.findall(line)]
        for size in range(1, 6):
            for start in range(len(words) - size + 1):
                candidate = words[start : start + size]
                if not all(candidate) or not candidate[0][:1].isupper() and size > 1:
                    continue
                if size > 1 and not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in candidate):
                    continue
                joined = _letters("".join(candidate))
                if size == 1 or (candidate[0].lower() == "the" and size == 2):
                    if joined not in (stem, "the" + stem):
                        continue
                elif not _spells(stem, candidate) or (
                    len(candidate) - (candidate[0].lower() == "the") < 3
                    and all(len(_letters(w)) > 1 for w in candidate)
                    and not any(_letters(w) in stem for w in candidate if w.lower() != "the")
                ):
                    continue
                name = " ".join(candidate)
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return address
    # A name spelled out in words ("The Wall Street Journal") is what readers say, over the
    # address written in capitals ("WSJ"), however often the page prints that; printed twice, it is
    # said over the address the page also calls itself by ("CBS Sports" over "CBSSports.com"). A
    # one-word name that is the address's label ("Cleveland" for "Cleveland.com") is as often the
    # town: the address stays.
    best = max(counts.items(), key=lambda item: (" " in re.sub(r"^The ", "", item[0]), item[1], len(item[0])))
    if address and not (" " in best[0] and best[1] >= 2):
        return address
    return best[0]


def _initialism_printed(holder: str, page_lines: list[str]) -> str:
    """The initials of a copyright holder's name when the page prints them as a name ("Cable News
    Network, Inc." -> "CNN", "British Broadcasting Corporation" -> "BBC"), or ""."""
    name = _LEGAL_TAIL.sub("", _RIGHTS.sub("", holder))
    name = re.split(r"[.,;]\s", name + " ")[0]
    name = re.sub(r"^(?:(?:19|20)\d{2}\s*[-–]?\s*)+|\s+(?:19|20)\d{2}$", "", name.strip())
    words = [word for word in name.split() if word.lower() not in _NAME_PARTICLES]
    if not 3 <= len(words) <= 5 or not all(word[:1].isupper() for word in words):
        return ""
    initials = "".join(word[0] for word in words)
    printed = re.compile(rf"(?<![\w-]){initials}(?![\w-])")
    return initials if sum(bool(printed.search(line)) for line in page_lines) >= 2 else ""


# Legal forms printed before a name: "ООО «X»", "(주)X", "株式会社X", "บริษัท X จำกัด", "Groupe X", "Mediengruppe X".
_LEGAL_PREFIX = re.compile(
    r"^(?:(?:ООО|ОАО|ЗАО|ПАО|АО|АНО|ТОВ|ПрАТ|ПАТ|ТзОВ)\s+|(?i:(?:autonomous\s+)?non-?profit\s+organi[sz]ation)\s+|\(주\)\s*|㈜\s*|주식회사\s*|株式会社\s*|（株）\s*|\(株\)\s*|"
    r"บริษัท\s*|(?:Groupe|Mediengruppe|Verlagsgruppe|Grupo|Gruppo)\s+)"
)
# ... and after it, as CJK and Thai write them: "X 주식회사", "X株式会社", "X有限公司", "X จำกัด (มหาชน)".
_LEGAL_SUFFIX = re.compile(
    r"\s*(?:주식회사|\(주\)|㈜|株式会社|（株）|股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|จำกัด(?:\s*\(มหาชน\))?)$"
)
# A press house named with its paper's or agency's name: "西日本新聞社" -> "西日本新聞", "东方日报社" -> "东方日报".
_PRESS_HOUSE = re.compile(r"(?<=[報报聞闻信])社$")


def _clean_copyright_holder(holder: str) -> str:
    station = re.search(r"\bon behalf of\s+(?:the\s+)?([^.,;]{2,40})", holder)
    if station:  # "Hearst Television Inc., on behalf of WCVB-TV": the site is the one named
        return _clean_site(station.group(1))
    holder = re.sub(r"^(?:by|par|von)\s+", "", holder.strip(), flags=re.IGNORECASE)  # "Copyright © 2019 by Jeff Smith"
    holder = re.sub(r"^(?:copyright|©|\(c\))\s*", "", holder, flags=re.IGNORECASE)  # "© 2018 Copyright X": the word again
    # "X | Privacy Policy | Terms", "X – All Rights Reserved", "X · Impressum", "X, 12 Dock St": the name ends there.
    # ... and after a legal form, a comma opens the company's address: "X Media Group Ltd, Media Centre, Morton Way".
    holder = re.split(r"\s+[|·•]\s*|\s+[-–—]\s+|,\s*\d|(?:(?<=\bLtd)|(?<=\bLimited)|(?<=\bInc)|(?<=\bLLC)|(?<=\bGmbH)|(?<=\bplc)|(?<=\bCorp)|(?<=\bPty)|(?<=\bAG)|(?<=\bSA))\.?,\s", holder)[0]
    if re.match(r"(?i)(?:(?:web)?site |theme |template )?(?:designed|powered|developed|hosted|built|created|made|theme) by\b", holder):
        return ""  # "Copyright © 2002-2019 - Designed by X": the web designer's credit, not the holder
    holder = _LEGAL_TAIL.sub("", holder)
    holder = _RIGHTS.sub("", holder)
    for _ in range(2):
        holder = _PRESS_HOUSE.sub("", _LEGAL_SUFFIX.sub("", _LEGAL_PREFIX.sub("", holder.strip())))
    quoted = re.match(r"^[«„“\"'‘]([^»“”\"'’]{2,60})[»“”\"'’]", holder)
    if quoted:  # "«Українська правда». Використання матеріалів ...": the name is the quoted part
        holder = quoted.group(1)
    holder = re.split(r"(?<=[^\s.]{3})\.\s+(?=[A-ZА-ЯЁІЇЄҐÀ-Ö(])", holder)[0]  # "BBC. The BBC is not responsible ..."
    holder = re.sub(r"\s*\((?:About Us|[^)]{0,20})\)\s*$", "", holder)
    holder = re.sub(r"\s+(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?$", "", holder)  # "Telegraph Media Group Limited 2019", "X 2011-2019"
    for _ in range(3):
        holder = re.sub(r"\s+(?:and|&)$", "", _CORPORATE.sub("", holder).strip(" .,&"))
    return _clean_site(holder)


def _site_name_from_metadata(site_name: str, page_lines: list[str]) -> tuple[str, bool]:
    """Page metadata's site name as readers name it, and whether it was an address or a one-word
    label that the page's own spelling replaced: no tagline, and "CBSSports.com" -> "CBS Sports",
    "Cleveland" -> "Cleveland.com" when the page prints those."""
    name = re.split(r"\s+[|–—-]\s+|:\s+", site_name.strip())[0].strip()
    if _ADDRESS.fullmatch(name) or " " not in name:
        printed = _name_for_domain(name.lower(), page_lines)
        if printed:
            return printed, True
    return _clean_site(name), bool(_ADDRESS.fullmatch(name))


@dataclass(frozen=True)
class SiteSignal:
    """One place where the page names its publisher: the name as printed there, the kind of
    place (a key of _SIGNAL_WEIGHTS) and how much it weighs."""

    name: str
    kind: str
    weight: float


# What one signal of each kind weighs. A name is picked by the sum of the signals that agree on it
# (the same letters, or one holding the other), so two weak independent signals ("More from X" and
# an "X" logo line) beat one company name in a copyright line, and one strong signal (the HTML's
# own site name, a saved-page header) beats everything the furniture says.
_SIGNAL_WEIGHTS = {
    "metadata": 6.0,  # the HTML's og:site_name / publisher
    "metadata_address": 6.0,  # ... when that is an address or a bare label ("Express.co.uk", "Nj")
    "site_line": 3.0,  # a saved-page header, "Subscribe to X digital", "by the X staff"
    "title_suffix": 2.5,  # "Headline | Site" printed by a share text or a print header
    # "Site | Headline": the same, the other way round, when the name's words name a publication ("Harbour Times |
    # ..."); any other name there is a section's label or a topic's kicker as often ("US & Canada | ...").
    "title_prefix": 1.5,
    "title_prefix_other": 0.75,
    "permalink_name": 2.0,  # the name the page prints for the host of its own permalink
    "address_name": 1.75,  # the name the page prints for the address its furniture prints most
    "copyright": 1.5,  # the copyright holder without its legal form, printed elsewhere on the page too
    "copyright_unechoed": 1.0,  # ... printed only in legal lines: a parent company as often as the site
    # ... with a company's legal form ("Hearst Communications, Inc.") and no word naming a publication: weak
    "copyright_company": 0.75,
    "colophon": 1.5,  # "Name · 2013-2019" in the footer
    "masthead": 1.25,  # the first line above the headline: as often a menu item as the logo
    "masthead_echo": 1.0,  # ... whose name a credit, date or subscription line prints again
    "masthead_listed": 0.75,  # ... when it opens a list printed one item per line: weak
    # A name line between the headline and the article ("Corriere della Sera" over the date line) that
    # is a paper's name by its words ("Gazette", "Zeitung", "新聞") or that the copyright line holds.
    "head_name": 1.25,
    # The footer's logo line: a paper's name by its words printed beside the copyright line ("Harbour Herald" /
    # "© 2024 Northgate Media, Inc."), the site's name over its parent company's.
    "footer_name": 1.25,
    "self_naming": 1.0,  # each line where the page calls itself by a name ("More from X", "X Staff")
    # A source line ("Source: X", "Джерело: X", "来源：X") names where the story came from: another
    # outlet or an institute it cites ("Джерело: Open Source Centre") as often as the site. Weak, unless
    # its words name a publication ("来源：江南都市报").
    "source_line": 0.75,
    "byline_brand": 1.0,  # a one-word brand-shaped name as the byline ("LinkNaija")
    "affix_name": 1.0,  # a name three or more furniture lines print beside a separator ("X | Page")
    "follow_line": 0.75,  # "Follow X on Twitter": the site's account, or its reporter's
    "product_line": 0.5,  # each name the page lists its products under ("X App", "X Store")
    "offer_line": 0.5,  # an app, podcast or subscription offer ("Download X on the App Store"): never the spelling
    "logo_line": 1.0,  # each line that is a self-named name alone (a logo)
    # A brand the furniture keeps repeating that holds the copyright company's name ("CBS Sports" for
    # "CBS Interactive"): the holder's reader-facing spelling, not evidence of its own.
    "company_brand": 0.0,
    "bare_address": 1.0,  # the address itself: printed twice, the permalink's host, a holder that is an address
}
_MIN_SCORE = 1.0  # below this the page does not name its site: unknown, rather than a guess
# Kinds that add to a name the page gives elsewhere and never name the site alone, however many
# agree: each names a product, a parent company, a cited source or a list's first item as often as
# the site (a follow line is weak too, but two of the site's accounts agreeing name it) (measured on the tuned pages: product lines 19 right / 19 wrong, copyright companies
# printed only in legal lines 10 / 17).
_WEAK_KINDS = frozenset(
    {"product_line", "offer_line", "company_brand", "copyright_company", "masthead_listed", "source_line", "title_prefix_other"}
)
# Which signal's spelling names the site when several agree: the name a reader sees, before the
# company's. Within a tier the fullest spelling wins: "BBC News" (copyright) over "BBC" (bbc.com).
_DISPLAY_TIERS = (
    ("metadata",), ("site_line",), ("title_suffix", "title_prefix", "title_prefix_other"), ("self_naming",), ("masthead", "head_name", "footer_name", "affix_name", "byline_brand"), ("company_brand",),
    ("masthead_listed", "source_line"), ("follow_line", "product_line"),
    ("metadata_address", "permalink_name", "address_name", "colophon", "copyright", "copyright_unechoed", "copyright_company"),
    ("bare_address",), ("offer_line",),
)


_WIRE_BY_FOLDED = {name.casefold(): label for name, label in WIRE_SERVICES.items()}


def _wire_label(name: str) -> str:
    """The label of the agency `name` as printed in any case ("EUROPA PRESS" -> "Europa Press")."""
    return WIRE_SERVICES.get(name) or _WIRE_BY_FOLDED.get(name.casefold()) or name


def _is_wire(name: str) -> bool:
    return bool(re.fullmatch(_WIRE_NAMES, name.strip(" ."), re.IGNORECASE))


_AGENCY_PHOTO = re.compile(rf"(?i)^\(?(?:{_WIRE_NAMES})\s+(?:photos?|images?|foto|fotos|pic|pictures?|video|graphic)\b")


def _wire_credit(lines: list[str], body: str) -> str:
    """The wire service the page credits, or "": a credit line ("© AFP", "AP Paris"), else a
    body line that is only an agency's name, else the body's dateline ("(Reuters) -", "/ТАСС/")."""
    for line in lines:
        if _AGENCY_PHOTO.match(line):
            continue  # "AP Photo/Jane Doe", "AAP Image", "ANP Foto": the photo's agency, not the story's
        for pattern, _what in _CREDIT_PATTERNS:
            match = pattern.search(line)
            if match:
                return _wire_label(match.group(1))
    # A body line that is only an agency's name is its credit ("共同通信" under a regional paper's story).
    for line in body.split("\n"):
        match = re.fullmatch(rf"\s*(?:\(c\)|©|[-–—])?\s*(?:\(({_WIRE_NAMES})\)|(?:The\s+)?({_WIRE_NAMES}))\.?\s*", line)
        if match:
            name = match.group(1) or match.group(2)
            return WIRE_SERVICES.get(name, name)
    lead = body[:1500]
    for pattern in _BODY_WIRE:
        match = pattern.search(lead)
        if match:
            return _wire_label(match.group(1))
    # The agency credited where its story ends: "... と述べた。（共同）", "... the ministry said. (AP)".
    for paragraph in [line for line in body.split("\n") if line.strip()][-2:]:
        match = _CLOSING_WIRE.search(paragraph)
        if match:
            return _wire_label(match.group(1))
    return ""


_CLOSING_WIRE = re.compile(rf"[.!?。！？」”\"]\s*[（(]({_WIRE_NAMES})[）)]\s*$")


# A copyright sign closing a longer footer line: "... to earn fees by linking to Amazon.com. ©The
# Anti-June Cleaver 2011-2019", "Privacy | Terms | © 2019 Example News".
_TRAILING_COPYRIGHT = re.compile(r"(?:^|[.!?]\s*|\s[|·•]\s*)((?:Copyright\s*)?©\s*[^©|·•]{2,60})$")
# The holder printed before the sign: "Example News © 2019", "Example News (c) 2012-2019".
# "Example News | © 2019 | All rights reserved" too.
_NAME_BEFORE_COPYRIGHT = re.compile(
    r"^[«„“\"]?([^\W\d][^©|·•«»„“”\"]{1,50}?)[»“”\"]?\s*(?:[|·•]\s*)?(?:©|\(c\)|Copyright)\s*((?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?)"
    r"\s*(?:[|·•.,]\s*)?\.?$",
    re.IGNORECASE,
)


_RESERVATION = (
    r"(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"todos os direitos reservados|tutti i diritti riservati|все права защищены|всі права захищені)"
)
_SHORT_NAME = r"([^\W\d_][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}?)"
_RIGHTS_ONLY = re.compile(rf"(?i)^{_SHORT_NAME}(?:\s+(?:19|20)\d{{2}})?[.,]?\s+{_RESERVATION}\.?$")
_RIGHTS_BEFORE_NAME = re.compile(rf"(?i)^{_RESERVATION}[.,]?\s+{_SHORT_NAME}(?:\s+(?:19|20)\d{{2}})?\.?$")


_REPRINT_NOTICE = re.compile(r"(?i)(?:ссылка|гиперссылка|посилання|гіперпосилання)\w* на\s*[«\"“]([^»\"”]{2,60})[»\"”]")
_CJK_HOLDER = re.compile(r"^([^\s©|，,。:：]{2,20}?)\s*(?:版权所有|版權所有)|저작권은\s*([^\s]{2,20}?)(?:에게|에)\s*있")
_BARE_COPYRIGHT = re.compile(r"(?i)^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\.?$")


def _name_shaped(line: str) -> bool:
    """A short line that can be a name alone: one to five words, the first capitalised, no digit,
    no closing punctuation, no menu label or word of page chrome."""
    words = line.split()
    return (
        1 <= len(words) <= 5
        and line[:1].isupper()
        and not re.search(r"\d|[.!?:,;|/]$", line)
        and not _UI_WORDS.search(line)
        and not sig.is_nav_word(line)
        and line.lower() not in _NOT_NAMES
    )


def _copyright_holder(readable, page_lines: list[str]) -> tuple[str, str]:
    """The site's copyright holder as a name ("Telegraph Media Group Limited 2019" -> "Telegraph",
    "Cable News Network, Inc." -> "CNN" when the page prints that) and as the line prints it, or
    ("", ""). A photo's credit, a wire agency's and a "Copyright Policy" link are not the site's."""
    captions = {line.strip() for block in readable if block.kind == "caption" for line in block.text.splitlines()}
    lines = [line.strip() for block in readable for line in block.text.splitlines() if line.strip()]
    credit_lines = [line.strip() for block in readable if block.kind == "credit" for line in block.text.splitlines()]
    trailing = [match.group(1) for line in credit_lines if (match := _TRAILING_COPYRIGHT.search(line)) and not line.startswith(("©", "Copyright"))]
    # "Example News © 2019" read as "© 2019 Example News".
    name_first = [f"© {match.group(2)} {match.group(1)}" for line in lines if (match := _NAME_BEFORE_COPYRIGHT.match(_RIGHTS.sub("", line)))]
    # A reservation of rights without the sign: "Harbour Times. All rights reserved.", "All rights reserved. Harbour Times 2019".
    unsigned = [f"© {match.group(1)}" for line in lines if "©" not in line and (match := _RIGHTS_ONLY.match(line))]
    unsigned += [f"© {match.group(1)}" for line in lines if "©" not in line and (match := _RIGHTS_BEFORE_NAME.match(line))]
    # "При цитировании ссылка на «X» обязательна", "Посилання на «X» обов'язкове": the holder of a reprint notice.
    unsigned += [f"© {match.group(1)}" for line in lines if "©" not in line and (match := _REPRINT_NOTICE.search(line))]
    # "新华网版权所有", "본 기사의 저작권은 X에 있습니다": the holder before a CJK reservation of rights.
    unsigned += [f"© {match.group(1) or match.group(2)}" for line in lines if "©" not in line and (match := _CJK_HOLDER.search(line))]
    # A bare "© 2019" under (or over) the footer's name line: "Harbour Times" / "© 2019".
    beside = [
        f"© {lines[near]}"
        for index, line in enumerate(lines)
        if _BARE_COPYRIGHT.match(line)
        for near in (index - 1, index + 1)
        if 0 <= near < len(lines) and _name_shaped(lines[near])
    ]
    authors: tuple[str, str] = ()
    for line in lines + trailing + name_first + unsigned + beside:
        if line in captions:
            continue  # "© Getty Images" under a photo is the photo's copyright, not the site's
        line = _RIGHTS_FIRST.sub("", line.replace("ⓒ", "©").replace("Ⓒ", "©"))  # "Все права защищены © 2019 X", "ⓒ MBC"
        match = _COPYRIGHT.match(line)
        # "Copyright Policy" is a link; a copyright line carries the sign, a year or a reservation of rights.
        if not match or not re.search(r"©|\(c\)|(?:19|20)\d{2}|rights reserved|droits|rechte|права", line, re.IGNORECASE):
            continue
        if _is_wire(match.group(1)) or _PHOTO_CREDIT.search(match.group(1)):
            continue  # "© Shutterstock", "© EPA-EFE/JEON HEON-KYUN": a photo agency or photographer's credit
        holder = _initialism_printed(match.group(1), page_lines) or _clean_copyright_holder(match.group(1))
        if re.search(r"[^\W\d_]", holder):  # "© 2019" alone names no one
            if not _page_author(holder, page_lines):
                return holder, match.group(1)
            authors = authors or (holder, match.group(1))
    # "© Jane" under a post "by Jane": the author's own photo or text; the site's holder, when another
    # copyright line names one, comes first.
    return authors or ("", "")


def _page_author(name: str, page_lines: list[str]) -> bool:
    """The page credits `name` as the author of its article or post ("By Jane", "written by Jane",
    "Posted by Jane") or the author introduces herself by it ("Hi! I'm Jane.", "My name is Jane")."""
    name = re.escape(name)
    author = re.compile(
        rf"(?i)^(?:written |posted |words )?(?:by|von|par|por|di)\s+{name}(?![\w'’-])"
        rf"|(?:^|[.!?]\s+)(?:(?:hi|hello)(?: there)?[!,.]?\s+)?(?:I['’]m|I am|my name is)\s+{name}(?![\w'’-])"
    )
    return any(author.search(line) for line in page_lines)


def _site_signals(removed, body: str, site_name: str, zones: tuple[str, ...], title: str) -> list[SiteSignal]:
    """Every place where the page names its publisher, weighed by kind (see _SIGNAL_WEIGHTS).
    Comments are never read; related lists only for self-naming lines ("More from X")."""
    readable = [block for block in removed if isinstance(block, RemovedBlock) and block.kind in READABLE_KINDS]
    lines = [line.strip() for block in readable for line in block.text.splitlines() if line.strip()]
    page_lines = _page_lines(removed, body)
    signals: list[SiteSignal] = []

    def add(name: str, kind: str) -> None:
        if name and name.strip():
            signals.append(SiteSignal(name.strip(), kind, _SIGNAL_WEIGHTS[kind]))

    if site_name:
        name, from_address = _site_name_from_metadata(site_name, page_lines)
        add(name, "metadata_address" if from_address else "metadata")
    for pattern in _SITE_PATTERNS:
        match = next((m for line in lines if (m := pattern.search(line))), None)
        if match:
            add(_PREMIUM_TIER.sub("", _clean_site(match.group(1))), "site_line")
    add(_title_suffix_name(title, removed), "title_suffix")
    prefix = _title_prefix_name(title, removed, body)
    add(prefix, "title_prefix" if _press_named(prefix) else "title_prefix_other")

    holder, printed_holder = _copyright_holder(readable, page_lines)
    if holder and _is_address(holder):
        add(holder, "bare_address")  # "Copyright (c) Chosunonline.com": the site's address, not a name readers use
    elif holder:
        brand = _brand_of(holder, page_lines)
        # A holder the page prints nowhere but in its legal lines is as often the parent company
        # ("Ziff Davis" on a games site, "Rogers" on a sports site) as the site: it names the site
        # only when nothing else on the page does.
        company = bool(
            _COMPANY_FORM.search(printed_holder)
            or any(word.casefold().rstrip("s") in _COMPANY_WORDS for word in re.findall(r"\w+", printed_holder))  # "© 2019 News Communication"
        ) and not _press_named(brand)
        # (the company's own name is read for a family of brands: "CBS" of "CBS Interactive" printed as "CBS Sports"
        # in every line is the brand readers see, "Beachbody Performance Energize / Hydrate" a family of products)
        if _printed_outside_legal_lines(brand, page_lines) and not (company and not _printed_as_a_name(holder, page_lines)):
            add(brand, "copyright")
        elif company and _brand_named_company(brand, printed_holder):
            # "StarGazer Pty Ltd.", "Harbourside, LLC": one name with nothing but a legal form is the
            # brand the company was founded as, the site itself as often as not; a parent's name has two
            # words or more or a company's word ("Ziff Davis, LLC", "Hearst Communications, Inc.").
            add(brand, "copyright_unechoed")
        elif company:
            # "Hearst Communications, Inc.", "Ziff Davis, LLC", "(주)서울미디어" printed in legal lines only:
            # a company, the site's parent as often as the site. Its name adds to a name the page gives
            # elsewhere and names none alone, unless its words name a publication ("Gulf Morning Post
            # Public Company Limited", "ООО «Городские новости»").
            add(brand, "copyright_company")
        else:
            add(brand, "copyright_unechoed")
        add(_recurring_brand(removed, holder), "company_brand")
    add(_colophon_name(removed), "colophon")

    masthead = _masthead_name(removed, zones, title)
    # The first item of a list printed one item per line (a trending bar "Volker & Morrison Hearing",
    # a network's sites "The A.V. Club" / "Deadspin" / "Gizmodo", a group's papers) looks like a logo as
    # much as the logo over the site's menu does: such a line names the site only with another place
    # that names it.
    listed = bool(masthead) and _opens_a_list(removed, masthead, zones)
    add(masthead, "masthead_listed" if listed else "masthead")
    credits = [line for block in readable if block.kind in ("credit", "metadata", "promo", "appeal") for line in block.text.splitlines()]
    if masthead and _printed_again(masthead, credits):
        add(masthead, "masthead_echo")

    add(_brand_byline(removed, zones), "byline_brand")
    add(_head_name_line(removed, zones, holder), "head_name")
    add(_footer_name_line(removed, zones), "footer_name")

    for name, kind in _self_naming(removed, body, zones):
        add(name, kind)

    if not site_name:
        domain, domain_prints, domain_name = _page_domain(removed, page_lines)
        host = _permalink_host(page_lines, title)
        if host and host != domain:
            # The page's own permalink (its path spells the headline) says which address is the site's.
            add(_name_for_domain(host, page_lines), "permalink_name")
            add(host, "bare_address")
        else:
            add(domain_name, "permalink_name" if host else "address_name")
            if domain_prints >= 2 or host:
                add(domain, "bare_address")  # an address the furniture prints twice ("stats@catchitkansas.com") beats no name
        for domain in _reporter_mail_domains(body):
            if domain != domain_name.lower():
                add(_name_for_domain(domain, page_lines), "address_name")
    return signals


_MAIL = re.compile(r"(?i)\b[\w.+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})\b")
# Mail services anyone writes from: an address there says nothing of the site.
_MAIL_SERVICES = frozenset(
    "gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.co.jp hotmail.com outlook.com live.com msn.com aol.com icloud.com "
    "me.com protonmail.com proton.me mail.ru yandex.ru ya.ru gmx.de gmx.net web.de t-online.de naver.com daum.net hanmail.net "
    "qq.com 163.com 126.com sina.com orange.fr free.fr laposte.net libero.it ukr.net".split()
)


def _reporter_mail_domains(body: str) -> list[str]:
    """Domains of the e-mail addresses in the body's last three paragraphs ("Jane Doe can be reached
    at jdoe@harbourtimes.com"): the newsroom's own, as a reporter signs off. Mail services aside;
    each domain once."""
    tail = [line for line in body.split("\n") if line.strip()][-3:]
    found = [match.group(1).lower().removeprefix("www.") for line in tail for match in _MAIL.finditer(line)]
    return [domain for domain in dict.fromkeys(found) if domain not in _MAIL_SERVICES]


_LEGAL_LINE = re.compile(r"(?i)©|ⓒ|\(c\)|copyright|rights reserved|trademark|registered|permission|droits|rechte|права|derechos|direitos")


def _printed_outside_legal_lines(name: str, page_lines: list[str]) -> bool:
    """The name occurs in a page line that is no copyright, trademark or permission notice."""
    letters = _letters(name)
    return bool(letters) and any(letters in _letters(line) for line in page_lines if not _LEGAL_LINE.search(line))


def _printed_as_a_name(name: str, page_lines: list[str]) -> bool:
    """The name occurs outside legal lines as a name of its own ("Readers of Harbourside wrote in",
    "Watch CNBC TV live": one brand of it), not only as the first words of two or more other names
    ("Beachbody Performance Energize", "... Hydrate", "... Recover": a company's family of products,
    printed by a page of one of its sites), nor only as its legal name again ("The Channel Company")."""
    printed = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?:\s+([A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w&'’-]*))?")
    continuations: set[str] = set()
    for line in page_lines:
        if _LEGAL_LINE.search(line):
            continue
        for match in printed.finditer(line):
            if not match.group(1):
                return True
            if _CORPORATE.fullmatch(" " + match.group(1)) or match.group(1).casefold().rstrip("s") in _COMPANY_WORDS:
                continue  # "The Channel Company" in the footer's links: the company's own name again, not a brand of it
            continuations.add(match.group(1))
    return len(continuations) == 1


# One word with a capital inside it ("LinkNaija", "MoreBikes"): a brand's shape, not a person's
# ("McDonald", "MacLeod", "O'Neil", "DeShawn" aside).
_CAMEL_BRAND = re.compile(r"^(?!Mc|Mac|De|La|Le|Van|Von|Di|Da|O')[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$")
_PLATFORM_WORDS = frozenset(
    "youtube linkedin whatsapp facebook tiktok instagram wordpress blogspot telegram wechat playstation iphone ipad "
    "macbook airpods powerpoint javascript github gitlab paypal hubspot mailchimp soundcloud deviantart".split()
)


def _brand_byline(removed, zones: tuple[str, ...]) -> str:
    """A byline between the headline and the body that is one brand-shaped word ("LinkNaija" under
    a blog post's headline): blog platforms print the blog's name as the author. Only a word beside
    the date line is a byline; one among short labels ("Paging" / "VoWiFi" / "Services") is a menu
    item or a tag. "" when none."""
    texts = [block.text.strip() for block in removed]
    for position, (block, zone) in enumerate(zip(removed, zones)):
        line = texts[position]
        if zone == "head" and block.kind not in ("comment", "related") and _CAMEL_BRAND.match(line):
            beside = [texts[near] for near in (position - 1, position + 1) if 0 <= near < len(texts)]
            if line.lower() not in _PLATFORM_WORDS and not _is_wire(line) and any(sig.is_date_line(text) for text in beside):
                return line
    return ""


# Words newspapers, agencies and broadcasters are named with (world knowledge, as WIRE_SERVICES):
# a short line holding one is a paper's name, not a reporter's ("Oberland Kurier", not "Anna Becker").
_PRESS_WORDS = frozenset(
    """times post news herald journal tribune gazette daily courier chronicle observer express mail telegraph press record
    ledger sentinel standard guardian independent review examiner enquirer inquirer bulletin dispatch register monitor
    argus advocate mercury globe weekly magazine radio tv television broadcasting
    zeitung nachrichten rundschau anzeiger kurier tagblatt blatt allgemeine presse bote echo tageszeitung
    corriere gazzetta giornale repubblica stampa messaggero notizie quotidiano gazzettino
    diario periódico periodico noticias correo heraldo voz prensa crónica cronica
    jornal folha gazeta notícias correio diário
    monde figaro courrier dépêche depeche parisien républicain republicain progrès progres nouvelles libération voix écho
    quotidien hebdo télégramme tribune
    газета правда известия вести вісті новости новини ведомости коммерсантъ курьер вестник вісник телеграф експрес экспресс
    голос слово тиждень неделя
    """.split()
)
_CJK_PRESS = re.compile(r"(?:新聞|新闻|日報|日报|時報|时报|晚報|晚报|通信|放送|テレビ|신문|일보|뉴스|방송|ข่าว|ไทม์ส|โพสต์|صحيفة|جريدة)")


def _press_named(name: str) -> bool:
    """The name's words name a publication: a press word ("Gulf Morning Post", "Allgäuer Anzeiger",
    "Городские новости") or a CJK/Thai/Arabic one ("江南都市报", "한강일보", "ข่าวอีสานวันนี้")."""
    if _CJK_PRESS.search(name) or re.search(r"[报報]$", name.strip()):
        return True
    # A company's words aside ("News Communications" is a company's name, not a paper's): a press word
    # beside a word of the name's own ("Gulf Morning Post"), or two press words ("Daily Mail").
    words = [word.casefold().strip(".'’«»\"„“”") for word in re.split(r"[\s-]+", name)]  # "Rhein-Zeitung"
    # (a leading article is a word of the name: "The Times"; a company's words are not: "communication")
    words = [
        word for position, word in enumerate(words)
        if word and (position == 0 or word not in _NAME_PARTICLES)
        and not _CORPORATE.fullmatch(" " + word) and word.rstrip("s") not in _COMPANY_WORDS
    ]
    # German writes a paper's name as one compound ("Hafenkurier", "Stadtanzeiger", "Wochenblatt").
    press = [word for word in words if word in _PRESS_WORDS or _GERMAN_PRESS_COMPOUND.search(word)]
    # One press word alone names a paper ("Telegraph" of "Telegraph Media Group Limited"), unless it is
    # what any news company is called ("News Communications, Inc." -> "News").
    return bool(press) and (len(words) > len(press) or len(press) >= 2 or press[0] not in _GENERIC_PRESS_WORDS)


_GERMAN_PRESS_COMPOUND = re.compile(r"^\w{3,}(?:zeitung|kurier|anzeiger|blatt|bote|rundschau|nachrichten|presse)$")
_GENERIC_PRESS_WORDS = frozenset(
    "news nachrichten noticias notícias notizie nouvelles новости новини press presse prensa radio tv television "
    "broadcasting magazine weekly daily".split()
)
# A company's legal form alone, no word of what the company does: "Pty Ltd", "LLC", "Inc.", "GmbH", "S.A.".
_BARE_LEGAL_FORM = re.compile(
    r"(?i)(?<![\w.])(?:inc|llc|l\.l\.c|ltd|limited|pty|pvt|private|corp|co|gmbh|plc|s\.a|sa|ag|b\.v|n\.v|s\.r\.l|srl|s\.l|"
    r"oy|ab|k\.k|kk)(?:\.|(?![\w.]))"
)


def _brand_named_company(brand: str, printed_holder: str) -> bool:
    """The copyright holder is one name (a single word) and a legal form, nothing else: "StarGazer Pty
    Ltd", "Harbourside, LLC" (not "Ziff Davis, LLC", "Hearst Communications, Inc.", "Andina Comunicaciones S.A.")."""
    if not re.fullmatch(r"[^\W\d_][\w&'’-]{2,}", brand):
        return False
    name = re.sub(r"(?:19|20)\d{2}", "", _RIGHTS.sub("", printed_holder.strip()))
    return _letters(_BARE_LEGAL_FORM.sub(" ", name)) == _letters(brand)


_COMPANY_WORDS = frozenset("communication media group holding network interactive digital publishing broadcasting enterprise".split())
# A company's legal form in a copyright line: "Inc.", "LLC", "Ltd", "GmbH", "Media Group", "(주)", "株式会社", "ООО".
_COMPANY_FORM = re.compile(
    r"(?i)(?:\b(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|company|gmbh|plc|s\.a|ag|s\.p\.a|s\.l|s\.a\.s|b\.v|n\.v|pty|pvt|"
    r"k\.k|holdings?|group|communications|enterprises|ventures|publishing|pcl|ltda|eireli|s\.r\.o|bhd|tbk|"
    r"comunicações|comunicaciones|comunicazioni)\b\.?|\(주\)|㈜|주식회사|株式会社|（株）|有限公司|"
    r"\b(?:ООО|ОАО|ЗАО|ПАО|АО|ТОВ|ПрАТ)\b|บริษัท)"
)
# One short line of a list printed one item per line: a menu item, a trending topic, a sister site.
_LIST_ITEM_MAX_WORDS = 5


def _list_item(line: str) -> bool:
    """A short label line: up to five words (sixteen characters in a script without spaces), no
    sentence's end, no date."""
    line = line.strip()
    if not line or sig.is_date_line(line) or re.search(r"[.!?。！？:：]$", line) or _LEGAL_LINE.search(line):
        return False
    if re.search(r"\s{2,}|\u3000", line):
        return False  # labels set apart by wide spaces: a menu bar on one line ("News  World  Asia")
    if sig.cjk_ratio(line) > 0.5:
        return len(line) <= 16 and " " not in line  # "政治 北朝鮮 経済": a menu bar
    return len(line.split()) <= _LIST_ITEM_MAX_WORDS and len(line) <= 40


def _opens_a_list(removed, masthead: str, zones: tuple[str, ...]) -> bool:
    """The masthead line is printed bare and followed by two more short lines of its kind, each its
    own block: the first item of a list printed one item per line (a trending bar, a network's sites).
    The site's own menu under its logo ("Accueil", "Money", "Markets": home links and section labels)
    and a logo with its motto ("RLS - Radio Loire Sud") are no such list."""
    texts = [block.text.strip() for block in removed]
    for index, text in enumerate(texts):
        if text.splitlines() and text.splitlines()[0].strip() == masthead:
            following = [
                text.splitlines()[0].strip()
                for position, text in enumerate(texts[index + 1 : index + 3], start=index + 1)
                if text and position < len(zones) and zones[position] == "top"
            ]
            return (
                len(following) == 2
                and all(_list_item(line) for line in following)
                and not any(_menu_label(line) for line in following)
            )
    return False


def _menu_label(line: str) -> bool:
    """A label of the site's own menu: a home link, a section, a menu word, a button."""
    return bool(_HOME_WORD.match(line) or _SECTION_LABEL.match(line) or _CHROME_LINE.match(line)) or sig.is_nav_word(line)


def _head_name_line(removed, zones: tuple[str, ...], holder: str) -> str:
    """A site's name printed between the headline and the article ("Corriere della Sera" over the
    date line): a short name-shaped line there, no byline, date or agency, that is a paper's name by
    its words ("Gazette", "Zeitung", "Kurier", "新聞", "일보") or that the page's copyright line holds.
    A reporter's name alone ("Anna Becker") is neither; nor is a credit ("Detroit News wire services",
    "Jane Doe | Fox News") or a legal label ("Image copyright"). "" when there is none."""
    for block, zone in zip(removed, zones):
        if zone != "head" or block.kind in ("comment", "related"):
            continue
        line = block.text.strip()
        if (
            "\n" in line
            or sig.is_date_line(line)
            or sig.is_byline(line)
            or _NEWSROOM_BYLINE.match(line)  # read as a self-naming line instead
            or _is_wire(line)
            or _SECTION_LABEL.match(line)
            or _LEGAL_LINE.search(line)
            or re.search(r"[|/•·,]", line)  # "Jane Doe | Fox News", "Al Goldis, Associated Press": a credit
            or re.search(rf"(?<!\w)(?:{_WIRE_NAMES})(?!\w)", line)  # an agency's credit, not the site's name
            # a lower-case word makes a label or a credit, not a name (Cyrillic names capitalise their first word only)
            or (
                any(word[:1].islower() and word.lower() not in _NAME_PARTICLES for word in line.split()[1:])
                and not re.match(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]*(?:\s+[а-яёіїєґ'’-]+){0,2}$", line)
            )
        ):
            continue
        caseless = sig.cjk_ratio(line) > 0.5 or re.fullmatch(r"[\u0600-\u06ff\u0e00-\u0e7f\s]+", line)
        if caseless:
            shaped = 2 <= len(line.replace(" ", "")) <= 16 and not re.search(r"\d|[。．.!?！？、，,:：]", line)
            press = bool(_CJK_PRESS.search(line))
        else:
            shaped = _name_shaped(line) and _names_a_site(line)
            press = any(word.casefold().strip(".'’") in _PRESS_WORDS for word in line.split())
        if shaped and (press or (holder and _same_name(line, holder))):
            return line
    return ""


_FOOTER_REACH = 2  # lines between the footer's logo and its copyright line ("View Comments", "Return to Top")


def _footer_name_line(removed, zones: tuple[str, ...]) -> str:
    """A paper's name printed alone in the footer within two lines of the copyright line ("Harbour Herald" /
    "Return to Top" / "© 2024 Northgate Media, Inc."): the footer's logo. Only a name-shaped line whose words
    name a publication ("Herald", "Zeitung", "新聞") is read: menu links, sister sites and a reporter's name
    are not. "" when there is none."""
    texts = [block.text.strip() for block in removed]
    for position, (block, zone) in enumerate(zip(removed, zones)):
        if zone != "foot" or not _COPYRIGHT.match(_RIGHTS_FIRST.sub("", texts[position].replace("ⓒ", "©"))) or not re.search(
            r"(?i)©|\(c\)|copyright", texts[position]
        ):
            continue
        for near in range(max(0, position - _FOOTER_REACH), min(len(removed), position + _FOOTER_REACH + 1)):
            line = texts[near]
            if near == position or zones[near] != "foot" or removed[near].kind == "comment" or "\n" in line:
                continue
            caseless = sig.cjk_ratio(line) > 0.5
            # (a name's words are capitalised, its particles aside: "Folgen Sie X auf Twitter" is a sentence)
            shaped = (2 <= len(line) <= 16 and not re.search(r"\d|[。．.!?！？、，,:：|]", line)) if caseless else (
                _name_shaped(line) and _names_a_site(line) and not _menu_label(line) and len(line.split()) <= 4
                and all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in line.split())
            )
            if shaped and not _LEGAL_LINE.search(line) and not _is_wire(line) and _press_named(line):
                return line
    return ""


def _agree(one: str, other: str) -> bool:
    """Two names of the same site: the same letters, one holding the other ("BBC" / "BBC News"),
    or one an address the other spells ("wsj.com" / "The Wall Street Journal")."""
    if _same_name(one, other):
        return True
    for address, name in ((one, other), (other, one)):
        if _is_address(address) and not _is_address(name):
            return _spells(_letters(_address_label(address)), name.split())
    return False


def _pick_site(signals: list[SiteSignal], page_lines: list[str]) -> str:
    """The name the weightiest group of agreeing signals gives, spelled as a reader sees it
    (_DISPLAY_TIERS); "" when no group reaches _MIN_SCORE."""
    groups: list[list[SiteSignal]] = []
    for signal in signals:
        joined = [group for group in groups if any(_agree(signal.name, other.name) for other in group)]
        merged = [signal] + [member for group in joined for member in group]
        groups = [group for group in groups if group not in joined] + [merged]
    groups = [group for group in groups if any(signal.kind not in _WEAK_KINDS for signal in group)]
    if not groups:
        return ""
    # A tie goes to the group whose best signal is stronger, then to one that is more than a copyright
    # company nobody else names, then to the earlier group.
    best = max(
        groups,
        key=lambda group: (
            round(sum(s.weight for s in group), 3),
            max(s.weight for s in group),
            any(s.kind != "copyright_unechoed" for s in group),
        ),
    )
    if sum(signal.weight for signal in best) < _MIN_SCORE:
        return ""
    short = _metadata_edition_name(best, page_lines)
    if short:
        return short
    for tier in _DISPLAY_TIERS:
        names = [signal.name for signal in best if signal.kind in tier]
        if names:
            # Of several spellings, the fullest (the most printed among self-naming lines).
            return max(names, key=lambda name: (names.count(name) if tier == ("self_naming",) else 0, len(_letters(name))))
    return best[0].name


_MIN_SELF_NAMING = 2


def _metadata_edition_name(group: list[SiteSignal], page_lines: list[str]) -> str:
    """The name a page calls itself by in two or more of its own lines ("Subscribe to RT newsletter",
    "Follow RT on", "RT Shop"), when the HTML metadata's name is that name and more ("RT International": an edition,
    a tagline) that the page's own text never prints: readers say what the page says. "" otherwise."""
    metadata = [signal.name for signal in group if signal.kind == "metadata"]
    if not metadata:
        return ""
    full = metadata[0]
    if any(_letters(full) in _letters(line) for line in page_lines):
        return ""
    spoken = [signal.name for signal in group if signal.kind in ("self_naming", "follow_line", "product_line", "logo_line")]
    for name in sorted(set(spoken), key=spoken.count, reverse=True):
        if spoken.count(name) >= _MIN_SELF_NAMING and full.startswith(name + " "):
            return name
    return ""


def guess_outlet(
    removed, body: str, site_name: str = "", zones: tuple[str, ...] = (), title: str = ""
) -> OutletGuess:
    """Site and wire named by the page; empty strings when the page does not say.

    The site: every signal the page gives (its metadata, a saved-page header, the title's suffix,
    the masthead line, the copyright holder, self-naming lines, the address it prints and the name
    it prints for that address) is collected with a weight, signals naming the same site are added
    up, and the weightiest group names it, spelled as readers see it ("The Telegraph", not
    "Telegraph Media Group Limited 2019"); none strong enough gives "". The wire: a credit line
    ("© AFP", "(c)聯合ニュース", a line that is only an agency's name), else the body's dateline
    ("(Reuters) -", "【ソウル聯合ニュース】", "/ТАСС/").
    """
    readable = [block for block in removed if isinstance(block, RemovedBlock) and block.kind in READABLE_KINDS]
    lines = [line.strip() for block in readable for line in block.text.splitlines() if line.strip()]
    page_lines = _page_lines(removed, body)
    wire = _wire_credit(lines, body)
    site = _pick_site(_site_signals(removed, body, site_name, zones, title), page_lines)
    agency = re.sub(r"^The\s+", "", site).strip(" .")
    if wire and _is_wire(agency) and WIRE_SERVICES.get(agency) == wire and wire.lower() not in site.lower():
        # "Copyright 2021 The Associated Press" under the agency's story: the wire itself, not a site
        # carrying it ("The Associated Press (AP)"); a site name that holds the wire's ("Reuters.com"
        # for Reuters) stays as the site spells it.
        site = ""
    site = _spoken_name(site, [line for line in lines if line not in body], body)
    site = _with_address_ending(site, page_lines, body, site_name)
    return OutletGuess(site=_reader_name(_reader_case(site, page_lines), page_lines), wire=wire)


_MIN_SPOKEN = 2
# Words after a site's name that make the name the site's, not a word of the story: its paid tier, its
# own website or app ("Moneycontrol Pro", "the Moneycontrol website"). (A possessive is not one: "Riverton's
# mayor" is the town's.)
_SITE_USE = re.compile(r"(?i)\s+(?:pro|plus|premium|prime|website|web site|app|apps|newsletters?)\b")


def _spoken_name(site: str, furniture_lines: list[str], body: str) -> str:
    """An address the page names itself by ("Source: Marketpulse.com") as readers say it: its label
    ("Marketpulse") when the page prints that as a name of its own, without the ending, twice or
    more ("Marketpulse Pro", "Marketpulse's" in the furniture; "the Marketpulse website" in a notice
    left in the body too) and the article never uses it as a word otherwise. A label that is a
    word of the article ("Riverton.com" on a story about Riverton) keeps its address, as readers
    keep it to tell the site from the town."""
    if not _is_address(site):
        return site
    label = site.split(".")[0]
    if len(label) < 3 or not label[:1].isupper():
        return site
    bare = rf"(?<![\w.@/-]){re.escape(label)}(?!\.[A-Za-z]{{2,}}|[\w@/-])"
    # In the body, the label followed by its tier, website or app ("Moneycontrol Pro") is the site's
    # own notice speaking of itself; anywhere else it is a word of the story.
    body_uses = list(re.finditer(rf"(?i){bare}", body))
    site_uses = [match for match in body_uses if _SITE_USE.match(body, match.end()) and match.group(0)[:1].isupper()]
    if len(site_uses) < len(body_uses):
        return site
    alone = re.compile(bare)
    printed = sum(len(alone.findall(line)) for line in furniture_lines) + len(site_uses)
    return label if printed >= _MIN_SPOKEN else site


def _ordinary_word(name: str, body: str) -> bool:
    """The article uses the one-word `name` in lower case as a word of its own ("space" in a story
    about space): the name is also an ordinary word."""
    return bool(re.search(rf"(?<![\w.@/-]){re.escape(name.lower())}(?![\w@/-]|\.[a-z]{{2,}})", body))


def _with_address_ending(site: str, page_lines: list[str], body: str, site_name: str = "") -> str:
    """A one-word name that is also an ordinary word of the article ("Space" on a story about space)
    said as readers say it to tell the site from the word: with the ending of the address the page
    prints for it ("Space.com", from "community@space.com" or the metadata's "Space.com"). A coined
    name ("MacRumors") or one the article never writes in lower case stays as it is."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", site) or not _ordinary_word(site, body):
        return site
    label = site.lower()
    for line in [site_name, *page_lines]:
        for host, _path in _addresses(line):
            if _address_label(host) == label and (label + ".") in host:
                return site + host[host.index(label + ".") + len(label) :]
    return site


def _reader_case(site: str, page_lines: list[str]) -> str:
    """A name the logo sets in capitals ("THE IRRAWADDY") as the page writes it in running text
    ("The Irrawaddy"), or with a leading "THE" in title case when the page never does; an acronym
    ("BBC", "ZEIT ONLINE" without a leading article) stays as printed."""
    words = site.split()
    if len(words) < 2 or not site.isupper():
        return site
    mixed = re.compile(rf"(?i)(?<!\w){re.escape(site)}(?!\w)")
    for line in page_lines:
        for match in mixed.finditer(line):
            if not match.group(0).isupper() and match.group(0)[:1].isupper():
                return match.group(0)  # "The Irrawaddy", not "the irrawaddy" inside a sentence
    return site.title() if words[0] == "THE" else site


# A name of up to four words in a script without capitals (Arabic, Hebrew, Thai, CJK): "الوادي اليوم".
# (Thai vowel and tone marks and Arabic vowel signs are no word characters to the regex engine: listed.)
_CASELESS_LETTER = r"(?:[^\W\d_A-Za-zÀ-ÿА-яЁёІіЇїЄєҐґ]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u064b-\u065f\u0670])"
_CASELESS_NAME = rf"{_CASELESS_LETTER}+(?:\s+{_CASELESS_LETTER}+){{0,3}}"


# A newsroom credited as the author, in the app's languages: "Redação Correio do Minho", "Di Redazione
# Corriere del Garda", "Por Redacción | El Diario", "Von Redaktion Westfalen-Kurier", "Rédaction du Courrier".
_NEWSROOM_BYLINE = re.compile(
    r"^(?:(?:By|Por|Von|Par|Di|Da|De)\s+)?(?:(?:la|a|die|the)\s+)?"
    r"(?:Redazione|Redação|Redacção|Redacción|Redaktion|Rédaction|Redactie|Редакция|Редакція|Newsroom|News Desk)"
    r"(?:\s*[|,:–—-]\s*|\s+(?:de|del|do|da|des|du|der|di|della|dell['’]|of|von)\s+|\s+)"
    r"((?:The\s+|Le\s+|La\s+|Les\s+|Die\s+|Der\s+|Das\s+|O\s+|A\s+|El\s+|Il\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w&'’.-]*"
    r"(?:\s+(?:(?:de|du|des|del|della|di|da|do|dos|der|la|le|von|van|of|the|and|y|e|et|und)\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ«»\"][\w&'’.-]*){0,3})$"
)

# Lines in which a site names itself, in the conventions of news pages: "More from Sportsnet",
# "Get push notifications from Sputnik International", "By Eric Song, IGN Staff", "Science
# writer at Gizmodo", "Subscribe to Inexhibit's newsletter", "Sign up for the TAG24 newsletter", "\"Daily Express\" is a registered
# trademark", "IGN® is ...", "Source: Moneycontrol.com", "The Hill's request for comment".
_BRAND_NAME = r"((?:The\s+)?[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})"
# The same name not running past a sentence's end (dots only inside a word: "Space.com").
_SENTENCE_BRAND_NAME = r"((?:The\s+)?[A-Z][\w&'-]*(?:\.[\w&'-]+)*(?:\s+[A-Z][\w&'-]*(?:\.[\w&'-]+)*){0,3})\b"
# The same name taking as few words as the rest of a pattern allows ("By Harbour Times Staff").
_SHORTEST_BRAND_NAME = _BRAND_NAME.replace("{0,3})", "{0,3}?)")
# A person's name as bylines print it: "Andy Sahadeo", "Troy L. Smith", "Mary McDonald-Lewis".
_PERSON = r"[A-Z][a-z][\w'’-]*(?: (?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){1,2}"
_PERSON_ANY = rf"(?:{_PERSON}|[A-Z]{{2,}}(?: (?:[A-Z]\.|[A-Z]{{2,}}[\w'’-]*)){{1,2}})"
# A name in any Latin or Cyrillic script ("Le Monde", "Süddeutsche Zeitung", "ЛІГА.net").
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_PARTICLE = r"(?:de|du|des|del|della|di|da|do|dos|der|die|das|la|le|von|van|of|the|and|y|e|et|und)"
_ANY_NAME = (
    rf"((?:The\s+|Le\s+|La\s+|Les\s+|Die\s+|Der\s+|Das\s+|O\s+|A\s+|El\s+|Il\s+)?[{_CAPITAL}][\w&'’.-]*"
    rf"(?:\s+(?:{_PARTICLE}\s+)?[{_CAPITAL}][\w&'’.-]*){{0,3}})"
)
# Bylines that name the reporter's newsroom; read in the furniture and in the body's first and last
# short lines, where a byline is sometimes left.
# A reporter's name in any Latin script: "Juan Pérez", "Anna Schmidt", "Jean-Marc Dupont".
_PERSON_LATIN = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?: (?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w'’-]+)){1,2}"
_BY_WORD = r"(?:By|Por|Von|Par|Di|Door)"
_BYLINE_CONTEXTS = [
    # "Por Juan Pérez | El Diario", "Von Anna Schmidt / Westfalen-Kurier", "Par Jean Dupont – Le Courrier du Sud"
    re.compile(rf"^{_BY_WORD}\s+{_PERSON_LATIN}\s*(?:\||/|[-–—])\s+{_ANY_NAME}$"),
    # "... , Le Courrier du Sud", "..., Westfalen-Kurier": after a comma only a name with an article or a
    # compound one (a city follows the comma as often: "Von Anna Schmidt, Berlin").
    re.compile(rf"^{_BY_WORD}\s+{_PERSON_LATIN},\s+((?:The|Le|La|Les|El|Il|Lo|Die|Der|Das|De|Het|O|A)\s+[{_CAPITAL}][\w&'’.-]*(?:\s+(?:{_PARTICLE}\s+)?[{_CAPITAL}][\w&'’.-]*){{0,3}}|[{_CAPITAL}][\w’']+-[{_CAPITAL}][\w’']+)$"),
    # "Jean Dupont pour Le Courrier du Sud", "Juan Pérez, para El Diario"; "Von Anna Schmidt für den Hafenkurier"
    # (the article the case of "für" governs is no part of the name), "By Jane Doe, for The Harbour Times".
    # English and German capitalise more than names ("Giveaway Rules for Entrants", "Offizielle Regeln für
    # Teilnehmer"): there the byline's word must open the line.
    re.compile(rf"^(?:{_BY_WORD}\s+)?{_PERSON_LATIN},? (?:pour|para) {_ANY_NAME}\.?$"),
    re.compile(rf"^{_BY_WORD}\s+{_PERSON_LATIN},? (?:für|for) (?:(?:den|die|das)\s+)?{_ANY_NAME}\.?$"),
    re.compile(rf"\b[Ss]pecial to (?:the )?{_BRAND_NAME}[.]?$"),
    # "Harbour Times reporter Jane Doe contributed to this report."
    re.compile(rf"^{_BRAND_NAME} (?:reporters?|staff writers?|correspondents?|writers?) {_PERSON}(?: and {_PERSON})? contributed\b"),
    # The newsroom credited with an agency's copy: "Le Monde avec AFP", "Tagesschau mit dpa".
    re.compile(rf"^([{_CAPITAL}][^|,:;]{{1,50}}?) (?:avec|mit|con|com) (?:l['’])?(?:{_WIRE_NAMES})(?:\s+(?:et|und|y|e)\s+\S.{{0,30}})?$"),
    # "By Eric Song, IGN Staff", "Jane Doe, Harbour Times Staff Writer" (a person's name, then the newsroom's).
    re.compile(rf"^(?:By )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}},\s+{_BRAND_NAME} (?i:staff|contributor|staff writer|correspondent|reporter|editor)\b"),  # "..., Harbour Times staff writer"
    # A newsroom's collective byline: "By NK News staff", "Dawn Web Desk", "Sky News Team".
    re.compile(rf"^(?:(?:Posted |Written |Compiled |Edited )?[Bb]y\s+|From\s+)?{_SHORTEST_BRAND_NAME} "
               rf"(?i:staff(?: writers?| reports?| reporters?)?|(?:web |news )?desk|newsroom|team)$"),  # "By HARBOUR TIMES STAFF" too
    # A byline naming the reporter's newsroom: "By Jane Doe, Harbour Times", "Written by Jane Doe for Harbour Times".
    re.compile(rf"^By {_PERSON_ANY},\s+{_BRAND_NAME}$"),  # "By JANE DOE, Harbour Times" too
    re.compile(rf"^By {_PERSON} for {_BRAND_NAME}[.]?$"),  # "By Jane Doe for The Harbour Times"
    re.compile(rf"\b(?:[Ww]ritten|[Rr]eported|[Pp]roduced) by {_PERSON} for {_BRAND_NAME}[.]?$"),
    # A byline credited to the newsroom: "Andy Sahadeo | Fox News", "Tim Childers - Live Science Contributor".
    re.compile(rf"^(?:By\s+)?{_PERSON}\s+(?:[|]|[-–—])\s+{_SHORTEST_BRAND_NAME}(?: (?:Staff|Contributor|Staff Writer|Correspondent|Reporter|Editor))?$"),
]
# "Follow X on Twitter", "Suivez X sur Facebook", "X on Facebook": as often the reporter as the site,
# so a weak sign that adds to a name the page gives itself elsewhere.
_FOLLOW_CONTEXTS = [
    re.compile(rf"\b(?:Follow|Like) {_BRAND_NAME} on (?:Twitter|Facebook|Instagram|LinkedIn|YouTube|Telegram|TikTok|X|Flipboard|Google News)\b"),
    re.compile(rf"^Follow {_BRAND_NAME} (?:online|on social media|on)\s*:?$"),  # "Follow Harbour Times online:", "Follow RT on" over the social links
    re.compile(rf"\b(?:Folgen Sie|Suivez|Siga|Sigue a|Segui|Ikuti|Подписывайтесь на|Підписуйтесь на|Підписуйтеся на) {_ANY_NAME} (?:auf|sur|no|na|en|su|di|в|у)\b"),
    # a line of the social links: "Harbour Times on Facebook" (read only when no verb line above matched)
    re.compile(rf"^{_ANY_NAME} (?:on|auf|sur|en|no|в|у) (?:Twitter|Facebook|Instagram|LinkedIn|YouTube|Telegram|TikTok|X|Flipboard)$"),
]
# A source line: "Source: Moneycontrol.com", "Fuente: El Heraldo", "Источник: X", "来源：X", "ที่มา: X", "출처: X".
_SOURCE_CONTEXTS = (
    re.compile(rf"\bSource:\s*{_BRAND_NAME}$"),
    re.compile(rf"^(?:Fuente|Fonte|Quelle|Источник|Джерело|Fonti)\s*:\s*{_ANY_NAME}$"),
    re.compile(rf"^(?:本文)?(?:来源|來源|出典|출처|ที่มา|المصدر)\s*[:：]\s*({_CASELESS_NAME})$"),  # "本文来源：X" ("this article's source") too
)

_BRAND_CONTEXTS = _BYLINE_CONTEXTS + [
    re.compile(rf"^More from {_BRAND_NAME}$"),  # "More on Russia" heads a topic's list: a topic, not the site
    # The logo link's and the menu's labels for screen readers: "Harbour Times homepage", "Go to the Harbour
    # Times home page", "Harbour Times main menu", "Harbour Times logo".
    re.compile(rf"^(?:(?:Go|Back|Return) to (?:the )?)?{_BRAND_NAME} (?:homepage|home page|main menu|logo)$"),
    re.compile(rf"^(?:Search|About|Follow|Support|Visit) {_BRAND_NAME}$"),
    re.compile(rf"\bnotifications from {_BRAND_NAME}$"),
    # (the name ends at a sentence's end: "a staff writer at the Bayview Chronicle. Email: ...")
    re.compile(rf"\b(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]ontributor) (?:at|for) (?:the )?{_SENTENCE_BRAND_NAME}"),
    # The reporter's note: "Jane Doe covers politics for The Harbour Times.", "Jean Dupont couvre la politique
    # pour Le Courrier du Port.", "Juan Pérez cubre política para El Diario.", "Anna Schmidt berichtet über
    # Politik für den Hafenkurier."
    re.compile(rf"^{_PERSON} (?:covers|reports on|writes about) [^.]{{1,60}}? for (?:the )?{_SENTENCE_BRAND_NAME}"),
    re.compile(rf"^{_PERSON_LATIN} (?:couvre|cubre|cobre|berichtet über|schreibt über) [^.]{{1,60}}? (?:pour|para|für) "
               rf"(?:(?:den|die|das)\s+)?{_ANY_NAME}\.?$"),
    re.compile(rf"\b(?:Subscribe to|Sign up for) {_BRAND_NAME}['’]s\b"),
    re.compile(rf"\b(?:Subscribe to|Sign up for|Get|Receive) (?:the )?{_BRAND_NAME} newsletters?\b"),  # "Subscribe to RT newsletter"
    # The site's own print edition offered under its name: "Subscribe to Harbour Times Magazine".
    re.compile(rf"\bSubscribe to (?:the )?{_SHORTEST_BRAND_NAME} Magazine\b"),
    re.compile(rf"\b(?:Abonnez-vous au magazine|Suscríbete a la revista|Assine a revista|Abbonati alla rivista|"
               rf"Abonnieren Sie das Magazin|Abonnieren Sie die Zeitschrift) {_ANY_NAME}[.!]?$"),
    re.compile(rf"\b(?:Download|Get|Install) the {_BRAND_NAME} app\b"),
    re.compile(rf"(?:^|[.]\s+)[\"“]?{_BRAND_NAME}[\"”]? is a registered trademark"),  # after the copyright line's sentence too
    re.compile(rf"(?:^|\.\s+){_BRAND_NAME}® (?:is|and)\b"),
    *_SOURCE_CONTEXTS,
    # A newsroom's byline: "Redação Correio do Minho", "Di Redazione Corriere del Garda", "Por Redacción | El Diario".
    _NEWSROOM_BYLINE,
    re.compile(rf"^{_BRAND_NAME},? \d{{1,5}} [A-Z][\w .]{{1,30}}\b(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard)\b"),  # footer address
    # "X is part of Y" / "X is a trademark of Y": the site speaking of itself in its footer.
    re.compile(rf"^{_BRAND_NAME} is (?:part|a (?:member|division|unit|brand|publication|property)) of\b"),
    # "Harbour Times is owned by Northgate Media", "Hafenkurier ist ein Angebot der Nordtor Medien GmbH",
    # "Le Courrier du Port fait partie du groupe Nordport": the site speaking of its owner.
    re.compile(rf"^{_BRAND_NAME} is (?:owned|published|operated) by\b"),
    re.compile(rf"^{_ANY_NAME} (?:ist ein Angebot (?:von|der|des)|ist Teil (?:von|der|des)|fait partie (?:de|du|des)|"
               rf"es parte de|é parte d[eoa]|fa parte d(?:i|el|ella))\b"),
    # The site's own pages and products in its menus and footer: "Contact BBC News", "Why you can
    # trust BBC News", "Working at Ascom", "Welcome to X". ("Jobs at WSJ", "Careers at X" name the
    # employer, often the parent company, and are not read.)
    re.compile(rf"^(?:Contact|Talk to|Why you can trust|Welcome to|Working at|"
               rf"Advertise (?:with|on|in)|Stay up to date with|Stay connected with|Connect with) {_BRAND_NAME}[.!]?$"),
    re.compile(rf"\b(?i:originally) (?:published|appeared|posted) (?:on|in|at|by) {_BRAND_NAME}[.!]?$"),
    re.compile(rf"^{_BRAND_NAME} is supported by its (?:audience|readers)\b"),
    # The footer's "about" sentence: "Harbour Times is an independent daily newspaper ...".
    re.compile(rf"^{_BRAND_NAME} is (?:an?|the|[A-Z][\w-]+['’]s) (?:[\w-]+,? ){{0,4}}(?:newspaper|news ?paper|news (?:site|website|organi[sz]ation|outlet|service|agency|channel|network|publication)|"
               rf"magazine|publication|news ?letter|blog|website|web ?site|broadcaster|radio station|television station|TV station)\b"),
    # "The Harbour Times Editorial Board": the opinion page's collective byline.
    re.compile(rf"^(?:By\s+)?{_SHORTEST_BRAND_NAME} (?:Editorial Board|Editorial Staff|Editors|Editorial)$"),
    # "Disclosure: ZDNet may earn a commission", "If you buy something through this post, IGN may get a share".
    re.compile(rf"(?:^|[:.,]\s+){_BRAND_NAME} (?:may|might|can|could) (?:earn|get|receive|collect) (?:an? )?(?:small )?(?:affiliate )?(?:commission|share|portion)\b"),
    re.compile(rf"\b(?:prior|express) written (?:permission|consent) of {_BRAND_NAME}[.]?$"),
    # The same conventions in other languages: follow, subscribe, about, work at.
    re.compile(rf"^(?:Über|À propos de|A propos de|Sobre(?: o| a| el| la)?|Acerca de|Tentang|Про|О|Об) {_ANY_NAME}$"),
    re.compile(rf"\b(?:Abonnez-vous à|Suscríbete a|Assine(?: o| a)?|Abonnieren Sie) {_ANY_NAME}$"),
    re.compile(rf"\b(?:Trabalhe|Trabaja|Arbeiten|Travailler) (?:no|na|en|bei|chez) {_ANY_NAME}$"),
    re.compile(rf"\b(?:[Dd]er|[Ll]a|[Ll]e) (?:Newsletter|newsletter) (?:von|de|du|des) {_ANY_NAME}$"),
    re.compile(rf"^{_ANY_NAME}-Newsletter\b"),
    re.compile(rf"\b(?:[Dd]er|[Ll]a|[Ll]e) (?:Newsletter|newsletter) (?:von|de|du|des) {_ANY_NAME} an$"),  # "Melden Sie sich für den Newsletter von X an"
]
# The site's products listed in its menus and footer ("CBS News App", "The Hill Apps", "Fox News
# Shop"): a name, often the site's short form ("SN Shop" on Sportsnet), so it is spelled out by
# any other signal of the same group.
_PRODUCT_LINE = re.compile(rf"^{_BRAND_NAME} (?i:apps?|store|shop|newsletters?|rss(?: feeds?)?)$")
# The site's app and podcast: "Download Harbour Times on the App Store", "Harbour Times on Google Play",
# "Listen to the Harbour Times podcast" (weak, as product lines are).
# A subscription offer names what is sold, the site or one of its products: "Sign up to our Harbour
# Times newsletter", "Jetzt Westfalen-Kurier abonnieren", "Подпишитесь на X", the whole line. (A bare
# "Subscribe to X" in English was tried: it names a premium tier or a newsletter as often, "Subscribe
# to CNBC PRO", and cost a page; only "Subscribe to X digital/today/now" is read, as a site line.)
# These never give the name's spelling (the last display tier).
_APP_LINES = (
    re.compile(rf"^(?:Download |Get )?{_BRAND_NAME} (?:on|in|from) (?:the App Store|Google Play)$"),
    re.compile(rf"\bListen to (?:the )?{_BRAND_NAME} podcast\b"),
    re.compile(rf"\b(?:Sign up (?:to|for)|Subscribe to) our {_BRAND_NAME} newsletters?\b"),
    re.compile(rf"^(?:Jetzt )?{_ANY_NAME} abonnieren[.!]?$"),
    re.compile(rf"^(?:Подпишитесь|Подписывайтесь|Підпишіться|Підписуйтесь|Підписуйтеся) на {_ANY_NAME}[.!]?$"),
    # The app and the newsletter in the other languages: "Descarga la app de X", "Scarica l'app di X",
    # "Baixe o app do X", "Téléchargez l'application X", "Iscriviti alla newsletter del X".
    re.compile(rf"^(?:Descarga|Descargue|Scarica|Baixe|Baixa|Téléchargez|Telecharger|Télécharger) (?:la |l['’]|o |a )?"
               rf"(?:app|aplicación|applicazione|aplicativo|application|appli)(?: de(?:l)?| di| do| da| du)? {_ANY_NAME}[.!]?$"),
    re.compile(rf"\b(?:Iscriviti alla|Suscríbete al|Assine a|Inscrivez-vous à la) newsletter (?:de(?:l)?|di|do|da|du|dell['’]) ?{_ANY_NAME}[.!]?$"),
    # CJK: "Xアプリをダウンロード", "X 앱 다운로드", "下载X客户端"
    re.compile(rf"^({_CASELESS_LETTER}{{2,12}})\s*(?:公式)?アプリ(?:を|で)?ダウンロード"),
    re.compile(rf"^({_CASELESS_LETTER}{{2,12}})\s*앱\s*다운로드"),
    re.compile(rf"^下载({_CASELESS_LETTER}{{2,12}}?)(?:客户端|APP|App)"),
)
_AU_NAME = re.compile(rf"\bAbonnez-vous au ([{_CAPITAL}][\w'’-]*(?:\s+(?:{_PARTICLE}\s+)?[{_CAPITAL}][\w'’-]*){{0,3}})[.!]?$")
# In the body, a site names itself when its staff is the one addressed: "The Hill's request for
# comment"; "told The Hill in a statement" too, but articles also cite other outlets that way, so
# that one only adds to a name the furniture already gives.
_BODY_BRAND_CONTEXT = re.compile(
    rf"\b(?:to|for|with) {_BRAND_NAME}['’]s (?:requests? for comment|inquiry|inquiries|questions|emails?|calls?|messages?)\b"
    # "Fox News has reached out to the company for comment": the newsroom speaking of itself.
    rf"|(?:^|(?<=[.!?]\s)|(?<=\n)){_BRAND_NAME} (?:has|have) (?:reached out to|contacted|asked)\b.{{0,120}}\bcomment\b"
)
# The page's own dateline names its newsroom: "WASHINGTON (CNN) —", "LONDON (Sky News) -".
_OWN_DATELINE = re.compile(rf"^[A-Z][A-Za-z .,'’-]{{1,40}}\s*\({_BRAND_NAME}\)\s*[-–—]")
_BODY_TOLD_CONTEXT = re.compile(rf"\btold {_BRAND_NAME} in an? (?:statement|email|interview)\b")
_NOT_NAMES = {
    "us", "me", "this", "the", "our", "more", "all", "it", "you", "here", "top", "start", "article", "story",
    # "Tentang Kami", "Sobre o Blog", "Über die Redaktion": the site speaking of itself without its name.
    "kami", "uns", "nous", "nosotros", "nós", "noi", "нас", "blog", "site", "website", "page", "portal", "project",
    "company", "team", "author", "authors", "redaktion", "rédaction", "redação", "redacción", "redaksi", "projekt",
    "projet", "proyecto", "projeto", "comments", "entries", "posts", "feed", "feeds",
}


def _title_suffix_name(title: str, removed) -> str:
    """The site name a page prints after its own headline, as its browser title does ("Quake kills
    100 | Harbour Times", "Quake kills 100 - Harbour Times", printed by a share text or a print
    header, also after a share label: "Share this: Quake kills 100 - Harbour Times"), or ""; related lists and comments are not read."""
    if len(title.split()) < 3 and not (sig.cjk_ratio(title) > 0.5 and len(title) >= 8):
        return ""
    # A share label may stand before it: "Share this: Quake kills 100 - Harbour Times".
    suffix = re.compile(
        rf"^(?:[^\W\d][\w'’]*(?:\s+[\w'’]+){{0,2}}\s*[:：]\s+)?{re.escape(title.strip())}(?:\s+[|｜–—-]\s+|\s*｜\s*)({_BRAND_NAME}|{_CASELESS_NAME}|[^\s|｜]{{2,30}})\s*$"
    )
    for block in removed:
        if block.kind in ("comment", "related"):
            continue
        for line in block.text.splitlines():
            match = suffix.match(line.strip())
            if match and not sig.is_nav_word(match.group(1)) and match.group(1).lower() not in _NOT_NAMES:
                return _clean_site(match.group(1))
    return ""


def _title_prefix_name(title: str, removed, body: str) -> str:
    """The site name a page prints before its own headline ("Harbour Times | Quake kills 100", "Harbour
    Times - Quake kills 100"), or "": a short name-shaped line part that is no section's label, kicker or
    menu word ("Opinion | ...", "Live - ...", "Video | ...") and that the article never names (a topic's
    tag, "Elections | ...", is a word of the story). Related lists and comments are not read."""
    if len(title.split()) < 3 and not (sig.cjk_ratio(title) > 0.5 and len(title) >= 8):
        return ""
    prefix = re.compile(rf"^(.{{2,40}}?)(?:\s+[|｜–—-]\s+|\s*｜\s*){re.escape(title.strip())}\s*$")
    for block in removed:
        if block.kind in ("comment", "related"):
            continue
        for line in block.text.splitlines():
            match = prefix.match(line.strip())
            if not match:
                continue
            name = match.group(1).strip()
            caseless = sig.cjk_ratio(name) > 0.5 or re.fullmatch(_CASELESS_NAME, name)
            if (
                (caseless or _name_shaped(name))
                and _names_a_site(name)
                and not _menu_label(name)
                and not re.search(r"[|｜>»/]", name)  # a breadcrumb's trail, not a name
                and not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body)
            ):
                return _clean_site(name)
    return ""


_ROLE = re.compile(
    r"(?i)\b(?:editor|correspondent|reporter|writer|contributor|columnist|staff|chief|bureau|producer|analyst|director|"
    r"manager|president|professor|fellow|intern|photographer|author|special|senior|contributing|freelance)s?\b"
)


# A street address as footers print it, in several countries' orders.
_STREET = re.compile(
    r"^(?:\d{1,5}[a-z]?,?\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|"
    r"Lane|Ln\.?|Way|Place|Pl\.?|Plaza|Square|Sq\.?)\b"
    r"|\d{1,4},?\s+(?:rue|avenue|boulevard|bd|place|quai|allée)\s"
    r"|[A-ZÄÖÜ][\wäöüß.-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d"
    r"|(?:Calle|Avenida|Av\.|Rua|Via|Viale|Piazza|Corso|ул\.|улица|вул\.|вулиця|проспект)\s)"
)


def _names_a_site(name: str) -> bool:
    """A name a self-naming line gives can be a site's: not a pronoun ("About Us"), a wire agency,
    a menu label ("Contact Politics") or a word of page chrome ("Follow Newsletter on")."""
    name = name.strip(" .,'’")
    return (
        bool(name)
        and name.lower() not in _NOT_NAMES
        and not _is_wire(name)
        and not _PHOTO_CREDIT.search(name)  # "Alex Wong | Getty Images" credits a photo
        and not _ROLE.search(name)  # "By Jane Doe, Senior Editor": the reporter's title
        and not _UI_WORDS.search(name)
        and not sig.is_nav_word(name)
        # a phrase cut out of a label, not a name: "Search For Life", "Meet The Team" -> "For Life", "Meet The"
        and not re.match(r"(?:For|To|With|In|On|At|From|Into|About)\s", name)
        and not re.search(r"\s(?:The|A|An|Of|And|For|To)$", name)
    )


def _self_naming(removed, body: str, zones: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(name, kind) for each line where the page calls itself by a name ("self_naming": the
    conventions of _BRAND_CONTEXTS, its own dateline, its newsroom addressed in the body) and each
    line that is such a name alone ("logo_line"). Menus and related lists hold the logo and "More
    from X" too; only comments are never read. A line the page repeats (a menu shown twice) names
    once; a wire agency never names the site. ("told X in a statement" adds to a name the page
    already gives itself, never names one alone: articles cite other outlets that way.)
    (A name printed alone in both header and footer was tried as a vote: menus repeat there too.)"""
    found: list[tuple[str, str]] = []
    lines = [line.strip() for block in removed if block.kind != "comment" for line in block.text.splitlines() if line.strip()]
    # A related story's teaser carries its own byline ("By Jane Doe | Other Paper"): bylines are read
    # outside related lists only (a line between the headline and the body is the page's own byline).
    zones = zones or ("",) * len(removed)
    related = {
        line.strip() for block, zone in zip(removed, zones) if block.kind == "related" and zone != "head" for line in block.text.splitlines()
    }
    for line in dict.fromkeys(lines):
        for pattern in _BRAND_CONTEXTS:
            if line in related and pattern in _BYLINE_CONTEXTS:
                continue
            match = pattern.search(line)
            if match and _names_a_site(match.group(1)):
                name = match.group(1).strip(" .,'’")
                weak = pattern in _SOURCE_CONTEXTS and not _press_named(name)
                found.append((name, "source_line" if weak else "self_naming"))
                break
    # The footer's postal address under the publisher's name: "Harbour Times" / "12 Dock Street, Portville".
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    for run in (lines, paragraphs[-4:]):  # a footer is sometimes left at the body's end
        for name, after in zip(run, run[1:]):
            if _STREET.match(after) and _name_shaped(name) and _names_a_site(name):
                found.append((name, "self_naming"))
    follows = [  # one per distinct line: "X on Facebook" and "X on Twitter" are two of the site's accounts
        match.group(1).strip(" .,'’")
        for line in dict.fromkeys(lines)
        if (match := next((m for pattern in _FOLLOW_CONTEXTS if (m := pattern.search(line))), None))
    ]
    found += [(name, "follow_line") for name in follows if _names_a_site(name)]
    # "Follow us on Twitter @HarbourTimes": the site's own account, its words run together.
    handles = {_handle_words(match.group(1)) for line in dict.fromkeys(lines) if (match := _FOLLOW_HANDLE.search(line))}
    found += [(name, "follow_line") for name in sorted(handles) if _names_a_site(name)]
    for line in dict.fromkeys(paragraphs[:2] + paragraphs[-3:]):
        match = next((m for pattern in _BYLINE_CONTEXTS if len(line.split()) <= 12 and (m := pattern.search(line))), None)
        if match and _names_a_site(match.group(1)):
            found.append((match.group(1).strip(" .,'’"), "self_naming"))  # a byline left in the body
    found += [(name, "affix_name") for name in _repeated_affix(removed)]
    products = {match.group(1).strip(" .,'’") for line in lines if (match := _PRODUCT_LINE.match(line))}
    found += [(name, "product_line") for name in sorted(products) if _names_a_site(name)]
    offers = {match.group(1).strip(" .,'’") for line in lines if (match := next((m for p in _APP_LINES if (m := p.search(line))), None))}
    # "Abonnez-vous au Courrier du Sud": "au" is "à le", the name's article.
    offers |= {f"Le {match.group(1)}" for line in lines if (match := _AU_NAME.search(line))}
    found += [(name, "offer_line") for name in sorted(offers) if _names_a_site(name)]
    dateline = _OWN_DATELINE.match(body.lstrip()[:200])
    if dateline and not _is_wire(dateline.group(1)):  # "(Reuters) -" credits a wire
        found.append((dateline.group(1).strip(" .,'"), "self_naming"))
    for match in _BODY_BRAND_CONTEXT.finditer(body):
        name = (match.group(1) or match.group(2)).strip(" .,'")
        if name.lower() not in _NOT_NAMES and not _is_wire(name):
            found.append((name, "self_naming"))
    # The page's own reporter ("By Jane Doe" ... "More from Jane Doe": the author's other stories) is no
    # site; a blog signing as its own name ("By Harbour Times") still names itself by other lines.
    authors = {
        _letters(match.group(1)) for line in lines + paragraphs[:2] if (match := _AUTHOR_LINE.match(line))
    }
    more_from = {_letters(match.group(1)) for line in lines if (match := _MORE_FROM.match(line))}
    found = [(name, kind) for name, kind in found if not (_letters(name) in authors and _letters(name) in more_from)]
    # A name alone on a line echoes a name the page calls itself by; a follow, product, offer or source
    # line's name is no such call ("Follow Newsbeat on Twitter" under a "Newsbeat" menu item made it the site).
    named = {name for name, kind in found if kind == "self_naming"}
    for name in {match.group(1).strip(" .,'") for match in _BODY_TOLD_CONTEXT.finditer(body)} & named:
        found.append((name, "self_naming"))
    found += [(line, "logo_line") for line in lines if line in named]
    return found


# "By Jane Doe", "By Jane Doe | March 3, 2024": the reporter's name alone ("By Harbour Times staff" is the newsroom's).
_MORE_FROM = re.compile(r"^More (?:from|by) (.+)$")
_AUTHOR_LINE = re.compile(rf"^(?:{_BY_WORD}:?\s+)({_PERSON_LATIN})\s*(?:$|[,|/–—]|\s-\s|\s+(?:and|&)\s)")
_FOLLOW_HANDLE = re.compile(r"(?i)\bfollow us\b[^@]{0,30}@([A-Za-z][A-Za-z0-9_]{2,30})\b")


def _handle_words(handle: str) -> str:
    """A social handle as the name it runs together: "HarbourTimes" -> "Harbour Times"; "nknews" as is."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", handle.replace("_", " ")).strip()


_AFFIX_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_MIN_AFFIX_LINES = 3


def _repeated_affix(removed) -> list[str]:
    """A name the furniture prints on one side of a separator in three or more lines, each with a
    different other side ("Ascom | Hospital Solutions", "Ascom | Hotel Solutions", ...; "Page A -
    Harbour Times", "Page B - Harbour Times"): the site titling its own pages. Comments and related
    lists are not read."""
    partners: dict[str, set[str]] = {}
    for block in removed:
        if block.kind in ("comment", "related"):
            continue
        for line in block.text.splitlines():
            parts = _AFFIX_SEPARATOR.split(line.strip())
            if len(parts) != 2:
                continue
            for side, other in ((parts[0], parts[1]), (parts[1], parts[0])):
                if _name_shaped(side) and _names_a_site(side):
                    partners.setdefault(side, set()).add(other)
    return [name for name, others in partners.items() if len(others) >= _MIN_AFFIX_LINES]


_BRAND = re.compile(r"(?:The\s+)?[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)+")


def _recurring_brand(removed, holder: str) -> str:
    """A name of two or more words that the page's short furniture lines keep repeating
    ("CBS Sports Home", "Watch CBS Sports HQ", "CBS Sports can send me"), and that contains the
    copyright holder's name ("CBS Interactive" -> "CBS"): the brand readers see, not the company."""
    if not holder:
        return ""
    key = _letters(holder.split()[0])
    counts: dict[str, set[str]] = {}
    for block in removed:
        if block.kind in ("comment", "related"):
            continue
        for line in block.text.splitlines():
            line = line.strip()
            if not line or len(line.split()) > 10:
                continue
            for match in _BRAND.finditer(line):
                words = match.group(0).split()
                for size in range(2, min(3, len(words)) + 1):
                    for start in range(len(words) - size + 1):
                        name = " ".join(words[start : start + size]).strip(" .,'-&")
                        if _letters(name.split()[0]) == key or (name.startswith("The ") and _letters(name.split()[1]) == key):
                            counts.setdefault(name, set()).add(line)
    supported = [(len(lines), name) for name, lines in counts.items() if len(lines) >= 3]
    return max(supported)[1] if supported else ""


def _same_name(one: str, other: str) -> bool:
    a, b = _letters(one), _letters(other)
    return bool(a and b) and (a in b or b in a)


def _printed_again(name: str, credit_lines: list[str]) -> bool:
    """The name occurs in the page's credit, date or subscription lines too."""
    letters = _letters(name)
    return any(letters in _letters(line) for line in credit_lines if line.strip() != name)


def _brand_of(holder: str, page_lines: list[str]) -> str:
    """A company's brand as the page prints it most: "CBS" (CBS Interactive) -> "CBS News", "Insider"
    (Insider Inc.) -> "Business Insider" when the page says so 3+ times."""
    if not holder or " " in holder:
        return holder
    counts: dict[str, int] = {}
    for line in page_lines:
        for match in re.finditer(rf"\b{re.escape(holder)}\s+([A-Z][a-z]+)\b", line):
            name = f"{holder} {match.group(1)}"
            counts[name] = counts.get(name, 0) + 1
        # "Insider Inc." -> "Business Insider": the brand may put a word before the company's name.
        for match in re.finditer(rf"(?<![\w-])([A-Z][a-z]+)\s+{re.escape(holder)}\b", line):
            if match.group(1).lower() not in _NAME_PARTICLES and not _UI_WORDS.search(match.group(1)):
                name = f"{match.group(1)} {holder}"
                counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda item: item[1], default=("", 0))
    return best[0] if best[1] >= 3 else holder
