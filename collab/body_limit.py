"""Request bodies over the site's limit are refused before Python reads them (ADR 0020).

Django's own limits apply only once a body is being read: DATA_UPLOAD_MAX_MEMORY_SIZE counts form
fields, not files, so a multipart upload of any size is streamed to a temporary file before a form
can say the file is too big. This middleware, first in MIDDLEWARE, refuses a declared
Content-Length over MAX_REQUEST_BODY_BYTES without reading a byte. A chunked body, sent without a
length (on a server that marks its end with wsgi.input_terminated), is read to the limit and no further:
past it the answer is the same 413; within it the body is held and given its length, so Django
reads it as if the length had been sent.
"""

from io import BytesIO

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse
from django.template import loader

from collab import audit

CHUNK_BYTES = 64 * 1024


def too_large_response() -> HttpResponse:
    """The 413 page, rendered without the request: this runs before sessions and users are known."""
    limit_mb = settings.MAX_REQUEST_BODY_BYTES // (1024 * 1024)
    return HttpResponse(loader.get_template("413.html").render({"limit_mb": limit_mb}), status=413)


def declared_length(environ) -> int | None:
    try:
        return int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def read_capped(stream, cap: int) -> BytesIO | None:
    """The stream's bytes (at most `cap`, 3 MiB, so held in memory), or None once more have come."""
    held = BytesIO()
    while chunk := stream.read(min(CHUNK_BYTES, cap + 1 - held.tell())):
        held.write(chunk)
        if held.tell() > cap:
            return None
    held.seek(0)
    return held


def length_of_chunked_body(request, cap: int) -> int | None:
    """Read a chunked body to the cap, give it to Django with its length; the length, or cap + 1 if over.

    Django reads nothing of a body without a length. A server that has marked where it ends
    (wsgi.input_terminated, as gunicorn does) lets it be read, to the cap and no further.
    """
    chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
    if not (chunked and request.META.get("wsgi.input_terminated")):
        return None
    held = read_capped(request.META["wsgi.input"], cap)
    if held is None:
        return cap + 1
    with held.getbuffer() as view:
        length = view.nbytes
    request.META["CONTENT_LENGTH"] = str(length)
    # Django made its stream when the request was built, with no length to read.
    request._stream = LimitedStream(held, length)
    return length


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cap = settings.MAX_REQUEST_BODY_BYTES
        length = declared_length(request.META)
        if length is None:
            length = length_of_chunked_body(request, cap)
        if length is not None and length > cap:
            audit.record("request_too_large", path=request.path, method=request.method, length=length)
            return too_large_response()
        return self.get_response(request)
