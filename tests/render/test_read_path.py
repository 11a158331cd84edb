"""A brief from a store whose facts are cached runs no NLP: spaCy is never imported,
and the events are merged once; the next brief over the same facts merges none."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, sys
    import briefgen.analysis.merge as merge
    import briefgen.analysis.remembered as remembered
    calls = []
    original = merge.merge_reports
    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)
    merge.merge_reports = remembered.merge_reports = counted
    from briefgen.cli import app
    try:
        app(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
    print(json.dumps({"code": code, "merges": len(calls), "spacy": "spacy" in sys.modules}))
    """
)


UNDATED = (
    "Gunmen attack concert hall outside Moscow\n\n"
    "Gunmen opened fire at the Crocus City Hall in Krasnogorsk on March 22, killing dozens of people.\n"
)


def test_a_cached_brief_imports_no_spacy_and_merges_once(stored_project, cli, tmp_path):
    # An undated article: its event takes its date from the dated reports of the same
    # attack, which must not cost a second merge.
    (stored_project / "examples" / "corpus" / "undated.txt").write_text(UNDATED)
    assert "1 new without a date" in cli(stored_project, "ingest").output
    assert cli(stored_project, "extract").exit_code == 0
    args = [
        "--config",
        str(stored_project / "config.yaml"),
        "brief",
        "weekly",
        "--format",
        "html",
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=300
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "merges": 1, "spacy": False}, done.stderr
    first = sorted(p.read_text() for p in tmp_path.glob("*.html"))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=300
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "merges": 0, "spacy": False}, done.stderr
    assert sorted(p.read_text() for p in tmp_path.glob("*.html")) == first
