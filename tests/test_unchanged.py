"""UNCHANGED, the default of update services' fields: left out means left as it is; None is a value."""

from types import SimpleNamespace

from collab.unchanged import UNCHANGED, apply_changes, changed


def test_only_the_fields_given_are_changed_and_none_is_a_value_like_any_other():
    record = SimpleNamespace(title="Old", owner="Priya", proximity="near")

    apply_changes(record, {"title": "New", "owner": None, "proximity": UNCHANGED})

    assert (record.title, record.owner, record.proximity) == ("New", None, "near")


def test_changed_leaves_out_what_is_unchanged():
    assert changed({"a": 1, "b": UNCHANGED, "c": None}) == {"a": 1, "c": None}
    assert repr(UNCHANGED) == "UNCHANGED"
