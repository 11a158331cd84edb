"""One reader per input format, registered by file extension.

A reader turns one file into raw articles (or failures, one per bad row) and
never raises for bad content: one bad file or row must not stop the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

READERS: dict[str, Callable[[Path], Iterator[RawArticle | Failure]]] = {}


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
        return None, [], "empty file"
    if b"\x00" in data[:8192]:
        return None, [], "binary file (NUL bytes), not an article"
    try:
        return data.decode("utf-8-sig"), [], None
    except UnicodeDecodeError as exc:
        note = f"invalid UTF-8 at byte {exc.start}: undecodable bytes replaced with U+FFFD"
        return data.decode("utf-8", errors="replace"), [note], None


@reader(".txt", ".md", ".markdown", ".text")
def read_text(path: Path) -> Iterator[RawArticle | Failure]:
    import frontmatter

    text, notes, failure = read_text_file(path)
    if failure:
        yield Failure(str(path), failure)
        return
    assert text is not None
    meta: dict = {}
    body = text
    if text.lstrip().startswith("---"):
        try:
            post = frontmatter.loads(text)
            if isinstance(post.metadata, dict):
                meta, body = post.metadata, post.content
        except Exception as exc:  # any YAML problem: keep the article, say so
            notes.append(f"malformed front matter ignored ({type(exc).__name__}); read as plain text")
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
    yield RawArticle(
        origin=path.name, path=str(path), format="html", notes=notes, **page
    )


def html_article(html: str) -> dict:
    """Main text and metadata of an HTML page. Scripts, styles and menus are dropped."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_images=False, deduplicate=True
    )
    meta = trafilatura.extract_metadata(html, extensive=False)
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
    for key in ("article:published_time", "og:published_time", "datePublished",
                "pubdate", "publishdate", "date", "dc.date", "DC.date.issued"):
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def _visible_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
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
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
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
            notes=list(notes),
        )


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
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
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
            published=dt.date(*parsed[:3]) if parsed else None,
        )


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
