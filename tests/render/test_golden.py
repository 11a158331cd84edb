"""The example weekly brief's HTML against the reviewed copy in tests/golden/.

A change that alters the brief fails here until the copy is refreshed with
`make golden` (BRIEFGEN_UPDATE_GOLDEN=1 pytest tests/render/test_golden.py) and the
diff of tests/golden/ is reviewed like any other change. The issue date is fixed
with --issued; the day the store was filled is normalised.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def normalised(html: str) -> str:
    return re.sub(r"store updated \d{4}-\d{2}-\d{2}", "store updated YYYY-MM-DD", html)


def test_example_weekly_brief_matches_the_golden_copy(project, tmp_path):
    # A project and a process of its own, as a user runs it: the brief ingests and
    # extracts the example corpus afresh, so no other test can change what it shows.
    command = [
        sys.executable,
        "-m",
        "briefgen",
        "--config",
        str(project / "config.yaml"),
        "brief",
        "weekly",
    ]
    done = subprocess.run(
        [*command, "--format", "html", "--issued", "2024-03-25", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    [written] = tmp_path.glob("weekly-*.html")
    html = normalised(written.read_text(encoding="utf-8"))
    golden = GOLDEN / "weekly.html"
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(html, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(expected.splitlines(True), html.splitlines(True), "golden", "now", n=1)
    )
    assert html == expected, (
        f"the weekly brief changed; review, then run `make golden`:\n{diff[:4000]}"
    )
