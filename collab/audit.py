"""The audit log: one structured line per security-relevant event.

Events are sign-ins (and failures), sign-outs, refusals, decisions taken and downloads.
Fields are ids, paths and outcomes; never passwords, session keys or tokens. A failed
sign-in logs a short hash of the address tried, since people sometimes type their
password into the email box.
"""

import hashlib
import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

logger = logging.getLogger("joinedup.audit")


def record(event: str, **fields) -> None:
    logger.info(event, extra={"audit": {"event": event, **fields}})


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _on_sign_in(sender, request, user, **kwargs) -> None:
    record("sign_in", user_id=user.pk, ip=_client_ip(request))


def _on_sign_out(sender, request, user, **kwargs) -> None:
    record("sign_out", user_id=getattr(user, "pk", None), ip=_client_ip(request))


def _on_sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    tried = str(credentials.get("username", "")).strip().lower()
    record(
        "sign_in_failed",
        tried_hash=hashlib.sha256(tried.encode()).hexdigest()[:12] if tried else None,
        ip=_client_ip(request),
    )


def connect_sign_in_events() -> None:
    user_logged_in.connect(_on_sign_in, dispatch_uid="audit_sign_in")
    user_logged_out.connect(_on_sign_out, dispatch_uid="audit_sign_out")
    user_login_failed.connect(_on_sign_in_failed, dispatch_uid="audit_sign_in_failed")
