"""Ingest files into the store: expand paths, read each format, date and key articles."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.dates import parse_given_date
from briefgen.ingest.dateline import find_published
from briefgen.ingest.readers import READERS, Failure, RawArticle
from briefgen.models import Article
from briefgen.store import Store
from briefgen.store.files import FileRecord

BATCH = 500  # articles per store transaction


@dataclass
class IngestReport:
    new: list[Article] = field(default_factory=list)
    existing: list[Article] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)  # unknown formats
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, note)

    @property
    def undated(self) -> list[Article]:
        return [a for a in self.new if a.published is None]


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Failure]]:
    """Files named by paths, folders (recursively) and globs, in a stable order."""
    files: list[Path] = []
    missing: list[Failure] = []
    for raw in paths:
        text = str(raw)
        matches = (
            [Path(p) for p in sorted(glob.glob(text, recursive=True))]
            if glob.has_magic(text)
            else [Path(text)]
        )
        if not matches or not matches[0].exists():
            missing.append(
                Failure(text, "no such file or folder; check the path (or corpus in config.yaml)")
            )
            continue
        for match in matches:
            if match.is_dir():
                for p in sorted(match.rglob("*")):
                    if any(part.startswith(".") for part in p.relative_to(match).parts):
                        continue
                    if p.is_file():
                        files.append(p)
                    elif p.is_symlink() and not p.exists():
                        missing.append(Failure(str(p), "broken symbolic link (or a loop); skipped"))
            elif match.is_file():
                files.append(match)
            else:  # /dev/urandom, a FIFO or a socket would never end or block the run
                missing.append(
                    Failure(str(match), "not a regular file (device, pipe or socket); skipped")
                )
    seen: set[object] = set()
    unique = []
    for f in files:
        if (same := _identity(f)) not in seen:
            seen.add(same)
            unique.append(f)
    return unique, missing


def _identity(path: Path) -> object:
    """What is the same file by two names (a link, a folder named twice): its device and
    inode, one stat call where resolving the path takes one a folder of its path."""
    try:
        found = path.stat()
    except OSError:
        return path.resolve()
    return (found.st_dev, found.st_ino) if found.st_ino else path.resolve()


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    now: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Read every file under `paths` and store the articles not stored yet. A file
    ingested whole before, with the same size and modification time, is not read
    again: its articles count as already stored."""
    now = now or dt.datetime.now(dt.UTC)
    files, missing = expand(paths)
    report = IngestReport(failed=missing)
    stats = {path: _stat(path) for path in files}
    unchanged = _unchanged(store, stats)
    report.existing += [article for articles in unchanged.values() for article in articles]
    read: list[FileRecord] = []
    batch: list[Article] = []
    for done, path in enumerate(files, start=1):
        if path in unchanged:
            if progress:
                progress(done, len(files))
            continue
        ids: list[str] | None = [] if path.suffix.lower() in READERS else None
        for item in _read(path, report):
            if isinstance(item, Failure):
                report.failed.append(item)
                ids = None  # read again next time, to say so again
                continue
            try:
                article = to_article(item, now)
            except Exception as exc:  # a bug on odd input must not stop the other files
                report.failed.append(
                    Failure(
                        item.path,
                        f"cannot be ingested ({type(exc).__name__}: {exc}); "
                        "skipped; please report this as a bug",
                    )
                )
                ids = None
                continue
            if not article.text:
                report.failed.append(Failure(item.path, "no article text; skipped"))
                ids = None
                continue
            report.notes += [(item.path, note) for note in item.notes]
            if article.published is None or (article.date_note or "").startswith("rejected"):
                report.notes.append((item.path, article.date_note or "no publication date"))
            batch.append(article)
            if ids is not None:
                ids.append(article.id)
        stat = stats[path]
        if ids is not None and stat is not None:
            read.append(FileRecord(os.path.abspath(path), stat[0], stat[1], tuple(ids)))
        if len(batch) >= BATCH:
            _flush(store, batch, report)
        if progress:
            progress(done, len(files))
    _flush(store, batch, report)
    if read:
        store.remember_files(read)  # after their articles are stored
    return report


def _stat(path: Path) -> tuple[int, int] | None:
    """(size, modification time in ns), or None if it cannot be read (the reader says why)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def _unchanged(
    store: Store, stats: dict[Path, tuple[int, int] | None]
) -> dict[Path, list[Article]]:
    """The files ingested whole before and unchanged since, with their stored articles;
    a file whose articles are gone from the store is read again."""
    records = store.file_records()
    same = {
        path: record
        for path, stat in stats.items()
        if stat is not None
        and (record := records.get(os.path.abspath(path))) is not None
        and (record.size, record.mtime_ns) == stat
    }
    wanted = {i for record in same.values() for i in record.article_ids}
    stored = {a.id: a for a in store.articles(wanted)} if wanted else {}
    return {
        path: [stored[i] for i in record.article_ids]
        for path, record in same.items()
        if record.article_ids and all(i in stored for i in record.article_ids)
    }


def _read(path: Path, report: IngestReport) -> Iterator[RawArticle | Failure]:
    read = READERS.get(path.suffix.lower())
    if read is None:
        report.skipped.append(
            Failure(str(path), f"unknown format {path.suffix or '(no extension)'!r}; skipped")
        )
        return
    try:
        yield from read(path)
    except OSError as exc:
        yield Failure(
            str(path), f"cannot read: {exc.strerror or exc}; check the file's permissions"
        )
    except Exception as exc:  # a reader bug or a parser crash: report it, go on with the next file
        yield Failure(
            str(path),
            f"cannot be read ({type(exc).__name__}: {exc}); skipped; please report this as a bug",
        )


def _flush(store: Store, batch: list[Article], report: IngestReport) -> None:
    if not batch:
        _index_copies(store, report)  # articles stored by an older briefgen get indexed too
        return
    # The same text twice in one batch counts once.
    unique: dict[str, Article] = {}
    for article in batch:
        if article.id in unique:
            report.existing.append(article)
        else:
            unique[article.id] = article
    new, existing = store.add_articles(unique.values())
    report.new += new
    report.existing += existing
    batch.clear()
    _index_copies(store, report)


def _index_copies(store: Store, report: IngestReport) -> None:
    """Near-copies and stories told twice in one page: marked in the store, said in notes."""
    from briefgen.ingest.copies import index_pending

    for finding in index_pending(store):
        report.notes.append((finding.article.path or finding.article.origin, finding.note()))


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_key(text: str) -> str:
    """Hash of the text with case and white space folded: the article's identity."""
    # str.split() splits on exactly the characters re's \s matches, and is many times
    # faster than re.sub on a 20 MB article: same keys as before, in a fraction of the time.
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def to_article(raw: RawArticle, now: dt.datetime) -> Article:
    text = normalise(raw.text)
    published, note = _published(raw, text, now)
    return Article(
        id=content_key(text),
        origin=raw.origin,
        title=raw.title or guess_title(text),
        text=text,
        source=raw.source,
        url=raw.url,
        published=published,
        date_note=note,
        path=raw.path,
        format=raw.format,
        ingested_at=now.isoformat(timespec="seconds"),
    )


def _published(raw: RawArticle, text: str, now: dt.datetime) -> tuple[dt.date | None, str]:
    given = parse_given_date(raw.published)
    if given is not None:
        if given > now.date():
            return None, f"rejected {given.isoformat()} from metadata: after the ingest date"
        return given, "from metadata"
    if raw.published not in (None, ""):
        note = f"unreadable date {str(raw.published)[:40]!r} in metadata; "
    else:
        note = ""
    found, how = find_published(text, now)
    return found, note + how


_TITLE_LINE = re.compile(r"^\s*(?:title|headline)\s*:\s*(.+)$", re.IGNORECASE)


def guess_title(text: str) -> str:
    """A title for text that came without one: a 'Title:' line, else the first short line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:8]:
        match = _TITLE_LINE.match(line)
        if match:
            return match.group(1).strip()
    for line in lines[:8]:
        if 15 <= len(line) <= 150 and not re.search(r"\d{4}", line) and not line.endswith(":"):
            return line
    first = lines[0] if lines else "(untitled)"
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"
