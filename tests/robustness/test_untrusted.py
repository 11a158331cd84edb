"""Untrusted text stays text.

Article text and titles are escaped in the brief; WeasyPrint fetches nothing from
the network and no file outside the template and style folders; YAML is read with
safe loading only; output names are slugged.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.render.environment import search_path
from briefgen.render.output import SafeFetcher, slug, write_pdf

TITLE = (
    '<script>alert("TITLE")</script><img src=x onerror=alert(1)></style>'
    "<style>*{background:url(https://evil.example/title.png)}</style>"
)
PAYLOAD = (
    '<script>alert("TEXT")</script> <img src="file:///etc/passwd" onerror="alert(2)"> '
    '</style><style>body{background:url("https://evil.example/x.png")}</style> '
    '<iframe src="/dev/urandom"></iframe> <link rel="stylesheet" href="https://evil.example/s.css"> '
    '<div style="background-image:url(https://evil.example/inline.png)">x</div>'
)
ARTICLE = f"""---
title: '{TITLE} {PAYLOAD}'
source: '<b onmouseover=alert(3)>Evil Desk</b>'
url: 'https://evil.example/a?<script>'
published: 2024-03-21
---
KABUL, March 21, 2024 - A suicide bomber from ISKP killed 14 people at a mosque in Kandahar on Thursday, police said {PAYLOAD}.

"We will strike again <script>alert('QUOTE')</script>," an ISKP spokesman said on Telegram.

The Taliban said security forces arrested three suspects in Kandahar {PAYLOAD}.
"""
ESCAPE_ACTOR = "../../Escape/Actor"
MARKERS = ("evil.example", "alert(", "onerror", "/etc/passwd", "/dev/urandom")


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory, root) -> Path:
    """A project whose one article attacks the brief, and an actor whose name attacks paths."""
    project = tmp_path_factory.mktemp("hostile")
    data = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    data["corpus"] = ["corpus"]
    data["actors"][ESCAPE_ACTOR] = {"kind": "group", "aliases": ["Escape Front"]}
    (project / "config.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (project / "corpus").mkdir()
    (project / "corpus" / "hostile.md").write_text(ARTICLE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def rendered(hostile_project):
    """`brief weekly` with every network connection refused and every fetch recorded."""
    fetchers: list[SafeFetcher] = []
    connections: list[object] = []
    original_make = SafeFetcher.make
    mp = pytest.MonkeyPatch()

    def make(self):
        fetchers.append(self)
        return original_make(self)

    def no_network(*args, **kwargs):
        connections.append(args)
        raise OSError("network refused by the test")

    mp.setattr(SafeFetcher, "make", make)
    mp.setattr(socket.socket, "connect", no_network)
    mp.setattr(socket, "create_connection", no_network)
    try:
        result = CliRunner().invoke(
            app, ["--config", str(hostile_project / "config.yaml"), "brief", "weekly"]
        )
    finally:
        mp.undo()
    return result, fetchers, connections


def test_brief_renders(rendered, hostile_project):
    result, _, _ = rendered
    assert result.exit_code == 0, result.output
    assert (hostile_project / "out" / "weekly-2024-03-18.html").is_file()
    assert (hostile_project / "out" / "weekly-2024-03-18.pdf").is_file()


def test_nothing_from_the_article_is_markup(rendered, hostile_project):
    html = (hostile_project / "out" / "weekly-2024-03-18.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(html)
    assert tree.xpath("//script|//iframe|//img|//link|//object|//embed") == []
    assert tree.xpath("//*[@*[starts-with(name(), 'on')]]") == []
    assert tree.xpath("//b") == []  # the outlet's <b onmouseover> stays text
    for style in tree.xpath("//style"):
        for marker in MARKERS:
            assert marker not in (style.text or ""), f"{marker} got into a <style>"
    for element in tree.xpath("//*[@style or @href or @src]"):
        for value in (element.get("style"), element.get("href"), element.get("src")):
            assert not value or not any(m in value for m in MARKERS), value
    # Shown as text, so the reader sees what the article said.
    text = tree.text_content()
    assert '<script>alert("TITLE")</script>' in text
    assert "<script>alert('QUOTE')</script>" in text  # a quote's sentence, from the article body
    assert '<iframe src="/dev/urandom"></iframe>' in text
    # And escaped in the source, not merely dropped.
    assert "&lt;script&gt;" in html


def test_the_pdf_fetched_nothing_outside_the_template_and_style_folders(rendered, hostile_project):
    _, fetchers, connections = rendered
    assert fetchers, "the PDF was not rendered through SafeFetcher"
    assert connections == []
    config_paths = search_path(_config(hostile_project))
    allowed = [p.resolve() for p in config_paths.styles + config_paths.templates]
    for fetcher in fetchers:
        for url in fetcher.fetched:
            if url.startswith("data:"):
                continue
            path = Path(url.removeprefix("file://")).resolve()
            assert any(path.is_relative_to(folder) for folder in allowed), url
        assert not any(m in url for url in fetcher.fetched for m in MARKERS)


def test_pdf_text_shows_the_payload_as_text(rendered, hostile_project):
    from pypdf import PdfReader

    pdf = hostile_project / "out" / "weekly-2024-03-18.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "<script>" in text


def test_actor_names_are_slugged_into_the_output_folder(rendered, hostile_project):
    result = CliRunner().invoke(
        app,
        [
            "--config",
            str(hostile_project / "config.yaml"),
            "brief",
            "actor",
            "Escape Front",
            "--format",
            "html",
        ],
    )
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.stdout.splitlines() if line.endswith(".html")]
    assert written == [hostile_project / "out" / "actor-escape-actor.html"]
    assert sorted(p.name for p in hostile_project.rglob("*.html")) == sorted(
        ["actor-escape-actor.html", "weekly-2024-03-18.html"]
    )


# -- SafeFetcher on its own ----------------------------------------------------------


@pytest.fixture()
def fetcher(tmp_path):
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "ok.css").write_text("p { color: black }")
    (styles / "passwd.css").symlink_to("/etc/passwd")  # a link out of the folder
    (tmp_path / "secret.txt").write_text("SECRET")
    return SafeFetcher([styles]), styles, tmp_path


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file:///dev/urandom",
        "file://evil.example/etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.css",
        "ftp://example.com/x",
        "//example.com/x.png",
        "/etc/passwd",
    ],
)
def test_safe_fetcher_refuses(fetcher, url):
    safe, _, _ = fetcher
    assert not safe.allows(url)
    with pytest.raises(ValueError):
        safe.make().fetch(url)
    assert safe.refused == [url]


def test_safe_fetcher_refuses_escapes_from_the_allowed_folder(fetcher):
    safe, styles, _ = fetcher
    assert not safe.allows(f"file://{styles}/../secret.txt")
    assert not safe.allows(f"file://{styles}/passwd.css")  # symlink resolved before the check
    assert not safe.allows(f"file://{styles}/%2e%2e/secret.txt")


def test_safe_fetcher_allows_its_folders_and_data(fetcher):
    safe, styles, _ = fetcher
    result = safe.make().fetch(f"file://{styles}/ok.css")
    assert result is not None
    assert safe.allows("data:text/css,p%7Bcolor:red%7D")
    assert safe.fetched == [f"file://{styles}/ok.css"]


def test_write_pdf_refuses_every_outside_resource(tmp_path, config, monkeypatch):
    """Markup that did reach WeasyPrint (a user template, say) still fetches nothing."""
    connections = []
    monkeypatch.setattr(
        socket.socket,
        "connect",
        lambda *a: connections.append(a) or (_ for _ in ()).throw(OSError()),
    )
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    html = (
        "<html><head><link rel=stylesheet href='https://evil.example/s.css'>"
        "<style>@import url('http://evil.example/i.css'); body { background: url('file:///etc/passwd') }</style>"
        "</head><body><p>text</p>"
        "<img src='file:///etc/passwd'><img src='https://evil.example/x.png'><img src='file:///dev/urandom'>"
        f"<img src='{outside.as_uri()}'><img src='../../../../../../etc/hostname'>"
        "<iframe src='http://evil.example/f'></iframe><object data='file:///etc/shadow'></object>"
        "</body></html>"
    )
    target = tmp_path / "out" / "x.pdf"
    safe = write_pdf(html, target, search_path(config))
    assert target.read_bytes().startswith(b"%PDF")
    refused = " ".join(safe.refused)
    for wanted in (
        "https://evil.example/s.css",
        "file:///etc/passwd",
        "https://evil.example/x.png",
        "file:///dev/urandom",
        outside.as_uri(),
        "etc/hostname",
    ):
        assert wanted in refused, (wanted, safe.refused)
    assert not any("evil.example" in u or "/etc/" in u or "urandom" in u for u in safe.fetched)
    assert connections == []


# -- YAML is read with safe loading only -------------------------------------------


SOURCE = Path(__file__).resolve().parents[2] / "briefgen"


def test_no_unsafe_yaml_loader_in_the_source():
    unsafe = re.compile(
        r"yaml\.(?:unsafe_load|full_load|load_all)\(|yaml\.load\((?![^)]*SafeLoader)|"
        r"Loader=yaml\.(?:Loader|FullLoader|UnsafeLoader)"
    )
    hits = [
        f"{path}:{n}"
        for path in SOURCE.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if unsafe.search(line)
    ]
    assert hits == []


PYTHON_TAG = "!!python/object/apply:os.system ['touch {sentinel}']"


def test_front_matter_cannot_run_code(tmp_path, fresh_store):
    from briefgen.ingest.corpus import ingest_paths

    sentinel = tmp_path / "PWNED"
    (tmp_path / "a.md").write_text(
        f"---\ntitle: {PYTHON_TAG.format(sentinel=sentinel)}\n---\nA raid in Khost.\n"
    )
    store = fresh_store
    report = ingest_paths([tmp_path / "a.md"], store)
    assert not sentinel.exists()
    assert len(report.new) == 1 and any(
        "malformed front matter" in note for _, note in report.notes
    )


def test_config_cannot_run_code(tmp_path, root):
    sentinel = tmp_path / "PWNED"
    text = (root / "config.yaml").read_text(encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        text.replace("store: out/briefgen.sqlite", f"store: {PYTHON_TAG.format(sentinel=sentinel)}")
    )
    result = CliRunner().invoke(
        app, ["--config", str(tmp_path / "config.yaml"), "templates", "list"]
    )
    assert result.exit_code == 2
    assert not sentinel.exists()
    assert "config.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_gold_file_cannot_run_code(tmp_path):
    from briefgen.errors import UsageError
    from briefgen.evaluate import load_gold

    sentinel = tmp_path / "PWNED"
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"schema: {PYTHON_TAG.format(sentinel=sentinel)}\n")
    with pytest.raises(UsageError):
        load_gold(gold)
    assert not sentinel.exists()


# -- output names ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        "a/b\\c",
        "",
        "/",
        "weekly-حزب",
        "actor-Боко Харам",
        "CON",
        "x" * 300,
    ],
)
def test_slug_is_a_plain_file_name(name):
    value = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value), value
    assert ".." not in value and "/" not in value and "\\" not in value
    assert len(value) <= 90


def test_slugs_of_non_latin_names_differ():
    assert slug("actor-حزب") != slug("actor-داعش")
    assert slug("Café") == "cafe"


def _config(project: Path):
    from briefgen.config import load

    return load(project / "config.yaml")
