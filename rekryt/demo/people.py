"""Deterministic demo candidates: names, contact details, a CV and a few lines
about themselves, all drawn from one `random.Random` so a seed always gives
the same people."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from rekryt.demo import data
from rekryt.lib.pdfgen import Block, build_pdf


@dataclass
class Person:
    first_name: str
    last_name: str
    email: str
    phone: str
    international: bool
    link: str = ""
    jobs: list[int] = field(default_factory=list)  # indexes into the job list


def ascii_slug(text: str) -> str:
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded)


def make_people(rng: random.Random, count: int) -> list[Person]:
    people: list[Person] = []
    seen: set[str] = set()
    for n in range(count):
        international = rng.random() < 0.3
        if international:
            firsts, lasts = rng.choice(data.INTERNATIONAL)
            first, last = rng.choice(firsts), rng.choice(lasts)
        else:
            first, last = rng.choice(data.SWEDISH_FIRST), rng.choice(data.SWEDISH_LAST)
        local = f"{ascii_slug(first)}.{ascii_slug(last)}"
        if local in seen:
            local = f"{local}{n}"
        seen.add(local)
        email = f"{local}@{rng.choice(data.EMAIL_DOMAINS)}"
        phone = "" if rng.random() < 0.15 else swedish_mobile(rng)
        people.append(Person(first, last, email, phone, international))
    return people


def swedish_mobile(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _n in range(7)]
    return "+46 7{} {}{}{} {}{} {}{}".format(rng.choice("02369"), *digits)


def cv_lines(rng: random.Random, person: Person, family: str, language: str) -> list[Block]:
    """A short, plausible CV: name, title, contact, experience, skills, education."""
    vocab = data.FAMILIES[family]
    title = rng.choice(vocab["titles"])
    sv = language == "sv"
    blocks = [
        Block(f"{person.first_name} {person.last_name}", "h1"),
        Block(title, "h2"),
        Block(" · ".join(filter(None, [person.email, person.phone, person.link]))),
        Block("Arbetslivserfarenhet" if sv else "Experience", "h2"),
    ]
    year = 2025 - rng.randint(0, 2)
    for _n in range(rng.randint(2, 3)):
        start = year - rng.randint(1, 5)
        employer = rng.choice(data.EMPLOYERS)
        role = rng.choice(vocab["titles"])
        blocks.append(Block(f"{start}–{year}  {role}, {employer}"))
        year = start
    skills = rng.sample(vocab["skills"], k=min(len(vocab["skills"]), rng.randint(4, 6)))
    blocks += [
        Block("Kompetenser" if sv else "Skills", "h2"),
        Block(", ".join(skills)),
        Block("Utbildning" if sv else "Education", "h2"),
        Block(rng.choice(vocab["education"])),
        Block("Språk" if sv else "Languages", "h2"),
        Block(_languages(person, sv)),
    ]
    return blocks


def _languages(person: Person, sv: bool) -> str:
    if sv:
        return "Svenska och engelska" if not person.international else "Engelska, svenska (B1)"
    return "Swedish and English" if not person.international else "English, Swedish (basic)"


def cv_pdf(blocks: list[Block], person: Person) -> tuple[bytes, str]:
    """The PDF and the text a parser would find in it."""
    text = "\n".join(block.text for block in blocks)
    return build_pdf(blocks, title=f"CV {person.first_name} {person.last_name}"), text


def about(rng: random.Random, language: str) -> str:
    return rng.choice(data.ABOUT_SV if language == "sv" else data.ABOUT_EN)
