"""The page people see when something fails on the server."""

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.http.multipartparser import MultiPartParserError
from django.template import loader

from collab import audit
from collab.govuk_forms import LONG_TEXT_MAX_LENGTH


def server_error(request):
    """Django's 500 handler, which tells a database outage apart from a bug.

    It runs inside Django's exception handling, so sys.exc_info() is the failure. A
    database that is restarting or unreachable gets a 503 asking people to try again;
    anything else gets the plain 500 page. Neither shows a traceback. Rendered without
    the request context, as Django's own handler is, since the context may need the
    database that just failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        audit.record("database_unavailable", path=request.path, method=request.method)
        response = HttpResponseServerError(loader.get_template("503.html").render())
        response.status_code = 503
        response["Retry-After"] = "5"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


# What a 400 says when Django could not read the request at all: too big, too many fields or
# files, or a broken upload. The form is never reached, so no field can carry the message.
UNREADABLE_REQUESTS = {
    RequestDataTooBig: (
        f"What you sent was too large to read. Each text box takes up to {LONG_TEXT_MAX_LENGTH:,} "
        "characters. Shorten what you entered, then try again."
    ),
    TooManyFieldsSent: "What you sent had too many fields to read. Go back, reload the page and try again.",
    TooManyFilesSent: "What you sent had too many files. Upload one file at a time.",
    MultiPartParserError: (
        "The file or form you sent could not be read. Go back, choose the file again and try again."
    ),
}


def bad_request(request, exception):
    """Django's 400 handler: says what was wrong when a request could not be read, never a traceback."""
    reason = next(
        (text for kind, text in UNREADABLE_REQUESTS.items() if isinstance(exception, kind)),
        "Go back and try again.",
    )
    if isinstance(exception, tuple(UNREADABLE_REQUESTS)):
        audit.record("request_unreadable", path=request.path, reason=type(exception).__name__)
    return HttpResponseBadRequest(loader.get_template("400.html").render({"reason": reason}, request))
