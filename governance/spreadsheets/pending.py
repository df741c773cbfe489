"""Uploads waiting for their preview to be confirmed, kept in the person's session under a token.

The rows are kept as read from the file, not as checked: confirming checks them again against
the register as it is then. Only the last few uploads are kept, so a session never grows much.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase

from governance.spreadsheets.registers import Rows

SESSION_KEY = "pending_imports"
KEPT = 3


@dataclass
class PendingImport:
    token: str
    kind: str
    initiative_id: int
    rows: Rows
    digest: str = ""


def keep(session: SessionBase, *, kind: str, initiative_id: int, rows: Rows) -> PendingImport:
    pending = dict(session.get(SESSION_KEY, {}))
    token = secrets.token_urlsafe(16)
    pending[token] = {"kind": kind, "initiative": initiative_id, "rows": rows, "digest": ""}
    session[SESSION_KEY] = dict(list(pending.items())[-KEPT:])
    return PendingImport(token, kind, initiative_id, rows)


def find(session: SessionBase, token: str, *, kind: str, initiative_id: int) -> PendingImport | None:
    stored = session.get(SESSION_KEY, {}).get(token)
    if not stored or stored["kind"] != kind or stored["initiative"] != initiative_id:
        return None
    rows = [(number, cells) for number, cells in stored["rows"]]
    return PendingImport(token, kind, initiative_id, rows, stored["digest"])


def previewed(session: SessionBase, pending: PendingImport, digest: str) -> None:
    """Remember the plan last shown for this upload: confirming applies that plan or nothing."""
    stored = dict(session.get(SESSION_KEY, {}))
    if pending.token in stored:
        stored[pending.token] = {**stored[pending.token], "digest": digest}
        session[SESSION_KEY] = stored


def drop(session: SessionBase, pending: PendingImport) -> None:
    stored = dict(session.get(SESSION_KEY, {}))
    stored.pop(pending.token, None)
    session[SESSION_KEY] = stored
