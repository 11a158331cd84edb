"""Named people with the role and affiliation the text gives them.

"Lena Ortiz, a senior analyst with the Centre for Conflict Studies" and "Interior
Minister Sami Okafor" both yield a role and an affiliation.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from briefgen.extract.document import ArticleDoc

# Title words that stand before a name ("Kremlin spokesman Dmitry Peskov").
TITLE_WORDS = {
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "prime",
    "secretary",
    "governor",
    "commander",
    "general",
    "chief",
    "director",
    "ambassador",
    "envoy",
    "leader",
    "official",
    "analyst",
    "expert",
    "researcher",
    "adviser",
    "advisor",
    "deputy",
    "head",
}


# "a researcher at the Gulf Policy Forum": the NER does not always tag the institution.
INSTITUTION = re.compile(
    r"\b(?:at|with|of|for)\s+(?:the\s+)?((?:[A-Z][\w’'-]+\s*)(?:(?:of|for|and|on)\s+|[A-Z][\w’'-]+\s*)*[A-Z][\w’'-]+)"
)


def role_of(article: ArticleDoc, person: Span) -> tuple[str | None, str | None]:
    """(role text, affiliation) of a PERSON mention, or (None, None)."""
    doc = person.doc
    appos = [c for c in person.root.children if c.dep_ == "appos"]
    if appos:
        head = appos[0]
        span = doc[head.left_edge.i : head.right_edge.i + 1]
    else:
        # "Interior Minister Ali Yerlikaya": title words glued before the name.
        start = person.start
        while (
            start > 0
            and doc[start - 1].dep_ in {"compound", "amod"}
            and start <= doc[start - 1].head.i < person.end
        ):
            start -= 1
        if start == person.start:
            return None, None
        span = doc[start : person.start]
        if not {t.lower_ for t in span} & TITLE_WORDS:
            return None, None
    return span.text.strip(" ,"), _affiliation(article, span)


def _affiliation(article: ArticleDoc, span: Span) -> str | None:
    ents = article.ents_in(span)
    orgs = [e for e in ents if e.label_ in {"ORG", "FAC"} and not article.actor_of(e)]
    preferred = [
        e
        for e in orgs
        if e.start > span.start and span.doc[e.start - 1].lower_ in {"the", "with", "at", "of"}
    ]
    chosen = preferred or orgs
    if chosen:
        org = chosen[0]
        return re.sub(r"^the\s+", "", org.text)
    actors = [article.actor_of(e) for e in ents if article.actor_of(e)]
    if actors:
        return actors[0]
    named = INSTITUTION.search(span.text)
    if named:
        return named.group(1).strip()
    places = [e for e in ents if e.label_ == "GPE"]
    return places[0].text.removesuffix("’s").removesuffix("'s") if places else None


def find_people(article: ArticleDoc) -> list[tuple[Span, str, str | None, str | None]]:
    """Each person once per article, where first given a role: (mention, name, role, affiliation)."""
    seen: dict[str, tuple[Span, str, str | None, str | None]] = {}
    for ent in article.ents:
        if (
            ent.label_ != "PERSON"
            or len(ent) < 2
            or article.dateline[0] <= ent.start_char < article.dateline[1]
        ):
            continue
        name = ent.text.removesuffix("’s").removesuffix("'s")
        role, affiliation = role_of(article, ent)
        if name not in seen or (role and not seen[name][2]):
            seen[name] = (ent, name, role, affiliation)
    return list(seen.values())
