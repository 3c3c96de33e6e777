import pytest

from rekryt.surveys import stats
from rekryt.surveys.tests.helpers import make_answer

pytestmark = pytest.mark.django_db


def test_it_computes_cnps_and_its_interval_on_known_data():
    # 6 promoters, 2 passives, 2 detractors: p = .6, d = .2
    assert stats.nps(6, 2, 10) == pytest.approx(40.0)
    # var = (.6 + .2 - .4²) / 10 = .064; 1.96 · √.064 · 100 = 49.58
    assert stats.nps_margin(6, 2, 10) == pytest.approx(49.5841, abs=1e-3)
    row = stats.Row("x", answers=10, promoters=6, detractors=2, sent=20)
    assert row.passives == 2
    assert row.low == pytest.approx(-9.584, abs=1e-3)
    assert row.high == pytest.approx(89.584, abs=1e-3)
    assert row.response_rate == pytest.approx(50.0)


def test_it_clamps_the_interval_to_the_scale():
    row = stats.Row("x", answers=5, promoters=5, detractors=0)
    assert row.cnps == 100
    assert row.margin == 0
    row = stats.Row("x", answers=6, promoters=5, detractors=1)
    assert row.high == 100.0


def test_it_aggregates_the_dashboard_in_the_database():
    for score in (10, 9, 9, 10, 9, 10, 8, 7, 3, 0):
        make_answer(score, step="interview")
    make_answer(0, step="interview", sent_only=True)
    board = stats.dashboard(None)
    assert board.overall.answers == 10
    assert board.overall.sent == 11
    assert board.overall.cnps == pytest.approx(40.0)
    (interview,) = board.by_step
    assert interview.benchmark == 76.6
    assert interview.shown


def test_it_hides_groups_with_fewer_than_five_answers():
    for score in (10, 9, 8, 2):
        make_answer(score, step="rejected", department="Sales")
    board = stats.dashboard(None)
    assert not board.overall.shown
    assert [r.shown for r in board.by_step] == [False]
    assert [r.shown for r in board.by_department] == [False]
