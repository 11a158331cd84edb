"""One reader per input format, registered by file extension.

A reader turns one file into raw articles (or failures, one per bad row) and
never raises for bad content: one bad file or row must not stop the others.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

READERS: dict[str, Callable[[Path], Iterator[RawArticle | Failure]]] = {}

# Leading bytes of common binary formats that are no article, whatever the extension.
MAGIC = {
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive or Office document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
# Text has few control characters besides tab, newline, form feed and carriage return;
# binary data has many. Legacy encodings (Latin-1, cp1251) have none, so they are
# read as text with replacement characters rather than refused.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b") + b"\x7f"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_PUBLISHED_CHARS = 100  # a longer "date" is not one; keeps dateparser fast


@dataclass
class RawArticle:
    origin: str
    text: str
    path: str
    format: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: object = None  # whatever the input gave: date, datetime or text
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Input is untrusted: lone surrogates (JSON "\\ud800", undecodable file names)
        # cannot be hashed or stored as UTF-8, and a YAML alias bomb must never be str()-ed.
        self.text = clean(self.text) or ""
        self.origin = clean(self.origin) or self.origin
        self.path = clean(self.path) or self.path
        self.title, self.source = clean(self.title), clean(self.source)
        self.url = clean(self.url)
        if self.url and urlsplit(self.url).scheme.lower() not in ("", "http", "https"):
            self.notes.append(f"url {self.url[:60]!r} ignored: only http and https links are kept")
            self.url = None
        if not isinstance(self.published, (str, int, float, dt.date, type(None))) or isinstance(
            self.published, bool
        ):
            self.notes.append(f"published date of type {type(self.published).__name__} ignored")
            self.published = None
        elif isinstance(self.published, str):
            self.published = clean(self.published)
            if self.published and len(self.published) > MAX_PUBLISHED_CHARS:
                self.notes.append(
                    f"published value of {len(self.published)} characters ignored: not a date"
                )
                self.published = None


@dataclass
class Failure:
    where: str  # file, or file:line
    reason: str


def reader(*extensions: str) -> Callable:
    def register(func: Callable[[Path], Iterator[RawArticle | Failure]]) -> Callable:
        for ext in extensions:
            READERS[ext] = func
        return func

    return register


def read_text_file(path: Path) -> tuple[str | None, list[str], str | None]:
    """Decode a file as UTF-8; return (text, notes, failure reason)."""
    data = path.read_bytes()
    if not data.strip():
        return None, [], "empty file; nothing to ingest"
    binary = binary_kind(data)
    if binary:
        return None, [], f"binary file ({binary}), not an article; skipped"
    try:
        return data.decode("utf-8-sig"), [], None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        note = (
            f"line {line}: invalid UTF-8 (byte {exc.start}; {bad} undecodable sequence(s) replaced "
            "with U+FFFD); save the file as UTF-8 to keep those characters"
        )
        return text, [note], None


def binary_kind(data: bytes) -> str | None:
    """What sort of binary data this is, or None for text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    return "control characters" if controls > len(head) * 0.05 else None


@reader(".txt", ".md", ".markdown", ".text")
def read_text(path: Path) -> Iterator[RawArticle | Failure]:
    text, notes, failure = read_text_file(path)
    if failure:
        yield Failure(str(path), failure)
        return
    assert text is not None
    meta, body, fm_notes = split_front_matter(text)
    notes += fm_notes
    if not body.strip():
        yield Failure(str(path), "no article text after the front matter; skipped")
        return
    yield RawArticle(
        origin=path.name,
        text=body,
        path=str(path),
        format="markdown" if meta else "text",
        title=_str(meta.get("title")),
        source=_str(meta.get("source")),
        url=_str(meta.get("url")),
        published=meta.get("published") or meta.get("date"),
        notes=notes,
    )


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """(metadata, body, notes) of a text with optional YAML front matter; never raises.

    Malformed front matter keeps the whole text as the body and says where it broke.
    """
    import frontmatter

    if not text.lstrip().startswith("---"):
        return {}, text, []
    try:
        post = frontmatter.loads(text)  # YAML through SafeLoader: no Python objects
    except Exception as exc:  # any YAML problem: keep the article, say so
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark else ""  # +1 for 1-based, +1 for the '---'
        note = (
            f"{where}malformed front matter ignored ({type(exc).__name__}); read as plain text; "
            "fix the YAML between the '---' lines"
        )
        return {}, text, [note]
    if not isinstance(post.metadata, dict):
        return {}, text, []
    return post.metadata, post.content, []


@reader(".html", ".htm")
def read_html(path: Path) -> Iterator[RawArticle | Failure]:
    html, notes, failure = read_text_file(path)
    if failure:
        yield Failure(str(path), failure)
        return
    assert html is not None
    page = html_article(html)
    if not page["text"]:
        yield Failure(str(path), "no article text found in the HTML page")
        return
    yield RawArticle(origin=path.name, path=str(path), format="html", notes=notes, **page)


def html_article(html: str) -> dict:
    """Main text and metadata of an HTML page. Scripts, styles and menus are dropped."""
    import trafilatura
    from trafilatura.deduplication import LRU_TEST

    html = _NOT_XML.sub(" ", html)  # lxml refuses control characters in text nodes
    # trafilatura remembers the text it has seen in one process-wide cache, so a page
    # read a second time (a re-ingest, --watch, tests) would lose its paragraphs and
    # its id (the hash of its text). Each page is deduplicated against itself only.
    LRU_TEST.clear()
    # trafilatura and htmldate assert on some broken pages (a fragment whose root is an
    # <iframe>): fall back to the visible text rather than lose the page.
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=True,
        )
    except Exception:
        text = None
    try:
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception:
        meta = None
    if not text:
        text = _visible_text(html)
    return {
        "text": text or "",
        "title": getattr(meta, "title", None),
        "source": getattr(meta, "sitename", None),
        "url": getattr(meta, "url", None),
        "published": _meta_published(html) or getattr(meta, "date", None),
    }


def _meta_published(html: str) -> str | None:
    """The publication date from the usual meta tags, before any guessing."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:
        return None
    for key in (
        "article:published_time",
        "og:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "DC.date.issued",
    ):
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def _visible_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        # A whole document, never a fragment: a lone <iframe> would be the root itself,
        # and a root cannot be dropped.
        tree = lxml_html.document_fromstring(html)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//iframe|//nav|//footer|//header"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path) -> Iterator[RawArticle | Failure]:
    text, notes, failure = read_text_file(path)
    if failure:
        yield Failure(str(path), failure)
        return
    assert text is not None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"malformed JSON ({exc.msg} at column {exc.colno}); row skipped")
            continue
        except (ValueError, RecursionError) as exc:  # nesting too deep, huge numbers
            yield Failure(where, f"unreadable JSON ({type(exc).__name__}); row skipped")
            continue
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("text"), str)
            or not row["text"].strip()
        ):
            yield Failure(where, "row has no 'text' field with the article text; row skipped")
            continue
        yield RawArticle(
            origin=_str(row.get("id")) or f"{path.name}:{number}",
            text=row["text"],
            path=where,
            format="jsonl",
            title=_str(row.get("title")),
            source=_str(row.get("source")),
            url=_str(row.get("url")),
            published=row.get("published"),
            notes=notes,
        )
        notes = []  # a file's decoding note is said once, not once per row


@reader(".rss", ".atom", ".xml")
def read_feed(path: Path) -> Iterator[RawArticle | Failure]:
    import feedparser

    feed = feedparser.parse(path.read_bytes())
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        yield Failure(str(path), f"not a readable RSS/Atom feed: {reason}")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = html_article(f"<html><body><article>{content}</article></body></html>")["text"]
        if not text:
            yield Failure(f"{path}:entry {number}", "feed entry has no text; skipped")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawArticle(
            origin=entry.get("id") or entry.get("link") or f"{path.name}:{number}",
            text=text,
            path=f"{path}#{number}",
            format="feed",
            title=entry.get("title"),
            source=outlet,
            url=entry.get("link"),
            published=_feed_date(parsed),
        )


def _feed_date(parsed: object) -> dt.date | None:
    try:
        return dt.date(*parsed[:3]) if parsed else None  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _str(value: object) -> str | None:
    """A metadata value as text; lists and mappings are no title (and may be alias bombs)."""
    if not isinstance(value, (str, int, float, dt.date)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def clean(value: str | None) -> str | None:
    """Text that encodes as UTF-8: lone surrogates become U+FFFD."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
