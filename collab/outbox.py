"""Sending email safely: a one-line subject from any title, and which failures are worth retrying.

Every email of ours goes through `safe_subject` (tests/collab/test_outbox.py reads the source to
check): Django refuses a header with a line break in it, so a title typed with one would otherwise
stop the email altogether.
"""

from __future__ import annotations

import re
import smtplib
from collections.abc import Callable

from celery import Task
from celery.utils.time import get_exponential_backoff_interval
from notifications_python_client.errors import HTTPError

# Long enough for "Decision needed: D012 " and a full sentence; mail programs cut longer ones anyway.
SUBJECT_LENGTH = 120
ELLIPSIS = "…"

# Any run of whitespace, line and paragraph separators included, and the control characters.
_SPACES = re.compile(r"[\s\u2028\u2029\x00-\x1f\x7f]+")

# The address itself was refused: sending again will not help.
REFUSED: tuple[type[Exception], ...] = (smtplib.SMTPRecipientsRefused,)
# The server or network failed: sending again later may work.
RETRYABLE: tuple[type[Exception], ...] = (ConnectionError, smtplib.SMTPException, HTTPError)
RETRY_LIMIT = 5
# Seconds: 1, 2, 4, 8, 16 with jitter, never more than ten minutes.
BACKOFF_CEILING = 600


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks included, made one space."""
    return _SPACES.sub(" ", str(text)).strip()


def safe_subject(text: str, *, length: int = SUBJECT_LENGTH) -> str:
    """A subject line from any text: one line, at most `length` characters, cut at a word with an ellipsis."""
    subject = one_line(text)
    if len(subject) <= length:
        return subject
    cut = subject[: length - len(ELLIPSIS)]
    if " " in cut[length // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + ELLIPSIS


def failure_reason(error: Exception) -> str:
    """Why an email did not go, in words a programme manager can act on."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refusals = "; ".join(
            f"{address}: {code} {message.decode(errors='replace') if isinstance(message, bytes) else message}"
            for address, (code, message) in error.recipients.items()
        )
        return f"The mail server refused the address ({refusals})"
    return f"Could not send after {RETRY_LIMIT + 1} attempts: {type(error).__name__}: {error}"


def send_or_retry(task: Task, send: Callable[[], object], *, give_up: Callable[[str], None]) -> None:
    """Run `send`; retry `task` with backoff when the mail server fails, and when retrying is
    pointless or exhausted call `give_up` with the reason instead of failing the task."""
    try:
        send()
    except REFUSED as error:
        give_up(failure_reason(error))
    except RETRYABLE as error:
        retries = task.request.retries
        if retries >= RETRY_LIMIT:
            give_up(failure_reason(error))
            return
        countdown = get_exponential_backoff_interval(
            factor=1, retries=retries, maximum=BACKOFF_CEILING, full_jitter=True
        )
        raise task.retry(exc=error, countdown=countdown, max_retries=RETRY_LIMIT) from error
