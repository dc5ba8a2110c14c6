"""A conflict between two statements of the article: the unit every detector produces."""

from __future__ import annotations

from dataclasses import dataclass

from reliability.checks.contradiction.statements import Statement


@dataclass(frozen=True)
class Conflict:
    kind: str  # number, role, time, polarity
    earlier: Statement
    later: Statement
    message: str
