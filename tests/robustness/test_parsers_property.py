"""Parsers of untrusted input return a value or a clean failure, and never crash.

The date and number parsers of extraction have their own property tests
(tests/extract, tests/ingest/test_dateline.py); these cover what ingest reads:
front matter, HTML, JSON Lines, raw bytes, metadata dates, and output names.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.dates import parse_given_date
from briefgen.ingest.corpus import content_key, normalise, to_article
from briefgen.ingest.readers import (
    Failure,
    RawArticle,
    html_article,
    read_jsonl,
    read_text,
    read_text_file,
    split_front_matter,
)
from briefgen.render.output import slug

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# YAML-ish fragments: keys, flow and block syntax, tags, anchors, quotes, dates.
_YAML_BITS = st.sampled_from(
    [
        "title:",
        "published:",
        "date:",
        "url:",
        "source:",
        " ",
        "\n",
        "  ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "&a",
        "*a",
        "!!python/object/apply:os.system",
        "!!binary",
        "!!timestamp",
        "2024-02-30",
        "2024-03-21",
        "12:30",
        "null",
        "~",
        "yes",
        "1e400",
        "0x1F",
        "---",
        "...",
        "#",
        "|",
        ">",
        "\t",
        "\\",
        "\ud7ff",
        "é",
        "%YAML 1.1",
        "? ",
        ",",
    ]
)
_FRONT_MATTER = st.lists(st.one_of(_YAML_BITS, st.text(max_size=10)), max_size=30).map("".join)
_BODY = st.one_of(st.text(max_size=200), st.just("A bomb exploded in Kabul on Friday."))


@QUICK
@given(_FRONT_MATTER, _BODY)
def test_front_matter_returns_a_mapping_and_a_body_or_a_note(front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    meta, rest, notes = split_front_matter(text)
    assert isinstance(meta, dict) and isinstance(rest, str) and isinstance(notes, list)
    if notes:  # malformed: the whole text is kept, nothing lost
        assert rest == text and meta == {}
        assert "malformed front matter" in notes[0]


@QUICK
@given(_FRONT_MATTER, _BODY)
def test_a_text_file_becomes_one_article_or_one_failure(front: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.md"
        path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
        items = list(read_text(path))
    assert len(items) == 1
    [item] = items
    if isinstance(item, RawArticle):
        article = to_article(item, NOW)  # the whole way to a storable article
        assert article.text.strip() and article.id == content_key(article.text)
        article.text.encode("utf-8")
        assert article.published is None or article.published <= NOW.date()
    else:
        assert isinstance(item, Failure) and item.reason


_TAGS = st.sampled_from(
    [
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<iframe src='https://evil.example'>",
        "</iframe>",
        "<p onclick='steal()'>",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<div>",
        "</div>",
        "<img src=x onerror=alert(1)>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<meta property='article:published_time' content='2024-99-99'>",
        "<meta name='date' content='",
        "'>",
        "<title>",
        "</title>",
        "<html>",
        "<body>",
        "&lt;",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<?xml version='1.0'?>",
        "<!DOCTYPE html>",
        "<svg onload=alert(1)>",
        "<noscript>",
        "Gunmen attacked a market in Quetta on Friday. ",
        "\x00",
        "\x08",
        "\ufeff",
    ]
)
# Whole elements whose content or attributes must never become article text. (Inside
# <title>, <textarea> or a comment markup is text by the HTML rules, so those are left out.)
_HOSTILE = st.sampled_from(
    [
        "<script>var SCRIPT_BODY = 1;</script>",
        "<style>p { STYLE_BODY: red }</style>",
        "<iframe src='https://evil.example/IFRAME_SRC'></iframe>",
        "<p onclick='HANDLER()'>Police said.</p>",
        "<img src=x onerror=HANDLER()>",
        "<svg onload=HANDLER()></svg>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<article>",
        "</article>",
        "<h1>Attack</h1>",
        "Gunmen attacked a market in Quetta on Friday. ",
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, st.text(max_size=20)), max_size=40).map("".join))
def test_html_reader_never_raises(html: str) -> None:
    page = html_article(html)
    assert isinstance(page["text"], str)
    for key in ("title", "source", "url"):
        assert page[key] is None or isinstance(page[key], str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            _HOSTILE, st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=15)
        ),
        max_size=30,
    ).map("".join)
)
def test_html_reader_drops_scripts_styles_iframes_and_handlers(html: str) -> None:
    page = html_article(f"<html><head><title>T</title></head><body>{html}</body></html>")
    for marker in ("SCRIPT_BODY", "STYLE_BODY", "IFRAME_SRC", "HANDLER", "evil.example"):
        assert marker not in page["text"]
        assert marker not in (page["title"] or "")


@QUICK
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.builds(
                lambda t, p: f'{{"text": {t}, "published": {p}}}',
                st.sampled_from(
                    ['"A raid in Khost."', '""', "5", "null", '"\\ud800x"', '"x\\u0000y"']
                ),
                st.sampled_from(
                    [
                        '"2024-03-21"',
                        '"9999-99-99"',
                        "1e400",
                        "[1]",
                        '{"a": 1}',
                        "true",
                        '"' + "9" * 200 + '"',
                    ]
                ),
            ),
        ),
        max_size=12,
    )
)
def test_json_lines_rows_are_articles_or_failures_with_a_line(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        items = list(read_jsonl(path))
    for item in items:
        if isinstance(item, Failure):
            assert re.search(r"rows\.jsonl(:\d+)?$", item.where), item.where
        else:
            to_article(item, NOW).text.encode("utf-8")


@QUICK
@given(st.binary(max_size=3000))
def test_any_bytes_are_text_or_a_clean_failure(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        text, notes, failure = read_text_file(path)
    assert (text is None) != (failure is None)
    if text is not None:
        text.encode("utf-8")
        assert all(isinstance(n, str) for n in notes)


_ANY_VALUE = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(
        [
            "2024-02-30",
            "21/03/2024",
            "March 2024",
            "yesterday",
            "Z",
            "2024-03-21T10:00:00Z",
            "99999-01-01",
        ]
    ),
)


@QUICK
@given(_ANY_VALUE)
def test_metadata_dates_are_a_date_or_none(value: object) -> None:
    """Whatever front matter or JSON gives as its date, through the reader's cleaning."""
    raw = RawArticle(origin="o", text="Some text.", path="p", format="text", published=value)
    parsed = parse_given_date(raw.published)
    assert parsed is None or isinstance(parsed, dt.date)


@QUICK
@given(st.text(max_size=300))
def test_any_text_keys_and_normalises(text: str) -> None:
    raw = RawArticle(
        origin="o\ud800", text=text, path="p\udcff", format="text", title=text[:20], url=text[:30]
    )
    for value in (raw.text, raw.origin, raw.path, raw.title or "", raw.url or ""):
        value.encode("utf-8")
    key = content_key(normalise(raw.text))
    assert re.fullmatch(r"[0-9a-f]{16}", key)


@QUICK
@given(st.text(max_size=200))
def test_slug_is_always_a_plain_file_name(name: str) -> None:
    value = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value), value
    assert len(value) <= 90
