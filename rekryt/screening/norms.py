"""Norm groups for the built-in tests. They are SIMULATED, and say so
wherever a result is shown.

No real people have taken these tests yet, so there is no honest empirical
norm. Each norm group is instead made, the same every time, by a documented
simulation of 2,000 test-takers (docs/screening.md):

- logic test: ability θ ~ N(0, 1); each item is answered correctly with
  probability 0.2 + 0.8 · 1/(1 + e^−(θ − b)), where 0.2 is guessing among
  five choices and the difficulty b rises with the rule (−1.5 for a plain
  arithmetic series to +1.0 for a Fibonacci-like one);
- personality: for each trait a latent level θ ~ N(0, 1); each item's
  answer is round(3 + 0.9 · θ + e) on the 1–5 scale, e ~ N(0, 0.9), clipped.

A percentile here is the share of the simulated group scoring lower, plus
half of those scoring the same (mid-rank). It places a result within that
model, not within a population of real applicants; replace the tables with
real data once an organisation has enough results (and a legal basis)."""

from __future__ import annotations

import bisect
import math
import random
from functools import cache

from rekryt.screening import logic, personality

SIZE = 2000
DIFFICULTY = {
    "arithmetic": -1.5,
    "alternating": -0.8,
    "growing_steps": -0.2,
    "geometric": 0.2,
    "times_plus": 0.6,
    "fibonacci": 1.0,
}


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@cache
def logic_scores() -> list[int]:
    rng = random.Random("rekryt-logic-norm-v1")  # noqa: S311  # nosec B311: a simulation
    rules = [item.rule for item in logic.items("norm")]
    scores = []
    for _person in range(SIZE):
        theta = rng.gauss(0, 1)
        right = sum(
            1 for rule in rules if rng.random() < 0.2 + 0.8 * _logistic(theta - DIFFICULTY[rule])
        )
        scores.append(right)
    return sorted(scores)


@cache
def trait_scores() -> list[float]:
    """One simulated distribution of a trait's mean, shared by the five."""
    rng = random.Random("rekryt-personality-norm-v1")  # noqa: S311  # nosec B311: a simulation
    means = []
    for _person in range(SIZE):
        theta = rng.gauss(0, 1)
        answers = [min(5, max(1, round(3 + 0.9 * theta + rng.gauss(0, 0.9)))) for _n in range(10)]
        means.append(sum(answers) / 10)
    return sorted(means)


def percentile(value: float, group: list[float] | list[int]) -> int:
    below = bisect.bisect_left(group, value)
    same = bisect.bisect_right(group, value) - below
    return max(1, min(99, round(100 * (below + same / 2) / len(group))))


def logic_percentile(score: int) -> int:
    return percentile(score, logic_scores())


def trait_percentiles(raw: dict[str, float]) -> dict[str, int]:
    group = trait_scores()
    return {trait: percentile(value, group) for trait, value in raw.items()}


TRAITS = personality.TRAITS
