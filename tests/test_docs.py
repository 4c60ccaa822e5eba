"""What README.md and docs/method.md promise, recomputed from the real content (they must not drift)."""

from pathlib import Path

from assessment import load_questionnaire, score_answers
from assessment.pace import pace
from assessment.questionnaire import complete_answers

ROOT = Path(__file__).resolve().parents[1]
Q = load_questionnaire("en")


def test_readme__question_count_and_time__are_the_questionnaires():
    whole = pace(Q, {})
    # 47 answers, 6 steps, 47 x 12 s = 9.4 -> about 10 minutes
    line = f"{whole.total} questions in {len(Q.steps)} short steps (about {whole.minutes_left} minutes"
    assert line in (ROOT / "README.md").read_text(encoding="utf-8").replace("\n  ", " ")


def worked_example_answers(**changes) -> dict[str, str]:
    """The person of docs/method.md, "A worked example"."""
    answers = complete_answers(Q)  # the middle answer everywhere (deep_spread: "two or three parts")
    grid = {"own_field": ("21_50", "2_3"), "other_fields": ("6_20", "one"), "senior": ("1_5", "one"),
            "peers": ("21_50", "4_9"), "junior": ("6_20", "none"), "outside_org": ("6_20", "one")}
    for segment, (known, favour) in grid.items():
        answers[f"grid.{segment}.known"], answers[f"grid.{segment}.favour"] = known, favour
    answers.update(reach_size="100_300", new_people="often", favour_call="agree", introduce="rarely",
                   missed_match="not_happened")
    answers.update(changes)
    return answers


def test_worked_example__docs_method__dimensions_width_depth_profile_as_written():
    # worked by hand in docs/method.md
    result = score_answers(Q, worked_example_answers())
    assert {d.id: d.score for d in result.dimensions} == {
        "reach": 70.6, "openness": 50.0, "span": 50.0, "curiosity": 50.0,
        "trust": 55.2, "nurture": 50.0, "giving": 50.0, "connecting": 37.5,
    }
    assert (result.width, result.depth, result.profile.id) == (54.1, 49.0, "starting")
    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    assert "= 270.6 / 5 = **54.1**" in text and "= 220.3 / 4.5 = **49.0**" in text


def test_worked_example__did_not_notice_instead__connecting_counts_the_zero():
    # (0.25 + 0.5 + 0) / 3 = 0.25 -> 25.0, as the example's aside says
    result = score_answers(Q, worked_example_answers(missed_match="did_not_notice"))
    assert next(d.score for d in result.dimensions if d.id == "connecting") == 25.0
