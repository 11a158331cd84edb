from briefgen.extract.topics import rule_matches, topics_for


def fact(kind="event", **data):
    actors = [a for a in (data.get("perpetrator"), data.get("claimed_by")) if a]
    return {
        "kind": kind,
        "data": data,
        "actors": actors + data.pop("also", []),
        "sentence": data.pop("text", ""),
    }


def test_topic_rules_from_config(config):
    topics = config.topics
    external = fact(type="attack", perpetrator="IS-K", country="Russia")
    assert topics_for(external, topics) == ["external_attacks"]
    inside = fact(type="attack", perpetrator="IS-K", country="Afghanistan")
    assert topics_for(inside, topics) == ["isk_vs_taliban"]
    raid = fact(
        type="counterterrorism_operation",
        perpetrator="Taliban",
        country="Afghanistan",
        also=["IS-K"],
    )
    assert set(topics_for(raid, topics)) == {"counterterrorism", "isk_vs_taliban"}


def test_unknown_country_is_not_external():
    assert not rule_matches(
        fact(type="attack", perpetrator="IS-K"), {"countries_not": ["Afghanistan"]}
    )


def test_keywords_and_empty_rules():
    assert rule_matches(fact("mention", text="A new Drone programme"), {"keywords": ["drone"]})
    assert not rule_matches(fact("mention"), {})
