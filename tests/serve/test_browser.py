"""The desk end to end: `briefgen serve` on a free port, driven in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.serve.conftest import run_cli


def corrections(project: Path) -> list[dict]:
    path = project / "corrections.yaml"
    return yaml.safe_load(path.read_text())["corrections"] if path.exists() else []


def by_place(place: str) -> str:
    """The event card whose header names this place (merge menus name places too)."""
    return f'article.event:has(header .place:has-text("{place}"))'


def test_correct_reject_preview_and_the_cli_agree(served, browser):
    address, project = served
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(address + "/")
    cards = page.locator("article.event")
    assert cards.count() == 4  # the plot, two attacks and the arrests after one

    kandahar = page.locator(by_place("Kandahar"))
    kandahar_id = kandahar.get_attribute("data-event")
    plot = page.locator(by_place("Stockholm"))
    plot_id = plot.get_attribute("data-event")

    # A bad value: its message beside the field, and nothing written.
    kandahar.locator("summary").click()
    killed = kandahar.locator('form[data-field="killed"]')
    killed.locator("input").fill("abc")
    killed.locator("button").click()
    message = killed.locator(".message")
    message.filter(has_text="expected a number").wait_for()
    assert not (project / "corrections.yaml").exists()

    # Correct the toll; the page reloads with the event marked as corrected.
    killed.locator("input").fill("at least 25")
    with page.expect_navigation():
        killed.locator("button").click()
    kandahar = page.locator(f'article.event[data-event="{kandahar_id}"]')
    kandahar.locator(".state-corrected").wait_for()

    # Reject the foiled plot.
    reject = page.locator(f'article.event[data-event="{plot_id}"] form[data-action="reject"]')
    reject.locator("input").fill("not a plot: a rumour the prosecutors denied")
    with page.expect_navigation():
        reject.locator("button").click()
    page.locator(f'article.event[data-event="{plot_id}"] .state-rejected').wait_for()

    # Both in the preview of the brief...
    preview = page.frame_locator("#preview")
    preview.locator("body").filter(has_text="at least 25").wait_for()
    preview_html = page.frame(url=address + "/preview").content()
    assert plot_id not in preview_html and kandahar_id in preview_html

    # ... in the corrections file ...
    written = {(c["id"], c["field"]): c["to"] for c in corrections(project)}
    assert written[(kandahar_id, "killed")] == "at least 25"
    assert written[(plot_id, "reject")].startswith("not a plot")

    # ... and in `briefgen events --format json`.
    listed = run_cli(project, "events", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    events = {e["id"]: e for e in json.loads(listed.stdout)}
    assert events[kandahar_id]["corrected"]["killed"]["to"] == "at least 25"
    assert events[plot_id]["rejected"] is True

    # A POST without the page's CSRF token is refused and changes nothing.
    before = (project / "corrections.yaml").read_text()
    refused = page.request.post(
        address + "/api/correct",
        data={"action": "reject", "value": "x", "event": kandahar_id},
    )
    assert refused.status == 403
    assert (project / "corrections.yaml").read_text() == before

    # Everything the browser asked for came from the desk itself.
    assert requested and all(url.startswith(address + "/") for url in requested), requested


def test_a_second_tab_is_told_the_event_changed(served, browser):
    address, project = served
    first, second = browser.new_page(), browser.new_page()
    for tab in (first, second):
        tab.goto(address + "/")
    card = by_place("Kandahar")
    note = f'{card} form[data-action="note"]'
    first.locator(f"{note} input").fill("from the first tab")
    with first.expect_navigation():
        first.locator(f"{note} button").click()
    second.locator(f"{note} input").fill("from the second tab")
    second.locator(f"{note} button").click()
    second.locator(f"{card} .stale").filter(has_text="changed since this page showed it").wait_for()
    assert [c["to"] for c in corrections(project)] == ["from the first tab"]


def test_add_a_missed_event_from_selected_text_and_publish(served, browser):
    address, project = served
    page = browser.new_page()
    page.goto(address + "/")
    # Wait for the article page to load: its script must be running before we select.
    with page.expect_navigation():
        page.locator("article.event ol.sources a").first.click()
    text = page.locator("#article-text")
    assert text.locator("a.fact").count() >= 1  # facts marked and linked to their event
    assert page.locator("#add-event").is_hidden()  # until some text is selected
    # Select the article's last sentence, as an analyst would with the mouse.
    sentence = page.evaluate(
        """() => {
        const box = document.getElementById('article-text');
        const whole = box.textContent;
        const end = whole.trimEnd().length;
        const start = whole.lastIndexOf('.', end - 2) + 1;
        const range = document.createRange();
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let seen = 0, node;
        while ((node = walker.nextNode())) {
          const next = seen + node.length;
          if (seen <= start && start < next) range.setStart(node, start - seen);
          if (seen < end && end <= next) range.setEnd(node, end - seen);
          seen = next;
        }
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        return range.toString().trim();
      }"""
    )
    form = page.locator("#add-event")
    form.wait_for(state="visible", timeout=5_000)
    assert form.locator("textarea").input_value() == sentence
    form.locator('select[name="type"]').select_option("attack")
    form.locator('input[name="killed"]').fill("2")
    form.locator("button").click()
    form.locator(".message").filter(has_text="Added").wait_for()
    added = [c for c in corrections(project) if c["field"] == "add"]
    assert len(added) == 1 and added[0]["evidence"] == sentence

    page.locator("#publish").click()
    page.locator("#published").filter(has_text="Written").wait_for(timeout=120_000)
    shown = page.locator("#published").inner_text()
    for suffix in (".pdf", ".html"):
        written = [
            Path(p) for p in shown.removeprefix("Written: ").split(", ") if p.endswith(suffix)
        ]
        assert written and written[0].is_file() and written[0].parent == project / "out"


def test_judgments_are_checked_as_you_type(served, browser):
    address, project = served
    page = browser.new_page()
    page.goto(address + "/judgments")
    problems = page.locator("#judgments-problems")
    problems.locator("li.clean").wait_for()  # the example file passes
    box = page.locator("#judgments-text")
    box.fill("")
    box.press_sequentially("- IS-K might strike again [E:E-7c22dde02b].", delay=5)
    problems.locator("li", has_text='"might" is not on the estimative scale').wait_for()
    assert not (project / "corrections.yaml").exists()
