"""Brief context -> one self-contained HTML file and a PDF, written atomically."""

from __future__ import annotations

import gc
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefgen.config import Config
from briefgen.errors import BriefgenError
from briefgen.render.accessible import keywords, pdf_options
from briefgen.render.environment import (
    SUFFIX,
    SearchPath,
    make_environment,
    render,
    search_path,
    section_template,
)

STYLE_FILES = ("brief.css", "print.css")


def slug(name: str) -> str:
    """A safe file name: letters, digits and dashes only (no separators, no '..').

    Actor and brief names come from config and the command line: "Ansar al-Islam/../x"
    must not leave out/. Accents fold to ASCII; letters with no ASCII form (Arabic,
    Cyrillic) add a short hash of the name, so two such actors never share a file.
    """
    import hashlib
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    folded = decomposed.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:80].strip("-")
    lost = any(c.isalnum() and not c.isascii() for c in decomposed)
    if lost or not text:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        text = f"{text or 'brief'}-{digest}"
    return text


def stylesheet(paths: SearchPath, page_size: str) -> str:
    """Built-in styles, each replaced by a user file of the same name; extra user files last."""
    parts = []
    for name in STYLE_FILES:
        for folder in paths.styles:
            if (folder / name).is_file():
                parts.append((folder / name).read_text(encoding="utf-8"))
                break
    for folder in paths.styles[:-1]:
        for extra in sorted(folder.glob("*.css")):
            if extra.name not in STYLE_FILES:
                parts.append(extra.read_text(encoding="utf-8"))
    parts.append(f"@page {{ size: {page_size}; }}")
    return "\n".join(parts)


def render_html(config: Config, context: dict[str, Any], paths: SearchPath | None = None) -> str:
    paths = paths or search_path(config)
    env = make_environment(paths)
    for section in context["sections"]:
        section["file"] = section_template(env, section["template"], paths)
    css = stylesheet(paths, context["brief"]["page_size"])
    name = context["brief"]["name"]
    top = config.briefs[name].template + SUFFIX
    found = keywords(config, name, context.get("actor"))
    return render(env, top, {**context, "css": css, "keywords": found})


class SafeFetcher:
    """Fetches nothing from the network, and only files inside the allowed folders.

    Article text is escaped, so it should never reach WeasyPrint as a URL; this is the
    second wall for what a template or style might let through: `file:///etc/passwd`,
    `https://...`, `/dev/urandom` or `../../` are refused and recorded, never read.
    """

    def __init__(self, allowed: list[Path]):
        self.allowed = [p.resolve() for p in allowed if p.exists()]
        self.refused: list[str] = []
        self.fetched: list[str] = []

    def allows(self, url: str) -> bool:
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return True
        if scheme != "file" or parts.netloc not in ("", "localhost"):
            return False  # http, https, ftp, file://host/...: the network
        path = Path(unquote(parts.path)).resolve()  # symlinks and '..' resolved first
        # is_file() refuses devices and pipes (/dev/urandom would never end).
        return path.is_file() and any(path.is_relative_to(folder) for folder in self.allowed)

    def make(self):
        from weasyprint.urls import URLFetcher

        outer = self

        class Fetcher(URLFetcher):
            def fetch(self, url: str, headers: Any = None):
                if outer.allows(url):
                    outer.fetched.append(url)
                    return super().fetch(url, headers)
                outer.refused.append(url)
                raise ValueError(f"briefgen fetches no external resource: {url[:200]}")

        return Fetcher(allowed_protocols={"file", "data"}, fail_on_errors=False)


def write_pdf(html: str, target: Path, paths: SearchPath, variant: str = "none") -> SafeFetcher:
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = SafeFetcher(paths.styles + paths.templates)
    with collector_paused():
        document = weasyprint.HTML(
            string=html, base_url=str(paths.styles[-1]) + os.sep, url_fetcher=fetcher.make()
        )
        data = document.write_pdf(**pdf_options(variant))
    atomic_write(target, data)
    return fetcher


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while WeasyPrint lays out and writes a brief.

    A render makes hundreds of thousands of short-lived objects (boxes, styles, text
    layouts), and the collector walked them again and again: about a tenth of the PDF
    time. The cycles they leave are freed by the next collection after it.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def atomic_write(target: Path, data: bytes | str) -> None:
    """Write next to the target and rename, so nobody ever sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def render_brief(
    config: Config,
    context: dict[str, Any],
    formats: list[str],
    out_dir: Path,
    stem: str,
    pdf_variant: str | None = None,
) -> list[Path]:
    """Write the brief in each format; the PDF to `pdf_variant`, else to output.pdf_variant."""
    paths = search_path(config)
    html = render_html(config, context, paths)
    written = []
    stem = slug(stem)
    if "html" in formats:
        target = out_dir / f"{stem}.html"
        atomic_write(target, html)
        written.append(target)
    if "pdf" in formats:
        target = out_dir / f"{stem}.pdf"
        try:
            write_pdf(html, target, paths, pdf_variant or config.output.pdf_variant)
        except OSError as exc:
            raise BriefgenError(f"{target}: cannot write the PDF: {exc}") from None
        written.append(target)
    return written
