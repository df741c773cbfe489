"""The recommendation engine as tables: a primary structure and its components, from realistic answers.

Pure functions, no database. The audits over every combination of answers are in
test_recommendation_audit.py.
"""

import json

import pytest

from initiatives.recommendation import (
    InvalidAnswers,
    answer_problems,
    parse_answers_json,
    recommend,
    validate_answers,
)
from tests.factories import BOARD, DATA, LEAD, LIGHT, SHARED

SEPARATE_EVERYTHING = {
    "single_owner": "partly",
    "decisions": "separate",
    "budget": "separate",
    "data": "none",
    "operations": "none",
    "crisis": False,
    "bodies": 3,
}


def answers(**changes):
    return {**SEPARATE_EVERYTHING, **changes}


def structure(result: dict) -> tuple[str, list[str]]:
    return result["model"], [component["model"] for component in result["components"]]


# --- Each structure, and the combinations that bring components -----------------------------------

SCENARIOS = [
    ("policy direction shared, delivery separate", answers(), LIGHT, []),
    ("common definitions alone stay light", answers(data="definitions", single_owner="no"), LIGHT, []),
    (
        "a single owner swapping records with one partner, nothing else shared",
        answers(single_owner="yes", data="exchange", bodies=2),
        LIGHT,
        [DATA],
    ),
    (
        "a single owner who decides and pays, swapping records with one partner",
        answers(
            single_owner="yes",
            decisions="one_body",
            budget="one_funds_others_benefit",
            data="exchange",
            bodies=2,
        ),
        LEAD,
        [DATA],
    ),
    (
        "one body owns and funds it, the others benefit",
        answers(single_owner="yes", decisions="one_body", budget="one_funds_others_benefit"),
        LEAD,
        [],
    ),
    (
        "a journey crosses bodies but one body leads",
        answers(decisions="one_body", operations="handoffs"),
        LEAD,
        [],
    ),
    (
        "one body could own it even though the bodies want to decide jointly",
        answers(single_owner="yes", decisions="joint", budget="pooled", operations="handoffs", crisis=True),
        LEAD,
        [],
    ),
    (
        "a lead department that runs a shared platform",
        answers(single_owner="yes", decisions="one_body", operations="shared_platform"),
        LEAD,
        [SHARED],
    ),
    (
        "only one body is involved, whatever else is said",
        answers(bodies=1, data="exchange", operations="shared_platform"),
        LEAD,
        [],
    ),
    (
        "shared decisions and money, no owner",
        answers(single_owner="no", decisions="joint", budget="pooled"),
        BOARD,
        [],
    ),
    ("a joint crisis response with no owner", answers(single_owner="no", crisis=True), BOARD, []),
    (
        "a crisis with record exchange",
        answers(single_owner="no", crisis=True, data="exchange"),
        BOARD,
        [DATA],
    ),
    (
        "eight bodies deciding jointly, pooling money, handing off, exchanging records, in a crisis",
        answers(
            single_owner="partly",
            decisions="joint",
            budget="pooled",
            data="exchange",
            operations="handoffs",
            crisis=True,
            bodies=8,
        ),
        BOARD,
        [DATA],
    ),
    (
        "pooled budgets with a platform",
        answers(decisions="joint", budget="pooled", operations="shared_platform", data="definitions"),
        BOARD,
        [SHARED],
    ),
    (
        "a platform reused by bodies that decide and fund separately, with no owner",
        answers(single_owner="no", operations="shared_platform"),
        SHARED,
        [],
    ),
    (
        "a shared platform with exchange",
        answers(single_owner="no", operations="shared_platform", data="exchange", decisions="one_body"),
        SHARED,
        [DATA],
    ),
    (
        "a shared platform with exchange, under joint decisions",
        answers(single_owner="no", operations="shared_platform", data="exchange", decisions="joint"),
        BOARD,
        [SHARED, DATA],
    ),
]


@pytest.mark.parametrize(
    ("situation", "given", "model", "components"), SCENARIOS, ids=[s[0] for s in SCENARIOS]
)
def test_it_recommends_the_expected_primary_structure_and_components(situation, given, model, components):
    assert structure(recommend(given)) == (model, components)


def test_the_eight_body_crisis_gets_a_board_whose_exchange_runs_as_a_data_sharing_partnership():
    result = recommend(SCENARIOS[12][1])

    assert result["model"] == BOARD
    [component] = result["components"]
    assert component["model"] == DATA
    assert "workstream of the joint programme board" in component["why"]
    assert "DPIA" in component["why"]
    assert any("which a joint programme board provides" in reason for reason in result["reasons"])
    assert any("data-sharing partnership under the joint programme board" in r for r in result["reasons"])
    [data_alternative] = [alt for alt in result["alternatives"] if alt["model"] == DATA]
    assert data_alternative["why_not"].startswith("Included as a component rather than the primary structure")


def test_a_lead_department_that_runs_a_platform_says_so_in_its_reasons_and_component():
    result = recommend(answers(single_owner="yes", decisions="one_body", operations="shared_platform"))

    [component] = result["components"]
    assert component["why"].endswith("run by the lead department.")
    assert "the lead department runs it once for everyone as a shared service." in result["reasons"][-1]


# --- Boundaries: one answer changes, the structure moves -----------------------------------------

BOUNDARIES = [
    # (starting answers, the one change, structure before, structure after)
    (answers(), {"decisions": "one_body"}, (LIGHT, []), (LEAD, [])),
    (answers(), {"crisis": True}, (LIGHT, []), (LEAD, [])),
    (answers(single_owner="no"), {"crisis": True}, (LIGHT, []), (BOARD, [])),
    (answers(), {"data": "exchange"}, (LIGHT, []), (LIGHT, [DATA])),
    (answers(decisions="one_body"), {"decisions": "joint"}, (LEAD, []), (BOARD, [])),
    (answers(decisions="one_body"), {"operations": "shared_platform"}, (LEAD, []), (LEAD, [SHARED])),
    (answers(decisions="one_body"), {"single_owner": "no"}, (LEAD, []), (BOARD, [])),
    (answers(single_owner="no", decisions="joint"), {"data": "exchange"}, (BOARD, []), (BOARD, [DATA])),
    (
        answers(single_owner="no", operations="shared_platform"),
        {"crisis": True},
        (SHARED, []),
        (BOARD, [SHARED]),
    ),
    (
        answers(single_owner="no", operations="shared_platform"),
        {"budget": "pooled"},
        (SHARED, []),
        (BOARD, [SHARED]),
    ),
    (
        answers(single_owner="no", operations="shared_platform"),
        {"single_owner": "partly"},
        (SHARED, []),
        (LEAD, [SHARED]),
    ),
    (answers(data="exchange", bodies=2), {"bodies": 1}, (LIGHT, [DATA]), (LEAD, [])),
]


@pytest.mark.parametrize(("start", "change", "before", "after"), BOUNDARIES)
def test_one_changed_answer_moves_the_structure(start, change, before, after):
    assert structure(recommend(start)) == before
    assert structure(recommend({**start, **change})) == after


def test_the_result_is_json_in_the_contracts_shape():
    result = recommend(SCENARIOS[-1][1])

    assert list(result) == ["model", "components", "reasons", "alternatives", "warnings"]
    assert [list(component) for component in result["components"]] == [["model", "why"], ["model", "why"]]
    assert [list(alternative) for alternative in result["alternatives"]] == [["model", "why_not"]] * 4
    assert json.loads(json.dumps(result)) == result


# --- Validation: every problem names its key ---------------------------------------------------

BAD_ANSWERS = [
    ({k: v for k, v in SEPARATE_EVERYTHING.items() if k != "crisis"}, "crisis", "missing"),
    (answers(colour="blue"), "colour", "unknown key"),
    (answers(single_owner="maybe"), "single_owner", "must be one of yes, partly or no"),
    (answers(decisions=None), "decisions", "must be one of"),
    (answers(budget=["pooled"]), "budget", "must be one of"),
    (answers(data="EXCHANGE"), "data", "must be one of"),
    (answers(operations=""), "operations", "must be one of"),
    (answers(crisis="true"), "crisis", "must be true or false"),
    (answers(crisis=1), "crisis", "must be true or false"),
    (answers(crisis=None), "crisis", "must be true or false"),
    (answers(bodies=0), "bodies", "whole number of 1 or more"),
    (answers(bodies=-3), "bodies", "whole number of 1 or more"),
    (answers(bodies=2.5), "bodies", "whole number of 1 or more"),
    (answers(bodies=2.0), "bodies", "whole number of 1 or more"),
    (answers(bodies="3"), "bodies", "whole number of 1 or more"),
    (answers(bodies=True), "bodies", "whole number of 1 or more"),
]


@pytest.mark.parametrize(("given", "key", "message"), BAD_ANSWERS)
def test_bad_answers_are_refused_naming_the_key(given, key, message):
    with pytest.raises(InvalidAnswers) as refusal:
        recommend(given)

    assert [problem.key for problem in refusal.value.problems] == [key]
    assert str(refusal.value).startswith(f"{key}: ")
    assert message in str(refusal.value)
    assert "\n" not in str(refusal.value)


@pytest.mark.parametrize("given", [[], "answers", 3, None, True])
def test_answers_that_are_not_an_object_are_refused(given):
    [problem] = answer_problems(given)

    assert problem.key is None
    assert "must be a JSON object" in problem.message


def test_several_problems_are_all_named_in_one_line():
    given = answers(crisis="no", extra=1)
    del given["bodies"]

    with pytest.raises(InvalidAnswers) as refusal:
        validate_answers(given)

    assert [p.key for p in refusal.value.problems] == ["extra", "crisis", "bodies"]
    assert str(refusal.value).count("\n") == 0


def test_a_long_bad_value_is_shortened_in_the_message():
    with pytest.raises(InvalidAnswers) as refusal:
        validate_answers(answers(data="x" * 5000))

    assert len(str(refusal.value)) < 120


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        ('{"crisis": tru}', None, "not valid JSON"),
        ("", None, "not valid JSON"),
        ('{"crisis": true, "crisis": false}', "crisis", "given more than once"),
        ('{"bodies": ' + "9" * 5000 + "}", None, "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, None, "not valid JSON"),
    ],
)
def test_malformed_json_is_refused_with_one_line(text, key, message):
    with pytest.raises(InvalidAnswers) as refusal:
        parse_answers_json(text)

    assert refusal.value.problems[0].key == key
    assert message in str(refusal.value)
    assert "\n" not in str(refusal.value)
