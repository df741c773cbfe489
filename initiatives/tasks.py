"""Background work for initiatives. Tasks take ids, load fresh rows and call one function."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from collab.outbox import RETRY_LIMIT, RETRYABLE, safe_subject

RETRYING = {"acks_late": True, "autoretry_for": RETRYABLE, "retry_backoff": True, "max_retries": RETRY_LIMIT}


@shared_task(**RETRYING)
def notify_senior_owner_named(initiative_id: int, user_id: int) -> None:
    """Email a person who has just been named senior accountable owner of an initiative."""
    from initiatives.models import Initiative

    initiative = Initiative.objects.filter(pk=initiative_id).select_related("senior_owner").first()
    # The owner may have changed again before this ran: only tell the person still named.
    if initiative is None or initiative.senior_owner_id != user_id:
        return
    context = {"initiative": initiative, "owner": initiative.senior_owner, "site_url": settings.SITE_URL}
    send_mail(
        subject=safe_subject(f"You are the senior accountable owner of {initiative.title}"),
        message=render_to_string("initiatives/email/senior_owner_named.txt", context),
        from_email=None,
        recipient_list=[initiative.senior_owner.email],
    )


@shared_task(**RETRYING)
def notify_accountability_moved(
    initiative_id: int, role: str, user_id: int, gained: bool, other_id: int | None, by_id: int, reason: str
) -> None:
    """Tell a person they now hold, or no longer hold, an accountable role (`role`, in words), who
    changed it and why; while they can still see the initiative."""
    from initiatives.models import Initiative, User

    initiative = Initiative.objects.filter(pk=initiative_id).first()
    person = User.objects.working_on(initiative).filter(pk=user_id).first() if initiative else None
    if initiative is None or person is None:
        return
    people = User.objects.in_bulk([pk for pk in (other_id, by_id) if pk])
    context = {
        "initiative": initiative,
        "person": person,
        "role": role,
        "gained": gained,
        "other": people.get(other_id) if other_id else None,
        "by": people.get(by_id),
        "reason": reason,
        "site_url": settings.SITE_URL,
    }
    verb = "now" if gained else "no longer"
    send_mail(
        subject=safe_subject(f"You are {verb} the {role} for {initiative.title}"),
        message=render_to_string("initiatives/email/accountability_moved.txt", context),
        from_email=None,
        recipient_list=[person.email],
    )
