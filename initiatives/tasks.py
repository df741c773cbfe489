"""Background work for initiatives. Tasks take ids, load fresh rows and call one function."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def notify_senior_owner_named(initiative_id: int, user_id: int) -> None:
    """Email a person who has just been named senior accountable owner of an initiative."""
    from initiatives.models import Initiative

    initiative = Initiative.objects.filter(pk=initiative_id).select_related("senior_owner").first()
    # The owner may have changed again before this ran: only tell the person still named.
    if initiative is None or initiative.senior_owner_id != user_id:
        return
    context = {"initiative": initiative, "owner": initiative.senior_owner, "site_url": settings.SITE_URL}
    send_mail(
        subject=f"You are the senior accountable owner of {initiative.title}",
        message=render_to_string("initiatives/email/senior_owner_named.txt", context),
        from_email=None,
        recipient_list=[initiative.senior_owner.email],
    )
