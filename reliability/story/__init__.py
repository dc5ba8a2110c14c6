"""Story mode: the reports of one event in a batch, compared with each other.

`Engine.score_corpus` runs it: a first pass analyses each article once and keeps a compact `Sketch`
of it (`sketch`), `grouping` finds the stories, and a second pass scores every article with a
`StoryContext` (`context`) that lets the checks compare it with its siblings: `off_topic` weighs how
each sentence fits what the other reports say (their sentences' meaning signatures, the words and
names they use), the `story` check reports cross-report conflicts, syndicated copy and the share of
claims another report confirms (`evidence`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reliability.story.context import StoryContext
    from reliability.story.sketch import Sketch

MAX_SIBLINGS = 50  # a story of hundreds of reports is compared with its first fifty: the evidence is there by then


def story_contexts(sketches: list[Sketch], labels: list[int]) -> list[StoryContext]:
    """Each article's StoryContext, in input order, from the sketches and their story numbers."""
    from reliability.story.context import StoryContext
    from reliability.story.sketch import stable_hash

    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    contexts = []
    for i, label in enumerate(labels):
        group = members[label]
        story_id = f"story-{stable_hash(sketches[group[0]].article):08x}"
        siblings = tuple(sketches[j] for j in group if j != i)[:MAX_SIBLINGS]
        contexts.append(StoryContext(story_id, len(group), sketches[i], siblings))
    return contexts
