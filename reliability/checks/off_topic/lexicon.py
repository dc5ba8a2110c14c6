"""Families of web-page text that is not the story, each with many phrasings and a reason a reader understands.

Patterns are matched case-insensitively against one line (block) or one sentence. `LINE` patterns
must cover the whole line (a bare "Advertisement" or "Share" is chrome; the same word inside a
sentence is not); `PHRASE` patterns may sit anywhere in a sentence, and are specific enough that
news prose does not use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reliability.language.dates import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS


@dataclass(frozen=True)
class Family:
    name: str
    reason: str
    line: re.Pattern[str] | None = None
    phrase: re.Pattern[str] | None = None


def _line(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"^\W*(?:" + "|".join(alternatives) + r")\W*$", re.IGNORECASE)


def _phrase(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


_SOCIAL = r"(?:facebook|twitter|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|threads|bluesky|google news|flipboard|reddit|pinterest)"
_DAYTIME = rf"(?:[\d:./ ,-]+|(?:{WEEKDAY_ABBREVIATIONS})\w*|(?:{MONTH_ABBREVIATIONS})\w*|am|pm|[ap]\.m\.|gmt|utc|ist|[a-z]{{2,4}}t|ago|hours?|mins?|minutes?|updated|published|posted|on|at)*"

FAMILIES: tuple[Family, ...] = (
    Family(
        "navigation",
        "site navigation (a breadcrumb or menu), not part of the story",
        line=_line(
            r"(?:home|news|world|politics|business|sport|sports|opinion|video|live|trending)(?:\s*(?:>|»|›|/|\||·)\s*[\w&' -]{2,30}){1,6}",
            r"skip to (?:main )?content", r"(?:main )?menu", r"search", r"sign in", r"log ?in", r"register",
            r"(?-i:Home(?:[A-Z][a-z]+)+).*", r"(?-i:(?:[A-Z]\w+ )?News(?:[A-Z][a-z]+){1,4})", r"back to top", r"toggle navigation",
            r"(?:home|world|news)(?:\s+(?:world|news|asia|europe|africa|americas|politics|business|india|pakistan|uk|us))+",
        ),
    ),
    Family(
        "empty_byline",
        "an empty byline or time stamp left over from the page layout",
        line=_line(
            rf"(?:published|posted|updated|last updated|first published|modified)\s*(?:on|at|:)?\s*{_DAYTIME}",
            r"by", r"by\s+(?:staff|admin|editor|web desk|news desk|our correspondent)",
            r"(?:\d+\s*)?min(?:ute)?s?\s+read", r"reading time\W*\d+\s*min\w*",
        ),
        phrase=_phrase(r"\bthis (?:article|story|post) (?:went live|was published|was last updated) on\b[^.!?]*"),
    ),
    Family(
        "related_links",
        "a list of links to other articles (related, latest, recommended), not part of the story",
        line=_line(
            r"(?:latest|related|recommended|popular|trending|top|more|recent|featured|editor'?s? picks?|must read)"
            r"(?: (?:articles|stories|news|posts|reads|videos|links|coverage|on \w+(?: \w+)?|from \w+(?: \w+)?|now|today|for you))?",
            r"more like this", r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)", r"also read", r"read (?:more|next|also)",
            r"most (?:read|popular|viewed|shared|watched)", r"don'?t miss", r"in (?:other|case you missed it|the news)",
            r"(?:what|stories) (?:to|you) (?:read|watch) next", r"more (?:from|on) (?:this|our) \w+", r"keep reading", r"see also",
            r"(?:also read|read more|read also|also|read|watch|listen|related|more|see also|see)\s*:.{0,160}",
        ),
    ),
    Family(
        "newsletter_social",
        "a newsletter, app or social-media call, not part of the story",
        line=_line(
            r"share(?: this)?(?: (?:article|story|post|page))?(?: on \w+)?", rf"(?:share|tweet|email|print|copy link|comments?|{_SOCIAL})(?:\s*[|/·,]?\s*(?:share|tweet|email|print|copy link|comments?|{_SOCIAL}))*",
            r"follow us", r"subscribe(?: now| today| here)?", r"sign up(?: now| here)?", r"newsletters?",
        ),
        phrase=_phrase(
            r"\b(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my)\b[^.!?]{0,60}\b(?:newsletter|briefing|digest|alerts|updates|emails?)",
            r"\b(?:delivered|sent) (?:straight |directly )?to your inbox", r"\bstraight to your inbox",
            rf"\bfollow (?:us|our \w+(?: \w+)?) on {_SOCIAL}", rf"\bis now on {_SOCIAL}", rf"\bjoin (?:us|our \w+(?: \w+)?) on {_SOCIAL}",
            r"\bfollow our (?:whatsapp |telegram )?channel\b", rf"\bjoin our {_SOCIAL} (?:channel|group|community)\b", r"\bdownload (?:our|the) (?:free )?(?:\w+ )?app\b",
            r"\bget (?:the|our) (?:latest|best|top) [^.!?]{0,40}\b(?:in your inbox|on your phone|delivered)",
            r"\bclick here to (?:subscribe|sign up|read|download|follow|join)", r"\bturn on (?:push )?notifications",
            rf"\bshare (?:this|on) {_SOCIAL}", r"\benter your email\b", r"\bby signing up,? you agree\b",
        ),
    ),
    Family(
        "donation",
        "an appeal for money or membership from the publisher, not part of the story",
        line=_line(r"donate(?: now| today)?", r"support (?:us|our journalism|independent journalism)", r"become a (?:member|supporter|subscriber)"),
        phrase=_phrase(
            r"\b(?:we|this site|our newsroom) can (?:only )?continue (?:only )?with your support",
            r"\bsupport (?:our|independent|quality|public[- ]interest|fearless|free) (?:\w+ )?journalism",
            r"\b(?:please )?(?:consider )?(?:make|making) a (?:small |one-off |monthly |regular )?(?:donation|contribution)",
            r"\bdonate (?:now|today|to (?:us|our|the \w+))", r"\bbecome a (?:paying )?(?:member|supporter|patron|subscriber)\b",
            r"\b(?:journalism|reporting|our work) (?:that )?(?:depends|relies) on (?:readers|you|your support)",
            r"\bif you (?:value|like|enjoy|appreciate) (?:our|this|what we)\b[^.!?]{0,50}\b(?:support|donat|subscri|contribut)",
            r"\bchip in\b", r"\bevery (?:contribution|donation), (?:however|big or) small\b", r"\bsupported by (?:readers|you)\b",
            r"\breal journalism (?:holds|needs)\b", r"\bindependent journalism (?:needs|is under threat|costs)\b",
        ),
    ),
    Family(
        "cookies_legal",
        "a cookie, privacy or copyright notice from the web page, not part of the story",
        line=_line(r"(?:©|\(c\)|copyright)\s*.{0,80}", r"all rights reserved\.?.{0,40}", r"accept(?: all)?(?: cookies)?", r"privacy policy", r"terms (?:of use|and conditions|of service)", r"cookie (?:policy|settings|preferences)"),
        phrase=_phrase(
            r"\bwe use cookies\b", r"\bthis (?:site|website) uses cookies\b", r"\bby continuing to (?:browse|use),? you (?:agree|accept|consent)",
            r"\bby continuing to (?:browse|use) (?:this|our) (?:site|website)",
            r"\byou (?:agree|consent) to (?:our|the) (?:use of cookies|cookie policy|privacy policy)\b",
            r"\ball rights reserved\b", r"\bmay not be (?:published|reproduced|copied), broadcast,? rewritten,? or redistributed\b",
            r"\bmanage (?:your )?(?:cookie|privacy) (?:settings|preferences)\b", r"\baccept (?:all )?cookies\b",
        ),
    ),
    Family(
        "advertising",
        "an advertisement or its label, not part of the story",
        line=_line(
            r"advertisement", r"advertising", r"ad(?:vert)?", r"sponsored(?: content| post| links?| stories)?", r"promoted(?: content| stories)?",
            r"paid (?:content|post|partnership)", r"(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)", r"ad feedback",
            r"partner content", r"\w+ content by \w+",
        ),
        phrase=_phrase(r"\b(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)\b", r"\bscroll (?:down )?to continue reading\b"),
    ),
    Family(
        "comments",
        "the page's comment section, not part of the story",
        line=_line(
            r"comments? (?:are|is) (?:now )?(?:closed|disabled|off)", r"(?:leave|post|add|write) a (?:comment|reply)",
            r"\d+ (?:comments?|replies|responses)", r"(?:view|show|load|read|hide) (?:all )?(?:\d+ )?comments?",
            r"join the (?:conversation|discussion|debate)", r"(?:no|be the first to) comments?(?: yet)?",
        ),
        phrase=_phrase(r"\byou must be (?:logged|signed) in to (?:post|leave|add) a comment\b"),
    ),
)

# A headline in a list of teasers: "15 Celebrities You'd Never Guess Are This Age".
LISTICLE_TITLE = re.compile(r"^\d{1,3} (?:[A-Z0-9][\w'’-]*|[a-z]{1,4})(?: (?:[A-Z0-9][\w'’-]*|[a-z]{1,4})){2,14}\W?$")

# Credits that say where syndicated copy came from: worth knowing, not a defect.
SYNDICATION = _phrase(
    r"\b(?:this|the) (?:article|story|report|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|ran) (?:on|in|at|by)\b",
    r"\b(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b", r"\brepublished (?:with permission|from|under|courtesy)\b",
    r"\b(?:with inputs from|courtesy of) (?:agencies|[A-Z]\w+)", r"\bthis (?:story|article) was produced (?:by|in partnership with)\b",
)

# A line that introduces a list of links: what follows it, to the end of the article, is the list.
LINK_LIST_HEADER = FAMILIES[2].line

# Any phrase of any family: one search tells whether a sentence needs a closer look.
ANY_PHRASE = re.compile("|".join(f.phrase.pattern for f in FAMILIES if f.phrase is not None), re.IGNORECASE)
