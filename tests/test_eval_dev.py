"""`briefgen eval` on the shared development set: 40 real articles the rules were not
written from. The floors are the figures reached, rounded down a little, so that a
regression fails; the targets are 0.85 everywhere."""

import json

from typer.testing import CliRunner

from briefgen.cli import app

EVENT_FLOORS = {"precision": 0.96, "recall": 0.90}
FIELD_FLOORS = {"perpetrator": 0.90, "claimed_by": 0.95, "date": 0.91, "killed.min": 0.97}


def test_dev_set_holds_its_figures(root, dev_gold, dev_corpus):
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
    for name, floor in EVENT_FLOORS.items():
        assert scores["events"][name] >= floor, name
    for name, floor in FIELD_FLOORS.items():
        assert scores["matched_fields"][name] >= floor, name
    assert scores["quotes"]["recall"] >= 0.95
    assert scores["topics"]["precision"] >= 0.95 and scores["topics"]["recall"] >= 0.85
