"""Tradecraft scales: estimative language (US ICD 203), analytic confidence, and the
Admiralty (NATO) source-reliability and information-credibility grades.

Plain data and small rules, so config defaults, the judgments check and the
method note all say the same thing.
"""

from __future__ import annotations

# ICD 203's expressions of likelihood with their probability ranges (percent), and the
# synonyms it allows for each.
ICD_203: list[dict[str, object]] = [
    {"term": "almost no chance", "low": 1, "high": 5, "also": ["remote"]},
    {"term": "very unlikely", "low": 5, "high": 20, "also": ["highly improbable"]},
    {"term": "unlikely", "low": 20, "high": 45, "also": ["improbable"]},
    {"term": "roughly even chance", "low": 45, "high": 55, "also": ["roughly even odds"]},
    {"term": "likely", "low": 55, "high": 80, "also": ["probable", "probably"]},
    {"term": "very likely", "low": 80, "high": 95, "also": ["highly probable"]},
    {
        "term": "almost certain",
        "low": 95,
        "high": 99,
        "also": ["almost certainly", "nearly certain"],
    },
]
CONFIDENCE = ["low", "moderate", "high"]
# Words of likelihood outside the scale: they give the reader no probability.
HEDGES = ["possibly", "maybe", "might", "could well", "perhaps", "conceivably", "may"]

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def credibility(independent: int, reliable: bool, conflicts: list[str]) -> int:
    """Information credibility from corroboration (the rule the method note states):
    4 when sources disagree on what happened (its date or place); else 1 when two or
    more independent sources report it, one of them graded A-C, and they disagree on
    nothing; 2 when two or more independent sources report it; 3 when one source
    graded A-C does; 6 when only one source of poor or unknown reliability does.
    Copies are never independent sources. 5 (improbable) is never given by rule."""
    if {"date", "location"} & set(conflicts):
        return 4
    if independent >= 2:
        return 1 if reliable and not conflicts else 2
    return 3 if reliable else 6
