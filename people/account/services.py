"""Writes a person makes to their own account, and the email preferences later work reads."""

from __future__ import annotations

from django.db import transaction

from initiatives.models import User
from people.models import EmailFrequency, EmailKind, EmailPreference


@transaction.atomic
def account_name_change(*, person: User, full_name: str, by: User) -> User:
    person.full_name = full_name.strip()
    person.save(update_fields=["full_name"])
    return person


@transaction.atomic
def email_preferences_update(*, person: User, frequencies: dict[str, str], by: User) -> None:
    """Set how often the person wants each kind of email; kinds left out keep their setting."""
    for kind, frequency in frequencies.items():
        EmailKind(kind), EmailFrequency(frequency)  # refuse anything that is not a kind or frequency
        EmailPreference.objects.update_or_create(user=person, kind=kind, defaults={"frequency": frequency})


def email_frequency(*, person: User, kind: str) -> str:
    """How the person wants this kind of email: straight away unless they chose otherwise."""
    chosen = (
        EmailPreference.objects.filter(user=person, kind=kind).values_list("frequency", flat=True).first()
    )
    return chosen or EmailFrequency.IMMEDIATE


def email_frequency_of_each(*, people: list[User], kind: str) -> dict[int, str]:
    """email_frequency for many people at once, by their ids: one query."""
    chosen = dict(
        EmailPreference.objects.filter(user__in=people, kind=kind).values_list("user_id", "frequency")
    )
    return {person.pk: chosen.get(person.pk) or EmailFrequency.IMMEDIATE for person in people}


def email_frequencies(*, person: User) -> dict[str, str]:
    chosen = dict(EmailPreference.objects.filter(user=person).values_list("kind", "frequency"))
    return {kind: chosen.get(kind, EmailFrequency.IMMEDIATE) for kind in EmailKind.values}
