"""The cache, from CACHE_URL: it holds only what can be counted again, never records.

Initiatives' derived facts are cached in it (ADR 0027), and allauth keeps its rate limits there.
A redis:// or rediss:// URL (a Redis database of its own, not the broker's) shares one cache
between every web process and worker. Without one, each process keeps its own in memory: as
correct, since the facts' keys carry the version of the records they were counted from, but
each process counts an initiative's facts once for itself.
"""

from django.core.exceptions import ImproperlyConfigured

# A page waits at most this long (seconds) for a Redis that is gone, then counts the facts itself.
REDIS_TIMEOUT = 0.5
# Entries a process's own cache keeps (Django's default is 300): a portfolio of a few thousand
# initiatives, a few kilobytes each.
LOCAL_ENTRIES = 5000


def caches_from_url(url: str) -> dict:
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": LOCAL_ENTRIES},
            }
        }
    if url.partition("://")[0] not in ("redis", "rediss"):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// or rediss:// URL, not {url!r}")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
