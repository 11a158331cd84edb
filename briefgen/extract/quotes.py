"""Direct quotes with their speaker, role and affiliation.

Real pages are messy: closing marks that open again (“...“), quotes split
around "he said", quotes whose speaker is named in the next sentence
("“X is no longer a threat. ... Ahmad Zia, the deputy minister, told the Herald"),
quotes that run over paragraphs (each paragraph opens a mark, only the last
closes it), and titles in quotes (“Face the Nation”) that are not quotes at all.
Who the speaker is, is read in speakers.py.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from briefgen.extract.document import ArticleDoc, Sentence
from briefgen.extract.speakers import Speaker, fold_names, has_speech, speaker_in, unnamed
from briefgen.models import Quote

OPEN = '“"«'
CLOSE = '”"»'
MIN_WORDS = 4  # shorter quoted text is a title or scare quote...
FURNITURE_CHARS = 60  # a shorter line with no closing punctuation is page furniture
MIN_FRAGMENT = (
    2  # ... unless a speaker named in its sentence says it ("said it was “directly involved”")
)


@dataclass
class QuoteSpan:
    start: int  # character offsets of the quoted words, marks excluded
    end: int
    text: str
    runs_on: bool = False  # continues the quote of the paragraph before (no closing mark there)


@dataclass
class QuoteMention:
    quote: Quote
    sentence: Sentence
    start: int
    end: int


# Double marks, and two apostrophes standing for one ('\'\'We will,\'\' he said'; not "wasn''t").
MARKS = re.compile(f"[{re.escape(OPEN + CLOSE)}]|(?<!\\w)''|''(?!\\w)")
# Single marks around words ("said it was ‘directly involved’"); an apostrophe inside a
# word ("Taliban’s", "don't") neither opens nor closes one.
SINGLE = re.compile(r"(?<![\w'’‘])(['‘])((?:[^'’‘\n]|['’](?=\w))+?)['’](?![\w'’])")


def quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted segments, pairing double marks in order whatever their direction; then
    single-quoted segments that no double-quoted one holds."""
    spans = _double_quoted(text)
    for match in SINGLE.finditer(text):
        start, end = match.span(2)
        if len(match.group(2).split()) >= MIN_FRAGMENT and not any(
            s.start - 1 <= start < s.end + 1 for s in spans
        ):
            spans.append(QuoteSpan(start, end, match.group(2)))
    return sorted(spans, key=lambda s: s.start)


def _double_quoted(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    marks = [(m.start(), m.end()) for m in MARKS.finditer(text)]
    i = 0
    runs_on = False
    while i < len(marks):
        start = marks[i][1]
        end_mark = marks[i + 1][0] if i + 1 < len(marks) else None
        paragraph_end = _paragraph_end(text, start)
        continues = False
        resumes = _after_furniture(text, paragraph_end, end_mark) if end_mark is not None else None
        if end_mark is not None and resumes is not None:
            # "...\n\nAdvertisement\n\n... ," he said: the quote goes on after the page's furniture.
            _add(spans, text, start, paragraph_end, runs_on)
            _add(spans, text, resumes, end_mark, True)
            i += 2
            runs_on = False
            continue
        if end_mark is None or end_mark > paragraph_end:
            if end_mark is not None and not text[paragraph_end:end_mark].strip():
                # The next paragraph opens a mark: this one's quote goes on there.
                end, continues = paragraph_end, True
            else:
                # Unclosed: the quote runs to the end of its first sentence.
                stop = re.search(r"[.!?](\s|$)", text[start:paragraph_end])
                end = start + stop.end() if stop else paragraph_end
            i += 1
        else:
            end = end_mark
            i += 2
        _add(spans, text, start, end, runs_on)
        runs_on = continues
    return spans


def _add(spans: list[QuoteSpan], text: str, start: int, end: int, runs_on: bool) -> None:
    segment = text[start:end]
    if len(segment.split()) >= MIN_FRAGMENT:
        stripped = segment.strip()
        offset = segment.find(stripped)
        spans.append(QuoteSpan(start + offset, start + offset + len(stripped), stripped, runs_on))


def _after_furniture(text: str, paragraph_end: int, end_mark: int) -> int | None:
    """Where a quote resumes when only page furniture ("Advertisement", "READ MORE: ...")
    stands between its paragraph and the paragraph its closing mark is in; else None."""
    if end_mark <= paragraph_end:
        return None
    between = text[paragraph_end:end_mark]
    lines = between.split("\n")
    furniture, resumed = [line.strip() for line in lines[1:-1] if line.strip()], lines[-1]
    if not furniture or not resumed.strip():
        return None
    if any(len(line) >= FURNITURE_CHARS or line[-1] in '.!?"”’' for line in furniture):
        return None
    if any(mark in between for mark in OPEN + CLOSE):
        return None
    return end_mark - len(resumed) + (len(resumed) - len(resumed.lstrip()))


def _paragraph_end(text: str, start: int) -> int:
    """A blank line, or a line break after a finished sentence, ends a paragraph."""
    match = re.compile(r"\n\s*\n|(?<=[.!?:”\"’])[ \t]*\n").search(text, start)
    return match.start() if match else len(text)


def find_quotes(article: ArticleDoc) -> list[QuoteMention]:
    quotes: list[QuoteMention] = []
    speakers: list[Speaker | None] = []
    last: Speaker | None = None
    chain: list[int] = []  # indices in `quotes` of the paragraphs of one running quote
    for segment in quote_spans(article.text):
        sentence = _sentence_at(article, segment.start)
        if sentence is None:
            continue
        if unnamed(sentence, (segment.start, segment.end)):
            continue
        short = len(segment.text.split()) < MIN_WORDS
        if short and (not segment.text[:1].islower() or sentence.is_heading):
            continue  # a title ("Face the Nation"), a name or a headline's catchword
        speaker = speaker_in(
            article, sentence, (segment.start, segment.end), last, allow_pronoun=not short
        )
        if short:
            if speaker is None:
                continue
        else:
            speaker = speaker or _speaker_around(article, sentence, segment, last, quotes)
        if not segment.runs_on:
            chain = []
        if speaker is None and chain:
            speaker = speakers[chain[0]]
        if speaker is None:
            if segment.runs_on or _ends_paragraph(article, segment):
                speakers.append(None)  # its speaker may come with a later paragraph of the quote
                chain.append(len(quotes))
                quotes.append(
                    QuoteMention(Quote("", segment.text), sentence, segment.start, segment.end)
                )
            continue
        for i in chain:
            speakers[i] = speakers[i] or speaker
        chain.append(len(quotes))
        closing = _sentence_at(article, segment.end) or sentence
        last = dataclasses.replace(speaker, sentence=closing.index)
        speakers.append(speaker)
        quote = Quote(
            speaker=speaker.name,
            text=segment.text,
            affiliation=speaker.affiliation,
            role=speaker.role,
        )
        quotes.append(QuoteMention(quote, sentence, segment.start, segment.end))
    kept = [(q, s) for q, s in zip(quotes, speakers, strict=False) if s is not None]
    folded = fold_names([s.name for _, s in kept] + _people(article))
    for mention, speaker in kept:
        mention.quote = Quote(
            folded.get(speaker.name, speaker.name),
            mention.quote.text,
            speaker.affiliation,
            speaker.role,
        )
    return [q for q, _ in kept]


def _speaker_around(
    article: ArticleDoc,
    sentence: Sentence,
    segment: QuoteSpan,
    last: Speaker | None,
    quotes: list[QuoteMention],
) -> Speaker | None:
    """A speaker outside the quote's first sentence: where the quote closes, just before
    it ("The ministry said in a statement:"), or after it."""
    inside = (segment.start, segment.end)
    for later in article.sentences[sentence.index + 1 :]:
        if later.span.start_char > segment.end:
            break
        speaker = speaker_in(article, later, inside, last)  # "..., Biden said" after a long quote
        if speaker:
            return speaker
    if sentence.index > 0:
        before = article.sentences[sentence.index - 1]
        if before.text.rstrip().endswith(":"):
            speaker = speaker_in(article, before, inside, last)
            if speaker:
                return speaker
    follows = last is not None and quotes and sentence.index - quotes[-1].sentence.index <= 1
    if follows and quotes[-1].quote.speaker and not has_speech(sentence, inside):
        return (
            last  # a quote that runs on from the previous one (not "..., according to a statement")
        )
    if segment.start - sentence.span.start_char < 3:
        # "“...” ... Ahmad Zia, the deputy minister, told the Herald": the speaker comes after.
        closing = _sentence_at(article, segment.end) or sentence
        for following in article.sentences[closing.index + 1 : closing.index + 3]:
            # '“...?” he said.' split into two sentences: the pronoun is the speaker.
            right_after = following.span.start_char - segment.end <= 3
            speaker = speaker_in(article, following, inside, last, allow_pronoun=right_after)
            if speaker:
                return speaker
    return None


def _ends_paragraph(article: ArticleDoc, segment: QuoteSpan) -> bool:
    return _paragraph_end(article.text, segment.start) == segment.end


def _people(article: ArticleDoc) -> list[str]:
    return list(dict.fromkeys(e.text for e in article.ents if e.label_ == "PERSON" and len(e) > 1))


def _sentence_at(article: ArticleDoc, char: int) -> Sentence | None:
    return article.sentence_at(char)
