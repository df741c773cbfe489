"""The page people see when something fails on the server."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader

from collab import audit


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
