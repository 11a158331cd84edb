"""Topic rules: one test per operator on facts written here, and the built-in topics on
sentences written for these tests."""

from briefgen.actors import ActorIndex
from briefgen.extract.topics import assign_topics, explain, rule_matches, topics_for


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
    assert not rule_matches(
        fact(type="attack", perpetrator="IS-K"), {"place": "external"}, home="Afghanistan"
    )


def test_place_relative_to_home():
    abroad = fact(type="attack", country="Iran")
    assert rule_matches(abroad, {"place": "external"}, home="Afghanistan")
    assert not rule_matches(abroad, {"place": "home"}, home="Afghanistan")
    # Other facts are placed where their sentence puts something.
    mention = fact("mention", countries=["Germany", "Afghanistan"])
    assert rule_matches(mention, {"place": "home"}, home="Afghanistan")
    assert rule_matches(mention, {"place": "external"}, home="Afghanistan")


def test_perpetrators_include_the_claimant():
    assert rule_matches(fact(type="attack", claimed_by="TTP"), {"perpetrators": ["TTP"]})
    assert not rule_matches(fact("mention", also=["TTP"]), {"perpetrators": ["TTP"]})


def test_targets_name_the_side_that_was_hit(config):
    actors = ActorIndex.from_config(config.actors)
    hit = fact(type="attack", target="a checkpoint of the Taliban regime near the border")
    assert topics_for(hit, {"t": {"title": "T", "rules": [{"targets": ["Taliban"]}]}}, actors) == [
        "t"
    ]
    civilians = fact(type="attack", target="a wedding party")
    assert (
        topics_for(civilians, {"t": {"title": "T", "rules": [{"targets": ["Taliban"]}]}}, actors)
        == []
    )


def test_kinds_event_types_and_actors():
    raid = fact(type="counterterrorism_operation", perpetrator="Pakistan", also=["TTP"])
    assert rule_matches(raid, {"kinds": ["event"], "event_types": ["counterterrorism_operation"]})
    assert rule_matches(raid, {"actors_all": ["Pakistan", "TTP"]})
    assert not rule_matches(raid, {"actors_all": ["Pakistan", "IS-K"]})
    assert rule_matches(raid, {"actors_any": ["IS-K", "TTP"]})


def test_keywords_match_at_the_start_of_a_word():
    assert rule_matches(fact("mention", text="Police arrested two men"), {"keywords": ["arrest"]})
    assert not rule_matches(
        fact("mention", text="The villagers were afraid"), {"keywords": ["raid"]}
    )
    assert rule_matches(fact("mention", text="Four men went on  trial"), {"keywords": ["on trial"]})
    assert not rule_matches(fact("mention"), {})


def test_all_any_none_nest():
    joint = fact(
        "mention", also=["IS-K", "Taliban"], text="IS-K fighters clashed with Taliban units"
    )
    rule = {
        "all": [
            {"actors_any": ["IS-K"]},
            {"any": [{"keywords": ["clash"]}, {"keywords": ["ambush"]}]},
        ],
        "none": [{"actors_any": ["TTP"]}],
    }
    assert rule_matches(joint, rule)
    assert not rule_matches(
        fact("mention", also=["IS-K", "TTP"], text="IS-K clashed with TTP"), rule
    )


def test_article_condition_looks_at_the_other_facts():
    attack = fact(type="attack", country="Afghanistan")
    background = fact("mention", also=["IS-K"], text="IS-K has grown in the east.")
    rule = {"event_types": ["attack"], "article": {"actors_any": ["IS-K"]}}
    assert rule_matches(attack, rule, article=[attack, background])
    assert not rule_matches(attack, rule, article=[attack])


def test_explain_names_the_rule_and_assign_sets_topics():
    topics = {
        "ct": {
            "title": "CT",
            "rules": [
                {"name": "arrests", "keywords": ["arrest"]},
                {"event_types": ["foiled_plot"]},
            ],
        }
    }
    facts = [
        fact("mention", text="Two men were arrested."),
        fact(type="foiled_plot"),
        fact("mention", text="Calm."),
    ]
    assert explain(facts, topics) == [[("ct", "arrests")], [("ct", "rule 2")], []]
    assign_topics(facts, topics)
    assert [f["topics"] for f in facts] == [["ct"], ["ct"], []]


def article_topics(nlp, text):
    doc = nlp.make_doc(text)
    doc._.published = "2024-03-25"
    return {t for f in nlp(doc)._.facts for t in f["topics"]}


def test_a_trial_is_counterterrorism_without_an_event_word(nlp):
    text = "Five men went on trial in Hamburg on Monday, accused of raising money for a jihadist group."
    assert article_topics(nlp, text) == {"counterterrorism"}


def test_an_official_threat_assessment_is_counterterrorism(nlp):
    text = (
        "According to a UN report released in June, the group still has several thousand fighters."
    )
    assert "counterterrorism" in article_topics(nlp, text)


def test_a_ttp_attack_in_pakistan_gets_no_isk_topic(nlp):
    text = (
        "QUETTA - Militants of the Tehreek-e-Taliban Pakistan stormed a police post in Quetta on Sunday, "
        "killing four officers, the provincial government said. The TTP claimed the attack in a message to reporters."
    )
    assert not article_topics(nlp, text) & {"isk_vs_taliban", "external_attacks"}


def test_an_is_attack_abroad_is_external(nlp):
    text = "Gunmen of the Islamic State killed six people at a bus station in Izmir, Turkey, on Friday."
    assert "external_attacks" in article_topics(nlp, text)


def test_taliban_politics_gets_no_topic(nlp):
    text = (
        "KABUL - The Taliban appointed a new governor for Herat province on Monday and replaced two deputy "
        "ministers in Kabul, a government spokesman said. Diplomats from Qatar and Uzbekistan met the new governor."
    )
    assert article_topics(nlp, text) == set()
