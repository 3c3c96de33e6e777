"""Browsers ask every site for /favicon.ico: it is there, and every page
links it (and a sharper SVG) instead of earning a 404 per page view."""

from __future__ import annotations

from django.urls import reverse


def test_favicon_ico_is_served_as_an_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")


def test_the_svg_icon_is_served(client, db):
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)


def test_career_and_staff_pages_link_both_icons(client, alice, org):
    pages = [reverse("career_list")]
    client.force_login(alice)
    pages.append(reverse("dashboard"))
    for url in pages:
        body = client.get(url).content.decode()
        assert '<link rel="icon" href="/favicon.ico"' in body, url
        assert 'href="/static/favicon.svg" type="image/svg+xml"' in body, url
