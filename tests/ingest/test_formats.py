"""Each input format, idempotent re-ingest, and the publication dates of real pages."""

import datetime as dt
import json

import pytest

from briefgen.ingest.corpus import ingest_paths

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


@pytest.fixture()
def store(fresh_store):
    return fresh_store


def ingest(store, *paths):
    return ingest_paths(list(paths), store, now=NOW)


def test_markdown_front_matter(tmp_path, store):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Blast in Herat\nsource: Desk\nurl: https://x.example/a\npublished: 2024-02-03\n---\n"
        "A bomb exploded near a mosque in Herat on Friday, killing four people.\n"
    )
    report = ingest(store, tmp_path / "a.md")
    [article] = report.new
    assert (article.title, article.source, article.url) == (
        "Blast in Herat",
        "Desk",
        "https://x.example/a",
    )
    assert article.published == dt.date(2024, 2, 3)
    assert article.text.startswith("A bomb exploded")
    assert article.format == "markdown"


def test_plain_text_takes_title_and_dateline(tmp_path, store):
    (tmp_path / "b.txt").write_text(
        "Title: Raid on a hideout\nPublished: 12 March 2024\n\nSecurity forces raided a hideout in Jalalabad.\n"
    )
    [article] = ingest(store, tmp_path / "b.txt").new
    assert article.title == "Raid on a hideout"
    assert article.published == dt.date(2024, 3, 12)


def test_html_keeps_the_article_and_drops_scripts(tmp_path, store):
    body = " ".join(
        ["Gunmen opened fire on worshippers in a village outside Peshawar on Sunday."] * 6
    )
    (tmp_path / "c.html").write_text(
        "<html><head><title>Site | Attack near Peshawar</title>"
        '<meta property="og:title" content="Attack near Peshawar">'
        '<meta property="article:published_time" content="2024-05-06T08:00:00Z">'
        '<meta property="og:site_name" content="Frontier Desk">'
        "<style>p { color: red }</style><script>var tracker = 'SECRET-TRACKER';</script></head>"
        "<body><nav>Home | World | Sport</nav><article><h1>Attack near Peshawar</h1>"
        f"<p>{body}</p><p onclick=\"alert('x')\">Police said the attackers fled.</p></article>"
        "<footer>Cookie settings</footer></body></html>"
    )
    [article] = ingest(store, tmp_path / "c.html").new
    assert article.title == "Attack near Peshawar"
    assert article.source == "Frontier Desk"
    assert article.published == dt.date(2024, 5, 6)
    assert "Gunmen opened fire" in article.text
    assert "SECRET-TRACKER" not in article.text and "color: red" not in article.text
    assert "alert(" not in article.text


def test_json_lines_rows_and_a_bad_row(tmp_path, store):
    rows = [
        {
            "id": "w-1",
            "title": "One",
            "text": "First article text about a raid.",
            "published": "2024-01-02",
            "url": "u1",
            "source": "Wire",
        },
        "{not json",
        {
            "id": "w-2",
            "title": "Two",
            "text": "Second article text about a bombing.",
            "published": "2024-01-03",
            "url": "u2",
            "source": "Wire",
        },
    ]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    report = ingest(store, tmp_path / "feed.jsonl")
    assert sorted(a.origin for a in report.new) == ["w-1", "w-2"]
    [failure] = report.failed
    assert failure.where.endswith("feed.jsonl:2")
    assert "malformed JSON" in failure.reason


def test_rss_feed(tmp_path, store):
    (tmp_path / "news.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Border Wire</title>'
        "<item><title>Checkpoint attacked</title><link>https://b.example/1</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;Militants attacked a checkpoint in Khost on Monday, killing two guards.&lt;/p&gt;</description>"
        "</item></channel></rss>"
    )
    [article] = ingest(store, tmp_path / "news.rss").new
    assert article.title == "Checkpoint attacked"
    assert article.source == "Border Wire"
    assert article.published == dt.date(2024, 3, 5)
    assert "checkpoint in Khost" in article.text


def test_ingesting_again_adds_nothing(tmp_path, store):
    (tmp_path / "a.md").write_text(
        "---\ntitle: T\npublished: 2024-02-03\n---\nSome text about an attack.\n"
    )
    (tmp_path / "copy.txt").write_text(
        "Some   text about an ATTACK.\n"
    )  # same text, other spacing and case
    first = ingest(store, tmp_path)
    second = ingest(store, tmp_path)
    assert len(first.new) == 1 and len(first.existing) == 1
    assert second.new == [] and len(second.existing) == 2
    assert store.article_count() == 1


def test_future_dates_are_refused(tmp_path, store):
    (tmp_path / "f.md").write_text(
        "---\ntitle: T\npublished: 2030-01-01\n---\nText about a plot.\n"
    )
    [article] = ingest(store, tmp_path / "f.md").new
    assert article.published is None
    assert "after the ingest date" in article.date_note


def test_publication_dates_of_the_seed_articles(seeds_dir, store):
    report = ingest(store, seeds_dir)
    dates = {a.origin[:3]: a.published for a in report.new}
    assert dates == {
        "000": dt.date(2024, 3, 22),
        "001": None,
        "002": dt.date(2023, 1, 3),
        "003": None,
        "004": dt.date(2023, 4, 29),
    }
    undated = {a.origin[:3] for a in report.undated}
    assert undated == {"001", "003"}


def test_example_corpus_is_complete(root, store):
    report = ingest(store, root / "examples" / "corpus")
    assert report.failed == []
    assert len(report.new) >= 14
    formats = {a.format for a in report.new}
    assert {"markdown", "text", "html", "jsonl"} <= formats
    weeks = {a.published.isocalendar()[:2] for a in report.new if a.published}
    assert len(weeks) >= 5


def test_an_html_page_reads_the_same_the_second_time():
    from briefgen.ingest.readers import html_article

    paragraph = "The harbour authority said the ferry service would resume on Monday after repairs."
    page = (
        "<html><head><title>Ferry service</title></head><body><article>"
        + "".join(f"<p>{paragraph} Paragraph {i} adds its own detail here.</p>" for i in range(4))
        + "</article></body></html>"
    )
    texts = [html_article(page)["text"] for _ in range(4)]  # a re-ingest, --watch, tests
    assert len(set(texts)) == 1 and "Paragraph 3" in texts[0]
