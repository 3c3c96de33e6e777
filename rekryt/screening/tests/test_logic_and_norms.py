"""The logic test's generated items and the simulated norm groups."""

from rekryt.screening import logic, norms, personality


def test_items_are_made_again_from_the_seed_and_differ_between_seeds():
    assert logic.items("abc") == logic.items("abc")
    assert [i.shown for i in logic.items("abc")] != [i.shown for i in logic.items("abd")]


def test_every_item_has_five_different_choices_one_of_them_right():
    for seed in ("a", "b", "c", "d"):
        for item in logic.items(seed):
            assert len(item.options) == logic.CHOICES == len(set(item.options))
            assert item.answer in item.options
            assert len(item.shown) == 5


def test_the_score_counts_right_answers_only():
    items = logic.items("seed")
    right = {str(i.index): i.answer for i in items[:7]}
    wrong = {str(i.index): next(o for o in i.options if o != i.answer) for i in items[7:]}
    assert logic.score("seed", {**right, **wrong}) == 7
    assert logic.score("seed", {}) == 0


def test_the_norm_group_is_2000_simulated_people_and_percentiles_rise():
    assert len(norms.logic_scores()) == norms.SIZE == 2000
    ranks = [norms.logic_percentile(n) for n in range(logic.COUNT + 1)]
    assert ranks == sorted(ranks) and ranks[0] == 1 and ranks[-1] == 99
    assert 40 <= norms.logic_percentile(8) <= 70  # the middle of the simulation


def test_the_questionnaire_is_the_50_ipip_items_ten_per_trait_about_half_reversed():
    assert len(personality.STATEMENTS) == 50
    for trait in personality.TRAITS:
        keyed = [s.keyed for s in personality.STATEMENTS if s.trait == trait]
        assert len(keyed) == 10
    assert 20 <= sum(1 for s in personality.STATEMENTS if s.keyed < 0) <= 30
    assert all(s.sv and s.en and s.sv != s.en for s in personality.STATEMENTS)


def test_reversed_items_are_scored_backwards():
    # "Am the life of the party" (+) fully agreed, "Don't talk a lot" (−) fully disagreed.
    raw = personality.raw_scores({"0": 5, "5": 1})
    assert raw["E"] == 5.0
    assert norms.trait_percentiles({"E": 3.0})["E"] in range(35, 66)
