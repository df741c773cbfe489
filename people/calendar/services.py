"""A person's secret calendar address: made when first shown, reset from Your account.

Calendar apps fetch the feed without signing in, so the address is the only key to it. It holds a
random key and an HMAC of that key under SECRET_KEY (or a key in SECRET_KEY_FALLBACKS while one is
rolled out); the signature is compared in constant time.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from initiatives.models import User
from people.models import CalendarFeed

SALT = "people.calendar_feed"
SEPARATOR = "-"


def _signature(key: str, secret: str | None = None) -> str:
    return salted_hmac(SALT, key, secret=secret, algorithm="sha256").hexdigest()[:32]


def feed_token(feed: CalendarFeed) -> str:
    return f"{feed.key}{SEPARATOR}{_signature(feed.key)}"


def calendar_feed_for(*, person: User) -> CalendarFeed:
    """The person's feed, made the first time it is asked for."""
    feed, _made = CalendarFeed.objects.get_or_create(user=person, defaults={"key": secrets.token_hex(10)})
    return feed


@transaction.atomic
def calendar_feed_reset(*, person: User, by: User) -> CalendarFeed:
    """A new address; the old one stops working at once."""
    feed = calendar_feed_for(person=person)
    feed.key = secrets.token_hex(10)
    feed.reset_at = timezone.now()
    feed.save(update_fields=["key", "reset_at"])
    return feed


def calendar_feed_end(*, person: User) -> None:
    """For a leaver: their address stops working, and a later reactivation gets a new one."""
    CalendarFeed.objects.filter(user=person).delete()


def person_for_token(token: str) -> User | None:
    """The active person whose feed this address is, or None for any other address."""
    key, _sep, signature = token.partition(SEPARATOR)
    feed = CalendarFeed.objects.select_related("user").filter(key=key).first() if key else None
    if feed is None or not feed.user.is_active:
        return None
    secrets_to_try = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    if not any(constant_time_compare(signature, _signature(key, secret)) for secret in secrets_to_try):
        return None
    return feed.user
