"""`briefgen init DIR`: a brief project of one's own, so the bundled example corpus
never leaks into a user's briefs.

It writes a commented config.yaml (made from the built-in one) whose corpus is
DIR/articles/ and whose store is under DIR/out/, an empty corrections.yaml, a
judgments/ folder, an articles/ folder and a README of the next commands. It
never overwrites a file that exists.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.builtin import PACKAGE

CORRECTIONS = """\
# Analyst corrections, written by `briefgen correct` and applied every time events
# are read. Review them as a diff; `briefgen corrections check` lists orphans.
corrections: []
"""

README = """\
# {name}: a briefgen project

1. Put your articles (text, Markdown, HTML, JSON Lines, RSS/Atom) in `articles/`,
   or ingest them from anywhere: `briefgen ingest PATH`.
2. Render the weekly brief: `briefgen brief weekly` (PDF and HTML in `out/`).
3. Review the events: `briefgen events`; correct one with
   `briefgen correct ID FIELD=VALUE` (kept in `corrections.yaml`).
4. Write your key judgments in `judgments/weekly-YYYY-MM-DD.md` (the week's
   Monday) and check them: `briefgen check`.
5. Grade your outlets under `sources:` and set `output.author` in `config.yaml`.

Run the commands in this folder, or pass `--config {name}/config.yaml`.
"""

# (pattern, replacement) on the built-in config's text: the project's own corpus,
# judgments, author and no grades of the example outlets.
EDITS = [
    (
        r"corpus:\n(?:  - .*\n)+",
        "corpus:\n  - articles  # your articles; `briefgen ingest PATH` adds others\n",
    ),
    (r"(\n  judgments: ).*\n", r"\1judgments/{brief}-{period}.md\n"),
    (r"(\n  author: ).*\n", r'\1null  # your name: "Prepared by" on the cover\n'),
    (r"(\n  organisation: ).*\n", r"\1null  # your organisation, on the cover\n"),
    (
        r"\nsources:\n(?:  .*\n)+",
        "\nsources: {}  # e.g. {Reuters: B, example.org: C}\n",
    ),
]


def builtin_config() -> Path:
    for candidate in (PACKAGE / "_builtin" / "config.yaml", PACKAGE.parent / "config.yaml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the built-in config.yaml is missing from the installation")


def project_config() -> str:
    text = builtin_config().read_text(encoding="utf-8")
    text = re.sub(r"(?m)^# These grades of the fictional example outlets are made up\.\n", "", text)
    for pattern, replacement in EDITS:
        text, count = re.subn(pattern, replacement, text, count=1)
        if not count:
            raise ValueError(f"the built-in config.yaml has no {pattern!r} to adapt")
    return text


def init_project(folder: Path) -> tuple[list[Path], list[Path]]:
    """Write the project's files; return (written, kept because they exist)."""
    files = {
        folder / "config.yaml": project_config(),
        folder / "corrections.yaml": CORRECTIONS,
        folder / "README.md": README.format(name=folder.name or str(folder)),
    }
    written, kept = [], []
    for sub in ("articles", "judgments", "out"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        try:
            with path.open("x", encoding="utf-8") as out:  # "x": never overwrite
                out.write(text)
            written.append(path)
        except FileExistsError:
            kept.append(path)
    return written, kept
