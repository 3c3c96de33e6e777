"""Everything the new hire gave is in their export (with the files in the
ZIP) and goes with them when they are erased."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rekryt.lib.pdfgen import text_pdf
from rekryt.onboarding.actions import invite, save_details, save_pay_details
from rekryt.onboarding.models import Confirmation, Onboarding, Task, Upload
from rekryt.onboarding.tests.helpers import hire, policy
from rekryt.portal.tests.conftest import sign_in
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import export_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(client, job, rita):
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    invite(onboarding, rita)
    save_details(onboarding, {"preferred_name": "Kim", "dietary": "Vegan"})
    save_pay_details(onboarding, {"account": "123456789", "clearing": "6123"}, {})
    Confirmation.objects.create(onboarding=onboarding, material=policy())
    sign_in(client, onboarding.application)
    pdf = SimpleUploadedFile("id.pdf", text_pdf("Pass"), "application/pdf")
    client.post(f"/portal/onboarding/{onboarding.pk}/files/", {"kind": "id", "file": pdf})
    assert Upload.objects.count() == 1
    return onboarding


def test_the_export_holds_the_onboarding_and_its_files(filled):
    response = export_response(filled.application.candidate)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    [mine] = data["onboarding"]
    assert mine["preferred_name"] == "Kim" and mine["dietary"] == "Vegan"
    assert mine["bank_details"] == {"account": "123456789", "clearing": "6123"}
    assert mine["confirmed"][0]["document"]
    assert mine["files"][0]["file"] in archive.namelist()
    assert len(mine["checklist"]) == Task.objects.count()


def test_erasure_removes_the_onboarding_and_its_files(
    filled, alice, django_capture_on_commit_callbacks
):
    upload = Upload.objects.get()
    storage, name = upload.file.storage, upload.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        erase_candidate(filled.application.candidate, reason="request", actor=alice)
    assert not Onboarding.objects.exists() and not Task.objects.exists()
    assert not Upload.objects.exists() and not Confirmation.objects.exists()
    assert not storage.exists(name)
