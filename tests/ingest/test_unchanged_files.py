"""A file ingested whole and unchanged since is not read again; anything else is."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefgen.ingest import corpus
from briefgen.ingest.corpus import ingest_paths
from briefgen.ingest.readers import READERS

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


@pytest.fixture()
def store(fresh_store):
    return fresh_store


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the readers open."""
    opened: list[str] = []
    for suffix in (".txt", ".jsonl"):
        reader = READERS[suffix]

        def counted(path: Path, reader=reader):
            opened.append(path.name)
            yield from reader(path)

        monkeypatch.setitem(READERS, suffix, counted)
    return opened


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unchanged_files_are_counted_not_read(tmp_path: Path, store, reads) -> None:
    write(tmp_path, "harbour.txt", "Smugglers were stopped at the harbour on 2 May 2025.\n")
    write(
        tmp_path,
        "feed.jsonl",
        '{"title": "One", "text": "A convoy was ambushed near the ford."}\n'
        '{"title": "Two", "text": "The bridge reopened after repairs."}\n',
    )
    first = ingest_paths([tmp_path], store, now=NOW)
    assert len(first.new) == 3 and sorted(reads) == ["feed.jsonl", "harbour.txt"]
    reads.clear()
    second = ingest_paths([tmp_path], store, now=NOW)
    assert reads == []
    assert second.new == [] and len(second.existing) == 3
    assert {a.title for a in second.existing} >= {"One", "Two"}


def test_an_edited_file_is_read_again(tmp_path: Path, store, reads) -> None:
    path = write(tmp_path, "report.txt", "The checkpoint was attacked at dawn.\n")
    ingest_paths([tmp_path], store, now=NOW)
    reads.clear()
    path.write_text("The checkpoint was attacked at dawn by two gunmen.\n", encoding="utf-8")
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    again = ingest_paths([tmp_path], store, now=NOW)
    assert reads == ["report.txt"] and len(again.new) == 1


def test_a_file_whose_article_left_the_store_is_read_again(tmp_path: Path, store, reads) -> None:
    write(tmp_path, "market.txt", "A grenade was thrown into the market on Friday.\n")
    first = ingest_paths([tmp_path], store, now=NOW)
    with store.transaction() as db:
        for table in ("minhash_bands", "near_duplicates"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (first.new[0].id,))
        db.execute("DELETE FROM articles WHERE id = ?", (first.new[0].id,))
    reads.clear()
    again = ingest_paths([tmp_path], store, now=NOW)
    assert reads == ["market.txt"] and len(again.new) == 1


def test_a_failed_file_is_reported_every_time(tmp_path: Path, store) -> None:
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    write(tmp_path, "fine.txt", "The ferry crossed safely.\n")
    for _ in range(2):
        report = ingest_paths([tmp_path], store, now=NOW)
        assert [Path(f.where).name for f in report.failed] == ["scan.txt"]


def test_a_file_with_a_bad_row_is_read_every_time(tmp_path: Path, store) -> None:
    write(
        tmp_path,
        "rows.jsonl",
        '{"title": "Kept", "text": "Patrols resumed on the coast road."}\n'
        '{"title": "Hollow", "text": ""}\n',
    )
    for _ in range(2):
        report = ingest_paths([tmp_path], store, now=NOW)
        assert [Path(f.where).name for f in report.failed] == ["rows.jsonl:2"]


def test_an_unknown_format_is_reported_every_time(tmp_path: Path, store) -> None:
    write(tmp_path, "notes.docx", "not a format briefgen reads")
    for _ in range(2):
        report = ingest_paths([tmp_path], store, now=NOW)
        assert [Path(f.where).name for f in report.skipped] == ["notes.docx"]


def test_records_are_kept_by_absolute_path(tmp_path: Path, store, monkeypatch) -> None:
    write(tmp_path, "pier.txt", "Divers searched the pier on Sunday.\n")
    monkeypatch.chdir(tmp_path)
    ingest_paths(["pier.txt"], store, now=NOW)
    assert list(store.file_records()) == [os.path.abspath("pier.txt")]
    assert corpus._stat(tmp_path / "missing.txt") is None


def test_a_file_named_twice_is_read_once(tmp_path: Path, store, reads) -> None:
    folder = tmp_path / "wires"
    folder.mkdir()
    write(folder, "ferry.txt", "The ferry crossing was closed on 3 May 2025.\n")
    (tmp_path / "alias.txt").symlink_to(folder / "ferry.txt")
    os.link(folder / "ferry.txt", tmp_path / "hardlink.txt")
    report = ingest_paths(
        [folder, folder / "ferry.txt", tmp_path / "alias.txt", tmp_path / "hardlink.txt"],
        store,
        now=NOW,
    )
    assert reads == ["ferry.txt"] and len(report.new) == 1
    assert corpus.expand([folder, tmp_path / "*.txt"])[0] == [folder / "ferry.txt"]
