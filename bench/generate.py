"""Synthetic corpus for the benchmark: realistic ~3 KB news articles about relations between
two countries, recombined from sentences of the kinds the extractor handles (trade figures,
company counts, agreements, visits, meetings, calls, forums, officials with their offices),
with filler prose, datelines, bylines and some page chrome.

Deterministic: the same seed and size give the same files, byte for byte.

    python -m bench.generate OUT_DIR --count 10000 [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

# name, demonym, capital, another city, a leader surname pool is shared
COUNTRIES = [
    ("Iran", "Iranian", "Tehran", "Mashhad"), ("Kazakhstan", "Kazakh", "Astana", "Almaty"),
    ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand"), ("Turkmenistan", "Turkmen", "Ashgabat", None),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek", None), ("Tajikistan", "Tajik", "Dushanbe", None),
    ("Azerbaijan", "Azerbaijani", "Baku", None), ("Armenia", "Armenian", "Yerevan", None),
    ("Georgia", "Georgian", "Tbilisi", None), ("Russia", "Russian", "Moscow", None),
    ("China", "Chinese", "Beijing", None), ("Turkey", "Turkish", "Ankara", None),
    ("India", "Indian", "New Delhi", None), ("Pakistan", "Pakistani", "Islamabad", None),
    ("Germany", "German", "Berlin", None), ("France", "French", "Paris", None),
    ("Italy", "Italian", "Rome", None), ("Saudi Arabia", "Saudi", "Riyadh", None),
    ("Qatar", "Qatari", "Doha", None), ("Egypt", "Egyptian", "Cairo", None),
    ("Japan", "Japanese", "Tokyo", None), ("Belarus", "Belarusian", "Minsk", None),
    ("Hungary", "Hungarian", "Budapest", None), ("Mongolia", "Mongolian", "Ulaanbaatar", None),
    ("Poland", "Polish", "Warsaw", None), ("Iraq", "Iraqi", "Baghdad", None),
]
FIRST = ["Ali", "Murat", "Askar", "Bakhyt", "Serik", "Rustam", "Farid", "Dmitry", "Wang", "Emre", "Rahul",
         "Omar", "Hans", "Pierre", "Marco", "Yuki", "Nurlan", "Timur", "Elena", "Aigerim", "Sardor", "Kamran"]
LAST = ["Karimov", "Nurlanov", "Yilmaz", "Petrov", "Li", "Sharma", "Hassan", "Schmidt", "Dubois", "Rossi",
        "Tanaka", "Abenov", "Rahimi", "Tursunov", "Aliyev", "Mammadov", "Suleimenov", "Ivanova", "Saidov"]
OFFICES = ["Foreign Minister", "Prime Minister", "President", "Trade Minister", "Deputy Foreign Minister",
           "Minister of Economy", "Minister of Energy", "Ambassador"]
OUTLETS = ["Caspian News", "Eurasia Wire", "Steppe Times", "Silk Road Herald", "Regional Business Daily",
           "Continental Post", "Asia Trade Monitor", "The Daily Ledger"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
COMMODITIES = ["wheat", "oil products", "steel", "fertilizers", "cotton", "machinery", "textiles", "fruit"]
FIELDS = ["energy", "transport", "agriculture", "tourism", "education", "health care", "banking", "logistics",
          "mining", "information technology", "customs", "culture"]
AGREEMENT_KINDS = ["memoranda of understanding", "agreements", "cooperation documents", "contracts"]


def _money(r: random.Random) -> str:
    if r.random() < 0.5:
        return f"${r.randint(11, 990)} million"
    return f"${r.randint(1, 9)}.{r.randint(1, 9)} billion"


def _date(r: random.Random, year: int) -> str:
    return f"{r.choice(MONTHS)} {r.randint(1, 28)}, {year}"


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _fact_sentences(r: random.Random, a: tuple, b: tuple, year: int) -> list[str]:
    """Sentences stating facts, in random order and number."""
    A, Ad, Acap, Acity = a
    B, Bd, Bcap, _ = b
    prev = year - 1
    pct = f"{r.randint(2, 60)}{r.choice(['%', ' percent'])}"
    pool = [
        f"Trade turnover between {A} and {B} reached {_money(r)} in {prev}.",
        f"{A}'s exports to {B} rose by {pct} to {_money(r)} in the first half of {year}.",
        f"Imports from {B} to {A} fell by {r.randint(2, 30)}% to {_money(r)} in the first {r.randint(3, 11)} months of {prev}.",
        f"The two sides aim to bring bilateral trade between {A} and {B} up to {_money(r)} by {year + r.randint(2, 8)}.",
        f"{A}-{B} trade volume in {prev} amounted to {_money(r)}, up {pct} compared to {prev - 1}.",
        f"{Ad} exports of {r.choice(COMMODITIES)} to {B} amounted to {r.randint(20, 900)} thousand tons in {prev}.",
        f"About {r.randint(20, 900)} {Bd} companies operate in {A}, mainly in {r.choice(FIELDS)} and {r.choice(FIELDS)}.",
        f"Over {r.randint(10, 300)} {Ad} firms are active in {B}.",
        f"{A} and {B} signed {r.randint(2, 19)} {r.choice(AGREEMENT_KINDS)} on {_date(r, year)}.",
        f"The sides inked {r.randint(2, 12)} contracts worth {_money(r)} in {Bcap}.",
        f"{A} and {B} are expected to sign an agreement on {r.choice(FIELDS)} cooperation next month.",
        f"The {Ad} {r.choice(OFFICES).lower()} paid an official visit to {Bcap} on {_date(r, year)}.",
        f"The foreign ministers of {A} and {B} met in {Acap} on {r.choice(WEEKDAYS)}.",
        f"On {_date(r, year)}, the presidents of {A} and {B} held a telephone conversation.",
        f"The {A}-{B} Business Forum was held in {Acity or Acap} on {_date(r, year)}.",
        f"{Bd} {r.choice(OFFICES)} {_person(r)} arrived in {Acap} at the head of a large delegation.",
        f"{Ad} {r.choice(OFFICES)} {_person(r)} held talks with his {Bd} counterpart {_person(r)} in {Bcap}.",
        f"In a joint press conference on {r.choice(WEEKDAYS)}, the ministers praised the results of the talks.",
        f"A {Bd} trade exhibition opened in {Acap} on {_date(r, year)} with more than {r.randint(40, 300)} exhibitors.",
        f"The intergovernmental commission of {A} and {B} will hold its next session in {Bcap} in {r.choice(MONTHS)}.",
        f"{B}'s imports from {A} amounted to {_money(r)} in January-{r.choice(MONTHS[3:9])} {prev}.",
        f"Trade between {A} and {B} is expected to reach {_money(r)} this year.",
        f"Officials said trade between {A} and {B} has grown by {pct} compared to last year.",
        f"President of {A} {_person(r)} received the {Bd} delegation in {Acap}.",
        f"Minister of Economy of {B} {_person(r)} and the {Ad} ambassador discussed the implementation of earlier agreements.",
    ]
    r.shuffle(pool)
    return pool[: r.randint(11, 15)]


def _filler(r: random.Random, a: tuple, b: tuple) -> list[str]:
    A, Ad, _, _ = a
    B, Bd, _, _ = b
    f1, f2, f3 = r.sample(FIELDS, 3)
    pool = [
        f"The two countries discussed ways to expand cooperation in {f1}, {f2} and {f3}.",
        f"Officials underlined the need to remove obstacles to trade and to simplify procedures for businesspeople.",
        f"The {Ad} side expressed readiness to share its experience in {f1} with {Bd} partners.",
        f"Both sides stressed that the current level of economic ties does not match the potential of the two nations.",
        f"Experts note that the transport corridor could cut delivery times and lower costs for exporters.",
        f"The parties also exchanged views on regional and international issues of mutual interest.",
        f"Business leaders called for more direct flights and easier visa rules to support the growth of tourism.",
        f"According to analysts, the region's infrastructure projects will shape trade routes for the next decade.",
        f"The {Bd} delegation included representatives of ministries, state agencies and private companies.",
        f"He said that {A} considers {B} a reliable and strategic partner in the region.",
        f"Joint projects in {f2} and {f3} were named among the priorities for the coming years.",
        f"The sides agreed to intensify contacts between their chambers of commerce and industry.",
        f"Special attention was paid to digitalisation of customs procedures and to the development of logistics hubs.",
        f"Representatives of the banking sector discussed settlements in national currencies.",
        f"\u201cWe are interested in long-term cooperation based on mutual respect and mutual benefit,\u201d he said.",
        f"The meeting participants praised the dynamics of political dialogue at the highest level.",
        f"Cooperation in {f1} has good prospects, especially in the light of the new investment programmes.",
        f"The {Ad} government has recently adopted measures to support exporters and attract foreign capital.",
        f"Local producers hope that new rail links will open access to markets in the south and the east.",
        f"Regional governors took part in the discussion of cross-border cooperation and joint industrial zones.",
        f"The parties noted the importance of cultural and humanitarian exchanges between the young people of both countries.",
        f"Much remains to be done to harmonise technical standards and phytosanitary rules, officials admitted.",
        f"The {Bd} side invited its partners to take part in the international investment conference next year.",
        f"Universities of the two countries plan to launch joint programmes in engineering and medicine.",
    ]
    r.shuffle(pool)
    return pool[: r.randint(15, 19)]


def article(seed: int, i: int) -> str:
    """The i-th article of the corpus with this seed (independent of the corpus size)."""
    r = random.Random(seed * 1_000_003 + i)
    a, b = r.sample(COUNTRIES, 2)
    year = r.randint(2015, 2025)
    published = dt.date(year, r.randint(1, 12), r.randint(1, 28))
    outlet = r.choice(OUTLETS)
    lines: list[str] = []
    if r.random() < 0.3:
        lines += [f"Last update: {_date(r, year)} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", "",
                  f"{outlet} logo", ""]
    title = f"{a[0]} and {b[0]} seek to deepen {r.choice(['trade', 'economic', 'transport', 'energy'])} ties"
    lines += [title, ""]
    if r.random() < 0.5:
        lines += [f"By {_person(r)} {published:%B} {published.day}, {published.year}", ""]
    sentences = _fact_sentences(r, a, b, year) + _filler(r, a, b)
    r.shuffle(sentences)
    dateline = f"{a[2].upper()}, {published:%B} {published.day}, {published.year} ({outlet}) - "
    para: list[str] = []
    first = True
    for s in sentences:
        para.append(s)
        if len(para) >= r.randint(2, 4):
            lines += [(dateline if first else "") + " ".join(para), ""]
            first = False
            para = []
    if para:
        lines += [" ".join(para), ""]
    if r.random() < 0.4:
        lines += ["", "Read More:", "", f"{b[0]} and {a[0]} discuss energy cooperation", "",
                  f"{a[1]} minister visits {b[2]}", ""]
    return "\n".join(lines).rstrip() + "\n"


def generate(out_dir: Path, count: int, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles start..start+count-1 into out_dir (sub-folders of 1,000 files)."""
    out_dir = Path(out_dir)
    paths = []
    for i in range(start, start + count):
        path = out_dir / f"{i // 1000:04d}" / f"article_{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(seed, i), encoding="utf-8")
        paths.append(path)
    return paths


def parse_size(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", type=Path)
    p.add_argument("--count", default="1k", help="number of articles (1000, 10k, 100k)")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    paths = generate(args.out_dir, parse_size(args.count), args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {total / 1e6:.1f} MB ({total / max(len(paths), 1):.0f} bytes each) in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
