"""Bad input gets a clear error and loses nothing.

Every user error is one line on stderr naming the file (and line) and what to do;
exit 2 for usage and configuration, 1 when some inputs failed; a traceback only
with --debug. One bad file never stops the others.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.ingest.corpus import ingest_paths
from briefgen.store import Store
from tests.conftest import text_article

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
GOOD = (
    "KABUL, March 21, 2024 - Police said a bomb exploded near a checkpoint in Kabul on Thursday.\n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def one_line_error(result, *words: str) -> str:
    """The run failed with exactly one line on stderr that holds every word, no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture()
def empty_project(tmp_path: Path, root: Path) -> Path:
    """The repository's config with an empty corpus folder."""
    text = (root / "config.yaml").read_text(encoding="utf-8").replace("examples/corpus", "corpus")
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    return tmp_path


# -- usage and configuration errors: exit 2, one line -------------------------------


def test_missing_config(tmp_path):
    result = run("--config", str(tmp_path / "nope.yaml"), "ingest")
    assert result.exit_code == 2
    one_line_error(result, "nope.yaml", "--config")


def test_config_that_is_a_folder(tmp_path):
    result = run("--config", str(tmp_path), "facts")
    assert result.exit_code == 2
    one_line_error(result, str(tmp_path), "--config")


def test_store_where_a_file_is_in_the_way(empty_project):
    (empty_project / "afile").write_text("x")
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        str(empty_project / "afile" / "s.sqlite"),
        "ingest",
    )
    assert result.exit_code == 2
    one_line_error(result, "afile", "--store")


def test_store_that_is_a_folder(empty_project):
    result = run(
        "--config", str(empty_project / "config.yaml"), "--store", str(empty_project), "ingest"
    )
    assert result.exit_code == 2
    one_line_error(result, str(empty_project), "is a folder")


def test_store_that_cannot_be_opened(empty_project):
    # /proc refuses new files even to root: the same path as an unwritable folder.
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        "/proc/briefgen-test.sqlite",
        "ingest",
    )
    assert result.exit_code == 2
    one_line_error(result, "/proc/briefgen-test.sqlite", "cannot open the store", "--store")


def test_store_in_a_folder_that_does_not_exist_yet_is_created(empty_project):
    target = empty_project / "new" / "deeper" / "s.sqlite"
    result = run("--config", str(empty_project / "config.yaml"), "--store", str(target), "ingest")
    assert result.exit_code == 0, result.output
    assert target.is_file()


def test_file_that_is_no_store(empty_project):
    junk = empty_project / "junk.sqlite"
    junk.write_bytes(os.urandom(4096))
    result = run("--config", str(empty_project / "config.yaml"), "--store", str(junk), "facts")
    assert result.exit_code == 2
    one_line_error(result, "junk.sqlite", "no briefgen store")


def test_store_from_a_newer_briefgen(empty_project):
    path = empty_project / "newer.sqlite"
    Store(path).close()
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _migrations VALUES (999, 'future', 'now')")
    result = run("--config", str(empty_project / "config.yaml"), "--store", str(path), "facts")
    assert result.exit_code == 2
    one_line_error(result, "newer.sqlite", "newer briefgen", "upgrade")


def test_empty_store_when_rendering_a_brief(empty_project):
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        str(empty_project / "s.sqlite"),
        "brief",
        "weekly",
        "--format",
        "html",
    )
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert errors == [
        f"error: {empty_project / 's.sqlite'}: no articles in the store; "
        "run 'briefgen ingest PATH' first (or check corpus in config.yaml)"
    ]
    assert not (empty_project / "out").exists()


def test_empty_store_facts(empty_project):
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        str(empty_project / "s.sqlite"),
        "facts",
    )
    assert result.exit_code == 2
    one_line_error(result, "no articles in the store", "briefgen ingest")


def test_eval_with_a_missing_gold_file(empty_project):
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "eval",
        str(empty_project / "gold.yaml"),
        "--corpus",
        str(empty_project / "corpus"),
    )
    assert result.exit_code == 2
    one_line_error(result, "gold.yaml", "no such gold file")


def test_eval_with_broken_gold_yaml_names_the_line(empty_project):
    gold = empty_project / "gold.yaml"
    gold.write_text("schema: briefgen-gold/1\narticles:\n  - file: [unclosed\n")
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "eval",
        str(gold),
        "--corpus",
        str(empty_project / "corpus"),
    )
    assert result.exit_code == 2
    one_line_error(result, "gold.yaml:4", "invalid YAML")


def test_eval_with_an_unknown_format_says_so_before_any_work(empty_project, monkeypatch):
    import briefgen.evaluate

    monkeypatch.setattr(
        briefgen.evaluate, "run", lambda *a: pytest.fail("ran before checking --format")
    )
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "eval",
        "g.yaml",
        "--corpus",
        "c",
        "--format",
        "xml",
    )
    assert result.exit_code == 2
    one_line_error(result, "--format", "text or json")


def test_templates_copy_refuses_paths_outside_the_built_ins(empty_project):
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "templates",
        "copy",
        "../../../../../../etc/passwd",
        str(empty_project / "mine"),
    )
    assert result.exit_code == 2
    one_line_error(result, "no built-in template")
    assert not (empty_project / "mine").exists()


def test_unexpected_exception_is_one_line_and_debug_shows_the_traceback(empty_project, monkeypatch):
    """A bug is not a user error, but it still gets one line (exit 1) and the way to the traceback."""
    import briefgen.ingest.corpus

    def boom(*args, **kwargs):
        raise RuntimeError("something broke\nsecond line")

    monkeypatch.setattr(briefgen.ingest, "ingest_paths", boom)
    config = str(empty_project / "config.yaml")
    result = run("--config", config, "--store", str(empty_project / "s.sqlite"), "ingest")
    assert result.exit_code == 1
    one_line_error(result, "unexpected RuntimeError: something broke", "--debug")
    with pytest.raises(RuntimeError):
        CliRunner().invoke(
            app,
            ["--config", config, "--debug", "--store", str(empty_project / "s.sqlite"), "ingest"],
            catch_exceptions=False,
        )


# -- ingest: one bad file never stops the others -------------------------------------


def bad_inputs(folder: Path) -> None:
    """One file per kind of bad input, beside two good ones."""
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "good.md").write_text(
        "---\ntitle: Good\npublished: 2024-03-20\n---\nA raid in Jalalabad left two militants dead.\n"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b" \n\n\t\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (folder / "nul.md").write_bytes(b"some text\x00\x01\x02 more" * 50)
    (folder / "noise.txt").write_bytes(bytes(range(1, 32)) * 100)  # control characters, no NUL
    (folder / "latin1.txt").write_bytes(
        "Explosion au caf\xe9 de Kaboul: trois morts.\nDeuxi\xe8me ligne.".encode("latin-1")
    )
    (folder / "report.docx").write_bytes(b"PK\x03\x04 not really")
    (folder / "README").write_text("no extension")
    (folder / "broken_fm.md").write_text(
        "---\ntitle: [unclosed\nsource: x\n---\nMilitants attacked a post in Khost.\n"
    )
    (folder / "fm_only.md").write_text("---\ntitle: Nothing below\n---\n")
    (folder / "bad_date_fm.md").write_text(
        "---\ntitle: T\npublished: 2024-02-30\n---\nA convoy was ambushed in Kunar.\n"
    )
    rows = [
        json.dumps({"id": "row-1", "text": "Row one: a drone strike in Paktika."}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "row-4", "text": ""}),
        "[" * 50_000,  # nesting too deep for json
        json.dumps({"id": "row-6", "text": "Row six: lone surrogate \ud800 survives."}),
        json.dumps(
            {
                "id": "row-7",
                "text": "Row seven: odd metadata.",
                "published": {"a": 1},
                "url": "javascript:alert(1)",
            }
        ),
    ]
    (folder / "wire.jsonl").write_text("\n".join(rows) + "\n")
    (folder / "scripts.html").write_text(
        "<html><head><title>Attack on a market</title><style>body{background:url(https://evil.example/bg)}</style>"
        '<script>var SECRET_SCRIPT = 1;</script></head><body onload="steal()">'
        '<iframe src="https://evil.example/frame">IFRAME_TEXT</iframe>'
        "<article><h1>Attack on a market</h1>"
        + '<p onclick="steal()">Gunmen attacked a crowded market in Quetta on Friday, police said.</p>'
        * 5
        + "<img src=x onerror=\"alert('IMG')\"><noscript>NOSCRIPT_TEXT</noscript></article>"
        "<script>document.write('SECOND_SCRIPT')</script></body></html>"
    )
    (folder / "not_a_feed.xml").write_text("<<< this is not XML")


@pytest.fixture()
def bad_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    bad_inputs(folder)
    return folder


def test_one_bad_file_never_stops_the_others(bad_corpus, fresh_store):
    store = fresh_store
    report = ingest_paths([bad_corpus, bad_corpus / "missing.txt"], store, now=NOW)
    stored = {a.path: a for a in store.articles()}
    failed = {
        Path(f.where.split(":")[0]).name
        + (":" + f.where.split(":")[1] if ":" in f.where else ""): f.reason
        for f in report.failed
    }
    skipped = {Path(f.where).name: f.reason for f in report.skipped}
    notes = [(Path(where).name, note) for where, note in report.notes]

    # The good files and every readable row are stored.
    names = {
        Path(p.split(":")[0]).name + (":" + p.split(":")[1] if ":" in p else "") for p in stored
    }
    assert {
        "good.txt",
        "good.md",
        "latin1.txt",
        "broken_fm.md",
        "bad_date_fm.md",
        "scripts.html",
        "wire.jsonl:1",
        "wire.jsonl:6",
        "wire.jsonl:7",
    } == names

    assert "empty file" in failed["empty.txt"] and "empty file" in failed["blank.md"]
    assert "binary file (PNG image)" in failed["image.txt"]
    assert "binary file" in failed["nul.md"] and "binary file" in failed["noise.txt"]
    assert "no article text after the front matter" in failed["fm_only.md"]
    assert "malformed JSON" in failed["wire.jsonl:2"]
    assert (
        "no 'text' field" in failed["wire.jsonl:3"] and "no 'text' field" in failed["wire.jsonl:4"]
    )
    assert "unreadable JSON" in failed["wire.jsonl:5"]
    assert "not a readable RSS/Atom feed" in failed["not_a_feed.xml"]
    assert "no such file or folder" in failed["missing.txt"]
    assert "unknown format '.docx'" in skipped["report.docx"]
    assert "unknown format '(no extension)'" in skipped["README"]

    # Invalid UTF-8 is decoded with replacement and reported, with its line.
    latin = next(a for p, a in stored.items() if p.endswith("latin1.txt"))
    assert "caf\ufffd de Kaboul" in latin.text
    assert any(n == "latin1.txt" and "line 1: invalid UTF-8" in note for n, note in notes)
    # Malformed front matter: the article is kept as plain text, the problem reported with a line.
    broken = next(a for p, a in stored.items() if p.endswith("broken_fm.md"))
    assert "Militants attacked a post in Khost." in broken.text
    assert any(
        n == "broken_fm.md" and "malformed front matter" in note and "line" in note
        for n, note in notes
    )
    assert any(n == "bad_date_fm.md" and "malformed front matter" in note for n, note in notes)
    # A lone surrogate becomes U+FFFD instead of failing the whole batch.
    row6 = next(a for p, a in stored.items() if p.endswith("wire.jsonl:6"))
    assert "\ufffd" in row6.text
    # Odd metadata is dropped and said: a mapping as date, a javascript: URL.
    row7 = next(a for p, a in stored.items() if p.endswith("wire.jsonl:7"))
    assert row7.url is None and row7.published is None
    assert any("only http and https" in note for _, note in notes)


def test_html_keeps_text_and_drops_scripts_styles_iframes_and_handlers(bad_corpus, fresh_store):
    store = fresh_store
    ingest_paths([bad_corpus / "scripts.html"], store, now=NOW)
    [article] = store.articles()
    assert "Gunmen attacked a crowded market in Quetta" in article.text
    for gone in (
        "SECRET_SCRIPT",
        "SECOND_SCRIPT",
        "evil.example",
        "IFRAME_TEXT",
        "NOSCRIPT_TEXT",
        "steal()",
        "onerror",
        "alert(",
        "background",
    ):
        assert gone not in article.text
        assert gone not in (article.title or "")


def test_cli_reports_each_bad_input_on_one_line_and_exits_1(bad_corpus, empty_project):
    result = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        str(empty_project / "s.sqlite"),
        "ingest",
        str(bad_corpus),
        "/dev/urandom",
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert any(line.startswith("failed: /dev/urandom: not a regular file") for line in lines)
    assert any(
        line.startswith("failed: ") and "wire.jsonl:2: malformed JSON" in line for line in lines
    )
    assert any(line.startswith("skipped: ") and "report.docx" in line for line in lines)
    assert "9 new" in result.stdout
    again = run(
        "--config",
        str(empty_project / "config.yaml"),
        "--store",
        str(empty_project / "s.sqlite"),
        "ingest",
        str(bad_corpus),
    )
    assert "0 new, 9 already stored" in again.stdout


def test_broken_links_and_special_files_in_a_folder(tmp_path, fresh_store):
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "ok.txt").write_text(GOOD)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(tmp_path)  # a folder link back up: no endless walk
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    store = fresh_store
    report = ingest_paths([folder], store, now=NOW)
    assert [Path(a.path).name for a in report.new] == ["ok.txt"]
    reasons = {Path(f.where).name: f.reason for f in report.failed}
    assert (
        "broken symbolic link" in reasons["dangling.txt"]
        and "broken symbolic link" in reasons["loop.txt"]
    )


def test_a_reader_that_crashes_costs_only_its_file(tmp_path, monkeypatch, fresh_store):
    from briefgen.ingest import readers

    def crash(path):
        raise ZeroDivisionError("bug in a reader")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, ".crash", crash)
    (tmp_path / "a.crash").write_text("x")
    (tmp_path / "b.txt").write_text(GOOD)
    store = fresh_store
    report = ingest_paths([tmp_path], store, now=NOW)
    assert [Path(a.path).name for a in report.new] == ["b.txt"]
    [failure] = report.failed
    assert failure.where.endswith("a.crash") and "ZeroDivisionError" in failure.reason


# -- size: 10,000 small files and a 20 MB article --------------------------------------


def test_ten_thousand_small_files_are_all_stored(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Note {i}: routine report number {i} from district D{i % 97}.\n"
        )
    with Store(tmp_path / "many.sqlite") as store:
        report = ingest_paths([folder], store, now=NOW)
        count = store.article_count()
    assert count == 10_000 and report.failed == []


def test_a_20_mb_article_is_ingested_whole(tmp_path):
    paragraph = "Security officials said on Monday that a convoy was attacked near the border, killing four soldiers. "
    parts, size, i = [], 0, 0
    while size < 20_000_000:
        part = f"Paragraph {i}. {paragraph * 4}\n\n"
        parts.append(part)
        size += len(part)
        i += 1
    big = tmp_path / "big.txt"
    big.write_text("".join(parts))
    with Store(tmp_path / "big.sqlite") as store:
        report = ingest_paths([big], store, now=NOW)
        [article] = store.articles()
    assert report.failed == [] and len(report.new) == 1
    assert len(article.text) >= 19_900_000 and article.text.rstrip().endswith(paragraph.strip())


def test_long_article_is_extracted_in_chunks_with_true_offsets(config, fresh_store):
    """Longer than nlp.max_chars: processed in chunks; facts of late chunks keep their place."""
    from briefgen.extract.pipeline import extract

    small = config.model_copy(update={"nlp": config.nlp.model_copy(update={"max_chars": 2000})})
    filler = "The weather in the capital was mild and markets opened as usual on the day. "
    early = "The Taliban said markets would stay open."
    late = "A suicide bomber from ISKP killed 14 people at a mosque in Kandahar on Friday, police said."
    text = "\n\n".join([early] + [filler * 8] * 20 + [late] + [filler * 2])
    assert len(text) > 12_000 and text.index(late) > 10_000
    article = text_article(text)
    store = fresh_store
    store.add_articles([article])
    extract(small, store)
    from briefgen.extract.pipeline import pipeline_version

    facts = store.facts(pipeline_version(small))
    assert facts, "the late chunk's event was lost"
    late_facts = [f for f in facts if f.start >= text.index(late) - 1]
    assert late_facts, [(f.start, f.sentence) for f in facts]
    for fact in facts:
        assert text[fact.start : fact.end].strip() == fact.sentence.strip()
    assert any("Kandahar" in f.sentence and "IS-K" in f.actors for f in late_facts)
    assert any(f.start == 0 and "Taliban" in f.actors for f in facts)  # the first chunk is kept too


def test_a_failing_rule_costs_one_article_not_the_run(tmp_path, monkeypatch, config):
    from briefgen.extract import components
    from briefgen.extract.pipeline import extract
    from briefgen.ingest.corpus import ingest_paths
    from briefgen.store import Store

    for name in ("good", "bad"):
        (tmp_path / f"{name}.txt").write_text(
            f"A bomb exploded in Kabul on 3 March 2024, killing 4 people. ({name})\n"
        )
    original = components.FactExtractor.extract

    def broken(self, doc):
        if "(bad)" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(components.FactExtractor, "extract", broken)
    with Store(tmp_path / "s.sqlite") as store:
        ingest_paths([tmp_path], store)
        report = extract(config, store)
        assert report.articles == 2
        assert [error for _, error in report.errors] == ["RuntimeError: boom"]
        assert report.facts > 0
