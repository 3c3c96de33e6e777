"""The logic test: number series made from rules, so no two candidates need
the same items, and the seed kept on the result makes them again.

Twelve items, five choices each, twelve minutes. Each item shows five terms
of a series and asks for the sixth; the wrong choices are the answers of
near-miss rules (a step too far, the last difference repeated, …)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

COUNT = 12
CHOICES = 5
TIME_LIMIT = timedelta(minutes=12)
# The grace a slow connection gets after the limit before answers are refused.
GRACE = timedelta(seconds=30)


@dataclass(frozen=True)
class Item:
    index: int
    rule: str
    shown: list[int]
    options: list[int]
    answer: int


def _arithmetic(rng: random.Random) -> list[int]:
    start, step = rng.randint(1, 30), rng.choice([2, 3, 4, 5, 6, 7, 9, 11, -3, -4])
    return [start + step * n for n in range(6)]


def _alternating(rng: random.Random) -> list[int]:
    start, a, b = rng.randint(1, 20), rng.randint(2, 9), rng.randint(-5, 12)
    terms = [start]
    for n in range(5):
        terms.append(terms[-1] + (a if n % 2 == 0 else b))
    return terms


def _growing_steps(rng: random.Random) -> list[int]:
    start, step, grow = rng.randint(1, 15), rng.randint(1, 4), rng.randint(1, 3)
    terms = [start]
    for n in range(5):
        terms.append(terms[-1] + step + grow * n)
    return terms


def _geometric(rng: random.Random) -> list[int]:
    start, ratio = rng.randint(1, 5), rng.choice([2, 3])
    return [start * ratio**n for n in range(6)]


def _times_plus(rng: random.Random) -> list[int]:
    start, times, plus = rng.randint(1, 4), 2, rng.choice([-1, 1, 2, 3])
    terms = [start]
    for _n in range(5):
        terms.append(terms[-1] * times + plus)
    return terms


def _fibonacci(rng: random.Random) -> list[int]:
    terms = [rng.randint(1, 6), rng.randint(2, 9)]
    while len(terms) < 6:
        terms.append(terms[-1] + terms[-2])
    return terms


# Easiest first: the order the items come in, twice over.
RULES: list[tuple[str, Callable[[random.Random], list[int]]]] = [
    ("arithmetic", _arithmetic),
    ("alternating", _alternating),
    ("growing_steps", _growing_steps),
    ("geometric", _geometric),
    ("times_plus", _times_plus),
    ("fibonacci", _fibonacci),
]


def _options(rng: random.Random, terms: list[int]) -> list[int]:
    answer, last, before = terms[5], terms[4], terms[3]
    near = [
        last + (last - before),  # the last difference again
        answer + (answer - last),  # a step too far
        answer + rng.choice([-2, -1, 1, 2]),
        answer - (last - before),
        last * 2,
        answer + 10,
    ]
    options = [answer]
    for value in near:
        if value not in options:
            options.append(value)
        if len(options) == CHOICES:
            break
    while len(options) < CHOICES:
        value = answer + rng.randint(3, 30)
        if value not in options:
            options.append(value)
    rng.shuffle(options)
    return options


def items(seed: str) -> list[Item]:
    rng = random.Random(f"rekryt-logic:{seed}")  # noqa: S311  # nosec B311: items, not secrets
    made = []
    for index in range(COUNT):
        name, rule = RULES[(index // 2) % len(RULES)] if index < COUNT else RULES[0]
        terms = rule(rng)
        made.append(Item(index, name, terms[:5], _options(rng, terms), terms[5]))
    return made


def score(seed: str, answers: dict[str, int]) -> int:
    """Items answered correctly; an unanswered item counts as wrong."""
    return sum(1 for item in items(seed) if answers.get(str(item.index)) == item.answer)
