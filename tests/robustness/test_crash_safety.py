"""Crash safety: a killed run loses at most its unfinished batch, and the next run
completes it; briefs appear whole or not at all; two runs on one store never
write at the same time.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.ingest.corpus import ingest_paths, normalise
from briefgen.store import Store

CLI = [sys.executable, "-c", "from briefgen.cli import main; main()"]


def count(store_path: Path, sql: str) -> int:
    """Read through a separate connection, as another process would."""
    try:
        with sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, timeout=5) as db:
            return db.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill_when(
    process: subprocess.Popen, store_path: Path, sql: str, at_least: int, timeout: float = 240
) -> int:
    """SIGKILL the process as soon as `sql` counts at least `at_least`; return that count."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be killed: {process.stderr.read()}")
        seen = count(store_path, sql)
        if seen >= at_least:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return seen
        time.sleep(0.02)
    process.kill()
    pytest.fail("the run never committed its first batch")


@pytest.fixture()
def project(tmp_path: Path, root: Path) -> Path:
    data = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    data["corpus"] = ["corpus"]
    data["nlp"]["batch_size"] = 1  # extraction commits every 4 articles
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    return tmp_path


# -- ingest --------------------------------------------------------------------------


def test_sigkill_during_ingest_loses_no_article_and_the_next_run_completes(project):
    corpus = project / "corpus"
    total = 5_000
    for i in range(total):
        (corpus / f"{i:05d}.txt").write_text(
            f"Note {i}: a routine report, number {i}, from district D{i % 89}.\n"
        )
    store_path = project / "store.sqlite"
    process = subprocess.Popen(
        [*CLI, "--config", str(project / "config.yaml"), "--store", str(store_path), "ingest"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    kill_when(process, store_path, "SELECT count(*) FROM articles", 1)
    with Store(store_path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = store.articles()
        assert 0 < len(stored) < total, "killed too late to test anything"
        for article in stored:  # every stored article is whole
            assert article.text == normalise(Path(article.path).read_text())
        report = ingest_paths([corpus], store)
        assert len(report.new) == total - len(stored) and len(report.existing) == len(stored)
        assert store.article_count() == total
        paths = [row[0] for row in store.db.execute("SELECT path FROM articles")]
        assert len(set(paths)) == total


# -- extract -------------------------------------------------------------------------


def facts_are_whole(store_path: Path) -> tuple[int, int]:
    """Every extracted article has exactly the facts its mark counts; the others have none.

    Returns (articles extracted, articles in the store).
    """
    with sqlite3.connect(store_path) as db:
        marks = dict(db.execute("SELECT article_id, facts FROM extractions").fetchall())
        stored = dict(
            db.execute("SELECT article_id, count(*) FROM facts GROUP BY article_id").fetchall()
        )
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    for article_id in stored:
        assert article_id in marks, f"facts of {article_id} without its extraction mark"
    for article_id, n in marks.items():
        assert stored.get(article_id, 0) == n, (
            f"{article_id}: {stored.get(article_id, 0)} facts, mark says {n}"
        )
    return len(marks), articles


def test_sigkill_during_extract_leaves_whole_articles_and_the_next_run_completes(project, root):
    for source in sorted((root / "examples" / "corpus").iterdir())[:10]:
        (project / "corpus" / source.name).write_bytes(source.read_bytes())
    store_path = project / "store.sqlite"
    with Store(store_path) as store:
        ingest_paths([project / "corpus"], store)
        total = store.article_count()
    assert total >= 9
    process = subprocess.Popen(
        [*CLI, "--config", str(project / "config.yaml"), "--store", str(store_path), "extract"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    kill_when(process, store_path, "SELECT count(*) FROM extractions", 1)
    extracted, articles = facts_are_whole(store_path)
    assert 0 < extracted < articles, "killed too late to test anything"
    again = CliRunner().invoke(
        app, ["--config", str(project / "config.yaml"), "--store", str(store_path), "extract"]
    )
    assert again.exit_code == 0, again.output
    assert f"extract: {articles - extracted} articles" in again.stdout
    assert facts_are_whole(store_path) == (articles, articles)


# -- briefs are written whole ----------------------------------------------------------


def test_atomic_write_leaves_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    from briefgen.render import output

    target = tmp_path / "brief.html"
    target.write_text("old brief")

    def fail(*args):
        raise OSError("disk gone")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError):
        output.atomic_write(target, "new brief " * 1000)
    assert target.read_text() == "old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]  # no temporary file left


def test_the_pdf_appears_only_by_rename(tmp_path, monkeypatch, config):
    """Nobody sees half a PDF: it is written beside the target, then renamed over it."""
    from briefgen.render import output
    from briefgen.render.environment import search_path

    target = tmp_path / "out" / "weekly.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF old")
    renames = []
    real_replace = os.replace

    def replace(source, destination):
        assert Path(destination).read_bytes() == b"%PDF old", "the target was written in place"
        assert Path(source).parent == target.parent and Path(source).read_bytes().startswith(
            b"%PDF-"
        )
        renames.append((Path(source).name, Path(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(output.os, "replace", replace)
    output.write_pdf("<html><body><p>brief</p></body></html>", target, search_path(config))
    assert [dest for _, dest in renames] == [target]
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in target.parent.iterdir()) == ["weekly.pdf"]


# -- a second run on the same store ------------------------------------------------------


HOLDER = textwrap.dedent(
    """
    import sys, time
    from briefgen.store import Store
    store = Store(sys.argv[1])
    with store.writer():
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def hold_store(store_path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def short_wait(monkeypatch, seconds: float) -> None:
    import briefgen.cli
    from briefgen.console import state

    for module in (briefgen.cli.run, briefgen.cli.read):
        monkeypatch.setattr(
            module, "open_store", lambda config: Store(state.store_path, lock_timeout=seconds)
        )


def test_a_second_run_waits_then_says_the_store_is_busy(project, monkeypatch):
    (project / "corpus" / "a.txt").write_text("A raid in Khost left two dead.\n")
    store_path = project / "store.sqlite"
    holder = hold_store(store_path, 60)
    try:
        short_wait(monkeypatch, 1.0)
        started = time.monotonic()
        result = CliRunner().invoke(
            app, ["--config", str(project / "config.yaml"), "--store", str(store_path), "ingest"]
        )
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "the store is busy" in line and f"process {holder.pid}" in line and "try again" in line
    assert 1.0 <= waited < 10
    with Store(store_path) as store:
        assert store.article_count() == 0
    # The holder died: its lock went with it, and the next run goes through.
    again = CliRunner().invoke(
        app, ["--config", str(project / "config.yaml"), "--store", str(store_path), "ingest"]
    )
    assert again.exit_code == 0 and "1 new" in again.stdout


def test_a_second_run_waits_for_a_short_holder(project, monkeypatch):
    (project / "corpus" / "a.txt").write_text("A raid in Khost left two dead.\n")
    store_path = project / "store.sqlite"
    holder = hold_store(store_path, 1.0)
    short_wait(monkeypatch, 20.0)
    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["--config", str(project / "config.yaml"), "--store", str(store_path), "ingest"]
    )
    holder.wait()
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 0.5  # it waited for the holder instead of failing
    assert "1 new" in result.stdout


def test_two_ingests_at_once_store_each_article_once(project):
    corpus = project / "corpus"
    for i in range(300):
        (corpus / f"{i:03d}.txt").write_text(f"Item {i}: a short report from post P{i}.\n")
    store_path = project / "store.sqlite"
    runs = [
        subprocess.Popen(
            [*CLI, "--config", str(project / "config.yaml"), "--store", str(store_path), "ingest"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=240) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=False):
        assert "Traceback" not in err
        assert run.returncode == 0 or (run.returncode == 1 and "busy" in err), err
    assert any(run.returncode == 0 for run in runs)
    with Store(store_path) as store:
        assert store.article_count() == 300
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_first_opens_migrate_once(tmp_path, monkeypatch):
    """A second process that migrates a new store while the first waits for the write
    lock: the first finds each migration done instead of failing on CREATE TABLE."""
    store_path = tmp_path / "new.sqlite"
    real_transaction = Store.transaction
    raced = []

    def transaction(self):
        if not raced:
            raced.append(True)
            Store(store_path).close()  # the other process, between our read and our write
        return real_transaction(self)

    monkeypatch.setattr(Store, "transaction", transaction)
    Store(store_path).close()
    assert raced
    with sqlite3.connect(store_path) as db:
        versions = [
            row[0] for row in db.execute("SELECT version FROM _migrations ORDER BY version")
        ]
    assert versions == list(range(1, len(versions) + 1))
