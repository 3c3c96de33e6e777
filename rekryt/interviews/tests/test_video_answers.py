"""One-way video answers through the portal's endpoints: tries counted,
chunks appended in order (a wrong offset answered with what the server
has, so the browser resumes), the file identified by its content and
size-capped, written answers for those without a camera; staff watch them
when they may see the application (not under blind review); answering
them all opens the one-way review with its scorecard."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.interviews.models import Interview, PlanStep, VideoAnswer, VideoQuestion
from rekryt.interviews.tests.helpers import scorecard
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db
WEBM = b"\x1a\x45\xdf\xa3" + b"\x9f" * 2000


@pytest.fixture
def asked(job, application):
    step = PlanStep.objects.create(
        job=job, name_sv="Videosvar", name_en="Video answers", one_way=True
    )
    step.focus.set(scorecard(job)[:1])
    first = VideoQuestion.objects.create(
        job=job, order=1, text_sv="Varför vi?", text_en="Why us?", tries=2
    )
    second = VideoQuestion.objects.create(
        job=job, order=2, text_sv="Ett misstag?", text_en="A mistake?"
    )
    return application, first, second


def base(application, question):
    return f"/portal/video/{application.pk}/{question.pk}/"


def upload(client, application, question, data, size=700):
    started = client.post(base(application, question) + "start/").json()
    upload_id = started["upload"]
    offset = 0
    while offset < len(data):
        piece = data[offset : offset + size]
        response = client.post(
            base(application, question) + f"chunk/?offset={offset}",
            piece,
            content_type="application/octet-stream",
            HTTP_X_UPLOAD_ID=upload_id,
        )
        assert response.status_code == 200, response.content
        offset = response.json()["received"]
    return upload_id, client.post(
        base(application, question) + "finish/", HTTP_X_UPLOAD_ID=upload_id
    )


def test_a_recording_arrives_in_chunks_and_resumes(client, asked):
    application, first, _second = asked
    sign_in(client, application)
    page = client.get(f"/portal/video/{application.pk}/").content.decode()
    assert "Why us?" in page and "Answer in writing instead" in page
    started = client.post(base(application, first) + "start/").json()
    url = base(application, first) + "chunk/"
    head = {"content_type": "application/octet-stream", "HTTP_X_UPLOAD_ID": started["upload"]}
    assert client.post(url + "?offset=0", WEBM[:1000], **head).json() == {"received": 1000}
    # A chunk sent again after a dropped answer: told where to go on from.
    again = client.post(url + "?offset=0", WEBM[:1000], **head)
    assert again.status_code == 409 and again.json()["received"] == 1000
    assert client.post(url + "?offset=1000", WEBM[1000:], **head).status_code == 200
    done = client.post(base(application, first) + "finish/", HTTP_X_UPLOAD_ID=started["upload"])
    assert done.status_code == 200
    answer = VideoAnswer.objects.get(question=first)
    assert answer.completed_at and answer.content_type == "video/webm" and answer.size == len(WEBM)
    assert answer.file.read() == WEBM
    assert not answer.file.name.endswith(".webm") and "video/" in answer.file.name


def test_what_is_not_a_video_is_refused(client, asked):
    application, first, _second = asked
    sign_in(client, application)
    _id, response = upload(client, application, first, b"<html>not a video</html>" * 10)
    assert response.status_code == 415
    assert not VideoAnswer.objects.get(question=first).completed_at


def test_tries_are_limited_and_oversize_is_refused(client, asked, settings):
    application, first, _second = asked
    settings.VIDEO_ANSWER_MAX_BYTES = 1500
    sign_in(client, application)
    started = client.post(base(application, first) + "start/").json()
    big = client.post(
        base(application, first) + "chunk/?offset=0",
        WEBM,
        content_type="application/octet-stream",
        HTTP_X_UPLOAD_ID=started["upload"],
    )
    assert big.status_code == 413
    assert client.post(base(application, first) + "start/").status_code == 200
    assert client.post(base(application, first) + "start/").status_code == 403
    hostile = client.post(
        base(application, first) + "chunk/?offset=x",
        b"x",
        content_type="application/octet-stream",
        HTTP_X_UPLOAD_ID="not-a-uuid",
    )
    assert hostile.status_code in (409, 410)


def test_answering_everything_opens_the_one_way_review(client, asked, rita, hanna):
    application, first, second = asked
    sign_in(client, application)
    upload(client, application, first, WEBM)
    response = client.post(
        base(application, second) + "written/", {"text": "Jag räknade fel en gång."}
    )
    assert response.status_code == 302
    review = Interview.objects.get(application=application, step__one_way=True)
    assert set(review.interviewers.all()) == {rita, hanna}
    client.force_login(rita)
    kit = client.get(f"/staff/interviews/{review.pk}/").content.decode()
    recording = VideoAnswer.objects.get(question=first)
    assert f"/staff/video-answers/{recording.pk}/" in kit and "Jag räknade fel en gång." in kit
    played = client.get(f"/staff/video-answers/{recording.pk}/")
    assert played.status_code == 200 and played["Content-Type"] == "video/webm"
    assert b"".join(played.streaming_content) == WEBM


def test_outsiders_and_blind_review_do_not_play_it(client, asked, otto, rita):
    from rekryt.jobs.models import stages_for
    from rekryt.screening.actions import set_blind_review

    application, first, _second = asked
    sign_in(client, application)
    upload(client, application, first, WEBM)
    recording = VideoAnswer.objects.get(question=first)
    client.force_login(otto)
    assert client.get(f"/staff/video-answers/{recording.pk}/").status_code == 404
    set_blind_review(application.job, list(stages_for(application.job))[-1])
    client.force_login(rita)
    assert client.get(f"/staff/video-answers/{recording.pk}/").status_code == 404


def test_someone_else_cannot_answer(client, asked, job):
    from conftest import make_application

    application, first, _second = asked
    sign_in(client, make_application(job))
    assert client.post(base(application, first) + "start/").status_code == 404
    assert client.get(f"/portal/video/{application.pk}/").status_code == 404


def test_the_recording_is_in_the_export_and_goes_with_the_candidate(
    client, asked, django_capture_on_commit_callbacks
):
    import io
    import zipfile

    from rekryt.privacy.erasure import erase_candidate
    from rekryt.privacy.export import write_zip

    application, first, _second = asked
    sign_in(client, application)
    upload(client, application, first, WEBM)
    answer = VideoAnswer.objects.get(question=first)
    stored = answer.file.path
    target = io.BytesIO()
    write_zip(application.candidate, target)
    archive = zipfile.ZipFile(target)
    assert archive.read(f"video/{answer.pk}-answer.webm") == WEBM
    with django_capture_on_commit_callbacks(execute=True):
        erase_candidate(application.candidate, reason="test")
    assert not VideoAnswer.objects.exists()
    import os

    assert not os.path.exists(stored)


def test_an_abandoned_upload_is_purged_by_the_routine_lane(client, asked, settings, tmp_path):
    # A storage of its own: other tests' unfinished uploads are not counted.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    from django.core.files.storage import default_storage

    from rekryt.interviews.duties import PurgeAbandonedRecordings
    from rekryt.interviews.video import chunk_names, parts_folder

    application, first, _second = asked
    sign_in(client, application)
    started = client.post(base(application, first) + "start/").json()
    client.post(
        base(application, first) + "chunk/?offset=0",
        WEBM[:500],
        content_type="application/octet-stream",
        HTTP_X_UPLOAD_ID=started["upload"],
    )
    folder = parts_folder(VideoAnswer.objects.get(question=first))
    assert len(chunk_names(folder)) == 1
    assert default_storage.open(chunk_names(folder)[0]).read() == WEBM[:500]
    duty = PurgeAbandonedRecordings()
    assert duty.lane == "routine"
    assert duty.handle_one() == 0  # a fresh upload stays
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        duty.next_at = 0
        assert duty.handle_one() == 1 and chunk_names(folder) == []
        assert duty.handle_one() == 0  # not again within the hour
