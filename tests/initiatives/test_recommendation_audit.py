"""Audits of the recommendation over every combination of answers, for 1, 2, 3, 8 and 50 bodies.

Each audit walks all 2,430 combinations and reports the first few that break it. The rules
are written out here independently of the engine, so a change to the engine that breaks one
shows up as a failure rather than as a quietly changed expectation.
"""

import itertools
import json
import random
import re

import pytest

from initiatives.operating_models import PROFILES
from initiatives.recommendation import ANSWER_KEYS, CHOICE_ANSWERS, SAID, answer_problems, recommend
from tests.factories import BOARD, DATA, LEAD, LIGHT, SHARED

DESIGN_ORDER = [LIGHT, LEAD, BOARD, SHARED, DATA]
BODIES = (1, 2, 3, 8, 50)

EVERY_COMBINATION = [
    dict(zip(ANSWER_KEYS, values, strict=True))
    for values in itertools.product(*CHOICE_ANSWERS.values(), (False, True), BODIES)
]
RESULTS = [(given, recommend(given)) for given in EVERY_COMBINATION]

# Words that name each structure. A text that uses them speaks about that structure.
NAMES = {
    LIGHT: ("light coordination",),
    LEAD: ("lead department", "lead body"),
    BOARD: ("board",),
    SHARED: ("shared service", "shared platform"),
    DATA: ("data-sharing partnership", "data sharing partnership"),
}
# Each answer's values from lightest to heaviest.
LIGHTEST_FIRST = {**CHOICE_ANSWERS, "crisis": (False, True)}


def failures(check) -> list:
    found = []
    for given, result in RESULTS:
        problem = check(given, result)
        if problem:
            found.append((given, problem))
    return found[:5]


def chosen(result) -> set[str]:
    return {result["model"], *(component["model"] for component in result["components"])}


def texts_outside_alternatives(result) -> list[str]:
    return result["reasons"] + result["warnings"] + [component["why"] for component in result["components"]]


def every_text(result) -> list[str]:
    return texts_outside_alternatives(result) + [alt["why_not"] for alt in result["alternatives"]]


def test_the_audit_covers_every_combination_for_each_number_of_bodies():
    assert len(RESULTS) == 3**5 * 2 * len(BODIES) == 2430
    assert all(answer_problems(given) == [] for given in EVERY_COMBINATION)


# --- Deterministic, and exactly the contract's shape ---------------------------------------------


def test_it_is_deterministic_whatever_the_order_of_the_keys():
    shuffler = random.Random(20260101)

    def check(given, result):
        keys = list(given)
        shuffler.shuffle(keys)
        return json.dumps(recommend({key: given[key] for key in keys})) != json.dumps(result)

    assert failures(check) == []


def test_the_result_is_the_contracts_json_exactly():
    def check(given, result):
        if list(result) != ["model", "components", "reasons", "alternatives", "warnings"]:
            return f"keys {list(result)}"
        if result["model"] not in DESIGN_ORDER:
            return "unknown model"
        components = [component["model"] for component in result["components"]]
        if any(list(component) != ["model", "why"] for component in result["components"]):
            return "malformed component"
        if any(model not in DESIGN_ORDER for model in components) or len(set(components)) != len(components):
            return f"components {components}"
        if result["model"] in components:
            return "the primary is also a component"
        for part in ("reasons", "warnings"):
            if not result[part] or not all(isinstance(t, str) and t.strip() for t in result[part]):
                return f"empty or non-text {part}"
        if [alt["model"] for alt in result["alternatives"]] != [
            m for m in DESIGN_ORDER if m != result["model"]
        ]:
            return "alternatives are not the other four models in the design's order"
        if any(
            list(alt) != ["model", "why_not"] or not alt["why_not"].strip() for alt in result["alternatives"]
        ):
            return "malformed alternative"
        return None if json.loads(json.dumps(result)) == result else "not JSON"

    assert failures(check) == []


# --- The structure: the lightest primary that holds, and only the components answers need ----------


def expected_primary(a: dict) -> str:
    """The design's rule, written out: who decides, who funds, who answers for the outcome."""
    if a["bodies"] == 1:
        return LEAD
    own_part = a["decisions"] == "separate" and a["budget"] == "separate" and a["operations"] == "none"
    if own_part and not a["crisis"]:
        return LIGHT
    sharing = a["decisions"] == "joint" or a["budget"] == "pooled"
    if a["single_owner"] == "yes" or (a["single_owner"] == "partly" and not sharing):
        return LEAD
    if a["operations"] == "shared_platform" and not sharing and not a["crisis"]:
        return SHARED
    return BOARD


def expected_components(a: dict, primary: str) -> list[str]:
    if a["bodies"] == 1:
        return []
    return [SHARED] * (a["operations"] == "shared_platform" and primary != SHARED) + [DATA] * (
        a["data"] == "exchange"
    )


def test_the_primary_and_components_follow_the_design_rule():
    def check(given, result):
        primary = expected_primary(given)
        expected = (primary, expected_components(given, primary))
        actual = (result["model"], [component["model"] for component in result["components"]])
        return None if actual == expected else f"expected {expected}, got {actual}"

    assert failures(check) == []


def lighter(given: dict, key: str) -> dict | None:
    """The same answers with `key` one step lighter, or None when it is already the lightest."""
    if key == "bodies":
        return {**given, "bodies": given["bodies"] - 1} if given["bodies"] > 1 else None
    values = LIGHTEST_FIRST[key]
    index = values.index(given[key])
    return {**given, key: values[index - 1]} if index else None


def test_every_component_is_needed_by_an_answer_and_goes_when_that_answer_is_lighter():
    def check(given, result):
        for component in result["components"]:
            removed_by = [
                key
                for key in ANSWER_KEYS
                if (lighter_answers := lighter(given, key)) is not None
                and component["model"] not in chosen(recommend(lighter_answers))
            ]
            if not removed_by:
                return f"{component['model']} stays whatever answer is made lighter"
        return None

    assert failures(check) == []


def test_a_data_sharing_partnership_is_a_component_never_the_primary():
    assert failures(lambda given, result: result["model"] == DATA) == []
    assert {result["model"] for _given, result in RESULTS} == {LIGHT, LEAD, BOARD, SHARED}
    assert set().union(*(chosen(result) for _given, result in RESULTS)) == set(DESIGN_ORDER)


def test_one_body_always_gets_the_lead_department_model_with_no_components():
    def check(given, result):
        if given["bodies"] != 1:
            return None
        return result["model"] != LEAD or result["components"] or "barely needed" not in result["reasons"][0]

    assert failures(check) == []


# --- The words: they name only what was chosen, quote only what was said --------------------------


def test_no_text_outside_the_alternatives_names_a_structure_it_did_not_choose():
    def check(given, result):
        for model, names in NAMES.items():
            if model in chosen(result):
                continue
            for text in texts_outside_alternatives(result):
                if any(name in text.lower() for name in names):
                    return f"names {model}: {text}"
        return None

    assert failures(check) == []


def test_the_reasons_speak_about_the_primary_and_every_component():
    def check(given, result):
        if given["bodies"] == 1:
            return None
        reasons = " ".join(result["reasons"]).lower()
        missing = [
            component["model"]
            for component in result["components"]
            if not any(name in reasons for name in NAMES[component["model"]])
        ]
        return f"reasons never mention {missing}" if missing else None

    assert failures(check) == []


def test_each_alternative_says_whether_it_would_not_hold_is_not_needed_or_is_a_component():
    def check(given, result):
        components = {component["model"] for component in result["components"]}
        for alt in result["alternatives"]:
            included = alt["why_not"].startswith(
                "Included as a component rather than the primary structure: "
            )
            if included != (alt["model"] in components):
                return f"{alt['model']}: {alt['why_not']}"
            if not included and not alt["why_not"].startswith(("Would not hold: ", "Not needed: ")):
                return f"{alt['model']}: {alt['why_not']}"
        return None

    assert failures(check) == []


# What a sentence may only say under one structure: saying it under another contradicts the model.
ONLY_UNDER = [
    ("shared direction rather than shared management", {LIGHT}),
    ("as light as possible", {LIGHT, LEAD}),
    ("no one body can lead", {BOARD}),
    ("one body must answer for delivery", {LEAD}),
    ("is the one thing run jointly", {SHARED}),
]


@pytest.mark.parametrize(("words", "primaries"), ONLY_UNDER, ids=[words for words, _ in ONLY_UNDER])
def test_no_sentence_contradicts_the_primary_structure(words, primaries):
    def check(given, result):
        said_it = any(words in text for text in texts_outside_alternatives(result))
        return said_it and result["model"] not in primaries

    assert failures(check) == []


def said(given: dict) -> list[str]:
    phrases = [SAID[key, given[key]] for key in ANSWER_KEYS if key != "bodies"]
    return [*phrases, "only one body is involved" if given["bodies"] == 1 else f"{given['bodies']} bodies"]


def test_every_reason_and_component_why_quotes_the_users_own_answers():
    def check(given, result):
        for text in result["reasons"] + [component["why"] for component in result["components"]]:
            if not text.startswith("You said ") or not any(p in text for p in said(given)):
                return text
        return None

    assert failures(check) == []


def test_nothing_in_the_result_quotes_an_answer_the_user_did_not_give():
    def check(given, result):
        for phrase in set(SAID.values()) - set(said(given)):
            if any(phrase in text for text in every_text(result)):
                return phrase
        return None

    assert failures(check) == []


# --- Grammar ----------------------------------------------------------------------------------------

DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
ONE_BODIES = re.compile(r"(?<![\d,.])1 bodies\b")
MANY_BODY = re.compile(r"\b(?!1\b)\d[\d,]* body\b")
# Signs of a list that came out empty: "You said ." / "said , and" / "that ." / "()".
EMPTY_LIST = re.compile(r"\b(said|that|and|or|but)\s*[.,;:]|\(\s*\)|\s[.,;:]|,\s*,|\s{2}")


def test_no_sentence_doubles_a_word():
    def check(given, result):
        return next((match.group(0) for t in every_text(result) if (match := DOUBLED_WORD.search(t))), None)

    assert failures(check) == []


def test_body_and_bodies_agree_with_their_number():
    def check(given, result):
        return next((t for t in every_text(result) if ONE_BODIES.search(t) or MANY_BODY.search(t)), None)

    assert failures(check) == []
    with_numbers = [t for _g, r in RESULTS for t in every_text(r) if re.search(r"\b\d+ bod", t)]
    assert any("With 50 bodies" in text for text in with_numbers)


def test_no_sentence_holds_an_empty_list():
    def check(given, result):
        return next((t for t in every_text(result) if EMPTY_LIST.search(t)), None)

    assert failures(check) == []


def test_every_text_is_whole_sentences():
    def check(given, result):
        for text in texts_outside_alternatives(result):
            if not text[0].isupper() or not text.endswith("."):
                return text
        return None

    assert failures(check) == []


# --- Warnings -------------------------------------------------------------------------------------


def test_the_first_warning_is_the_primary_models_trade_off():
    def check(given, result):
        return PROFILES[result["model"]].trade_off.lower() not in result["warnings"][0].lower()

    assert failures(check) == []


DAY_ONE = [
    (
        "records exchanged",
        lambda a, r: a["data"] == "exchange",
        ["legal gateway", "data sharing agreement", "DPIA"],
    ),
    (
        "a shared platform",
        lambda a, r: a["operations"] == "shared_platform",
        ["migration", "change management"],
    ),
    ("a joint board", lambda a, r: r["model"] == BOARD, ["decision rights"]),
    (
        "a lead department with partners",
        lambda a, r: r["model"] == LEAD and a["bodies"] > 1,
        ["involve partners"],
    ),
    ("a crisis", lambda a, r: a["crisis"], ["stand up", "escalation route"]),
    (
        "a board in a crisis",
        lambda a, r: a["crisis"] and r["model"] == BOARD,
        ["delegate emergency decisions"],
    ),
    ("a journey across bodies", lambda a, r: a["operations"] == "handoffs", ["handoff"]),
    ("definitions to agree", lambda a, r: a["data"] != "none", ["definitions, identifiers"]),
    (
        "joint decisions under a lead body",
        lambda a, r: r["model"] == LEAD and a["decisions"] == "joint" and a["bodies"] > 1,
        ["lead body decides"],
    ),
    ("a pooled budget", lambda a, r: a["budget"] == "pooled" and a["bodies"] > 1, ["pooled budget works"]),
    (
        "many bodies exchanging records",
        lambda a, r: a["data"] == "exchange" and a["bodies"] >= 3,
        ["one data sharing agreement"],
    ),
    (
        "one body with answers that point to others",
        lambda a, r: a["bodies"] == 1 and a["decisions"] == "joint",
        ["re-run the checklist"],
    ),
]


@pytest.mark.parametrize(("situation", "applies", "must_mention"), DAY_ONE, ids=[d[0] for d in DAY_ONE])
def test_warnings_say_what_the_answers_mean_must_be_done_from_day_one(situation, applies, must_mention):
    def check(given, result):
        if not applies(given, result):
            return None
        text = " ".join(result["warnings"]).lower()
        missing = [words for words in must_mention if words.lower() not in text]
        return missing or None

    assert failures(check) == []
