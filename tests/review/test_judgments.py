"""Key judgments: read one per paragraph or bullet, and linted against the
estimative scale and confidence levels of config."""

from __future__ import annotations

from pathlib import Path

from briefgen.review.judgments import lint, read

FLAGGED = """# Judgments

- Attacks will probably continue (moderate confidence) [E:E-1111111111].
- The group might strike again soon [E:E-1111111111].

A split is likely and an offensive almost certain
(high confidence) [A:report.md].

Talks are unlikely to resume (low confidence).
"""

CLEAN = """- The cell is very unlikely to be intact (high confidence) [E:E-1111111111].
- A retaliatory raid is roughly even chance this month (low confidence) [A:report.md].
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "weekly-2024-03-18.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_judgment_per_bullet_or_paragraph(tmp_path):
    judgments = read(write(tmp_path, FLAGGED))
    assert [j.line for j in judgments] == [3, 4, 6, 9]
    assert judgments[2].text.endswith("(high confidence) [A:report.md].")
    assert judgments[0].citations == [("E", "E-1111111111")]


def test_each_problem_names_file_line_and_fix(tmp_path, config):
    path = write(tmp_path, FLAGGED)
    problems = lint(path, read(path), config.review)
    assert not any(p.startswith(f"{path}:3:") for p in problems)  # "probably" is "likely"
    assert f'{path}:4: "might" is not on the estimative scale: use a term' in "\n".join(problems)
    assert any(p.startswith(f"{path}:4: no confidence level: add") for p in problems)
    assert any(
        p.startswith(f"{path}:6: 2 estimative terms (almost certain, likely)") for p in problems
    )
    assert any(p.startswith(f"{path}:9: unsourced judgment: cite") for p in problems)
    assert not any(":9: no estimative term" in p for p in problems)  # "unlikely" is one term


def test_a_clean_file_passes_and_unknown_ids_are_flagged(tmp_path, config):
    path = write(tmp_path, CLEAN)
    assert lint(path, read(path), config.review) == []
    problems = lint(path, read(path), config.review, known=lambda kind, ident: kind == "A")
    assert problems == [
        f"{path}:1: [E:E-1111111111] matches no event: check the id with briefgen events"
    ]


def test_the_scale_comes_from_config(tmp_path, config):
    from briefgen.config import EstimativeTerm

    review = config.review.model_copy(
        update={"estimative": [EstimativeTerm(term="fifty-fifty", low=45, high=55)]}
    )
    path = write(tmp_path, "- A fifty-fifty chance (low confidence) [A:x.md].\n")
    assert lint(path, read(path), review) == []
