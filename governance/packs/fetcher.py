"""The only way WeasyPrint may load anything: the project's own allow-listed static files, from disk.

Every other URL is refused and recorded: http(s) (no network, so nothing can be probed or
leaked), file:// (no reading the server's files), data: (nothing embedded that we did not
write), and any attachment. Nothing is ever handed to urllib, so there are no redirects either.
User text never reaches this point anyway: the template escapes it, so it is printed, not parsed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The document's base URL. The .invalid top-level domain never resolves (RFC 2606), and the
# fetcher below never goes to the network in any case.
PACK_BASE_URL = "https://pack.joined-up.invalid/"
PACK_STYLESHEET = "governance/pack/pack.css"
ALLOWED_STATIC_FILES = frozenset({PACK_STYLESHEET})
ALLOWED_TYPES = {".css": "text/css"}


class RefusedURL(ValueError):
    pass


def static_url(path: str) -> str:
    """The URL a pack template uses for an allow-listed static file (never hashed, never remote)."""
    return f"{PACK_BASE_URL.rstrip('/')}{settings.STATIC_URL}{path}"


class AllowListFetcher(URLFetcher):
    def __init__(self, allowed: frozenset[str] = ALLOWED_STATIC_FILES):
        # No protocols at all for urllib: even a bug that reached the parent class would refuse.
        super().__init__(allowed_protocols=(), allow_redirects=False, timeout=1)
        self.allowed = allowed
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = self._allowed_path(url)
        found = finders.find(path) if path else None
        if not found:
            self.refused.append(url)
            logger.warning("Governance pack: refused to fetch %.200s", url)
            raise RefusedURL(f"Not an allow-listed asset: {url[:200]}")
        self.served.append(url)
        content_type = ALLOWED_TYPES[Path(path).suffix]
        return URLFetcherResponse(
            url, body=Path(found).read_bytes(), headers={"Content-Type": f"{content_type}; charset=utf-8"}
        )

    def _allowed_path(self, url: str) -> str | None:
        prefix = static_url("")
        if not url.startswith(prefix):
            return None
        path = url.removeprefix(prefix)
        # An exact match against the list: no query, no fragment, no "..", no percent-encoding tricks.
        if path not in self.allowed or Path(path).suffix not in ALLOWED_TYPES:
            return None
        return path
