"""The recommendation engine as tables: pure functions, no database."""

import itertools
import json
import random

import pytest

from initiatives.operating_models import PROFILES
from initiatives.recommendation import (
    ANSWER_KEYS,
    CHOICE_ANSWERS,
    SAID,
    InvalidAnswers,
    answer_problems,
    parse_answers_json,
    recommend,
    validate_answers,
)

LIGHT, LEAD, BOARD, SHARED, DATA = (
    "light_coordination",
    "lead_department",
    "joint_programme_board",
    "shared_service",
    "data_sharing_partnership",
)
LIGHTEST_FIRST = [LIGHT, LEAD, BOARD, SHARED, DATA]

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


EVERY_COMBINATION = [
    dict(zip(ANSWER_KEYS, values, strict=True))
    for values in itertools.product(*CHOICE_ANSWERS.values(), (False, True), (1, 2, 3, 6, 12))
]


# --- Every model is reachable, from realistic answers ----------------------------------------------

SCENARIOS = [
    ("policy direction shared, delivery separate", answers(), LIGHT),
    ("common definitions alone stay light", answers(data="definitions", single_owner="no"), LIGHT),
    (
        "one body owns and funds it, the others benefit",
        answers(single_owner="yes", decisions="one_body", budget="one_funds_others_benefit"),
        LEAD,
    ),
    (
        "a journey crosses bodies but one body leads",
        answers(decisions="one_body", operations="handoffs"),
        LEAD,
    ),
    (
        "one body could own it even though the bodies want to decide jointly",
        answers(single_owner="yes", decisions="joint", budget="pooled", operations="handoffs", crisis=True),
        LEAD,
    ),
    ("only one body is involved", answers(bodies=1, data="exchange", operations="shared_platform"), LEAD),
    (
        "shared decisions and money, no owner",
        answers(single_owner="no", decisions="joint", budget="pooled"),
        BOARD,
    ),
    ("a joint crisis response with no owner", answers(single_owner="no", crisis=True), BOARD),
    (
        "one process reused by several bodies",
        answers(decisions="joint", budget="pooled", operations="shared_platform", data="definitions"),
        SHARED,
    ),
    ("records regularly exchanged", answers(single_owner="yes", data="exchange"), DATA),
    (
        "records exchanged over a shared platform",
        answers(data="exchange", operations="shared_platform", decisions="joint"),
        DATA,
    ),
]


@pytest.mark.parametrize(("situation", "given", "model"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_it_recommends_the_expected_model(situation, given, model):
    assert recommend(given)["model"] == model


def test_every_model_is_reachable():
    assert {recommend(given)["model"] for given in EVERY_COMBINATION} == set(LIGHTEST_FIRST)


# --- Boundaries between neighbouring models: one answer changes, the model moves -----------------

BOUNDARIES = [
    # (starting answers, the one change, model before, model after)
    (answers(), {"decisions": "one_body"}, LIGHT, LEAD),
    (answers(), {"budget": "one_funds_others_benefit"}, LIGHT, LEAD),
    (answers(), {"operations": "handoffs"}, LIGHT, LEAD),
    (answers(), {"crisis": True}, LIGHT, LEAD),
    (answers(single_owner="no"), {"crisis": True}, LIGHT, BOARD),
    (answers(single_owner="no"), {"decisions": "joint"}, LIGHT, BOARD),
    (answers(decisions="one_body"), {"decisions": "joint"}, LEAD, BOARD),
    (answers(decisions="one_body"), {"budget": "pooled"}, LEAD, BOARD),
    (answers(decisions="one_body"), {"single_owner": "no"}, LEAD, BOARD),
    (answers(decisions="joint", single_owner="yes"), {"single_owner": "partly"}, LEAD, BOARD),
    (answers(decisions="joint", budget="pooled"), {"operations": "shared_platform"}, BOARD, SHARED),
    (answers(decisions="one_body"), {"operations": "shared_platform"}, LEAD, SHARED),
    (answers(operations="shared_platform", data="definitions"), {"data": "exchange"}, SHARED, DATA),
    (answers(decisions="joint", data="definitions"), {"data": "exchange"}, BOARD, DATA),
    (answers(data="definitions"), {"data": "exchange"}, LIGHT, DATA),
    (answers(data="exchange", bodies=1), {"bodies": 2}, LEAD, DATA),
    (answers(bodies=2), {"bodies": 1}, LIGHT, LEAD),
]


@pytest.mark.parametrize(("start", "change", "before", "after"), BOUNDARIES)
def test_one_changed_answer_moves_the_recommendation_to_the_neighbouring_model(start, change, before, after):
    assert recommend(start)["model"] == before
    assert recommend({**start, **change})["model"] == after


# --- Properties over every combination of answers ------------------------------------------------


def ruled_out(model: str, a: dict) -> bool:
    """The answers that stop a model from safely delivering, written out independently of the engine."""
    one_body = a["bodies"] == 1
    exchange = a["data"] == "exchange"
    platform = a["operations"] == "shared_platform"
    no_owner = a["single_owner"] == "no"
    part_owner_sharing = a["single_owner"] == "partly" and (
        a["decisions"] == "joint" or a["budget"] == "pooled"
    )
    if one_body:
        return model != LEAD
    return {
        LIGHT: (a["decisions"] != "separate" or a["budget"] != "separate" or a["operations"] != "none")
        or exchange
        or a["crisis"],
        LEAD: no_owner or part_owner_sharing or exchange or platform,
        BOARD: exchange or platform,
        SHARED: exchange,
        DATA: False,
    }[model]


def failures(check) -> list:
    found = []
    for given in EVERY_COMBINATION:
        problem = check(given, recommend(given))
        if problem:
            found.append((given, problem))
    return found[:5]


def test_the_result_is_well_formed_json_in_the_contracts_shape():
    def check(given, result):
        if list(result) != ["model", "reasons", "alternatives", "warnings"]:
            return f"keys {list(result)}"
        if result["model"] not in LIGHTEST_FIRST:
            return "unknown model"
        for part in ("reasons", "warnings"):
            if not result[part] or not all(isinstance(t, str) and t.strip() for t in result[part]):
                return f"empty or non-text {part}"
        if any(
            set(alt) != {"model", "why_not"} or not alt["why_not"].strip() for alt in result["alternatives"]
        ):
            return "malformed alternative"
        if json.loads(json.dumps(result)) != result:
            return "not JSON"
        return None

    assert failures(check) == []


def test_it_never_recommends_a_model_the_answers_rule_out_and_always_the_lightest_that_holds():
    def check(given, result):
        rank = LIGHTEST_FIRST.index(result["model"])
        if ruled_out(result["model"], given):
            return f"recommended {result['model']}, which the answers rule out"
        lighter_that_holds = [m for m in LIGHTEST_FIRST[:rank] if not ruled_out(m, given)]
        return f"{lighter_that_holds} would hold and are lighter" if lighter_that_holds else None

    assert failures(check) == []


@pytest.mark.parametrize(
    ("model", "needs"),
    [
        (SHARED, lambda a: a["operations"] == "shared_platform"),
        (DATA, lambda a: a["data"] == "exchange"),
        (BOARD, lambda a: a["single_owner"] != "yes"),
        (LIGHT, lambda a: a["bodies"] > 1 and not a["crisis"]),
    ],
)
def test_integration_is_only_recommended_where_the_answers_demand_it(model, needs):
    assert failures(lambda given, result: result["model"] == model and not needs(given)) == []


def test_one_body_always_gets_the_lead_department_model_and_is_told_a_partnership_is_barely_needed():
    def check(given, result):
        if given["bodies"] != 1:
            return None
        return result["model"] != LEAD or "barely needed" not in result["reasons"][0]

    assert failures(check) == []


def test_it_is_deterministic_whatever_the_order_of_the_keys():
    shuffler = random.Random(20260101)

    def check(given, result):
        keys = list(given)
        shuffler.shuffle(keys)
        return recommend({key: given[key] for key in keys}) != result

    assert failures(check) == []


def test_alternatives_cover_the_other_four_models_lightest_first_and_say_why_not():
    def check(given, result):
        rank = LIGHTEST_FIRST.index(result["model"])
        expected = [m for m in LIGHTEST_FIRST if m != result["model"]]
        if [alt["model"] for alt in result["alternatives"]] != expected:
            return "wrong models"
        for alt in result["alternatives"]:
            prefix = "Would not hold: " if LIGHTEST_FIRST.index(alt["model"]) < rank else "Not needed: "
            if not alt["why_not"].startswith(prefix):
                return f"{alt['model']} should start {prefix!r}"
        return None

    assert failures(check) == []


def said(given: dict) -> list[str]:
    phrases = [SAID[key, given[key]] for key in ANSWER_KEYS if key != "bodies"]
    return [*phrases, "only one body is involved" if given["bodies"] == 1 else f"{given['bodies']} bodies"]


def test_every_reason_quotes_the_users_own_answers():
    def check(given, result):
        for reason in result["reasons"]:
            if not reason.startswith("You said ") or not any(p in reason for p in said(given)):
                return reason
        return None

    assert failures(check) == []


def test_nothing_in_the_result_quotes_an_answer_the_user_did_not_give():
    def check(given, result):
        texts = result["reasons"] + [alt["why_not"] for alt in result["alternatives"]] + result["warnings"]
        for phrase in set(SAID.values()) - set(said(given)):
            if any(phrase in text for text in texts):
                return phrase
        return None

    assert failures(check) == []


def test_the_first_warning_is_the_chosen_models_trade_off():
    def check(given, result):
        trade_off = PROFILES[result["model"]].trade_off.lower()
        return trade_off not in result["warnings"][0].lower()

    assert failures(check) == []


DAY_ONE = [
    (
        "records exchanged",
        lambda a, m: a["data"] == "exchange",
        ["legal gateway", "data sharing agreement", "DPIA"],
    ),
    (
        "a shared platform",
        lambda a, m: a["operations"] == "shared_platform",
        ["migration", "change management"],
    ),
    ("a joint board", lambda a, m: m == BOARD, ["decision rights"]),
    ("a lead department with partners", lambda a, m: m == LEAD and a["bodies"] > 1, ["involve partners"]),
    ("a crisis", lambda a, m: a["crisis"], ["stand up", "escalation route"]),
    ("a journey across bodies", lambda a, m: a["operations"] == "handoffs", ["handoff"]),
    ("definitions to agree", lambda a, m: a["data"] != "none", ["definitions, identifiers"]),
    (
        "joint decisions under a lead body",
        lambda a, m: m == LEAD and a["decisions"] == "joint" and a["bodies"] > 1,
        ["lead body decides"],
    ),
    (
        "one body with answers that point to others",
        lambda a, m: a["bodies"] == 1 and a["decisions"] == "joint",
        ["re-run the checklist"],
    ),
]


@pytest.mark.parametrize(("situation", "applies", "must_mention"), DAY_ONE, ids=[d[0] for d in DAY_ONE])
def test_warnings_say_what_the_answers_mean_must_be_done_from_day_one(situation, applies, must_mention):
    def check(given, result):
        if not applies(given, result["model"]):
            return None
        text = " ".join(result["warnings"]).lower()
        missing = [words for words in must_mention if words.lower() not in text]
        return missing or None

    assert failures(check) == []


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


def test_every_valid_combination_passes_validation():
    assert all(answer_problems(given) == [] for given in EVERY_COMBINATION)
