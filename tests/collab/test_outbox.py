"""Email subjects from any text, and every email of ours built through safe_subject."""

import re
from pathlib import Path

import pytest

from collab.outbox import SUBJECT_LENGTH, one_line, safe_subject

ROOT = Path(__file__).resolve().parents[2]
# A call that builds or sends an email (not a method of that name being defined).
SENDING = re.compile(r"(?<!def )\b(send_mail|EmailMessage|EmailMultiAlternatives|send_mass_mail)\(")


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("Approve the DSA", "Approve the DSA"),
        ("Approve the\nDSA", "Approve the DSA"),
        ("Approve\r\n\r\n  the\tDSA ", "Approve the DSA"),
        ("Approve\u2028the\x0bDSA", "Approve the DSA"),
        ("<b>Sign</b> & agree", "<b>Sign</b> & agree"),
    ],
)
def test_a_subject_is_one_line_whatever_was_typed(typed, subject):
    assert safe_subject(typed) == subject


def test_a_long_subject_is_cut_at_a_word_with_an_ellipsis():
    subject = safe_subject("Decision needed: D001 " + "Agree the meaning of date of death notified " * 10)

    assert len(subject) <= SUBJECT_LENGTH
    assert subject.endswith("…")
    # Cut between words, not through one.
    assert subject[:-1].split(" ")[-1] in {"Agree", "the", "meaning", "of", "date", "death", "notified"}


def test_a_subject_of_exactly_the_limit_is_left_whole():
    assert safe_subject("x" * SUBJECT_LENGTH) == "x" * SUBJECT_LENGTH


def test_one_line_keeps_the_words_and_drops_the_breaks():
    assert one_line("Date of death\nnotified") == "Date of death notified"


def test_every_email_we_build_has_its_subject_made_safe():
    """Each module that builds an email passes its subject through safe_subject."""
    builders = []
    for app in ("collab", "initiatives", "governance", "people"):
        for path in (ROOT / app).rglob("*.py"):
            source = path.read_text()
            if "migrations" in path.parts or path.name == "outbox.py" or not SENDING.search(source):
                continue
            builders.append(path.relative_to(ROOT).as_posix())
            calls = [match.start() for match in SENDING.finditer(source)]
            for start in calls:
                call = source[start : start + 400]
                assert "safe_subject(" in call, f"{path}: {call[:80]!r}"

    assert {"governance/decisions/emails.py", "initiatives/tasks.py", "people/mail.py"} <= set(builders)
