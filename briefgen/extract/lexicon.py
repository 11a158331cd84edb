"""Word lists the event rules read: triggers, hedges, places, roles.

Kept apart from the rules so that a reader can see, and a user can extend, what
counts as an attack, a plot or an operation.
"""

ATTACK_NOUNS = {
    "attack",
    "bombing",
    "blast",
    "explosion",
    "shooting",
    "massacre",
    "ambush",
    "assault",
    "assassination",
    "carnage",
    "rampage",
    "atrocity",  # "the latest atrocity claimed by ISKP killed 19"
    "slaughter",
    "bombings",
    "attacks",
    "blasts",
    "explosions",
    "shootings",
    "assaults",
    "assassinations",
}
ATTACK_VERBS = {
    "attack",
    "attacked",
    "attacks",
    "attacking",
    "bombed",
    "stormed",
    "targeted",
    "targeting",
    "struck",
    "assassinated",
    "ambushed",
    "blew",
    "exploded",
    "detonated",
}
CT_NOUNS = {
    "raid",
    "operation",
    "strike",
    "airstrike",
    "airstrikes",
    "crackdown",
    "raids",
    "strikes",
}
CT_VERBS = {"raided", "eliminated", "neutralised", "neutralized"}
FOIL_WORDS = {"foiled", "thwarted", "disrupted", "foil", "thwart", "averted", "prevented"}
PLOT_WORDS = {"plot", "plots", "plotting", "planning", "plotted", "conspiracy"}
PLOT_NOUNS = {"plot", "plots", "attempt", "attempts", "conspiracy", "plan", "plans"}
ARREST_WORDS = {"arrested", "detained", "arrest", "arrests", "detention"}
# A trigger under one of these is talk of what could happen, not of what did.
HYPOTHETICAL = {
    "could",
    "would",
    "may",
    "might",
    "can",
    "capacity",
    "capability",
    "ability",
    "able",
    "threat",
    "threats",
    "risk",
    "plan",
    "plans",
    "preparing",
    "intended",
    "aim",
    "aims",
    "seeks",
    "seeking",
    "vowed",
    "warned",
    "warning",
    "fear",
    "fears",
    "potential",
    "possibility",
    "inspire",
    "will",
    "should",
    "want",
    "wants",
    "urge",
    "attempting",
    "planning",
    "planned",
    "plotting",
    "prepare",
    "prepared",
    "intends",
    "intending",
}
# Verbs that carry out a noun trigger: their place and subject are the event's.
CARRY_VERBS = {
    "carried",
    "carry",
    "carrying",
    "conducted",
    "conduct",
    "launched",
    "launch",
    "staged",
    "mounted",
    "perpetrated",
    "committed",
    "executed",
    "carries",
    "conducts",
}
# Verbs that only say an event happened: "the attack came on Aug. 26", "the blast occurred in X".
LIGHT_VERBS = {"came", "happened", "occurred", "took", "unfolded", "began", "struck", "hit", "was"}
# "the explosion rocked the mosque on Sunday": what the event did, with its time and place.
LIGHT_VERBS |= {"rocked", "ripped", "tore", "shook", "went"}
LIGHT_VERBS |= {"resulted", "led"}  # "the attack resulted in the deaths of 80"
# Clause links a subject crosses: "X escalated its attacks, ... carrying out an attack".
SHARED_SUBJECT = {"conj", "xcomp"}
CLAIM_NOUNS = {"responsibility", "credit"}
VENUE_WORDS = {
    "hall",
    "mosque",
    "church",
    "hotel",
    "embassy",
    "shrine",
    "bank",
    "airport",
    "stadium",
    "synagogue",
    "market",
    "school",
    "university",
    "hospital",
    "theatre",
    "theater",
    "centre",
    "center",
}
ATTACKERS = {
    "gunmen",
    "gunman",
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "bomber",
    "bombers",
    "militants",
}
# "the latest attack": a superlative of time picks out one event, not a comparison.
RECENT = {"latest", "last", "newest"}
MAX_INCIDENT_PARTS = 3  # "three blasts" can be one incident; "five attacks" are several
HARM_VERBS = ATTACK_VERBS | {
    "killed",
    "killing",
    "kill",
    "wounded",
    "injured",
    "hit",
    "murdered",
    "shot",
}
SUICIDE_HEADS = {
    "bombing",
    "bomber",
    "bombers",
    "attack",
    "attacker",
    "blast",
    "bomb",
    "vest",
    "bombings",
    "attacks",
}
SPEECH_VERBS = {
    "said",
    "says",
    "announced",
    "stated",
    "told",
    "added",
    "reported",
    "claimed",
    "claim",
    "claims",
    "warned",
    "noted",
}
PLACE_NOUNS = {
    "province",
    "city",
    "district",
    "suburbs",
    "suburb",
    "outskirts",
    "region",
    "capital",
    "town",
    "village",
    "area",
    "centre",
    "center",
    "part",
    "north",
    "south",
    "east",
    "west",
    "edge",
    "heart",
    "neighbourhood",  # "Kabul's Dasht-i-Barchi neighbourhood"
    "neighborhood",
    "quarter",
}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "on"}
FACILITY_NOUNS = {
    "airport",
    "embassy",
    "hotel",
    "synagogue",
    "mosque",
    "church",
    "concert",
    "hall",
    "bank",
    "shrine",
    "school",
    "ministry",
    "hospital",
    "market",
    "stadium",
    "consulate",
    "office",
    "attack",
    "bombing",
    "blast",
    "venue",
    "parliament",
    "cemetery",
    "checkpoint",
    "station",
    "theatre",
    "theater",
}
# What a counterterrorism verb acts on ("eliminated the cell leader", not "the threat").
MILITANT_NOUNS = {
    "leader",
    "leaders",
    "commander",
    "commanders",
    "militants",
    "fighters",
    "members",
    "cell",
    "mastermind",
    "operative",
    "operatives",
    "hideout",
    "hideouts",
    "militant",
    "emir",
    "chief",
}
STATE_FORCES = {"forces", "troops", "military", "army", "police", "security", "intelligence"}

# Verbs of a toll that changes: "the death toll rose to 143".
UPDATE_WORDS = {
    "rose",
    "risen",
    "climbed",
    "raising",
    "raised",
    "jumped",
    "increased",
    "reached",
    "revised",
    "updated",
    "mounted",
}
# Country adjectives count towards an article's main country ("on Afghan soil").
DEMONYMS = {
    "Afghan": "Afghanistan",
    "Pakistani": "Pakistan",
    "Iranian": "Iran",
    "Russian": "Russia",
    "Tajik": "Tajikistan",
    "Uzbek": "Uzbekistan",
    "Turkish": "Turkey",
    "Syrian": "Syria",
    "Iraqi": "Iraq",
    "Chinese": "China",
    "Indian": "India",
    "German": "Germany",
    "French": "France",
}
