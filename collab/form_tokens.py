"""One submit, one record: create forms carry a one-time token, and a replay makes nothing new.

A create form renders a hidden `form_token` (the `{% form_token %}` tag, in the form layouts,
draws it only on pages of views wrapped in `@submit_once`).
The view, wrapped in `@submit_once`, claims the token in a `FormSubmission` row before it runs:
a second request with the same token (a double click, a retry) cannot claim it, waits for the
first to finish and is sent to the record the first made. The back button may fetch the form
afresh, with a new token; the same person posting the same answers to the same form soon after,
having changed nothing else meanwhile, is the same submit, so that is matched by a hash of the
answers. When the view does not make a record (the form had errors) the claim is let go, so the
corrected form can be sent.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar, cast

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone

from collab.models import FormSubmission

TOKEN_FIELD = "form_token"  # noqa: S105 (a field name, not a secret)
ALREADY_SUBMITTED = "You already submitted this form: nothing new was created"
STILL_SAVING = "You already submitted this form and it is still being saved: check before sending it again"
# How long the same answers to the same form count as the same submit.
REPLAY_WINDOW = datetime.timedelta(minutes=30)
# How long a replay waits for the first submit of its token to finish.
WAIT_FOR_FIRST = datetime.timedelta(seconds=10)
TAKEN = "That name is already taken: choose another"
# Claims older than this are purged (collab.tasks, hourly; manage.py purge_form_submissions).
# Far longer than the replay window and the wait for a first submit; a form left open for a day
# and sent then is a new submit anyway, as its answers would be checked afresh.
KEEP_SUBMISSIONS = datetime.timedelta(days=1)
_POLL_SECONDS = 0.1
_MARK = "submit_once"  # set on the request by @submit_once
_NOT_ANSWERS = {"csrfmiddlewaretoken", TOKEN_FIELD}

T = TypeVar("T")


def wanted(request: HttpRequest | None) -> bool:
    """Whether the page being drawn is a create form, whose form carries a token."""
    return bool(getattr(request, _MARK, False))


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_for(request: HttpRequest) -> str:
    """The token a create form renders: the one it was posted with when it comes back with errors."""
    posted = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
    return posted if _well_formed(posted) else new_token()


def _well_formed(token: str) -> bool:
    return 16 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()


def fingerprint(request: HttpRequest) -> str:
    answers = sorted(
        (name, value) for name, values in request.POST.lists() if name not in _NOT_ANSWERS for value in values
    )
    text = repr((request.user.pk, request.path, answers))
    return hashlib.sha256(text.encode()).hexdigest()


def _replay_of(request: HttpRequest, answers: str) -> FormSubmission | None:
    """A finished earlier submit of the same answers to the same form by the same person."""
    since = timezone.now() - REPLAY_WINDOW
    return (
        FormSubmission.objects.filter(
            user_id=cast(int, request.user.pk),
            path=request.path,
            fingerprint=answers,
            submitted_at__gte=since,
        )
        .exclude(record_url="")
        .order_by("submitted_at")
        .first()
    )


def _claim(request: HttpRequest, token: str, answers: str) -> FormSubmission | None:
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(
                token=token, user_id=cast(int, request.user.pk), path=request.path[:500], fingerprint=answers
            )
    except IntegrityError:
        return None


def _wait_for_first(token: str) -> FormSubmission | None:
    """The first submit of this token once it has made its record; None if it made none."""
    deadline = time.monotonic() + WAIT_FOR_FIRST.total_seconds()
    while time.monotonic() < deadline:
        first = FormSubmission.objects.filter(token=token).first()
        if first is None or first.record_url:
            return first
        time.sleep(_POLL_SECONDS)
    return FormSubmission.objects.filter(token=token).first()


def _to_first(request: HttpRequest, first: FormSubmission) -> HttpResponse:
    messages.info(request, ALREADY_SUBMITTED)
    return redirect(first.record_url)


def submit_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a create view: a submit of a form already submitted goes to the record it made."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Only create forms render the token (the `{% form_token %}` tag asks this).
        setattr(request, _MARK, True)
        if request.method != "POST" or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        token = token_for(request)
        answers = fingerprint(request)
        if earlier := _replay_of(request, answers):
            return _to_first(request, earlier)
        claim = _claim(request, token, answers)
        while claim is None:
            first = _wait_for_first(token)
            if first is not None and first.record_url:
                return _to_first(request, first)
            if first is not None:
                messages.warning(request, STILL_SAVING)
                return redirect(request.path)
            # The first submit made nothing (its form had errors): this one may try.
            claim = _claim(request, token, answers)
        return _run_claimed(view, claim, request, *args, **kwargs)

    return wrapped


def _run_claimed(view, claim: FormSubmission, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    try:
        response = view(request, *args, **kwargs)
    except BaseException:
        claim.delete()
        raise
    if isinstance(response, HttpResponseRedirect):
        claim.record_url = response.url[:500]
        claim.save(update_fields=["record_url"])
    else:
        claim.delete()
    return response


class ReplaysEndAtTheNextChange:
    """Middleware: once a person changes anything else, the same answers sent again are a new submit.

    Without it, adding a body, removing it and adding it again would be taken for the back button.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        changed_something = request.method == "POST" and 300 <= response.status_code < 400
        if changed_something and request.user.is_authenticated and not wanted(request):
            since = timezone.now() - REPLAY_WINDOW
            FormSubmission.objects.filter(user_id=request.user.pk, submitted_at__gte=since).exclude(
                fingerprint=""
            ).update(fingerprint="")
        return response


def save_unique(form: forms.BaseForm, field: str, write: Callable[[], T]) -> T | None:
    """Run `write`; if a unique constraint refuses it, give the form's own error instead of failing.

    The form checked the name was free, but someone may have taken it since. The savepoint keeps
    the request's connection usable after the refused insert; validating the form again then
    finds the other person's record and says so in the form's own words.
    """
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        form.full_clean()
        if not form.errors:
            form.add_error(field, TAKEN)
        return None


def purge_form_submissions(*, older_than: datetime.timedelta = KEEP_SUBMISSIONS) -> int:
    """Delete the claims of submits made longer ago than `older_than`; how many went."""
    deleted, _by_model = FormSubmission.objects.filter(submitted_at__lt=timezone.now() - older_than).delete()
    return deleted
