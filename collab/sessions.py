"""Database sessions that report an unreachable database as what it is.

Django's database store turns any DatabaseError while saving an existing session into UpdateError,
which SessionMiddleware answers with a 400 page ("the session was deleted before the request
completed"). While PostgreSQL restarts that is the wrong answer: the session still exists, the
database just could not be reached. Raising the database's own error instead lets
collab.errors.server_error answer with the 503 "try again" page.
"""

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
