"""The organisation settings form, and the logo upload in particular."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekryt.accounts.models import Organisation

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x1f\x5f\x8b")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def data(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Exempelbolaget AB",
        "brand_colour": "#1f5f8b",
        "privacy_contact": "dataskydd@example.com",
        "default_language": "sv",
        "website": "https://example.com",
        "country": "se",
        "reply_to_email": "jobb@example.com",
        "stage_email_delay_minutes": "5",
    }
    values.update(overrides)
    return values


@pytest.fixture
def admin_client(client: Any, alice: Any, org: Any) -> Any:
    client.force_login(alice)
    return client


def post(client: Any, **overrides: Any) -> Any:
    return client.post(reverse("settings_organisation"), data(**overrides))


def test_it_saves_the_settings(admin_client: Any) -> None:
    response = post(admin_client, name="Nya Bolaget AB", default_language="en")

    assert response.status_code == 302
    org = Organisation.get()
    assert org.name == "Nya Bolaget AB"
    assert org.default_language == "en"
    assert org.country == "SE"
    assert org.reply_to_email == "jobb@example.com"


def test_it_shows_the_saved_name_in_the_header_at_once(admin_client: Any) -> None:
    post(admin_client, name="Nya Bolaget AB")

    assert "Nya Bolaget AB" in admin_client.get(reverse("dashboard")).content.decode()


def test_it_accepts_a_png_logo_and_serves_it(admin_client: Any) -> None:
    upload = SimpleUploadedFile("../../evil name.PNG", png_bytes(), content_type="image/png")

    response = post(admin_client, logo=upload)

    assert response.status_code == 302
    org = Organisation.get()
    assert Path(org.logo.name).name.startswith("logo")
    assert org.logo.name.endswith(".png")
    served = admin_client.get(reverse("organisation_logo"))
    assert served["Content-Type"] == "image/png"


def test_it_accepts_a_jpeg_logo(admin_client: Any) -> None:
    post(admin_client, logo=SimpleUploadedFile("logo.jpeg", JPEG, content_type="image/jpeg"))

    assert Organisation.get().logo.name.endswith(".jpg")


def test_it_refuses_html_named_png_and_keeps_the_other_fields(admin_client: Any) -> None:
    upload = SimpleUploadedFile(
        "logo.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )

    response = post(admin_client, name="Typed Name AB", logo=upload)

    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == ["The logo must be a PNG or JPEG image."]
    html = response.content.decode()
    assert 'value="Typed Name AB"' in html
    assert 'aria-describedby="id_logo_helptext id_logo_error"' in html
    assert not Organisation.get().logo


def test_it_refuses_a_logo_over_two_megabytes(admin_client: Any) -> None:
    big = png_bytes() + b"\x00" * (2 * 1024 * 1024)

    response = post(admin_client, logo=SimpleUploadedFile("logo.png", big))

    assert "larger than 2 MB" in response.context["form"].errors["logo"][0]
    assert not Organisation.get().logo


def test_it_refuses_a_logo_the_upload_handler_dropped(admin_client: Any, settings: Any) -> None:
    settings.UPLOAD_MAX_BYTES = 1024

    response = post(admin_client, logo=SimpleUploadedFile("logo.png", png_bytes() * 100))

    assert "larger than 2 MB" in response.context["form"].errors["logo"][0]


def test_it_replaces_the_old_logo_file(admin_client: Any) -> None:
    post(admin_client, logo=SimpleUploadedFile("a.png", png_bytes()))
    old = Organisation.get().logo
    old_path = Path(old.path)

    post(admin_client, logo=SimpleUploadedFile("b.jpg", JPEG))

    assert Organisation.get().logo.name.endswith(".jpg")
    assert not old_path.exists()


def test_it_keeps_the_logo_when_no_file_is_chosen(admin_client: Any) -> None:
    post(admin_client, logo=SimpleUploadedFile("a.png", png_bytes()))
    name = Organisation.get().logo.name

    post(admin_client, name="Other AB")

    assert Organisation.get().logo.name == name


def test_it_clears_the_logo(admin_client: Any) -> None:
    post(admin_client, logo=SimpleUploadedFile("a.png", png_bytes()))
    path = Path(Organisation.get().logo.path)

    post(admin_client, **{"logo-clear": "on"})

    assert not Organisation.get().logo
    assert not path.exists()


@pytest.mark.parametrize("colour", ["#ffff00", "#f6f7f9", "blue", "#12345"])
def test_it_refuses_a_brand_colour_white_text_cannot_sit_on(admin_client: Any, colour: str) -> None:
    response = post(admin_client, brand_colour=colour)

    assert "brand_colour" in response.context["form"].errors


def test_it_stores_the_colour_in_lower_case(admin_client: Any) -> None:
    post(admin_client, brand_colour="#0B3D91")

    assert Organisation.get().brand_colour == "#0b3d91"
    css = admin_client.get(reverse("brand_css")).content.decode()
    assert "#0b3d91" in css


@pytest.mark.parametrize("country", ["S", "S1", "Sweden"])
def test_it_refuses_a_malformed_country(admin_client: Any, country: str) -> None:
    response = post(admin_client, country=country)

    assert "country" in response.context["form"].errors


def test_it_makes_the_file_field_accept_images_only(admin_client: Any) -> None:
    html = admin_client.get(reverse("settings_organisation")).content.decode()

    assert 'accept="image/png,image/jpeg"' in html
    assert 'enctype="multipart/form-data"' in html


@pytest.mark.parametrize(("typed", "saved"), [("1", 1), ("15", 15), ("1440", 1440)])
def test_it_saves_the_stage_email_delay_within_its_bounds(
    admin_client: Any, typed: str, saved: int
) -> None:
    response = post(admin_client, stage_email_delay_minutes=typed)

    assert response.status_code == 302
    assert Organisation.get().stage_email_delay_minutes == saved


@pytest.mark.parametrize("typed", ["0", "1441", "-5", "soon", ""])
def test_it_refuses_a_stage_email_delay_out_of_bounds_and_keeps_the_input(
    admin_client: Any, typed: str
) -> None:
    response = post(admin_client, stage_email_delay_minutes=typed, name="Nytt Namn AB")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_stage_email_delay_minutes_error"' in page
    assert 'value="Nytt Namn AB"' in page
    assert Organisation.get().stage_email_delay_minutes == 5
