"""Families of web-page text that is not the story, each with many phrasings and a reason a reader understands.

Patterns are matched case-insensitively against one line (block) or one sentence. `LINE` patterns
must cover the whole line (a bare "Advertisement" or "Share" is chrome; the same word inside a
sentence is not); `PHRASE` patterns may sit anywhere in a sentence, and are specific enough that
news prose does not use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reliability.language.dates import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS


@dataclass(frozen=True)
class Family:
    name: str
    reason: str
    line: re.Pattern[str] | None = None
    phrase: re.Pattern[str] | None = None
    words: frozenset[str] = frozenset()  # the words its phrasings are built on: a line without one is not tried
    phrase_clues: tuple[str, ...] | None = (
        None  # lower-case strings one of which is in every text `phrase` matches (None: unknown)
    )

    def matches_line(self, text: str) -> bool:
        """`line` covers the line `text`."""
        return self.line is not None and self.line.match(text) is not None

    def matches_phrase(self, text: str, lower: str) -> bool:
        """`phrase` is somewhere in `text` (`lower` is text.lower()); the clues spare the regex most lines."""
        return self.phrase is not None and _has_clue(lower, self.phrase_clues) and self.phrase.search(text) is not None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LINE_HEAD, _LINE_TAIL = r"^\W*(?:", r")\W*$"


def _line(*alternatives: str) -> re.Pattern[str]:
    return re.compile(_LINE_HEAD + "|".join(alternatives) + _LINE_TAIL, re.IGNORECASE)


def _phrase(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


_SOCIAL = r"(?:facebook|twitter|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|threads|bluesky|google news|flipboard|reddit|pinterest)"
_DAYTIME = rf"(?:[\d:./ ,-]++|(?:{WEEKDAY_ABBREVIATIONS})\w*|(?:{MONTH_ABBREVIATIONS})\w*|am|pm|[ap]\.m\.|gmt|utc|ist|[a-z]{{2,4}}t|ago|hours?|mins?|minutes?|updated|published|posted|on|at)*+"  # possessive: no backtracking into a stamp

FAMILIES: tuple[Family, ...] = (
    Family(
        "navigation",
        "site navigation (a breadcrumb or menu), not part of the story",
        line=_line(
            r"(?:home|news|world|politics|business|sport|sports|opinion|video|live|trending)(?:\s*(?:>|»|›|/|\||·)\s*[\w&' -]{2,30}){1,6}",
            r"skip to (?:main )?content",
            r"(?:main )?menu",
            r"search",
            r"sign in",
            r"log ?in",
            r"register",
            r"(?-i:Home(?:[A-Z][a-z]+)+).*",
            r"(?-i:(?:[A-Z]\w+ )?News(?:[A-Z][a-z]+){1,4})",
            r"back to top",
            r"toggle navigation",
            r"(?:home|world|news)(?:\s+(?:world|news|asia|europe|africa|americas|politics|business|india|pakistan|uk|us))+",
        ),
    ),
    Family(
        "empty_byline",
        "a byline or time stamp from the page layout, not part of the story",
        line=_line(
            rf"(?:published|posted|updated|last updated|first published|modified)\s*(?:on|at|:)?\s*{_DAYTIME}",
            r"by",
            r"by\s+(?:staff|admin|editor|web desk|news desk|our correspondent)",
            r"(?:\d+\s*)?min(?:ute)?s?\s+read",
            r"reading time\W*\d+\s*min\w*",
        ),
        phrase=_phrase(r"\bthis (?:article|story|post) (?:went live|was published|was last updated) on\b[^.!?]*"),
    ),
    Family(
        "related_links",
        "a list of links to other articles (related, latest, recommended), not part of the story",
        line=_line(
            r"(?:latest|related|recommended|popular|trending|top|more|recent|featured|editor'?s? picks?|must read)"
            r"(?: (?:articles|stories|news|posts|reads|videos|links|coverage|on \w+(?: \w+)?|from \w+(?: \w+)?|now|today|for you))?",
            r"more like this",
            r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
            r"also read",
            r"read (?:more|next|also)",
            r"most (?:read|popular|viewed|shared|watched)",
            r"don'?t miss",
            r"in (?:other|case you missed it|the news)",
            r"(?:what|stories) (?:to|you) (?:read|watch) next",
            r"more (?:from|on) (?:this|our) \w+",
            r"keep reading",
            r"see also",
            r"(?:also read|read more|read also|also|read|watch|listen|related|more|see also|see)\s*:.{0,160}",
            r"(?:continue reading|full (?:story|coverage|article)|watch (?:live|now|the video|video|more)|listen (?:live|now)|click here)\b.{0,80}",
        ),
    ),
    Family(
        "newsletter_social",
        "a newsletter, app or social-media call, not part of the story",
        line=_line(
            r"share(?: this)?(?: (?:article|story|post|page))?(?: on \w+)?",
            rf"(?:share|tweet|email|print|copy link|comments?|{_SOCIAL})(?:\s*[|/·,]?\s*(?:share|tweet|email|print|copy link|comments?|{_SOCIAL}))*",
            r"follow us",
            r"subscribe(?: now| today| here)?",
            r"sign up(?: now| here)?",
            r"newsletters?",
        ),
        phrase=_phrase(
            r"\b(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my)\b[^.!?]{0,60}\b(?:newsletter|briefing|digest|alerts|updates|emails?)",
            r"\b(?:delivered|sent) (?:straight |directly )?to your inbox",
            r"\bstraight to your inbox",
            rf"\bfollow (?:us|our \w+(?: \w+)?) on {_SOCIAL}",
            rf"\bis now on {_SOCIAL}",
            rf"\bjoin (?:us|our \w+(?: \w+)?) on {_SOCIAL}",
            r"\bfollow our (?:whatsapp |telegram )?channel\b",
            rf"\bjoin our {_SOCIAL} (?:channel|group|community)\b",
            r"\bdownload (?:our|the) (?:free )?(?:\w+ )?app\b",
            r"\bget (?:the|our) (?:latest|best|top) [^.!?]{0,40}\b(?:in your inbox|on your phone|delivered)",
            r"\bclick here to (?:subscribe|sign up|read|download|follow|join)",
            r"\bturn on (?:push )?notifications",
            rf"\bshare (?:this|on) {_SOCIAL}",
            r"\benter your email\b",
            r"\bby signing up,? you agree\b",
        ),
    ),
    Family(
        "donation",
        "an appeal for money or membership from the publisher, not part of the story",
        line=_line(
            r"donate(?: now| today)?",
            r"support (?:us|our journalism|independent journalism)",
            r"become a (?:member|supporter|subscriber)",
        ),
        phrase=_phrase(
            r"\b(?:we|this site|our newsroom) can (?:only )?continue (?:only )?with your support",
            r"\bsupport (?:our|independent|quality|public[- ]interest|fearless|free) (?:\w+ )?journalism",
            r"\b(?:please )?(?:consider )?(?:make|making) a (?:small |one-off |monthly |regular )?(?:donation|contribution)",
            r"\bdonate (?:now|today|to (?:us|our|the \w+))",
            r"\bbecome a (?:paying )?(?:member|supporter|patron|subscriber)\b",
            r"\b(?:journalism|reporting|our work) (?:that )?(?:depends|relies) on (?:readers|you|your support)",
            r"\bif you (?:value|like|enjoy|appreciate) (?:our|this|what we)\b[^.!?]{0,50}\b(?:support|donat|subscri|contribut)",
            r"\bchip in\b",
            r"\bevery (?:contribution|donation), (?:however|big or) small\b",
            r"\bsupported by (?:readers|you)\b",
            r"\breal journalism (?:holds|needs)\b",
            r"\bindependent journalism (?:needs|is under threat|costs)\b",
        ),
    ),
    Family(
        "cookies_legal",
        "a cookie, privacy or copyright notice from the web page, not part of the story",
        line=_line(
            r"(?:©|\(c\)|copyright)\s*.{0,80}",
            r"all rights reserved\.?.{0,40}",
            r"accept(?: all)?(?: cookies)?",
            r"privacy policy",
            r"terms (?:of use|and conditions|of service)",
            r"cookie (?:policy|settings|preferences)",
        ),
        phrase=_phrase(
            r"\bwe use cookies\b",
            r"\bthis (?:site|website) uses cookies\b",
            r"\bby continuing to (?:browse|use),? you (?:agree|accept|consent)",
            r"\bby continuing to (?:browse|use) (?:this|our) (?:site|website)",
            r"\byou (?:agree|consent) to (?:our|the) (?:use of cookies|cookie policy|privacy policy)\b",
            r"\ball rights reserved\b",
            r"\bmay not be (?:published|reproduced|copied), broadcast,? rewritten,? or redistributed\b",
            r"\bmanage (?:your )?(?:cookie|privacy) (?:settings|preferences)\b",
            r"\baccept (?:all )?cookies\b",
        ),
    ),
    Family(
        "advertising",
        "an advertisement or its label, not part of the story",
        line=_line(
            r"advertisement",
            r"advertising",
            r"ad(?:vert)?",
            r"sponsored(?: content| post| links?| stories)?",
            r"promoted(?: content| stories)?",
            r"paid (?:content|post|partnership)",
            r"(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)",
            r"ad feedback",
            r"partner content",
            r"\w+ content by \w+",
        ),
        phrase=_phrase(
            r"\b(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)\b",
            r"\bscroll (?:down )?to continue reading\b",
        ),
    ),
    Family(
        "caption",
        "a photo caption or picture credit from the page layout, not part of the story",
        line=_line(
            r"(?:photo|image|picture|video|graphic|illustration|gallery|slideshow)s?(?: credit)?\s*[:|].{0,200}",
            r"(?:click|tap) (?:to|here to|the image to) (?:enlarge|view|zoom).{0,40}",
            r"(?:enlarge|zoom|view) (?:this )?(?:image|photo|gallery|slideshow)",
            r"\d+ (?:of|/) \d+(?: (?:photos?|images?))?",
            r"(?:file )?photo",
        ),
        phrase=_phrase(
            r"\((?:ap|afp|reuters|getty|epa|pa|bloomberg|xinhua|file|ani|pti|ians|aap|cp|upi)(?: images| photo| wire)?(?:/[^)]{0,60})?\)\W*$",
            r"\b(?:getty images|shutterstock|ap photo|afp via getty|reuters/|epa-efe|pa wire|photograph:|photo by|photo courtesy)",
            r"\b(?:file )?photo(?:graph)?:",
            r"\b(?:photo|picture|image)(?:graph)? (?:by|courtesy of|credit)\b",
            r"\bcredit: [A-Z]",
            r"\b(?:is|are) (?:seen|pictured|shown) (?:here |above |below |in this )",
            r"\bin this (?:undated |handout |file )*(?:photo|picture|image)\b",
            r"\b(?:left|right|centre|center|top|above|below)\)",
            r"\(pictured\)",
        ),
    ),
    Family(
        "affiliate",
        "an affiliate or sponsorship disclosure, not part of the story",
        line=_line(
            r"(?:sponsored|presented|brought to you|powered|supported) by .{1,60}",
            r"in (?:partnership|association) with .{1,60}",
        ),
        phrase=_phrase(
            r"\bwe (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|affiliate|share of (?:sales|revenue))",
            r"\baffiliate (?:links?|commission|partners?)\b",
            r"\bwhen you (?:buy|shop|click) (?:through|via|using) (?:our |the )?links\b",
            r"\b(?:this|the) (?:post|article|content|story) (?:contains|includes|may contain) (?:affiliate|sponsored|paid)\b",
            r"\b(?:independently|editorially) (?:selected|chosen|reviewed)\b",
            r"\bat no (?:extra|additional) cost to you\b",
            r"\bthis (?:content|article|feature) (?:is|was) (?:sponsored|paid for|produced) by\b",
        ),
    ),
    Family(
        "author_bio",
        "a note about the author from the page layout, not part of the story",
        line=_line(
            r"about the (?:author|writer|reporter)",
            r"more (?:articles|stories|posts) (?:by|from) .{1,40}",
            r"(?:author|writer|reporter|columnist|contributor)s?(?: profile)?",
            r"(?:email|contact) (?:the )?(?:author|reporter|writer|us).{0,60}",
        ),
        phrase=_phrase(
            r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} (?:is|was|has been) (?:a|an|the|our) (?:[\w-]+ ){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|blogger|freelancer)\b",
            r"\b(?:contact|email|reach|write to) (?:him|her|them|the (?:author|reporter|writer)) at\b",
            r"\bfollow (?:him|her|them) on (?:twitter|x|instagram|bluesky)\b",
            r"\b(?:he|she|they) can be (?:reached|contacted) at\b",
            r"@[A-Za-z0-9_.-]+\.(?:com|org|net|co\.uk)\b",
        ),
    ),
    Family(
        "login_search",
        "a search box or login prompt from the web page, not part of the story",
        line=_line(
            r"search(?: (?:for|this site|the site|news|our archive)\b.{0,40})?",
            r"(?:log|sign) (?:in|out|up)(?: (?:or|/) (?:register|sign up))?",
            r"register(?: now| for free)?",
            r"(?:forgot|reset) (?:your )?password\??",
            r"(?:user ?name|password|e-?mail(?: address)?)\s*:?",
            r"my account",
            r"create (?:a free |an )?account",
        ),
        phrase=_phrase(
            r"\b(?:log|sign) in to (?:comment|continue|read|post|view|reply)\b",
            r"\bcreate (?:a free |an )?account\b",
            r"\bforgot (?:your )?password\b",
            r"\balready (?:a subscriber|have an account|registered)\b",
            r"\bsubscribers? only\b",
        ),
    ),
    Family(
        "comments",
        "the page's comment section, not part of the story",
        line=_line(
            r"comments? (?:are|is) (?:now )?(?:closed|disabled|off)",
            r"(?:leave|post|add|write) a (?:comment|reply)",
            r"\d+ (?:comments?|replies|responses)",
            r"(?:view|show|load|read|hide) (?:all )?(?:\d+ )?comments?",
            r"join the (?:conversation|discussion|debate)",
            r"(?:no|be the first to) comments?(?: yet)?",
        ),
        phrase=_phrase(r"\byou must be (?:logged|signed) in to (?:post|leave|add) a comment\b"),
    ),
)

# The words each family's phrasings are built on: a line with none of them is not tried against its patterns.
_FAMILY_WORDS = {
    "navigation": "home menu search skip navigation sections section login log sign register back top toggle news world",
    "empty_byline": "published updated posted modified by read min mins minute minutes reading went live last first staff admin desk correspondent",
    "related_links": "related latest recommended popular trending more read also watch listen next miss stories articles continue click full see like picks reads keep top recent featured most missed",
    "newsletter_social": "newsletter newsletters subscribe sign inbox follow facebook twitter whatsapp telegram instagram linkedin youtube tiktok app download notifications share email join channel alerts register tweet print copy link comments",
    "donation": "donate donation donations support contribution contributions member membership patron journalism chip contribute supporter subscriber continue",
    "cookies_legal": "cookies cookie privacy copyright rights reserved terms consent policy reproduced redistributed published accept ©",
    "advertising": "advertisement advertising ad advert sponsored promoted paid partner scroll continues content feedback",
    "caption": "photo photos image images picture pictures credit getty shutterstock ap afp reuters epa file pictured seen shown enlarge zoom gallery slideshow video graphic left right center centre top above below photograph courtesy illustration xinhua pa wire handout bloomberg click tap view ani pti ians aap cp upi",
    "affiliate": "commission affiliate sponsored partnership links selected chosen reviewed cost presented powered brought association supported earn receive buy shop",
    "author_bio": "author reporter correspondent editor writer journalist columnist contributor producer blogger freelancer reached contact email follow twitter write articles stories posts",
    "login_search": "search log login sign register password account subscriber subscribers registered username user forgot reset my create",
    "comments": "comment comments reply replies responses conversation discussion debate logged signed closed leave",
}


def _has_clue(lower: str, clues: tuple[str, ...] | None) -> bool:
    return clues is None or any(map(lower.__contains__, clues))


CLUE_CHARS = 12  # a clue need not be longer to be rare
_MAX_CLUES = 100  # past this many, checking them costs about what the regex does


def literal_clues(pattern: re.Pattern[str] | None) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` contains, read from its parsed form: the
    literal text at the start of each alternative (after any optional or variable part). A line holding
    none of them cannot match, so the regex is not run: the same answers, found without scanning every
    line with every alternative. None when some alternative has no literal text to go by."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]  # private, in CPython 3.11 to 3.14
    except ImportError:  # no parser to read: no clues, every regex runs (the same answers, slower)
        return None
    if pattern is None:
        return None
    found = _clues(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None:
        return None
    shortest = sorted(set(found), key=len)
    kept = tuple(
        c for i, c in enumerate(shortest) if not any(other in c for other in shortest[:i])
    )  # "join our" covers "join our x"
    return kept if len(kept) <= _MAX_CLUES else None


def _clues(items: list[tuple[Any, Any]], start: str = "") -> list[str] | None:
    """Clues for the parsed sequence `items`, each beginning with `start` (the literal text read so far)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if len(start) >= CLUE_CHARS:
            return [start]
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the literal text around it is contiguous
        if op is sre.LITERAL:
            start += chr(av).lower()
            continue
        if op is sre.SUBPATTERN:
            return _clues(list(av[-1]) + rest, start)
        if op is sre.BRANCH:
            found: list[str] = []
            for alternative in av[1]:
                more = _clues(list(alternative) + rest, start)
                if more is None:
                    return None
                found += more
            return found
        if start:
            return [start]  # a variable part after literal text: the text so far is the clue
        return _clues(rest)  # a variable part first: what must follow it is the clue
    return [start] if start else None


FAMILIES = tuple(
    replace(f, words=_words(_FAMILY_WORDS[f.name]), phrase_clues=literal_clues(f.phrase)) for f in FAMILIES
)

# Covers a line iff some family's whole-line pattern does: one regex call spares the twelve on most lines
# (the families' alternatives side by side, between the head and tail they share).
ANY_LINE = _line(*(f.line.pattern[len(_LINE_HEAD) : -len(_LINE_TAIL)] for f in FAMILIES if f.line is not None))

# A headline in a list of teasers: "15 Celebrities You'd Never Guess Are This Age".
LISTICLE_TITLE = re.compile(r"^\d{1,3} (?:[A-Z0-9][\w'’-]*|[a-z]{1,4})(?: (?:[A-Z0-9][\w'’-]*|[a-z]{1,4})){2,14}\W?$")

# Credits that say where syndicated copy came from: worth knowing, not a defect.
SYNDICATION = _phrase(
    r"\b(?:this|the) (?:article|story|report|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|ran) (?:on|in|at|by)\b",
    r"\b(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b",
    r"\brepublished (?:with permission|from|under|courtesy)\b",
    r"\b(?:with inputs from|courtesy of) (?:agencies|[A-Z]\w+)",
    r"\bthis (?:story|article) was produced (?:by|in partnership with)\b",
)
SYNDICATION_CLUES = literal_clues(SYNDICATION)


def syndication_credit(text: str, lower: str, clues_only: bool = False) -> bool:
    """`text` holds a syndication credit (`lower` is text.lower()); with `clues_only`, may hold one."""
    return _has_clue(lower, SYNDICATION_CLUES) and (clues_only or SYNDICATION.search(text) is not None)


# A line that introduces a list of links: what follows it, to the end of the article, is the list.
LINK_LIST_HEADER = next(f for f in FAMILIES if f.name == "related_links")
