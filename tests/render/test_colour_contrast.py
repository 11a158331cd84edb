"""Every text colour of the built-in styles and charts reads against every background
they declare at WCAG 2.1 AA: 4.5:1 for text (small print included), 3:1 for the
bars of a chart (non-text contrast). Colours are read from the stylesheets with
tinycss2 (WeasyPrint's own CSS parser), custom properties resolved.

A rule that sets both its text colour and its background (a badge such as a source's
grade) is a pair of its own: its text is checked on its background, and no other
text is, since nothing else is written on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import tinycss2
from tinycss2.color3 import RGBA, parse_color

TEXT = 4.5
GRAPHIC = 3.0
WHITE = RGBA(1.0, 1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Colour:
    rgba: RGBA
    where: str  # "brief.css: .muted color", for the failure message


def luminance(c: RGBA) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)


def over(fg: RGBA, bg: RGBA) -> RGBA:
    """A translucent colour as it shows on its background."""
    a = fg.alpha
    return RGBA(*(a * f + (1 - a) * b for f, b in zip(fg[:3], bg[:3], strict=False)), 1.0)


def contrast(fg: RGBA, bg: RGBA) -> float:
    light, dark = sorted((luminance(over(fg, bg)), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def declarations(css: str):
    """(selector, property, value tokens) of every declaration, inside @media and
    @page margin boxes too."""

    def walk(rules, context):
        for rule in rules:
            if rule.type == "qualified-rule":
                selector = tinycss2.serialize(rule.prelude).strip()
                yield from walk(tinycss2.parse_blocks_contents(rule.content), selector)
            elif rule.type == "at-rule" and rule.content is not None:
                name = (
                    f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}".strip()
                )
                contents = tinycss2.parse_blocks_contents(rule.content)
                if (
                    any(item.type == "qualified-rule" for item in contents)
                    or rule.lower_at_keyword == "media"
                ):
                    contents = tinycss2.parse_rule_list(rule.content)
                yield from walk(contents, name)
            elif rule.type == "declaration":
                yield (
                    context,
                    rule.name if rule.name.startswith("--") else rule.lower_name,
                    rule.value,
                )

    yield from walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")


def colours(css: str, source: str) -> tuple[list[Colour], list[Colour]]:
    """The text colours and the background colours a stylesheet declares (badges apart:
    see `badges`)."""
    text, backgrounds, _ = colours_and_badges(css, source)
    return text, backgrounds


def colours_and_badges(
    css: str, source: str
) -> tuple[list[Colour], list[Colour], list[tuple[Colour, Colour]]]:
    found = list(declarations(css))
    variables = {prop: value for _, prop, value in found if prop.startswith("--")}

    def resolve(tokens):
        for token in tokens:
            if token.type == "function" and token.lower_name == "var":
                name = next(t.value for t in token.arguments if t.type == "ident")
                yield from resolve(variables[name])
            elif token.type not in ("whitespace", "comment"):
                yield token

    text: list[Colour] = []
    backgrounds: list[Colour] = []
    for selector, prop, value in found:
        if prop == "color":
            kind = text
        elif prop in ("background", "background-color"):
            kind = backgrounds
        else:
            continue
        for token in resolve(value):
            rgba = parse_color(token)
            if isinstance(rgba, RGBA) and rgba.alpha > 0:
                kind.append(Colour(rgba, f"{source}: {selector} {prop}"))
    # Badges: one rule's own text colour on its own background.
    badges = []
    for fg in list(text):
        for bg in list(backgrounds):
            if fg.where.rsplit(" ", 1)[0] == bg.where.rsplit(" ", 1)[0]:
                badges.append((fg, bg))
                text.remove(fg)
                backgrounds.remove(bg)
    return text, backgrounds, badges


def svg_colours(template: str, source: str) -> tuple[list[Colour], list[Colour]]:
    """Fills of the charts' <text> (text) and <rect> (bars) elements."""
    found: dict[str, list[Colour]] = {"text": [], "rect": []}
    for tag, attributes in re.findall(r"<(text|rect)\b([^>]*)>", template):
        for value in re.findall(r'\bfill="([^"{]+)"', attributes):
            rgba = parse_color(value)
            if isinstance(rgba, RGBA):
                found[tag].append(Colour(rgba, f"{source}: <{tag}> fill"))
    return found["text"], found["rect"]


def failures(fgs: list[Colour], bgs: list[Colour], least: float) -> list[str]:
    return [
        f"{fg.where} on {bg.where}: {contrast(fg.rgba, bg.rgba):.2f}:1 < {least}:1"
        for fg in fgs
        for bg in bgs
        if contrast(fg.rgba, bg.rgba) < least
    ]


@pytest.fixture(scope="module")
def builtin_badges(root: Path) -> list[tuple[Colour, Colour]]:
    badges = []
    for css in sorted((root / "styles").glob("*.css")):
        badges += colours_and_badges(css.read_text(encoding="utf-8"), css.name)[2]
    return badges


@pytest.fixture(scope="module")
def builtin(root: Path):
    text, backgrounds = [], [Colour(WHITE, "the page")]
    for css in sorted((root / "styles").glob("*.css")):
        t, b = colours(css.read_text(encoding="utf-8"), css.name)
        text += t
        backgrounds += b
    charts_text, bars = [], []
    for template in sorted((root / "templates").rglob("*.j2")):
        t, r = svg_colours(template.read_text(encoding="utf-8"), template.name)
        charts_text += t
        bars += r
    return text, backgrounds, charts_text, bars


def test_the_formula_gives_wcag_reference_values():
    assert contrast(RGBA(0, 0, 0, 1), WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA on white; #777777 just fails.
    assert contrast(parse_color("#767676"), WHITE) >= TEXT > contrast(parse_color("#777777"), WHITE)
    assert contrast(RGBA(0, 0, 0, 0.5), WHITE) == pytest.approx(
        contrast(parse_color("#808080"), WHITE), rel=0.02
    )


def test_the_check_finds_a_pale_colour_behind_a_custom_property():
    css = """
    :root { --faint: #aab0b6; --paper: #ffffff; }
    @media print { .note { color: var(--faint); } }
    @page { @top-left { color: #222; } }
    thead th { background: var(--paper) none; }
    """
    text, backgrounds = colours(css, "mine.css")
    assert [c.where for c in text] == ["mine.css: .note color", "mine.css: @top-left color"]
    assert [c.where for c in backgrounds] == ["mine.css: thead th background"]
    [failure] = failures(text, backgrounds, TEXT)
    assert failure.startswith("mine.css: .note color on mine.css: thead th background")


def test_every_text_colour_reads_on_every_background(builtin):
    text, backgrounds, charts_text, _ = builtin
    assert len(text) >= 5 and len(backgrounds) >= 3 and charts_text
    assert failures(text + charts_text, backgrounds, TEXT) == []


def test_chart_bars_stand_out_from_the_page(builtin):
    _, backgrounds, _, bars = builtin
    assert bars
    assert failures(bars, backgrounds, GRAPHIC) == []


def test_a_badge_is_checked_on_its_own_background():
    css = ".grade { color: #fff; background: #4a6a8a; } .faint { color: #eee; background: #fff; }"
    text, backgrounds, badges = colours_and_badges(css, "mine.css")
    assert not text and not backgrounds
    assert [(fg.where, bg.where) for fg, bg in badges] == [
        ("mine.css: .grade color", "mine.css: .grade background"),
        ("mine.css: .faint color", "mine.css: .faint background"),
    ]
    assert [contrast(fg.rgba, bg.rgba) >= TEXT for fg, bg in badges] == [True, False]


def test_every_badge_reads_on_its_own_background(builtin_badges):
    low = [
        f"{fg.where} on {bg.where}: {contrast(fg.rgba, bg.rgba):.2f}:1"
        for fg, bg in builtin_badges
        if contrast(fg.rgba, bg.rgba) < TEXT
    ]
    assert low == []
