import pytest

from reunion_core.errors import ValidationError
from reunion_core.stages import disagreement, disagrees, reactance_stage, stage_from_signs


@pytest.mark.parametrize(
    ("openness", "stage"),
    [
        (0, "wall"), (19, "wall"),
        (20, "test_drive"), (39, "test_drive"),
        (40, "dragon"), (49, "dragon"), (50, "dragon"), (51, "dragon"), (60, "dragon"),
        (61, "crisis"), (80, "crisis"),
        (81, "new_beginnings"), (100, "new_beginnings"),
    ],
)
def test_openness_band_edges(openness, stage):
    assert reactance_stage(openness).key == stage


def test_score_50_is_riding_the_dragon():
    assert reactance_stage(50).name == "Riding the Dragon"


@pytest.mark.parametrize("bad", [-1, 101, 1000, -0.5, "50", None, True])
def test_openness_outside_0_to_100_is_refused(bad):
    with pytest.raises(ValidationError):
        reactance_stage(bad)


def test_no_signs_means_no_evidence():
    assert stage_from_signs([]) is None


def test_one_word_replies_point_to_test_drive():
    assert stage_from_signs(["one_word"]).key == "test_drive"


def test_mixed_evidence_takes_the_median_stage():
    assert stage_from_signs(["no_reply", "hot_cold", "openly_warm"]).key == "dragon"


def test_a_tie_takes_the_more_cautious_stage():
    assert stage_from_signs(["no_reply", "openly_warm"]).key == "wall"


def test_unknown_sign_is_refused():
    with pytest.raises(ValidationError, match="Unknown sign"):
        stage_from_signs(["waved"])


def test_gut_two_stages_ahead_of_evidence_disagrees():
    gut, evidence = reactance_stage(70), stage_from_signs(["one_word"])
    assert disagreement(gut, evidence) == 2
    assert disagrees(gut, evidence)


def test_neighbouring_stages_do_not_count_as_disagreement():
    assert not disagrees(reactance_stage(50), stage_from_signs(["one_word"]))
    assert not disagrees(reactance_stage(50), None)
