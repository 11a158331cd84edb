"""briefgen benchmark: eight figures, each a ratio measured within one run.

    python benchmarks/bench.py --n 2000            # about 8 minutes on 2 shared cores
    python benchmarks/bench.py --n 200 --quick     # a smoke run, under 2 minutes
    python benchmarks/bench.py --n 10000           # the long run (about 35 minutes)
    python benchmarks/bench.py --only-long --huge 20  # long documents only, with a 20 MB one
    python benchmarks/bench.py --only-extract --n 1000 --repeats 3  # figures 1 and 2 only
    python benchmarks/bench.py --only-render --n 1000 --repeats 3   # figures 3, 5 and 6 only

It writes a synthetic corpus from its own sentence templates (no real article
text): N articles published in one ISO week, plus N/10 background articles over
the three weeks before, so that week selection and "since last period" have
work to do. Then it runs the real commands (`briefgen ingest`, `extract`,
`brief weekly`) on a temporary config and store and prints each figure as a
ratio of two times (or sizes) taken in the same run, with its target and
PASS/FAIL. Timings are medians over repeats where a figure is cheap enough to
repeat; the machine is shared, so read the ratios, not the seconds.

Figures (issue 7):
  1. `briefgen extract` throughput vs a bare `nlp.pipe` of the full English
     pipeline (lemmatizer too) over the same 1,000 texts in the same batches >= 0.95
  2. `extract -j 2` vs `-j 1` on 1,000 articles                        >= 1.6
  3. peak memory over all N articles vs after the first N/10         <= 1.15
     and the string store at the end vs at the start                 <= 1.05
  4. `briefgen --help` wall time vs `python -c "import typer"`        <= 1.5
  5. a second `brief weekly` (nothing new) imports no spaCy; its HTML
     render vs the first, cold run                                   <= 0.03
     the same with the PDF as well                                   <= 0.15
     and its PDF time per page vs WeasyPrint on plain text           <= 3.0
  6. the weekly brief of a week with N articles vs one with N/10      <= 2
  7. one article of about 1 MB vs the same text as 200 articles: time <= 1.3,
     peak memory <= 1.2, events found >= 0.97 of
  8. with --huge MB: one article of that size extracts in minutes, facts kept
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the console scripts of this interpreter
WEEK = dt.date(2024, 3, 11)  # Monday of the brief's week, 2024-W11

# -- the synthetic corpus ----------------------------------------------------
# Invented places, people and outlets mixed with real place names and the
# actors of config.yaml, so that the gazetteer, NER, parser-based rules, dates,
# hedged numbers and quotes all have work to do.

PLACES = [
    ("Jalalabad", "Afghanistan"),
    ("Kunduz", "Afghanistan"),
    ("Herat", "Afghanistan"),
    ("Mazar-i-Sharif", "Afghanistan"),
    ("Kabul", "Afghanistan"),
    ("Ghazni", "Afghanistan"),
    ("Peshawar", "Pakistan"),
    ("Quetta", "Pakistan"),
    ("Bajaur", "Pakistan"),
    ("Dushanbe", "Tajikistan"),
    ("Khujand", "Tajikistan"),
    ("Zahedan", "Iran"),
    ("Mashhad", "Iran"),
    ("Ankara", "Turkey"),
    ("Izmir", "Turkey"),
    ("Cologne", "Germany"),
    ("Hamburg", "Germany"),
    ("Lyon", "France"),
    ("Marseille", "France"),
    ("Kazan", "Russia"),
    ("Makhachkala", "Russia"),
]
PERPETRATORS = [
    "IS-K",
    "ISKP",
    "Islamic State Khorasan Province",
    "ISIS-K",
    "the Islamic State",
    "TTP",
]
AUTHORITIES = {
    "Afghanistan": [
        "Taliban security forces",
        "the Taliban's intelligence directorate",
        "Taliban police",
    ],
    "Pakistan": [
        "Pakistani police",
        "the Counter Terrorism Department",
        "Pakistani paramilitary troops",
    ],
    "Tajikistan": ["Tajik security services", "Tajik border guards"],
    "Iran": ["Iranian police", "the Revolutionary Guards", "Iranian intelligence officers"],
    "Turkey": ["Turkish police", "the gendarmerie", "Turkish intelligence"],
    "Germany": ["German federal prosecutors", "police in North Rhine-Westphalia", "German police"],
    "France": ["French anti-terrorism prosecutors", "the DGSI", "French police"],
    "Russia": ["the FSB", "Russian investigators", "Russian special forces"],
}
ADJ = {
    "Afghanistan": "Afghan",
    "Pakistan": "Pakistani",
    "Tajikistan": "Tajik",
    "Iran": "Iranian",
    "Turkey": "Turkish",
    "Germany": "German",
    "France": "French",
    "Russia": "Russian",
}
TARGETS = [
    "a crowded market",
    "a Shia mosque",
    "a police checkpoint",
    "a bus carrying students",
    "a wedding hall",
    "a provincial council building",
    "a Sufi shrine",
    "a bank branch",
    "a bus terminal",
    "a religious school",
    "a convoy of officials",
    "a concert hall",
    "a hospital gate",
    "a football stadium",
    "a court building",
    "a tea house",
]
WEAPONS = [
    "a suicide bomber",
    "a car bomb",
    "gunmen",
    "a roadside bomb",
    "two attackers",
    "a motorcycle bomb",
    "an attacker with a rifle",
    "three gunmen",
]
HEDGES = [
    "at least {n}",
    "{n}",
    "some {n}",
    "more than {n}",
    "nearly {n}",
    "around {n}",
    "up to {n}",
]
ROLES = [
    "police spokesman",
    "health official",
    "deputy governor",
    "counterterrorism analyst",
    "security researcher",
    "senior prosecutor",
    "interior ministry spokesman",
    "regional governor",
    "former diplomat",
    "UN monitor",
    "hospital director",
    "district chief",
    "tribal elder",
]
OUTLETS = [
    "Meridian Wire",
    "Steppe Post",
    "Harbor Daily",
    "Frontier Ledger",
    "Lantern News",
    "Caravan Report",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "April", "June", "September", "November"]

# Words to build invented names and varied phrases from: every article gets its
# own witnesses, villages and streets, so no two share long runs of words (the
# near-duplicate detector of ingest would otherwise call them copies).
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "zan",
    "tel",
    "ba",
    "shir",
    "do",
    "ya",
    "nur",
    "qa",
    "lim",
    "se",
    "far",
    "hu",
    "des",
    "go",
    "ram",
    "vi",
    "ol",
    "tan",
    "ez",
    "mir",
    "pa",
    "lu",
    "sor",
]
NOUNS = [
    "shopkeeper",
    "teacher",
    "driver",
    "student",
    "nurse",
    "farmer",
    "tailor",
    "guard",
    "mechanic",
    "baker",
    "clerk",
    "pharmacist",
    "vendor",
    "engineer",
    "cook",
    "barber",
]
SAW = [
    "smoke rising over",
    "people running from",
    "a white van parked near",
    "police sealing off",
    "ambulances outside",
    "a second blast near",
    "shattered windows along",
    "soldiers guarding",
    "bodies being carried from",
    "a fire spreading through",
    "a crowd gathering at",
]
MOODS = ["afraid", "angry", "exhausted", "shocked", "worried", "defiant", "numb", "grieving"]
ACTS = [
    "stepped up patrols in",
    "closed schools in",
    "set up checkpoints around",
    "banned gatherings in",
    "sent reinforcements to",
    "declared a day of mourning in",
    "cut mobile networks in",
    "searched homes in",
    "questioned residents of",
    "imposed a curfew on",
]
SAYS = [
    "said",
    "told reporters",
    "wrote on social media",
    "said in a statement",
    "told state television",
    "said at a news conference",
    "told local radio",
]
QUOTE_PARTS = (
    [
        "We will find",
        "Our forces will pursue",
        "The state will punish",
        "We are hunting",
        "We will track down",
    ],
    [
        "those responsible",
        "every member of this cell",
        "the organisers",
        "the men who planned this",
        "whoever helped them",
    ],
    [
        "and bring them to justice",
        "wherever they hide",
        "within days",
        "without mercy",
        "before they strike again",
    ],
)
CLAIMS = [
    "{perp} claimed responsibility for the {noun_attack} in a statement on {channel}.",
    "No group immediately claimed the {noun_attack}, but {officials} suspected {perp}.",
    "{perp} said on {channel} that one of its fighters, whom it named as {nom}, carried out the {noun_attack}.",
    "{analyst}, {arole}, said the {noun_attack} bore the hallmarks of {perp}.",
]
ATTACKS = [
    "{weapon_cap} struck {target} in {place} on {day}, killing {killed} people and wounding {wounded}, {officials} said.",
    "{killed_cap} people were killed and {wounded} injured when {weapon} attacked {target} in {place}, {country}, on {day}.",
    "A {noun_attack} at {target} in the {adj} city of {place} killed {killed} people on {day}, according to {authority}.",
    "The death toll from {day}'s {noun_attack} on {target} in {place} rose to {killed}, with {wounded} others wounded.",
]
PLOTS = [
    "{authority_cap} said they had foiled a plot by {perp} to attack {target} in {place} and arrested {arrested} suspects.",
    "{arrested_cap} men suspected of planning an attack on {target} in {place} for {perp} were detained on {day}.",
    "Prosecutors in {place} charged {arrested} people accused of preparing a bombing for {perp} and of sending {money} to the group.",
]
RAIDS = [
    "{authority_cap} killed {killed} {perp} fighters in a raid on a hideout near {village} on {day}.",
    "In an overnight operation in {place}, {authority} arrested {arrested} suspected members of {perp}.",
    "{authority_cap} said an air strike near {village} killed {killed} militants, including {nom}, a commander of {perp}.",
]
STATS = [
    "{perp} has carried out more than {big} attacks in {country} since {year}, according to {report}.",
    "The group has claimed some {big} suicide bombings in {country} over the past {years} years, {report} says.",
    "Estimates in {report} put the number of {perp} fighters at between {low} and {high}.",
    "{officials_cap} said nearly {big} members of the network had been arrested in {country} since {year}.",
]


def an(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiouAEIOU' else 'a'} {noun}"


def name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(parts, parts + 1))).capitalize()


def article(rng: random.Random, published: dt.date, serial: int) -> tuple[str, str]:
    """(file name, Markdown with front matter) of one synthetic article."""
    place, country = rng.choice(PLACES)
    killed = rng.randint(2, 140)
    day = published - dt.timedelta(days=rng.randint(0, 3))

    def person() -> str:
        return f"{name(rng)} {name(rng, 3)}"

    slots = {
        "place": place,
        "country": country,
        "adj": ADJ[country],
        "village": f"the village of {name(rng)}",
        "street": f"{name(rng)} Street",
        "target": rng.choice(TARGETS),
        "weapon": rng.choice(WEAPONS),
        "perp": rng.choice(PERPETRATORS),
        "authority": rng.choice(AUTHORITIES[country]),
        "officials": rng.choice(
            ["officials", "local officials", "police", "security sources", "witnesses"]
        ),
        "noun_attack": rng.choice(["attack", "bombing", "blast", "assault", "explosion"]),
        "channel": rng.choice(
            ["its Amaq agency", "Telegram", "an affiliated channel", "its weekly newsletter"]
        ),
        "killed": rng.choice(HEDGES).format(n=killed),
        "wounded": rng.choice(HEDGES).format(n=killed + rng.randint(3, 200)),
        "arrested": str(rng.randint(2, 12)),
        "money": rng.choice(["money", "weapons", "recruits", "forged papers"]),
        "big": str(rng.choice([40, 90, 190, 250, 400, 1500])),
        "low": str(rng.randint(1, 3) * 1000),
        "high": str(rng.randint(4, 6) * 1000),
        "year": str(rng.randint(2015, 2023)),
        "years": str(rng.randint(2, 8)),
        "report": rng.choice(
            ["a UN monitoring report", "a think-tank study", "government figures", "a recent audit"]
        ),
        "nom": person(),
        "analyst": person(),
        "arole": an(rng.choice(ROLES)),
        "day": rng.choice([WEEKDAYS[day.weekday()], f"{day.day} {day:%B}", f"{day:%B} {day.day}"]),
    }
    for key in ("weapon", "killed", "authority", "arrested", "officials"):
        slots[f"{key}_cap"] = slots[key][0].upper() + slots[key][1:]

    kind = rng.choices(["attack", "plot", "raid", "analysis"], weights=[5, 2, 2, 1])[0]
    body = [rng.choice({"attack": ATTACKS, "plot": PLOTS, "raid": RAIDS, "analysis": STATS}[kind])]
    if kind == "attack":
        body.append(rng.choice(CLAIMS))
    body = [s.format(**slots) for s in body]
    for _ in range(rng.randint(3, 5)):  # witnesses, officials, aftermath: the varied middle
        body.append(
            rng.choice(
                [
                    lambda: (
                        f'"I saw {rng.choice(SAW)} {slots["street"]}," said {person()}, a {rng.randint(19, 70)}-year-old '
                        f"{rng.choice(NOUNS)} from {slots['village']}, who said {rng.choice(['he', 'she'])} was "
                        f"{rng.choice(MOODS)}."
                    ),
                    lambda: (
                        f'"{" ".join(rng.choice(p) for p in QUOTE_PARTS)}," {person()}, {an(rng.choice(ROLES))} in '
                        f"{place}, {rng.choice(SAYS)} on {rng.choice(WEEKDAYS)}."
                    ),
                    lambda: (
                        f"{slots['authority_cap']} {rng.choice(ACTS)} {place} and {rng.choice(ACTS)} {slots['village']}."
                    ),
                    lambda: (
                        f"The {rng.choice(['attack', 'raid', 'arrests', 'plot'])} came {rng.randint(2, 9)} weeks after "
                        f"{rng.choice(WEAPONS)} killed {rng.randint(3, 40)} people in {rng.choice(PLACES)[0]} "
                        f"in {rng.choice(MONTHS)} {rng.randint(2019, 2023)}."
                    ),
                    lambda: rng.choice(STATS).format(**slots),
                ]
            )()
        )
    if rng.random() < 0.4:
        body.append(rng.choice(RAIDS if kind != "raid" else PLOTS).format(**slots))
    outlet = rng.choice(OUTLETS)
    headline = {
        "attack": f"{slots['killed_cap']} killed in {slots['noun_attack']} on {slots['target']} in {place}",
        "plot": f"{slots['authority_cap']} foil {slots['perp']} plot in {place}",
        "raid": f"Raid near {place} targets {slots['perp']} cell",
        "analysis": f"How {slots['perp']} keeps its reach in {country}",
    }[kind]
    text = f"{place.upper()}, {country} ({outlet}) - " + "\n\n".join(body)
    meta = {
        "title": headline,
        "source": outlet,
        "url": f"https://{outlet.split()[0].lower()}.example/{serial}",
        "published": published.isoformat(),
    }
    front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
    return f"{serial:06d}-{kind}.md", f"---\n{front}---\n{text}\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> tuple[Path, Path]:
    """N articles in WEEK and N/10 over the three weeks before; return (full, small) folders.

    The small corpus is the first tenth of each part, so its brief week holds N/10 articles.
    """
    rng = random.Random(seed)
    full, small = folder / "full", folder / "small"
    full.mkdir(parents=True)
    small.mkdir(parents=True)
    serial = 0
    for count, first_day, days in (
        (n, WEEK, 7),
        (max(1, n // 10), WEEK - dt.timedelta(days=21), 21),
    ):
        for i in range(count):
            serial += 1
            name_, text = article(rng, first_day + dt.timedelta(days=rng.randrange(days)), serial)
            (full / name_).write_text(text, encoding="utf-8")
            if i < max(1, count // 10):
                (small / name_).write_text(text, encoding="utf-8")
    return full, small


def write_long(folder: Path, pieces: int, per_piece: int, seed: int = 11) -> tuple[Path, Path]:
    """One long article of `pieces` parts, each `per_piece` synthetic articles' bodies as
    paragraphs, and the same parts as `pieces` separate articles; return (long, parts).

    About 1.1 KB an article body: 200 parts of 5 make a report of about 1 MB."""
    rng = random.Random(seed)
    long_dir, parts_dir = folder / "long", folder / "parts"
    long_dir.mkdir(parents=True)
    parts_dir.mkdir(parents=True)
    parts = []
    for p in range(pieces):
        bodies = []
        for i in range(per_piece):
            _, text = article(rng, WEEK + dt.timedelta(days=rng.randrange(7)), p * per_piece + i)
            bodies.append(text.split("---\n", 2)[2].strip())
        parts.append("\n\n".join(bodies))
        front = f'title: "Part {p}"\npublished: "{(WEEK + dt.timedelta(days=6)).isoformat()}"\n'
        (parts_dir / f"part-{p:04d}.md").write_text(f"---\n{front}---\n{parts[-1]}\n", "utf-8")
    front = f'title: "The long report"\npublished: "{(WEEK + dt.timedelta(days=6)).isoformat()}"\n'
    (long_dir / "report.md").write_text(f"---\n{front}---\n" + "\n\n".join(parts) + "\n", "utf-8")
    return long_dir, parts_dir


def write_huge(folder: Path, megabytes: float, seed: int = 13) -> Path:
    """One article of about `megabytes` MB of synthetic paragraphs, written piece by piece."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    path = folder / "huge.md"
    with path.open("w", encoding="utf-8") as out:
        published = (WEEK + dt.timedelta(days=6)).isoformat()
        out.write(f'---\ntitle: "A very long transcript"\npublished: "{published}"\n---\n')
        written, serial = 0, 0
        while written < megabytes * 1_000_000:
            _, text = article(rng, WEEK + dt.timedelta(days=rng.randrange(7)), serial)
            body = text.split("---\n", 2)[2].strip() + "\n\n"
            written += out.write(body)
            serial += 1
    return folder


def snapshot(folder: Path) -> None:
    """Run a copy of the code: an edit to the checkout during the run would change the
    pipeline version (it hashes the extraction rules) and send every run back to spaCy."""
    for name in ("briefgen", "templates", "styles"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled once, as pip does on install: with PYTHONDONTWRITEBYTECODE set, every
    # run would otherwise compile the package again.
    compileall.compile_dir(folder / "briefgen", quiet=1)
    shutil.copy(ROOT / "config.yaml", folder / "config.yaml")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(folder), os.environ.get("PYTHONPATH")])
    )


def write_config(work: Path, label: str, corpus: Path) -> Path:
    """A copy of the repository's config.yaml with its own corpus, store and output folder."""
    import yaml

    config = yaml.safe_load((work / "code" / "config.yaml").read_text(encoding="utf-8"))
    config["corpus"] = [str(corpus)]
    config["store"] = str(work / f"{label}.sqlite")
    config["output"]["dir"] = str(work / f"out-{label}")
    for key in ("templates_dir", "styles_dir"):
        if config.get(key):
            config[key] = str((work / "code" / config[key]).resolve())
    path = work / f"{label}.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# -- measuring -----------------------------------------------------------------


def run(args: list[str], *, env: dict | None = None) -> tuple[float, str, str]:
    """Wall time, stdout and stderr of a command; stops the benchmark if it fails."""
    started = time.perf_counter()
    done = subprocess.run(
        args, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, args))}\n{done.stderr[-3000:]}")
    return seconds, done.stdout, done.stderr


def run_peak(args: list[str]) -> tuple[float, int, str, float]:
    """Wall time, peak resident memory (KiB), stdout and CPU seconds of a command."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"failed ({process.returncode}): {' '.join(args)}\n{err.read()[-3000:]}")
        return seconds, usage.ru_maxrss, out.read(), usage.ru_utime + usage.ru_stime


def event_facts(store: Path) -> int:
    db = sqlite3.connect(store)
    count = db.execute("SELECT COUNT(*) FROM facts WHERE kind = 'event'").fetchone()[0]
    db.close()
    return count


def long_figures(work: Path, table: Table, repeats: int, huge_mb: float) -> None:
    """7. a long article vs the same text as 200 articles; 8. a very long article."""
    long_dir, parts_dir = write_long(work / "long-corpus", pieces=200, per_piece=5)
    size = sum(p.stat().st_size for p in long_dir.iterdir())
    configs = {}
    for label, corpus in (("long", long_dir), ("parts", parts_dir)):
        configs[label] = write_config(work, label, corpus)
        briefgen(configs[label], "ingest")
    times: dict[str, list[float]] = {"long": [], "parts": []}
    peaks: dict[str, list[int]] = {"long": [], "parts": []}
    cpu: dict[str, list[float]] = {"long": [], "parts": []}
    for _ in range(repeats):  # interleaved: the two see the same load
        for label in ("long", "parts"):
            seconds, peak, out, used = run_peak(
                [str(BIN / "briefgen"), "--config", str(configs[label]), "extract", "--rebuild"]
            )
            times[label].append(extract_seconds(out))
            peaks[label].append(peak)
            cpu[label].append(used)
    events = {label: event_facts(work / f"{label}.sqlite") for label in configs}
    ratio = median([a / b for a, b in zip(times["long"], times["parts"], strict=True)])
    table.add(
        f"7. a {size / 1e6:.1f} MB article vs 200 articles, time",
        ratio,
        "<= 1.3",
        ratio <= 1.3,
        f"{median(times['long']):.1f} vs {median(times['parts']):.1f} s",
    )
    # CPU time, which a shared machine's load disturbs less than wall time does.
    ratio = median([a / b for a, b in zip(cpu["long"], cpu["parts"], strict=True)])
    table.add(
        "7. the same, CPU time of the whole command",
        ratio,
        "<= 1.3",
        ratio <= 1.3,
        f"{median(cpu['long']):.1f} vs {median(cpu['parts']):.1f} s",
    )
    ratio = median(peaks["long"]) / median(peaks["parts"])
    table.add(
        "7. the same, peak memory",
        ratio,
        "<= 1.2",
        ratio <= 1.2,
        f"{median(peaks['long']) / 1024:.0f} vs {median(peaks['parts']) / 1024:.0f} MiB",
    )
    ratio = events["long"] / max(1, events["parts"])
    table.add(
        "7. the same, events found",
        ratio,
        ">= 0.97",
        ratio >= 0.97,
        f"{events['long']} vs {events['parts']} events (a report's own merging of repeats "
        "may fold a few)",
    )
    if not huge_mb:
        return
    huge = write_huge(work / "huge-corpus", huge_mb)
    config = write_config(work, "huge", huge)
    briefgen(config, "ingest")
    seconds, peak, out, used = run_peak([str(BIN / "briefgen"), "--config", str(config), "extract"])
    minutes = extract_seconds(out) / 60
    table.add(
        f"8. a {huge_mb:g} MB article: minutes to extract",
        minutes,
        "< 60",
        minutes < 60 and event_facts(work / "huge.sqlite") > 0,
        f"peak {peak / 1024:.0f} MiB, {used / 60:.1f} CPU minutes, "
        f"{event_facts(work / 'huge.sqlite'):,} events kept",
    )


def briefgen(config: Path, *args: str) -> tuple[float, str, str]:
    return run([str(BIN / "briefgen"), "--config", str(config), *args])


def child(mode: str, *args: str) -> dict:
    """Run this script in a fresh interpreter in one of its --child modes; return its JSON."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result = Path(handle.name)
    seconds, _, _ = run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(result), *args]
    )
    data = json.loads(result.read_text())
    result.unlink()
    data["wall"] = seconds
    return data


def extract_seconds(stdout: str) -> float:
    """The seconds `briefgen extract` reports in its summary line (from config load to last commit)."""
    import re

    found = re.search(r"in ([\d.]+) s", stdout)
    if not found:
        sys.exit(f"no summary line in extract's output:\n{stdout}")
    return float(found.group(1))


def forget(store: Path, ids: list[str]) -> None:
    """Drop the extraction results of some articles, so that `extract` does them again."""
    db = sqlite3.connect(store)
    with db:
        for table, column in (("facts", "article_id"), ("extractions", "article_id")):
            db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])
    db.close()


def peak_kib() -> int:
    """Peak resident memory of this process since the last reset_peak(), in KiB."""
    import re

    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak starts again from now
        return True
    except OSError:
        return False


# -- child modes: run inside a fresh interpreter ---------------------------------


def child_cli(argv: list[str]) -> None:
    from briefgen.cli import app

    code = app(argv, standalone_mode=False)  # Typer returns, not raises, the code of typer.Exit
    if code:
        sys.exit(f"briefgen {' '.join(argv)}: exit code {code}")


def child_cold(result: Path, config: str, articles: str) -> None:
    """`briefgen brief weekly` on a fresh store, watching the extraction inside it.

    Memory: the peak is reset once the pipeline is loaded, read after the batch that
    passes the first tenth of the articles and again after the last. Strings: the
    pipeline's string store once loaded and after the last batch.
    """
    from briefgen.extract import pipeline
    from briefgen.store import Store

    total = int(articles)
    seen: dict = {"done": 0, "batches": 0, "peak_tenth": None}
    build_nlp, save = pipeline.build_nlp, Store.save_extractions

    def watched_build(config):
        nlp = build_nlp(config)
        seen["nlp"] = nlp
        seen["strings_start"] = len(nlp.vocab.strings)
        seen["reset"] = reset_peak()
        seen["peak_start"] = peak_kib()
        return nlp

    def watched_save(self, version, results, *more):
        written = save(self, version, results, *more)
        seen["done"] += len(results)
        seen["batches"] += 1
        if seen["peak_tenth"] is None and seen["done"] >= total // 10:
            seen["peak_tenth"], seen["done_tenth"] = peak_kib(), seen["done"]
        seen["peak_end"] = peak_kib()
        seen["strings_end"] = len(seen["nlp"].vocab.strings)
        return written

    pipeline.build_nlp, Store.save_extractions = watched_build, watched_save
    child_cli(["--config", config, "brief", "weekly", "--week", WEEK.strftime("%G-W%V")])
    seen.pop("nlp", None)
    result.write_text(json.dumps(seen))


def child_warm(result: Path, config: str, fmt: str) -> None:
    """A second `briefgen brief weekly`: which heavy modules it imports, and its PDF stage."""
    data: dict = {}
    if fmt != "html":
        import weasyprint

        warm = "<p>warm-up</p>"
        weasyprint.HTML(string=warm).write_pdf()  # fonts found once, before anything is timed
        write_pdf, layout = weasyprint.HTML.write_pdf, weasyprint.HTML.render

        def timed_write(self, *args, **kwargs):
            started = time.perf_counter()
            out = write_pdf(self, *args, **kwargs)
            data["pdf_seconds"] = time.perf_counter() - started
            return out

        def counted_render(self, *args, **kwargs):
            document = layout(self, *args, **kwargs)
            data["pages"] = len(document.pages)
            return document

        weasyprint.HTML.write_pdf, weasyprint.HTML.render = timed_write, counted_render
    started = time.perf_counter()
    child_cli(
        ["--config", config, "brief", "weekly", "--week", WEEK.strftime("%G-W%V"), "--format", fmt]
    )
    data["seconds"] = time.perf_counter() - started
    data["modules"] = sorted({m.split(".")[0] for m in sys.modules} & HEAVY)
    result.write_text(json.dumps(data))


def child_plain(result: Path, pages: str) -> None:
    """WeasyPrint on plain paragraphs, in a process of its own so that its time
    never counts in a brief's."""
    import weasyprint

    weasyprint.HTML(string="<p>warm-up</p>").write_pdf()  # as child_warm: fonts found first
    result.write_text(json.dumps({"plain": plain_text_pdf(int(pages))}))


def plain_text_pdf(pages: int) -> list[float]:
    """WeasyPrint's seconds per page for plain paragraphs of text, about `pages` pages long (2 runs)."""
    import weasyprint

    rng = random.Random(1)
    paragraphs = []
    for _ in range(pages * 9):  # about nine paragraphs of 60 words to an A4 page
        paragraphs.append(
            " ".join(rng.choice(NOUNS + MOODS + ["the", "of", "and", "a", "in"]) for _ in range(60))
        )
    html = (
        "<html><head><style>@page { size: A4; margin: 2cm } body { font: 10.5pt/1.45 serif }</style></head><body>"
        + "".join(f"<p>{p}.</p>" for p in paragraphs)
        + "</body></html>"
    )
    per_page = []
    for _ in range(2):
        started = time.perf_counter()
        document = weasyprint.HTML(string=html).render()
        document.write_pdf()
        per_page.append((time.perf_counter() - started) / len(document.pages))
    return per_page


def child_bare(result: Path, config_path: str, ids_file: str) -> None:
    """A bare `nlp.pipe` of the full English pipeline (every component of the package,
    the lemmatizer too, none of ours) over the same texts in the same batches as
    `briefgen extract` (its batches are sized by tokens: the same function cuts them)."""
    started = time.perf_counter()
    import spacy

    from briefgen.config import load
    from briefgen.extract.pipeline import _next_batch, _units
    from briefgen.store import Store

    config = load(Path(config_path))
    ids = json.loads(Path(ids_file).read_text())
    with Store(config.path(config.store)) as store:
        articles = list(store.articles(ids))
    nlp = spacy.load(config.nlp.pipeline)
    units = _units(iter(articles), config.nlp.max_chars)
    batches = [
        [text for text, _ in batch] for batch in iter(lambda: _next_batch(units, config), [])
    ]
    tokens = 0
    for batch in batches:
        for doc in nlp.pipe(batch, batch_size=len(batch)):
            tokens += len(doc)
    result.write_text(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "tokens": tokens,
                "components": nlp.pipe_names,
                "batches": len(batches),
                "texts": sum(map(len, batches)),
            }
        )
    )


HEAVY = {
    "spacy",
    "thinc",
    "weasyprint",
    "dateparser",
    "trafilatura",
    "torch",
    "numpy",
    "jinja2",
    "rich",
    "pydantic",
}


# -- choosing the spaCy components -------------------------------------------------

VARIANTS = {  # name -> nlp.disable
    "default (lemmatizer off)": ["lemmatizer"],
    "+ lemmatizer": [],
    "- parser (senter instead)": ["lemmatizer", "parser"],
    "- ner": ["lemmatizer", "ner"],
    "- tagger, attribute_ruler": ["lemmatizer", "tagger", "attribute_ruler"],
}


def components(work: Path, gold: Path, seeds: Path, articles: int) -> None:
    """Each variant of nlp.disable: speed on the synthetic corpus, scores of `briefgen eval`."""
    import yaml

    snapshot(work / "code")
    corpus, _ = write_corpus(work / "corpus", articles)
    base = yaml.safe_load((work / "code" / "config.yaml").read_text(encoding="utf-8"))
    print(
        f"{'variant':<28} {'tokens/s':>9} {'speed':>6}  {'events P/R/F1':<17} {'quotes R':>8} {'topics P/R':>11}"
    )
    first = None
    for label, disable in VARIANTS.items():
        config = {
            **base,
            "nlp": {**base["nlp"], "disable": disable},
            "store": str(work / "unused.sqlite"),
        }
        path = work / f"variant-{len(disable)}-{'-'.join(disable)}.yaml"
        path.write_text(
            yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        speed = child("speed", str(path), str(corpus))
        _, out, _ = briefgen(path, "eval", str(gold), "--corpus", str(seeds), "--format", "json")
        scores = json.loads(out)
        e, q, t = scores["events"], scores["quotes"], scores["topics"]
        first = first or speed["rate"]
        print(
            f"{label:<28} {speed['rate']:9,.0f} {speed['rate'] / first:5.2f}x  "
            f"{e['precision']:.2f}/{e['recall']:.2f}/{e['f1']:.2f}    {q['recall']:8.2f} "
            f"{t['precision']:5.2f}/{t['recall']:.2f}",
            flush=True,
        )
        if label.startswith("default"):
            shares = ", ".join(f"{name} {share:.0%}" for name, share in speed["shares"].items())
            print(f"    time by component: {shares}", flush=True)


def child_speed(result: Path, config_path: str, corpus: str) -> None:
    """Tokens per second of the pipeline of this config, and each component's share of the time."""
    from briefgen.config import load
    from briefgen.extract.pipeline import build_nlp
    from briefgen.ingest.readers import split_front_matter

    config = load(Path(config_path))
    texts = [
        split_front_matter(p.read_text(encoding="utf-8"))[1] for p in sorted(Path(corpus).iterdir())
    ]
    nlp = build_nlp(config)
    list(nlp.pipe(texts[:8]))  # lazy data loaded before timing
    spent = {name: 0.0 for name in nlp.pipe_names}
    tokens, started = 0, time.perf_counter()
    for i in range(0, len(texts), 64):
        with nlp.memory_zone():
            docs = [nlp.make_doc(t) for t in texts[i : i + 64]]
            tokens += sum(len(d) for d in docs)
            for name, component in nlp.pipeline:
                began = time.perf_counter()
                docs = (
                    list(component.pipe(docs))
                    if hasattr(component, "pipe")
                    else [component(d) for d in docs]
                )
                spent[name] += time.perf_counter() - began
    seconds = time.perf_counter() - started
    total = sum(spent.values())
    result.write_text(
        json.dumps({"rate": tokens / seconds, "shares": {k: v / total for k, v in spent.items()}})
    )


# -- the figures -------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, str, bool, str]] = []

    def add(self, figure: str, value: float, target: str, ok: bool, detail: str) -> None:
        self.rows.append((figure, value, target, ok, detail))
        print(
            f"  {figure:<44} {value:8.3f}  target {target:<7} {'PASS' if ok else 'FAIL'}   {detail}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=2000, help="articles in the brief's week (default 2000)"
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="repeats of the cheap measurements (median)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and print its path"
    )
    parser.add_argument(
        "--components",
        action="store_true",
        help="instead: compare variants of nlp.disable (speed on --n articles, eval scores)",
    )
    parser.add_argument(
        "--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "seeds.gold.yaml"
    )
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument(
        "--huge",
        type=float,
        default=0,
        metavar="MB",
        help="also extract one article of this many MB (8.; 20 takes tens of minutes)",
    )
    parser.add_argument(
        "--only-long",
        action="store_true",
        help="only the long-document figures (7., and 8. with --huge)",
    )
    parser.add_argument(
        "--only-extract",
        action="store_true",
        help="only the extraction figures (1. and 2.), on --n articles (at least 1000 for 2.)",
    )
    parser.add_argument(
        "--only-render",
        action="store_true",
        help="only the cold run and the render figures (3., 5. and 6.)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, result, *rest = args.child
        {
            "cold": child_cold,
            "warm": child_warm,
            "plain": child_plain,
            "bare": child_bare,
            "speed": child_speed,
        }[mode](Path(result), *rest)
        return
    if args.components:
        work = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
        try:
            components(work, args.gold, args.seeds, args.n)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return

    n, repeats = args.n, args.repeats
    work = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    began = time.perf_counter()
    table = Table()
    try:
        snapshot(work / "code")
        if args.only_long:
            long_figures(work, table, repeats, args.huge)
            return summary(table, began)
        full_dir, small_dir = write_corpus(work / "corpus", n)
        if args.only_extract:
            full_cfg = write_config(work, "full", full_dir)
            briefgen(full_cfg, "ingest")
            mark_extracted(full_cfg, work / "full.sqlite")
            print(f"corpus: {len(list(full_dir.iterdir()))} articles; in {work}", flush=True)
            extract_figures(work, table, repeats, full_cfg, len(list(full_dir.iterdir())))
            return summary(table, began)
        full_cfg, small_cfg = (
            write_config(work, "full", full_dir),
            write_config(work, "small", small_dir),
        )
        total, small_total = len(list(full_dir.iterdir())), len(list(small_dir.iterdir()))
        print(
            f"corpus: {total} articles ({n} in {WEEK:%G-W%V}, {total - n} in the three weeks before), "
            f"small corpus {small_total}; in {work}",
            flush=True,
        )
        print(
            f"{'figure':<46} {'value':>8}  target          (medians over {repeats} repeats unless said)"
        )

        if not args.only_render:
            # 4. start-up: --help against importing typer alone.
            helps, typers = [], []
            for _ in range(max(5, repeats * 2)):
                helps.append(run([str(BIN / "briefgen"), "--help"])[0])
                typers.append(run([sys.executable, "-c", "import typer"])[0])
            _, _, imports = run(
                [str(BIN / "briefgen"), "--help"], env={"PYTHONPROFILEIMPORTTIME": "1"}
            )
            loaded = sorted(
                {
                    line.split("|")[-1].strip().split(".")[0]
                    for line in imports.splitlines()
                    if "|" in line
                }
                & HEAVY - {"pydantic"}
            )
            ratio = median(helps) / median(typers)
            table.add(
                "4. --help vs import typer",
                ratio,
                "<= 1.5",
                ratio <= 1.5 and not loaded,
                f"{median(helps) * 1000:.0f} ms vs {median(typers) * 1000:.0f} ms; heavy imports: {loaded or 'none'}",
            )

        # 3 and 5 (cold): the first `brief weekly` on a fresh store: ingest, extract, render.
        cold = child("cold", str(full_cfg), str(total))
        peak = cold["peak_end"] / cold["peak_tenth"]
        table.add(
            f"3. peak memory, {total} vs first {cold['done_tenth']} articles",
            peak,
            "<= 1.15",
            peak <= 1.15,
            f"{cold['peak_tenth'] / 1024:.0f} -> {cold['peak_end'] / 1024:.0f} MiB over {cold['batches']} batches"
            f"{'' if cold['reset'] else ' (peak not resettable: includes start-up)'}",
        )
        strings = cold["strings_end"] / cold["strings_start"]
        table.add(
            "3. string store, end vs start",
            strings,
            "<= 1.05",
            strings <= 1.05,
            f"{cold['strings_start']:,} -> {cold['strings_end']:,} strings",
        )

        render_figures(table, repeats, n, cold, full_cfg, small_cfg)
        if args.only_render:
            return summary(table, began)
        extract_figures(work, table, repeats, full_cfg, total)

        # 7 and 8: long documents.
        long_figures(work, table, repeats, args.huge)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    summary(table, began)


def render_figures(
    table: Table, repeats: int, n: int, cold: dict, full_cfg: Path, small_cfg: Path
) -> None:
    """Figures 5 and 6: second renders of the weekly brief, once everything is extracted."""
    # 5. a second run with nothing new: no NLP import, HTML only; then the PDF stage.
    # Wall times are of `briefgen brief` itself, as a user runs it; the children
    # (instrumented, in a process of their own) say what it imported, how many
    # pages it laid out and how long its write_pdf took.
    week = ["brief", "weekly", "--week", WEEK.strftime("%G-W%V")]
    html = [briefgen(full_cfg, *week, "--format", "html")[0] for _ in range(repeats)]
    watched = child("warm", str(full_cfg), "html")
    ratio = median(html) / cold["wall"]
    spacy_free = "spacy" not in watched["modules"]
    table.add(
        "5. second brief (HTML) vs first, cold",
        ratio,
        "<= 0.03",
        ratio <= 0.03 and spacy_free,
        f"{median(html):.1f} s vs {cold['wall']:.1f} s; "
        f"imports {', '.join(watched['modules']) or 'nothing heavy'}{'' if spacy_free else ' (spaCy!)'}",
    )
    # 6. the same weekly brief over a week of N articles and one of N/10.
    briefgen(small_cfg, *week)  # ingest and extract it
    big, small, pdfs = [], [], []
    for _ in range(repeats):  # interleaved, so that a busy spell hits both
        big.append(briefgen(full_cfg, *week)[0])
        small.append(briefgen(small_cfg, *week)[0])
        pdfs.append(child("warm", str(full_cfg), "all"))
    ratio = median(big) / cold["wall"]  # 5, PDF: the N-article week's renders above
    table.add(
        "5. second brief (PDF and HTML) vs first, cold",
        ratio,
        "<= 0.15",
        ratio <= 0.15,
        f"{median(big):.1f} s vs {cold['wall']:.1f} s",
    )
    small_pages = child("warm", str(small_cfg), "all")["pages"]
    plain = child("plain", str(min(12, pdfs[0]["pages"])))["plain"]
    brief_page = median([p["pdf_seconds"] / p["pages"] for p in pdfs])
    plain_page = median(plain)
    ratio = brief_page / plain_page
    table.add(
        "5. brief PDF per page vs plain text",
        ratio,
        "<= 3.0",
        ratio <= 3.0,
        f"{brief_page * 1000:.0f} vs {plain_page * 1000:.0f} ms/page, {pdfs[0]['pages']} pages",
    )
    ratio = median(big) / median(small)
    table.add(
        f"6. weekly brief, {n} vs {n // 10} articles in the week",
        ratio,
        "<= 2",
        ratio <= 2,
        f"{median(big):.1f} s vs {median(small):.1f} s; {pdfs[0]['pages']} vs {small_pages} pages",
    )


def extract_figures(work: Path, table: Table, repeats: int, config: Path, total: int) -> None:
    """Figures 1 and 2 on the same 1,000 articles of the store of `config`, where every
    article is extracted: each run forgets their results and extracts them again. The
    three runs of a repeat are interleaved, in an order that turns with each repeat, so
    that a change in the machine's load hits them alike; each ratio pairs the runs of
    one repeat, and the figure is the median of those ratios."""
    store = work / "full.sqlite"
    db = sqlite3.connect(store)
    ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")][:1000]
    db.close()
    ids_file = work / "measured.json"
    ids_file.write_text(json.dumps(ids))
    one, two, bare = [], [], []
    # CPU seconds of each run, workers included: unlike wall time, not stretched by other
    # sessions' load on a shared machine.
    cpu: dict[str, list[float]] = {"1": [], "2": [], "bare": []}
    for r in range(repeats):
        runs = ["1", "2", "bare"]
        for what in runs[r % 3 :] + runs[: r % 3]:
            if what == "bare":
                used = children_cpu()
                done = child("bare", str(config), str(ids_file))
                cpu["bare"].append(children_cpu() - used)
                bare.append(done["seconds"])
                continue
            forget(store, ids)
            used = children_cpu()
            seconds = extract_seconds(briefgen(config, "extract", "-j", what)[1])
            cpu[what].append(children_cpu() - used)
            (one if what == "1" else two).append(seconds)
        print(
            f"    {len(ids)} articles ({done['texts']} texts, {done['batches']} batches, "
            f"{done['tokens']:,} tokens): -j1 {one[-1]:.1f} s, -j2 {two[-1]:.1f} s, bare nlp.pipe "
            f"{bare[-1]:.1f} s; bare/-j1 {bare[-1] / one[-1]:.2f}, -j1/-j2 {one[-1] / two[-1]:.2f}; "
            f"CPU -j1 {cpu['1'][-1]:.1f} s, -j2 {cpu['2'][-1]:.1f} s, bare {cpu['bare'][-1]:.1f} s",
            flush=True,
        )
    ratios = [b / o for b, o in zip(bare, one, strict=False)]
    table.add(
        "1. extract vs bare nlp.pipe (full pipeline)",
        median(ratios),
        ">= 0.95",
        median(ratios) >= 0.95,
        f"ratios {min(ratios):.2f}-{max(ratios):.2f}; CPU bare/-j1 "
        f"{median([b / o for b, o in zip(cpu['bare'], cpu['1'], strict=False)]):.2f}; "
        f"bare: {', '.join(done['components'])}, "
        f"same texts and batches; extract ~{done['tokens'] / median(one):,.0f} tokens/s; "
        "each side's time includes loading its pipeline",
    )
    ratios = [o / t for o, t in zip(one, two, strict=False)]
    table.add(
        f"2. extract -j 2 vs -j 1, {len(ids)} articles",
        median(ratios),
        ">= 1.6",
        median(ratios) >= 1.6,
        f"ratios {min(ratios):.2f}-{max(ratios):.2f}; CPU -j2/-j1 "
        f"{median([t / o for o, t in zip(cpu['1'], cpu['2'], strict=False)]):.2f}; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end{autogroup()}",
    )


def children_cpu() -> float:
    """CPU seconds (user and system) of this script's finished child processes and theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def autogroup() -> str:
    """A warning when Linux shares the CPU by session: then, while other sessions keep the
    cores busy, `-j 2` gets the same slice as `-j 1` and its wall time cannot be halved."""
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return ""
    return "; sched_autogroup on: one CPU slice per session under load" if enabled else ""


def mark_extracted(config: Path, store: Path) -> None:
    """Record every article as extracted by the current pipeline version, with no facts,
    so that `extract` works only on the articles a figure forgets (--only-extract)."""
    # In a child: the snapshot's code (on its PYTHONPATH) decides the version, not the checkout's.
    code = "import sys; from briefgen.config import load; from briefgen.extract.pipeline import "
    code += "pipeline_version; print(pipeline_version(load(sys.argv[1])))"
    version = run([sys.executable, "-c", code, str(config)])[1].strip()
    db = sqlite3.connect(store)
    with db:
        db.execute(
            "INSERT OR IGNORE INTO extractions SELECT id, ?, '', 0 FROM articles", (version,)
        )
    db.close()


def summary(table: Table, began: float) -> None:
    passed = sum(ok for *_, ok, _ in table.rows)
    print(
        f"{passed}/{len(table.rows)} pass; benchmark took {time.perf_counter() - began:.0f} s "
        f"(2 shared cores: read the ratios, not the seconds)"
    )


if __name__ == "__main__":
    main()
