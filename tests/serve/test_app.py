"""The review desk in process: what it shows, what it refuses, what it writes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.serve.conftest import csrf_of

KANDAHAR = "Kandahar"


def card_of(html: str, place: str) -> tuple[str, str]:
    """The id and version of the event card whose place names `place`."""
    for found in re.finditer(r'data-event="([^"]+)" data-version="([^"]+)"', html):
        rest = html[found.end() : found.end() + 800]
        if place in rest:
            return found.group(1), found.group(2)
    raise AssertionError(f"no event card in {place}")


def post(client, csrf: str, **data):
    return client.post("/api/correct", json=data, headers={"X-CSRF-Token": csrf})


def test_events_page_lists_the_period_with_evidence_and_filters(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "2024-W12" in html
    # The example week's four events: the plot, two attacks and the arrests after one.
    assert html.count('<article class="event') == 4
    assert "<mark>" in html  # each source's evidence sentence, marked in its excerpt
    only_plots = client.get("/", params={"kind": "foiled_plot"}).text
    assert only_plots.count('<article class="event') == 1 and "Stockholm" in only_plots
    by_alias = client.get("/", params={"actor": "ISKP"}).text  # any alias
    assert by_alias.count('<article class="event') >= 1
    unknown = client.get("/", params={"actor": "Nobody Front"}).text
    assert "no actor &#39;Nobody Front&#39;" in unknown
    assert client.get("/", params={"state": "corrected"}).text.count('<article class="event') == 0


def test_a_correction_is_written_by_the_library_and_shown(client, desk_project: Path):
    csrf = csrf_of(client.get("/").text)
    event, version = card_of(client.get("/").text, KANDAHAR)
    answer = post(
        client,
        csrf,
        action="field",
        field="killed",
        value="at least 30",
        event=event,
        version=version,
    )
    assert answer.status_code == 200, answer.text
    entries = yaml.safe_load((desk_project / "corrections.yaml").read_text())["corrections"]
    assert [(e["id"], e["field"], e["to"]) for e in entries] == [(event, "killed", "at least 30")]
    assert client.get("/", params={"state": "corrected"}).text.count('<article class="event') == 1
    assert "at least 30" in client.get("/preview").text


def test_a_bad_value_gets_the_cli_message_and_writes_nothing(client, desk_project: Path):
    html = client.get("/").text
    event, version = card_of(html, KANDAHAR)
    answer = post(
        client,
        csrf_of(html),
        action="field",
        field="killed",
        value="abc",
        event=event,
        version=version,
    )
    assert answer.status_code == 400
    assert answer.json()["field"] == "killed"
    assert "killed='abc': expected a number" in answer.json()["message"]
    assert not (desk_project / "corrections.yaml").exists()


def test_a_stale_version_is_refused_so_no_edit_is_lost(client, desk_project: Path):
    html = client.get("/").text
    csrf = csrf_of(html)
    event, version = card_of(html, KANDAHAR)
    first = post(client, csrf, action="note", value="first tab", event=event, version=version)
    assert first.status_code == 200
    second = post(client, csrf, action="note", value="second tab", event=event, version=version)
    assert (
        second.status_code == 409
        and "changed since this page showed it" in second.json()["message"]
    )
    notes = [
        e["to"]
        for e in yaml.safe_load((desk_project / "corrections.yaml").read_text())["corrections"]
    ]
    assert notes == ["first tab"]


def test_posts_without_the_csrf_token_are_refused(client, desk_project: Path):
    event, version = card_of(client.get("/").text, KANDAHAR)
    data = {"action": "reject", "value": "x", "event": event, "version": version}
    assert client.post("/api/correct", json=data).status_code == 403
    assert (
        client.post("/api/correct", json=data, headers={"X-CSRF-Token": "guess"}).status_code == 403
    )
    assert client.post("/api/publish", json={}).status_code == 403
    assert not (desk_project / "corrections.yaml").exists()


def test_only_its_own_hosts_and_static_files(client):
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/static/desk.js").status_code == 200
    for name in ("../desk.py", "..%2Fdesk.py", "%2e%2e/app.py", "brief.css"):
        assert client.get(f"/static/{name}").status_code == 404
    assert client.get("/article/..%2F..%2Fconfig.yaml").status_code == 404


def test_the_token_is_required_when_set(desk):
    from starlette.testclient import TestClient

    from briefgen.serve import create_app

    with TestClient(create_app(desk, token="s3cret"), base_url="http://127.0.0.1") as guarded:
        assert guarded.get("/").status_code == 401
        assert guarded.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        # The address serve prints sets a cookie, then the page opens without the token.
        first = guarded.get("/?token=s3cret", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        assert guarded.get("/").status_code == 200


def test_article_page_marks_facts_and_links_events(client, desk):
    html = client.get("/").text
    event, _ = card_of(html, KANDAHAR)
    article = re.search(r'href="/article/([0-9a-f]+)#', html).group(1)
    page = client.get(f"/article/{article}").text
    assert re.search(r'<a class="fact" href="/event/E-[0-9a-f]+"', page)
    text = desk.analysis().articles[article].text
    # The pieces put back together are the article's text, escaped.
    body = re.search(r'<div id="article-text" class="text">(.*?)</div>', page, re.S).group(1)
    import html as html_module

    assert html_module.unescape(re.sub(r"<[^>]+>", "", body)) == text


def test_no_page_references_anything_outside_the_desk(client):
    html = client.get("/").text
    event, _ = card_of(html, KANDAHAR)
    article = re.search(r'href="/article/([0-9a-f]+)#', html).group(1)
    pages = [
        "/",
        f"/event/{event}",
        f"/article/{article}",
        "/judgments",
        "/preview",
        "/static/desk.css",
    ]
    outside = re.compile(
        r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:[a-z]+:)?//|url\(\s*["']?(?:[a-z]+:)?//|@import""",
        re.I,
    )
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert not outside.search(answer.text), f"{path} references an outside URL"
        policy = answer.headers["content-security-policy"]
        assert "default-src 'self'" in policy or "default-src 'none'" in policy


HOSTILE = """---
title: Market blast in Kabul <script>alert('title')</script>
source: Test Desk
published: 2024-03-20
---
KABUL, 20 March 2024 - A suicide bomber killed four people at a market in Kabul on Wednesday, police said <img src=x onerror="alert('text')">.
The <b>blast</b> wounded nine others.
"""


def test_article_text_is_escaped_everywhere(desk_project: Path, config):
    from starlette.testclient import TestClient

    from briefgen.extract import extract
    from briefgen.ingest import ingest_paths
    from briefgen.serve import create_app
    from briefgen.store import Store
    from tests.serve.conftest import make_desk

    hostile = desk_project / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with Store(desk_project / "out" / "briefgen.sqlite") as store:
        ingest_paths([hostile], store)
        extract(config, store)
    desk = make_desk(desk_project)
    try:
        with TestClient(create_app(desk), base_url="http://127.0.0.1") as test_client:
            events = test_client.get("/").text
            assert "market in Kabul" in events
            article = re.search(r'href="/article/([0-9a-f]+)#[^"]*">Market blast', events).group(1)
            for html in (events, test_client.get(f"/article/{article}").text):
                assert "<script>alert" not in html and "<img src=x" not in html
                assert "<b>blast</b>" not in html
                assert "&lt;script&gt;alert(" in html or "&lt;img src=x" in html
    finally:
        desk.close()


def test_judgments_are_checked_by_the_rules_of_briefgen_check(client, desk_project: Path):
    from tests.serve.conftest import run_cli

    html = client.get("/judgments").text
    assert "very likely retains the means" in html  # the example file, as saved
    csrf = csrf_of(html)
    flagged = "- IS-K might strike again in Russia [E:E-7c22dde02b].\n"
    answer = client.post("/api/check", json={"text": flagged}, headers={"X-CSRF-Token": csrf})
    problems = answer.json()["problems"]
    assert answer.json()["ok"] is False
    assert problems[0].startswith("examples/judgments/weekly-2024-03-18.md:1: no estimative term")
    assert any('"might" is not on the estimative scale' in p for p in problems)
    saved = client.post("/api/judgments", json={"text": flagged}, headers={"X-CSRF-Token": csrf})
    assert saved.json()["file"] == "examples/judgments/weekly-2024-03-18.md"
    written = desk_project / "examples" / "judgments" / "weekly-2024-03-18.md"
    assert written.read_text() == flagged
    cli = run_cli(desk_project, "check", "weekly")
    assert cli.returncode == 1 and cli.stdout.splitlines() == problems
    clean = "- IS-K very likely strikes again in Russia (moderate confidence) [E:E-7c22dde02b].\n"
    answer = client.post("/api/check", json={"text": clean}, headers={"X-CSRF-Token": csrf})
    assert answer.json() == {"ok": True, "problems": []}
    assert written.read_text() == flagged  # checking writes nothing
    assert "IS-K might strike again" in client.get("/preview").text


def test_serve_warns_off_the_local_host_and_refuses_a_busy_port(desk_project: Path):
    import os
    import socket
    import subprocess
    import sys

    from tests.serve.conftest import ROOT, run_cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        busy = run_cli(desk_project, "serve", "--port", str(taken.getsockname()[1]))
    assert busy.returncode == 2
    assert "choose another --port" in busy.stderr

    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from briefgen.cli import main; main()",
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            "0",
        ],
        cwd=desk_project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "briefgen desk:" in line:
                break
        said = "".join(lines)
        assert "anyone who can reach this machine" in said and "--token" in said
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_split_a_source_out_then_merge_it_back(client, desk_project: Path):
    html = client.get("/").text
    csrf = csrf_of(html)
    event, version = card_of(html, KANDAHAR)
    # The page names the article by its store id; the file records its name, as the CLI does.
    card = html.split(f'id="ev-{event}"')[1].split("</article>")[0]
    # Its latest source: the earliest gives the event its id, and would take it along.
    article = re.findall(r'href="/article/([0-9a-f]+)#', card)[-1]
    split = post(client, csrf, action="split", value=article, event=event, version=version)
    assert split.status_code == 200, split.text
    [entry] = yaml.safe_load((desk_project / "corrections.yaml").read_text())["corrections"]
    assert entry["field"] == "split" and entry["to"].endswith((".md", ".txt"))
    after = client.get("/").text
    assert after.count('<article class="event') == 5  # the report is an event of its own
    event, version = card_of(after, KANDAHAR)
    others = re.findall(r'data-event="([^"]+)"', after)
    alone = next(
        e for e in others if e != event and "Kandahar" in after.split(f'data-event="{e}"')[1][:800]
    )
    merged = post(client, csrf, action="merge", value=alone, event=event, version=version)
    assert merged.status_code == 200, merged.text
    assert client.get("/").text.count('<article class="event') == 4


def test_corrections_that_match_nothing_are_shown(client, desk_project: Path):
    (desk_project / "corrections.yaml").write_text(
        "corrections:\n- {id: E-0000000000, field: killed, from: '3', to: '4', by: a, at: '2024-03-25T00:00:00Z'}\n"
    )
    html = client.get("/").text
    assert "E-0000000000" in html and "no event or quote has this id now" in html
