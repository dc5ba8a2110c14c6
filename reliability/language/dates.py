"""Calendar words: weekday and month names, lower-case."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
#: Every weekday and month name: capitalised, but never a person or a topic of their own.
CALENDAR_WORDS = frozenset(WEEKDAYS + MONTHS)
#: Month names that are also common words ("May" the modal): not a time word without other evidence.
AMBIGUOUS_MONTHS = frozenset({"may"})
#: Regular-expression alternations of the three-letter abbreviations ("mon|tue|…", "jan|feb|…").
WEEKDAY_ABBREVIATIONS = "|".join(day[:3] for day in WEEKDAYS)
MONTH_ABBREVIATIONS = "|".join(month[:3] for month in MONTHS)
