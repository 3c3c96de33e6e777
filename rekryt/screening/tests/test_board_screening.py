"""The board and the job's list narrow to "requirements met" (or not) and
sort by score; a person confirms rejections of the flagged in bulk, through
the rejection-with-care pages. Constant queries as the job grows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_application
from rekryt.applications.models import Application, BulkRejection, Outcome
from rekryt.screening.models import Rule
from rekryt.screening.scoring import record_answers
from rekryt.screening.tests.helpers import ask, licence_job, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(job):
    return licence_job(job)


def screened(job, questions, name, licence="yes", years=None):
    application = make_application(job, first_name=name)
    values = {questions["licence"].pk: licence, questions["years"].pk: years}
    record_answers(application, list(questions.values()), values)
    return application


def names_on(html):
    return re.findall(r'class="board-card-name" href="[^"]+">([^<]+)<', html)


def test_the_board_shows_the_flag_and_the_score(client, rita, job, questions):
    screened(job, questions, "Flaggad", licence="no")
    screened(job, questions, "Erfaren", years="10")
    client.force_login(rita)
    html = client.get(f"/staff/jobs/{job.pk}/board/").content.decode()
    card = html[html.index(">Flaggad Testsson<") :]
    assert "Requirement not met" in card[: card.index("</li>")]
    card = html[html.index(">Erfaren Testsson<") :]
    assert "Score 5" in card[: card.index("</li>")]
    assert 'name="requirements"' in html and 'name="sort"' in html


def test_the_board_filters_by_requirements(client, rita, job, questions):
    screened(job, questions, "Flaggad", licence="no")
    screened(job, questions, "Godkand")
    client.force_login(rita)
    met = client.get(f"/staff/jobs/{job.pk}/board/?requirements=met").content.decode()
    missed = client.get(f"/staff/jobs/{job.pk}/board/?requirements=not_met").content.decode()
    assert names_on(met) == ["Godkand Testsson"]
    assert names_on(missed) == ["Flaggad Testsson"]
    assert f'data-count-for="{job.first_stage().pk}">1<' in missed


def test_the_board_sorts_by_score_highest_first(client, rita, job, questions):
    screened(job, questions, "Noll")
    screened(job, questions, "Fem", years="3")
    screened(job, questions, "Aven", years="2")
    client.force_login(rita)
    html = client.get(f"/staff/jobs/{job.pk}/board/?sort=score").content.decode()
    assert names_on(html)[0] == "Fem Testsson"
    newest = client.get(f"/staff/jobs/{job.pk}/board/").content.decode()
    assert names_on(newest)[0] == "Aven Testsson"


def test_malformed_choices_are_ignored(client, rita, job, questions):
    screened(job, questions, "Ett")
    client.force_login(rita)
    for query in (
        "requirements=%00",
        "sort[]=x",
        "requirements=met&requirements=x",
        "sort=" + "9" * 900,
    ):
        response = client.get(f"/staff/jobs/{job.pk}/board/?{query}")
        assert response.status_code == 200


def test_a_board_without_questions_has_no_screening_controls(client, rita, other_job):
    client.force_login(rita)
    html = client.get(f"/staff/jobs/{other_job.pk}/board/").content.decode()
    assert 'name="requirements"' not in html and 'value="score"' not in html


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_sorted_filtered_board_and_list_cost_the_same_queries_as_they_grow(
    client, rita, job, questions
):
    for n in range(3):
        screened(job, questions, f"A{n}", licence="no" if n % 2 else "yes", years=str(n))
    client.force_login(rita)
    paths = [
        f"/staff/jobs/{job.pk}/board/?sort=score&requirements=met",
        f"/staff/jobs/{job.pk}/screening/applications/?sort=score&requirements=not_met",
    ]
    for path in paths:
        client.get(path)
    few = [queries_for(client, path) for path in paths]
    for n in range(30):
        screened(job, questions, f"B{n}", licence="no" if n % 2 else "yes", years=str(n))
    assert [queries_for(client, path) for path in paths] == few


def test_the_list_filters_and_sorts(client, rita, job, questions):
    screened(job, questions, "Lag", years="1")
    screened(job, questions, "Hog", years="9")
    screened(job, questions, "Miss", licence="no", years="9")
    client.force_login(rita)
    html = client.get(
        f"/staff/jobs/{job.pk}/screening/applications/?requirements=met&sort=score"
    ).content.decode()
    assert "Hog Testsson" in html and "Lag Testsson" in html and "Miss Testsson" not in html
    assert html.index("Hog Testsson") < html.index("Lag Testsson")


def test_flagged_applications_are_rejected_only_when_a_person_confirms(
    client, rita, job, questions
):
    flagged = [screened(job, questions, f"Miss{n}", licence="no") for n in range(3)]
    client.force_login(rita)
    html = client.get(
        f"/staff/jobs/{job.pk}/screening/applications/?requirements=not_met"
    ).content.decode()
    assert html.count('name="applications"') == 3
    assert "Nothing has been decided" in html
    ids = [str(a.pk) for a in flagged]
    # The list's form goes to the board's bulk rejection: form, preview, confirm.
    page = client.post(f"/staff/jobs/{job.pk}/board/reject/", {"applications": ids})
    assert page.status_code == 200
    assert Application.objects.filter(outcome=Outcome.ACTIVE).count() == 3
    assert not BulkRejection.objects.exists()


def test_an_interviewer_sees_the_list_without_the_rejection_form(client, hanna, job, questions):
    screened(job, questions, "Miss", licence="no")
    hanna.role = "interviewer"
    hanna.save()
    client.force_login(hanna)
    html = client.get(f"/staff/jobs/{job.pk}/screening/applications/").content.decode()
    assert "Miss Testsson" in html and 'name="applications"' not in html


def test_outsiders_get_404_for_the_list(client, otto, job, questions):
    client.force_login(otto)
    assert client.get(f"/staff/jobs/{job.pk}/screening/applications/").status_code == 404


def test_a_merit_only_job_offers_the_sort_but_not_the_filter(client, rita, other_job):
    ask(
        other_job,
        make_question("yes_no", "Truckkort?", "Forklift licence?"),
        rule=Rule.MERIT,
        points={"yes": 1},
    )
    client.force_login(rita)
    html = client.get(f"/staff/jobs/{other_job.pk}/board/").content.decode()
    assert '<option value="score"' in html and 'name="requirements"' not in html


def test_one_form_holds_the_boards_filters_and_screenings_choices(client, rita, job, questions):
    screened(job, questions, "Ett")
    client.force_login(rita)
    html = client.get(
        f"/staff/jobs/{job.pk}/board/?source=linkedin&days=3&requirements=met&sort=score"
    ).content.decode()
    # One sort list on the page: the board's sorts and the score order together.
    assert html.count('name="sort"') == 1 and html.count('name="requirements"') == 1
    form = html[html.index('class="board-filters') :]
    form = form[: form.index("</form>")]
    assert '<option value="met" selected>' in form
    assert '<option value="score" selected>' in form
    assert 'value="days" selected' not in form
    assert 'name="days" min="0" max="3650" inputmode="numeric" value="3"' in form
    # Nothing is carried twice as a hidden copy of a visible field.
    assert 'type="hidden" name="sort"' not in form
    assert 'type="hidden" name="requirements"' not in form


def test_the_boards_own_sort_stays_chosen_on_a_screened_board(client, rita, job, questions):
    screened(job, questions, "Ett")
    client.force_login(rita)
    html = client.get(f"/staff/jobs/{job.pk}/board/?sort=days").content.decode()
    form = html[html.index('class="board-filters') :]
    assert 'value="days" selected' in form and '<option value="score" selected>' not in form


def walk(client, first_pk, suffix):
    """Names met following "Next" from the application `first_pk`."""
    names, pk = [], first_pk
    while pk:
        html = client.get(f"/staff/applications/{pk}/{suffix}").content.decode()
        names.append(re.search(r"<h1[^>]*>\s*([^<]+?)\s*<", html).group(1))
        found = re.search(r'rel="next"[^>]*href="/staff/applications/(\d+)/([^"]*)"', html)
        assert found is None or found.group(2) == suffix.replace("&", "&amp;")
        pk = int(found.group(1)) if found else None
    return names


@pytest.mark.parametrize("suffix", ["?sort=score", "?requirements=met&sort=score"])
def test_previous_and_next_walk_the_screened_board_in_its_order(
    client, rita, job, questions, suffix
):
    screened(job, questions, "Noll")
    screened(job, questions, "Flaggad", licence="no", years="4")
    first = screened(job, questions, "Fem", years="3")
    screened(job, questions, "Lika", years="3")
    screened(job, questions, "Aven", years="2")
    make_application(job, first_name="Obesvarad")  # no answers: no score, last
    client.force_login(rita)
    board = names_on(client.get(f"/staff/jobs/{job.pk}/board/{suffix}").content.decode())
    assert ("Flaggad Testsson" in board) == ("requirements" not in suffix)
    start = Application.objects.get(first_name=board[0].split()[0])
    assert walk(client, start.pk, suffix) == board
    # Unscored last; those with no answers are not "requirements met" at all.
    last = "Noll Testsson" if "requirements" in suffix else "Obesvarad Testsson"
    assert board[-1] == last and first.first_name in board[0] + board[1]
