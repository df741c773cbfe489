"""A service's refusal, told to the person as an error message on the page they are sent back to.

Services refuse with an exception whose message is written for the person ("Remove the rows that
still use this column first"); an action view tells them that, or what was done.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.contrib import messages
from django.http import HttpRequest


@contextlib.contextmanager
def refused_or_done(
    request: HttpRequest, refusal: type[Exception] | tuple[type[Exception], ...], *, done: str
) -> Iterator[None]:
    """Wrap the service call: its refusal becomes an error message, else `done` a success message."""
    try:
        yield
    except refusal as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
