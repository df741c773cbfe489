"""Telling people things by email, once, the way each of them asked.

Every notification goes through `notify`, which reads the person's preference for its kind:
straight away queues the email when the transaction commits; the daily digest keeps it for
`digest_send`; off sends nothing. Each is recorded as a Notification whose (person, kind, key) is
unique, so telling the same person the same thing twice (beat firing twice, two workers, a worker
restarted mid-run) fails at the insert and sends nothing more. See docs/adr/0016.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from collab.outbox import one_line, safe_subject
from collab.queue import enqueue_on_commit
from initiatives.models import User
from people.account.services import email_frequency, email_frequency_of_each
from people.mail import compose
from people.models import EmailFrequency, Notification

QUEUED = Notification.Status.QUEUED
PENDING = Notification.Status.PENDING


def _record(note: Notification) -> Notification | None:
    """Insert the notification, or None if this person was already told this (the key is taken)."""
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction carries on after a clash
            note.save(force_insert=True)
            return note
    except IntegrityError:
        return None


@dataclass(frozen=True)
class Notice:
    """One thing to tell one person: `message` (one sentence) about the page at `url` (a path)."""

    person: User
    kind: str
    key: str
    subject: str
    message: str
    url: str


def notify(*, person: User, kind: str, key: str, subject: str, message: str, url: str) -> Notification | None:
    """Tell `person` `message` (one sentence) about the page at `url` (a path), as they chose for `kind`.

    Returns the notification recorded, or None when nothing is to be sent: they asked for none of
    this kind, they have left, or they were already told.
    """
    notice = Notice(person, kind, key, subject, message, url)
    note = _unsaved(notice, email_frequency(person=person, kind=kind)) if _reachable(person) else None
    if note is None:
        return None
    note = _record(note)
    if note is not None and note.status == QUEUED:
        _queue(note)
    return note


def notify_each(notices: list[Notice]) -> list[Notification]:
    """notify for many notices of one kind at once: one query for the preferences, one insert.

    Only for news never told before (keys not yet used, such as a new history entry's): a key
    already taken fails the whole insert instead of being skipped.
    """
    if not notices:
        return []
    people = list({notice.person.pk: notice.person for notice in notices}.values())
    frequencies = email_frequency_of_each(people=people, kind=notices[0].kind)
    unsaved = [
        note
        for notice in notices
        if _reachable(notice.person) and (note := _unsaved(notice, frequencies[notice.person.pk])) is not None
    ]
    notes = Notification.objects.bulk_create(unsaved)
    for note in notes:
        if note.status == QUEUED:
            _queue(note)
    return notes


def _reachable(person: User) -> bool:
    return person.is_active and bool(person.email)


def _unsaved(notice: Notice, frequency: str) -> Notification | None:
    """The notification as the person chose to have it, not yet saved; None if they want none."""
    if frequency == EmailFrequency.OFF:
        return None
    url = f"{settings.SITE_URL}{notice.url}"
    message = one_line(notice.message)
    immediate = frequency == EmailFrequency.IMMEDIATE
    return Notification(
        person=notice.person,
        kind=notice.kind,
        key=notice.key,
        subject=safe_subject(notice.subject),
        message=message[:500],
        url=url,
        body=_render("notification.txt", notice.person, message=message, url=url) if immediate else "",
        status=QUEUED if immediate else PENDING,
    )


def _render(template: str, person: User, **context) -> str:
    body = render_to_string(f"people/email/{template}", {"person": person, **context})
    return body.strip() + "\n"


def _queue(note: Notification) -> None:
    from people.tasks import send_notification

    enqueue_on_commit(send_notification, note.pk)


def people_with_pending_digests() -> list[int]:
    return sorted(set(Notification.objects.filter(status=PENDING).values_list("person_id", flat=True)))


@transaction.atomic
def digest_send(*, person_id: int, day: datetime.date) -> Notification | None:
    """Gather the person's waiting notifications into one email for `day`, at most one a day.

    The digest is itself a notification keyed on its day, inserted before its items are claimed
    with a conditional UPDATE: a second run the same day fails at the insert, and a run that finds
    an item already claimed by another rolls back, so no item is in two digests.
    """
    person = User.objects.filter(pk=person_id, is_active=True).first()
    items = list(Notification.objects.filter(person_id=person_id, status=PENDING))
    if person is None or not items:
        return None
    count = f"{len(items)} thing{'s' if len(items) != 1 else ''}"
    digest = _record(
        Notification(
            person=person,
            kind=Notification.DIGEST,
            key=day.isoformat(),
            subject=f"Your daily summary from Joined-up: {count} to look at",
            message=f"{count} to look at",
            body=_render("digest.txt", person, items=items, day=day),
            status=QUEUED,
        )
    )
    if digest is None:
        return None
    claimed = Notification.objects.filter(pk__in=[item.pk for item in items], status=PENDING).update(
        status=Notification.Status.DIGESTED, digest=digest
    )
    if claimed != len(items):
        # Another run took some of them between our read and our claim: leave them all to it.
        transaction.set_rollback(True)
        return None
    _queue(digest)
    return digest


def notification_deliver(*, notification_id: int) -> bool:
    """Send one queued notification (or digest) and mark it sent; one already sent is not sent again."""
    note = Notification.objects.filter(pk=notification_id, status=QUEUED).select_related("person").first()
    if note is None:
        return False
    compose(kind=note.kind, to=note.person.email, subject=note.subject, body=note.body).send()
    Notification.objects.filter(pk=note.pk, status=QUEUED).update(
        status=Notification.Status.SENT, sent_at=timezone.now()
    )
    return True


def notification_failure_record(*, notification_id: int, reason: str) -> None:
    Notification.objects.filter(pk=notification_id, status=QUEUED).update(
        status=Notification.Status.FAILED, failure=reason[:500]
    )
