"""Database sessions that report an unreachable database as what it is, and an idle timeout that
does not write to the database on every page.

Django's database store turns any DatabaseError while saving an existing session into UpdateError,
which SessionMiddleware answers with a 400 page ("the session was deleted before the request
completed"). While PostgreSQL restarts that is the wrong answer: the session still exists, the
database just could not be reached. Raising the database's own error instead lets
collab.errors.server_error answer with the 503 "try again" page.
"""

import time

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import InterfaceError, OperationalError


class SessionStore(db.SessionStore):
    def save(self, must_create: bool = False) -> None:
        try:
            super().save(must_create=must_create)
        except UpdateError as error:
            unreachable = error.__context__
            if isinstance(unreachable, OperationalError | InterfaceError):
                raise unreachable from None
            raise


# When the person signed in, for the 12-hour limit (collab.middleware), and when the session's idle
# timeout last moved on: seconds since the epoch, kept in the session.
SIGNED_IN_AT = "signed_in_at"
REFRESHED_AT = "_refreshed_at"


def start_session_clocks(sender, request, user, **kwargs) -> None:
    """On signing in (user_logged_in), start both clocks, so the first page after signing in need
    not write the session again."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[REFRESHED_AT] = now


def refresh_idle_timeout(session, *, now: float | None = None, force: bool = False) -> int:
    """Restart the idle timeout if SESSION_REFRESH_AFTER seconds have passed since it last restarted
    (or `force`), and return the seconds left before it ends.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) was a database write and a
    commit per page, the largest part of what a busy page cost. Marking the session changed at most
    once a minute still keeps people signed in while they work; the seconds left are exact, so the
    timeout warning is never late.
    """
    now = time.time() if now is None else now
    refreshed_at = session.get(REFRESHED_AT, 0.0)
    if force or now - refreshed_at >= settings.SESSION_REFRESH_AFTER:
        session[REFRESHED_AT] = refreshed_at = now
    return max(0, round(settings.SESSION_COOKIE_AGE - (now - refreshed_at)))
