"""Every API error as RFC 9457 problem details (application/problem+json), naming each field at fault.

{"type": "https://joined-up.example/problems/invalid", "title": "Your request has errors",
 "status": 400, "detail": "...", "errors": [{"field": "title", "detail": "This field is required."}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from collab.versions import StaleVersion

PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: ("invalid", "Your request has errors"),
    401: ("unauthenticated", "A valid token is needed"),
    403: ("forbidden", "You may not do this"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "The record changed since you read it"),
    415: ("unsupported-media-type", "Send JSON"),
    429: ("too-many-requests", "Too many requests"),
}
NON_FIELD = "non_field_errors"


class Conflict(exceptions.APIException):
    """A write refused because the record moved on (or is not in a state that allows it)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record changed since you read it"

    def __init__(self, detail: str, current_version: str | None = None):
        super().__init__(detail)
        self.current_version = current_version


def stale(error: StaleVersion) -> Conflict:
    return Conflict(
        f"The record is now at version {error.current}: read it again and send your change with that version",
        current_version=error.current,
    )


def field_errors(data: object, prefix: str = "") -> Iterator[dict[str, str]]:
    """Flatten DRF's nested error data into one entry per message, each naming its field by path."""
    if isinstance(data, dict):
        for name, inner in data.items():
            path = f"{prefix}.{name}" if prefix else str(name)
            yield from field_errors(inner, "" if name == NON_FIELD and not prefix else path)
    elif isinstance(data, list):
        for index, inner in enumerate(data):
            nested = isinstance(inner, dict | list)
            yield from field_errors(inner, f"{prefix}[{index}]" if nested else prefix)
    else:
        yield {"field": prefix, "detail": str(data)}


def problem(status_code: int, detail: str, errors: list[dict[str, str]] | None = None) -> dict:
    slug, title = TITLES.get(status_code, ("error", "Something went wrong"))
    body: dict = {
        "type": f"{settings.SITE_URL}/api/problems/{slug}",
        "title": title,
        "status": status_code,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem_response(exc: Exception, context: dict) -> Response | None:
    """REST framework's exception handler, reshaped; what it does not handle stays a 500 for the logs."""
    if isinstance(exc, StaleVersion):
        exc = stale(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = list(field_errors(response.data))
        detail = "; ".join(f"{e['field']}: {e['detail']}" if e["field"] else e["detail"] for e in errors)
        body = problem(response.status_code, detail, errors)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else str(response.data)
        body = problem(response.status_code, str(detail), [])
    if isinstance(exc, Conflict) and exc.current_version is not None:
        body["current_version"] = exc.current_version
    response.data = body
    response.content_type = PROBLEM_TYPE
    return response
