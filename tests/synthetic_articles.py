"""Small deterministic news articles for volume, engine and concurrency tests.

Each article names two countries and states a few facts in sentence shapes the extractor is
documented to handle. `article(rng, i)` returns the text and what it states, so a test can
check that the facts of a given file arrived (trade value in US dollars, or None when the
article has no trade figure)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Iran", "Turkey", "China",
             "Azerbaijan", "Georgia", "Armenia", "India", "Pakistan", "Mongolia", "Belarus", "Qatar", "Egypt",
             "Germany", "Hungary", "Japan"]
CITIES = ["Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Tehran", "Ankara", "Baku", "Doha", "Tbilisi"]
TOPICS = ["transit corridors", "water management", "digital services", "tourism", "energy", "agriculture",
          "logistics", "healthcare", "education", "mining"]
OUTLETS = ["Caspian Wire", "Steppe Herald", "Silk Road Review", "Eurasia Daily Report"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Article:
    text: str
    trade_value: float | None      # USD value of the trade sentence, None when there is none
    countries: tuple[str, str]


def article(rng: random.Random, i: int, trade_share: float = 0.8) -> Article:
    a, b = rng.sample(COUNTRIES, 2)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(360))
    year = rng.randint(2015, 2022)
    body = [
        f"Officials of {a} and {b} discussed {rng.choice(TOPICS)} at a meeting in {rng.choice(CITIES)} "
        f"on {rng.choice(WEEKDAYS)}.",
        f"Experts said {rng.choice(TOPICS)} remains a priority for investors in {a}.",
    ]
    extra = [
        f"The two countries signed {rng.randint(2, 9)} memoranda of understanding on {rng.choice(TOPICS)}.",
        f"More than {rng.randint(20, 400)} companies from {a} operate in {b}, the chamber of commerce said.",
        f"The sides agreed to prepare a programme of joint projects on {rng.choice(TOPICS)}.",
    ]
    body += rng.sample(extra, rng.randint(0, len(extra)))
    value = None
    if rng.random() < trade_share:
        millions = rng.randint(11, 990)
        value = millions * 1e6
        body.insert(rng.randrange(len(body) + 1),
                    f"Trade between {a} and {b} reached ${millions} million in {year}, the ministry said.")
    title = f"{a} and {b} {rng.choice(['review', 'expand', 'discuss', 'strengthen'])} ties ({i})"
    head = f"{title}\n\nPublished: {day:%d %B %Y}\n\n"
    return Article(head + "\n\n".join(body) + "\n", value, (a, b))


def corpus(n: int, seed: int = 20240601, trade_share: float = 0.8) -> list[Article]:
    rng = random.Random(seed)
    return [article(rng, i, trade_share) for i in range(n)]
