"""Admins edit email templates, see placeholder errors beside the field and a
preview rendered with sample values, without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.messaging.models import PLACEHOLDERS, EmailTemplate, TemplateKind
from rekryt.messaging.sandbox import SANDBOX_CSP

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(org):
    return EmailTemplate.objects.get(kind=TemplateKind.APPLICATION_RECEIVED, language="sv")


def edit_url(template):
    return reverse("template_edit", args=[template.pk])


def form_data(template, **changes):
    data = {"subject": template.subject, "body_text": template.body_text, "body_html": ""}
    data.update(changes)
    return data


def test_it_lists_every_template(client, alice, django_assert_num_queries):
    client.force_login(alice)
    client.get(reverse("template_list"))

    with django_assert_num_queries(3):
        response = client.get(reverse("template_list"))

    assert response.status_code == 200
    page = response.content.decode()
    for template in EmailTemplate.objects.all():
        assert reverse("template_edit", args=[template.pk]) in page


def test_it_saves_a_valid_template_used_by_the_next_email(client, alice, template, job):
    client.force_login(alice)

    response = client.post(
        edit_url(template),
        form_data(template, subject="Tack, {candidate_first_name}!", save="1"),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("template_list")
    template.refresh_from_db()
    assert template.subject == "Tack, {candidate_first_name}!"
    job.language = "sv"
    job.save()
    message = make_application(job, first_name="Märta").messages.get()
    assert message.subject == "Tack, Märta!"


def test_it_shows_an_unknown_placeholder_beside_its_field(client, alice, template):
    client.force_login(alice)
    before = template.body_text

    response = client.post(
        edit_url(template), form_data(template, body_text="Hej {first_nmae}!", save="1")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Unknown placeholder {first_nmae}." in page
    assert 'id="id_body_text_error"' in page
    assert 'aria-describedby="id_body_text_helptext id_body_text_error"' in page
    assert 'aria-invalid="true"' in page
    assert response.context["rendered"] is None
    template.refresh_from_db()
    assert template.body_text == before


def test_it_refuses_unbalanced_braces_in_the_html(client, alice, template):
    client.force_login(alice)

    response = client.post(
        edit_url(template), form_data(template, body_html="<p>{job_title</p>", save="1")
    )

    assert response.status_code == 200
    assert "Braces do not match" in response.content.decode()
    assert "body_html" in response.context["form"].errors


def test_it_lists_the_placeholders_with_descriptions(client, alice, template):
    client.force_login(alice)

    page = client.get(edit_url(template)).content.decode()

    for name in PLACEHOLDERS:
        assert "{" + name + "}" in page
    assert "the candidate&#x27;s first name" in page


def test_it_previews_the_saved_template_with_sample_values(client, alice, template):
    client.force_login(alice)

    response = client.get(edit_url(template))

    rendered = response.context["rendered"]
    assert rendered.subject == "Tack för din ansökan till Backend-utvecklare"
    assert rendered.text.startswith("Hej Anna!")
    assert reverse("template_preview_html", args=[template.pk]) in response.content.decode()


def test_it_previews_unsaved_edits_without_saving_them(client, alice, template):
    client.force_login(alice)
    before = template.subject

    response = client.post(
        edit_url(template),
        form_data(
            template,
            subject="Hej {candidate_name}",
            body_html="<p>Välkommen till {company}</p>",
            preview="1",
        ),
    )

    assert response.status_code == 200
    assert response.context["rendered"].subject == "Hej Anna Lindqvist"
    assert 'value="Hej {candidate_name}"' in response.content.decode()
    template.refresh_from_db()
    assert template.subject == before
    frame = client.get(reverse("template_preview_html", args=[template.pk]))
    assert "<p>Välkommen till Exempelbolaget AB</p>" in frame.content.decode()
    assert frame["Content-Security-Policy"] == SANDBOX_CSP
    assert frame["X-Frame-Options"] == "SAMEORIGIN"


def test_it_forgets_unsaved_edits_when_the_page_is_opened_again(client, alice, template):
    client.force_login(alice)
    client.post(edit_url(template), form_data(template, body_html="<p>Utkast</p>", preview="1"))

    client.get(edit_url(template))

    frame = client.get(reverse("template_preview_html", args=[template.pk]))
    assert "Utkast" not in frame.content.decode()
    assert "Hej Anna!" in frame.content.decode()


def test_it_escapes_sample_values_in_the_html_preview(client, alice, template, org):
    org.name = "<b>Bolaget</b>"
    org.save()
    client.force_login(alice)

    frame = client.get(reverse("template_preview_html", args=[template.pk]))

    assert "&lt;b&gt;Bolaget&lt;/b&gt;" in frame.content.decode()


@pytest.mark.parametrize("persona", ["rita", "hanna", "otto", "ivan"])
@pytest.mark.parametrize("name", ["template_list", "template_edit", "template_preview_html"])
def test_it_is_a_404_for_everyone_but_admins(client, template, persona, name, request):
    client.force_login(request.getfixturevalue(persona))
    args = [] if name == "template_list" else [template.pk]

    assert client.get(reverse(name, args=args)).status_code == 404


def test_it_does_not_let_a_non_admin_save(client, rita, template):
    client.force_login(rita)

    response = client.post(edit_url(template), form_data(template, subject="Hacked", save="1"))

    assert response.status_code == 404
    template.refresh_from_db()
    assert template.subject != "Hacked"


@pytest.mark.parametrize("name", ["template_list", "template_edit", "template_preview_html"])
def test_it_sends_anonymous_users_to_the_login_page(client, template, name):
    args = [] if name == "template_list" else [template.pk]

    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
