"""`briefgen eval` on the shared development set: quotes and topics hold on articles
the rules were not written from (thresholds a little under the figures reached)."""

import json

from typer.testing import CliRunner

from briefgen.cli import app


def test_dev_quotes_and_topics(root, dev_gold, dev_corpus):
    result = CliRunner().invoke(
        app,
        [
            "--config",
            str(root / "config.yaml"),
            "eval",
            str(dev_gold),
            "--corpus",
            str(dev_corpus),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["quotes"]["recall"] >= 0.95
    assert scores["topics"]["precision"] >= 0.95 and scores["topics"]["recall"] >= 0.85
