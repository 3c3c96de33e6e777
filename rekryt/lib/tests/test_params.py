"""Integers and return paths from request data: malformed values give the
default, out-of-range ones are clamped, and only local paths are followed."""

import pytest
from django.test import RequestFactory

from rekryt.lib.params import DB_INT_MAX, bounded_int, id_or_none, ids, local_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7", 7),
        (" 7 ", 7),
        ("+7", 7),
        ("0", 0),
        ("-3", 0),
        (str(DB_INT_MAX), DB_INT_MAX),
        (str(DB_INT_MAX + 1), DB_INT_MAX),
        ("99999999999999999999", DB_INT_MAX),
        ("9" * 5000, DB_INT_MAX),
        ("-" + "9" * 5000, 0),
        ("1e9", 5),
        ("²", 5),
        ("٣", 5),
        ("7.0", 5),
        ("", 5),
        (None, 5),
        ("\x00", 5),
        ("-", 5),
    ],
)
def test_bounded_int(raw, expected):
    assert bounded_int(raw, default=5) == expected


def test_bounded_int_keeps_to_a_given_range():
    assert bounded_int("11", default=-1, minimum=-1, maximum=10) == 10
    assert bounded_int("-9", default=0, minimum=-1, maximum=10) == -1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", 1), (str(DB_INT_MAX), DB_INT_MAX), (str(DB_INT_MAX + 1), None), ("0", None),
     ("-1", None), ("²", None), ("99999999999999999999", None), ("abc", None)],
)  # fmt: skip
def test_id_or_none(raw, expected):
    assert id_or_none(raw) == expected


def test_ids_keeps_valid_ones_up_to_the_limit():
    assert ids(["3", "²", "x", "4", "99999999999999999999", "5"], limit=2) == [3, 4]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/staff/", "/staff/"),
        ("/staff/?page=2", "/staff/?page=2"),
        ("staff", "/fallback/"),
        ("99999", "/fallback/"),
        ("//evil.example/", "/fallback/"),
        ("https://evil.example/", "/fallback/"),
        ("/\\evil.example", "/fallback/"),
        ("", "/fallback/"),
        (None, "/fallback/"),
    ],
)
def test_local_url(target, expected):
    request = RequestFactory().get("/")
    assert local_url(request, target, "/fallback/") == expected
