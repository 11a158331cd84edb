"""The HTML brief is one self-contained file: CSS and SVG inline, nothing fetched
or linked from outside it."""

from __future__ import annotations

import re

import pytest

from briefgen.render.output import render_html


@pytest.fixture(scope="module", params=["weekly", "actor"])
def html(request, config, make_weekly, make_actor):
    context = make_weekly() if request.param == "weekly" else make_actor()
    return render_html(config, context)


def test_no_external_reference_at_all(html):
    assert not re.search(r"<(link|script|img|iframe|object|embed)\b", html, re.IGNORECASE)
    assert not re.search(r"\bsrc\s*=", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    # Every link is a fragment inside the document: citations, contents.
    hrefs = re.findall(r"""\bhref\s*=\s*["']?([^"'\s>]*)""", html, re.IGNORECASE)
    assert hrefs and all(h.startswith("#") for h in hrefs)
    # Article URLs are printed as text in the sources annex, never as links.
    assert not re.search(r"""=\s*["']?(https?:|//|file:|data:)""", html, re.IGNORECASE)


def test_css_and_svg_are_inline(html):
    assert re.search(r"<style>\s*/\*", html) and "@page" in html
    assert "<svg" in html


def test_every_internal_link_has_a_target(html):
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = {h[1:] for h in re.findall(r'href="(#[^"]+)"', html)}
    assert targets <= ids


def test_article_text_is_escaped(config, brief_data):
    from briefgen.briefs import build_context
    from briefgen.models import Article

    hostile = Article(
        id="x1",
        origin="x.html",
        title='<script src="http://evil.example/x.js"></script>',
        text="",
        url="javascript:alert(1)",
        published=None,
    )
    data = brief_data(extra_articles=[hostile])
    data.cite("x1")  # cited first, so the sources annex lists it
    out = render_html(config, build_context(config, "actor", data, actor="IS-K"))
    assert "<script" not in out and "&lt;script" in out
