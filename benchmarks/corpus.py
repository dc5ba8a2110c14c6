"""A generated corpus for benchmarks: distinct, news-like ~3 KB articles, some with planted defects.

Deterministic for a given seed. Each article is assembled from sentence templates filled with
varied people, places, organisations and numbers, so no two articles share a text; about one in
five carries a defect the checks look for (a repeated paragraph, site boilerplate, a vague source,
a conflicting number), so every check does real work, as it would on a real feed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from reliability.models import Article

PEOPLE = [
    ("Maria", "Okafor"),
    ("James", "Lindqvist"),
    ("Aisha", "Rahman"),
    ("Tomás", "Herrera"),
    ("Priya", "Natarajan"),
    ("Daniel", "Mbeki"),
    ("Sofia", "Castellano"),
    ("Kenji", "Watanabe"),
    ("Leila", "Haddad"),
    ("Oliver", "Brennan"),
    ("Fatima", "Zahra"),
    ("Lukas", "Novak"),
    ("Grace", "Achieng"),
    ("Mateo", "Rossi"),
    ("Hannah", "Kowalski"),
]
ROLES = [
    "the city's mayor",
    "a spokesperson for the ministry",
    "the union's general secretary",
    "an economist at the central bank",
    "the hospital's medical director",
    "the council's leader",
    "a professor of public policy",
    "the regional police chief",
    "the company's chief executive",
]
PLACES = [
    "Riverton",
    "Port Alder",
    "Kestrel Bay",
    "Northfield",
    "Ashby",
    "Lowmoor",
    "Cardell",
    "Vennick",
    "Eastreach",
    "Hollow Creek",
    "Marrow Point",
    "Silverdale",
]
ORGS = [
    "the transport authority",
    "the health ministry",
    "the regional council",
    "the water utility",
    "the teachers' union",
    "the port operator",
    "the housing agency",
    "the energy regulator",
]
TOPICS = [
    ("bus fares", "commuters", "the new timetable"),
    ("hospital waiting lists", "patients", "the winter plan"),
    ("flood defences", "residents", "the river barrier"),
    ("school budgets", "parents", "the funding formula"),
    ("rent controls", "tenants", "the housing bill"),
    ("power prices", "households", "the price cap"),
    ("port expansion", "dock workers", "the new berth"),
    ("police staffing", "officers", "the recruitment drive"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LEAD = "{place}, {day} — {org_cap} said on {day} that it would change {topic} after {count} {group} complained about {thing}."
BODY = [
    "The decision follows months of pressure from {group}, who say {thing} has left them worse off.",
    "“We have listened, and we are acting,” said {name}, {role}, in a statement released on {day}.",
    "{surname} said the changes would cost about {money} million over {years} years.",
    "According to figures published by {org}, {count} {group} were affected last year, up from {count2} the year before.",
    "Critics argue that the plan does not go far enough, and that {thing} should be reviewed in full.",
    "{name2}, {role2}, said the announcement was “a step in the right direction” but warned that details were thin.",
    "The proposal will be debated by councillors in {place} next month, before a final vote in the spring.",
    "Local businesses have welcomed the move, saying uncertainty over {topic} had held back investment.",
    "{surname2} told reporters that {org} had ignored warnings about {thing} for more than {years} years.",
    "A consultation on {thing} will run for {weeks} weeks and is open to anyone who lives or works in {place}.",
    "The last review of {topic}, carried out in {year}, recommended changes that were never made.",
    "Opposition members said they would press for an independent inquiry into how {org} handled the issue.",
    "In {place2}, where a similar scheme was introduced in {year}, {group} reported mixed results.",
    "Officials estimate that around {pct} percent of {group} in the region will see a difference within a year.",
    "{org_cap} has faced questions over {topic} since a report in {year} found that targets were routinely missed.",
    "Speaking outside the town hall, {surname} said the first changes could take effect within {weeks} weeks.",
    "Campaigners in {place} have collected more than {count2} signatures calling for a rethink of {thing}.",
    "The figures suggest that the problem is worst in the north of the region, where services are most stretched.",
    "{name2} said {group} deserved clarity, adding that “nobody should have to wait this long for an answer”.",
    "Under the plan, {org} would publish quarterly progress reports and appear before a scrutiny panel twice a year.",
    "A previous attempt to overhaul {topic} collapsed in {year} amid a dispute over who would pay for it.",
    "Neighbouring {place2} has taken a different approach, spending {money} million on a scheme of its own.",
    "Asked whether the budget would be enough, {surname} said the sums had been checked by independent auditors.",
    "The announcement came on the same day that new data showed demand rising for the {years}th year in a row.",
    "Several {group} interviewed on {day} said they had heard nothing about the plan until it appeared in the news.",
    "Trade bodies said they would study the details before deciding whether to support the proposals.",
    "The chair of the scrutiny committee said members would want to see evidence that the money is well spent.",
    "Under current rules, {org} must consult for at least {weeks} weeks before any change to {topic} takes effect.",
    "{surname2} added that the board would meet again in {weeks} weeks to review progress on {thing}.",
    "The government has so far declined to comment on the proposals, saying it is a matter for local leaders.",
    "Analysts at a regional think tank said the costs of doing nothing would be higher in the long run.",
    "Volunteers in {place} have already begun helping {group} to fill in the forms needed to apply for support.",
]
DEFECTS = {
    "boilerplate": [
        "Subscribe to our newsletter for the latest news, delivered to your inbox every morning.",
        "Share this article on Facebook Twitter WhatsApp Email",
        "Advertisement",
        "Related: 12 Things You Didn't Know About {place}",
        "© {year} {place} Courier. All rights reserved.",
    ],
    "vague": ["Sources say the plan was drawn up in a hurry.", "Experts believe the costs have been underestimated."],
    "contradiction": ["{org_cap} later said that {count3} {group} had been affected last year."],
}


def _fill(template: str, v: dict[str, object]) -> str:
    return template.format(**v)


def generate(n: int = 1000, seed: int = 7, target_chars: int = 3000) -> Iterator[Article]:
    """Yield `n` distinct articles of about `target_chars` characters each."""
    rng = random.Random(seed)
    for i in range(n):
        topic, group, thing = rng.choice(TOPICS)
        (first, surname), (first2, surname2) = rng.sample(PEOPLE, 2)
        org = rng.choice(ORGS)
        v = {
            "place": rng.choice(PLACES),
            "place2": rng.choice(PLACES),
            "day": rng.choice(DAYS),
            "org": org,
            "org_cap": org[0].upper() + org[1:],
            "topic": topic,
            "group": group,
            "thing": thing,
            "count": rng.randint(120, 9000),
            "count2": rng.randint(100, 8000),
            "count3": rng.randint(10, 90),
            "name": f"{first} {surname}",
            "surname": surname,
            "role": rng.choice(ROLES),
            "name2": f"{first2} {surname2}",
            "surname2": surname2,
            "role2": rng.choice(ROLES),
            "money": rng.randint(2, 400),
            "years": rng.randint(2, 12),
            "weeks": rng.randint(4, 16),
            "year": rng.randint(1998, 2024),
            "pct": rng.randint(5, 60),
        }
        paragraphs = [_fill(LEAD, v)]
        body = BODY[:]
        rng.shuffle(body)
        while sum(map(len, paragraphs)) < target_chars and body:
            paragraphs.append(" ".join(_fill(body.pop(), v) for _ in range(min(rng.randint(1, 3), len(body)))))
        defect = rng.choice([None, None, None, None, "boilerplate", "vague", "contradiction", "duplication"])
        if defect == "duplication":
            paragraphs.append(paragraphs[1])
        elif defect:
            paragraphs.insert(rng.randint(1, len(paragraphs)), _fill(rng.choice(DEFECTS[defect]), v))
        yield Article(
            id=f"bench-{i:05d}",
            source=f"{v['place'].lower().replace(' ', '')}-courier.example",
            text="\n\n".join(paragraphs) + f"\n\n(Article {i}.)",
        )
