"""The search language: words, "phrases", prefix* on request, AND/OR/NOT
(OCH/ELLER/INTE in Swedish, upper case only, so the word "och" is still a
word) and parentheses. Adjacent parts mean AND. Anything else the user types
(quotes left open, stray symbols, SQL) is read as words or dropped: the
parser never fails, and only words made of \\w characters reach the database.

Words are stemmed in Swedish and English with Snowball (`stems`), at index
and query time on SQLite; PostgreSQL stems with its own `swedish` and
`english` configurations (the same Snowball algorithms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_PARTS = 12
MAX_DEPTH = 4
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[\w*]+', re.UNICODE)
WORDS = _WORD = re.compile(r"\w+", re.UNICODE)
OPERATORS = {"AND": "and", "OCH": "and", "OR": "or", "ELLER": "or", "NOT": "not", "INTE": "not"}
_SV = snowballstemmer.stemmer("swedish")
_EN = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, str]:
    """The Swedish and the English stem of one lower-case word (a number is
    its own stem in both)."""
    if word.isdigit():
        return word, word
    return _SV.stemWord(word), _EN.stemWord(word)


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    part: Node


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    parts: tuple[Node, ...]


Node = Term | Phrase | Not | All | Any_


def parse(text: str) -> Node | None:
    """The query as a tree, or None when it has no word to look for."""
    tokens = _TOKEN.findall(text)[: MAX_PARTS * 4]
    node, _rest = _or(tokens, 0, 0)
    return _positive(node)


def _or(tokens: list[str], at: int, depth: int) -> tuple[Node | None, int]:
    parts: list[Node] = []
    node, at = _and(tokens, at, depth)
    if node is not None:
        parts.append(node)
    while at < len(tokens) and OPERATORS.get(tokens[at]) == "or":
        node, at = _and(tokens, at + 1, depth)
        if node is not None:
            parts.append(node)
    return _join(Any_, parts), at


def _and(tokens: list[str], at: int, depth: int) -> tuple[Node | None, int]:
    parts: list[Node] = []
    negate = False
    while at < len(tokens) and tokens[at] != ")" and OPERATORS.get(tokens[at]) != "or":
        part = tokens[at]
        at += 1
        op = OPERATORS.get(part)
        if op == "not":
            negate = True
            continue
        if op == "and":
            continue
        node: Node | None
        if part == "(":
            node, at = _or(tokens, at, depth + 1) if depth < MAX_DEPTH else (None, at)
            at += 1 if at < len(tokens) and tokens[at] == ")" else 0
        else:
            node = _leaf(part)
        if node is not None and len(parts) < MAX_PARTS:
            parts.append(Not(node) if negate else node)
        negate = False
    return _join(All, parts), at


def _leaf(token: str) -> Node | None:
    if token.startswith('"'):
        quoted = tuple(w.lower() for w in _WORD.findall(token))[:MAX_PARTS]
        if len(quoted) > 1:
            return Phrase(quoted)
        return Term(quoted[0]) if quoted else None
    words = [w.lower() for w in _WORD.findall(token)]
    if not words:
        return None
    # "C#"-like or "a*b" tokens: every word, the last one a prefix if a * ended it.
    prefix = token.endswith("*")
    nodes: list[Node] = [Term(w) for w in words[:-1]]
    nodes.append(Term(words[-1], prefix))
    return _join(All, nodes)


def _join(kind: type[All] | type[Any_], parts: list[Node]) -> Node | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else kind(tuple(parts))


def _positive(node: Node | None) -> Node | None:
    """Drop what cannot be searched: a NOT with nothing to subtract from
    ("NOT java" alone), and a NOT as an alternative ("a OR NOT b")."""
    if node is None or isinstance(node, Not):
        return None
    if isinstance(node, Any_):
        kept = [p for p in (_positive(p) for p in node.parts) if p is not None]
        return _join(Any_, kept)
    if isinstance(node, All):
        positive: list[Node] = [
            p for p in (_positive(p) for p in node.parts if not isinstance(p, Not)) if p
        ]
        negative = [p for p in node.parts if isinstance(p, Not)]
        if not positive:
            return None
        positive += [Not(q) for q in (_positive(n.part) for n in negative) if q is not None]
        return _join(All, positive)
    return node


def positive_words(node: Node | None) -> list[Term]:
    """The words a match may contain (for snippets and match reasons)."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Phrase):
        return [Term(w) for w in node.words]
    return [t for part in node.parts for t in positive_words(part)]


# --- SQLite FTS5 -------------------------------------------------------------


def job_token(job_id: int) -> str:
    """A word in the index naming the application's job, so a search by
    someone who sees a few jobs narrows inside FTS5 (the exact scope is
    still applied: this only makes it fast)."""
    return f"zzjob{job_id}zz"


def stemmed_text(text: str, job_id: int | None = None) -> str:
    """What the FTS5 index holds for a text: its words stemmed in Swedish,
    then the same words stemmed in English, so a phrase stays a phrase in
    each half and either language's stem finds the word; then the job token."""
    words = [w.lower() for w in _WORD.findall(text)]
    pairs = [stems(w) for w in words]
    tail = [job_token(job_id)] if job_id else []
    return " ".join([sv for sv, _en in pairs] + [en for _sv, en in pairs] + tail)


def fts5(node: Node) -> str:
    """The tree as an FTS5 query string (every word quoted)."""
    if isinstance(node, Term):
        if node.prefix:
            return f'"{node.word}"*'
        sv, en = stems(node.word)
        return f'"{sv}"' if sv == en else f'("{sv}" OR "{en}")'
    if isinstance(node, Phrase):
        pairs = [stems(w) for w in node.words]
        sv = " ".join(s for s, _e in pairs)
        en = " ".join(e for _s, e in pairs)
        return f'"{sv}"' if sv == en else f'("{sv}" OR "{en}")'
    if isinstance(node, Any_):
        return "(" + " OR ".join(fts5(p) for p in node.parts) + ")"
    if isinstance(node, All):
        positive = [fts5(p) for p in node.parts if not isinstance(p, Not)]
        negative = [fts5(p.part) for p in node.parts if isinstance(p, Not)]
        text = "(" + " AND ".join(positive) + ")"
        for part in negative:
            text = f"({text} NOT {part})"
        return text
    raise ValueError("NOT must be inside an AND")


# --- PostgreSQL --------------------------------------------------------------


def within_jobs(sql: str, params: list[str], jobs: list[int]) -> tuple[str, list[str]]:
    """A tsquery narrowed to the applications of `jobs` by their job words
    (none: to no application)."""
    tokens = [job_token(j) for j in jobs] or [job_token(0)]
    ors = " || ".join(["to_tsquery('simple', %s)"] * len(tokens))
    return f"({sql} && ({ors}))", [*params, *tokens]


def tsquery(node: Node) -> tuple[str, list[str]]:
    """The tree as a tsquery SQL expression with bound parameters, each word
    stemmed by the `swedish` and the `english` configuration."""
    if isinstance(node, Term):
        if node.prefix:
            sql = "(to_tsquery('swedish', %s) || to_tsquery('english', %s))"
            return sql, [f"{node.word}:*", f"{node.word}:*"]
        sql = "(plainto_tsquery('swedish', %s) || plainto_tsquery('english', %s))"
        return sql, [node.word, node.word]
    if isinstance(node, Phrase):
        text = " ".join(node.words)
        sql = "(phraseto_tsquery('swedish', %s) || phraseto_tsquery('english', %s))"
        return sql, [text, text]
    if isinstance(node, Not):
        sql, params = tsquery(node.part)
        return f"(!! {sql})", params
    joiner = " || " if isinstance(node, Any_) else " && "
    parts = [tsquery(p) for p in node.parts]
    return "(" + joiner.join(s for s, _p in parts) + ")", [v for _s, p in parts for v in p]
