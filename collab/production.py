"""Settings a server or worker cannot do without once DEBUG is off.

They are checked where a web server or worker starts (collab/wsgi.py, collab/asgi.py, the
Celery worker) and by Django's system checks (check, runserver, migrate), not when settings
load: a command that serves and signs nothing, such as `recommend_model`, a pure function of
its input, runs without them. Malformed values still stop start-up in settings.py itself.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


def missing_production_settings() -> list[tuple[str, str]]:
    """(check id, sentence naming the environment variable) for each required setting missing."""
    if settings.DEBUG:
        return []
    missing = []
    if not settings.SECRET_KEY_CONFIGURED:
        missing.append(("collab.E001", "SECRET_KEY must be set when DEBUG is off"))
    if not settings.ALLOWED_HOSTS:
        missing.append(
            ("collab.E002", "ALLOWED_HOSTS must name the host names the service answers to when DEBUG is off")
        )
    return missing


def require_production_settings() -> None:
    """Stop a web server or worker before it takes work it could only fail."""
    if missing := missing_production_settings():
        raise ImproperlyConfigured("; ".join(sentence for _id, sentence in missing))


@checks.register()
def check_production_settings(app_configs, **kwargs) -> list[checks.Error]:
    return [checks.Error(sentence, id=check_id) for check_id, sentence in missing_production_settings()]
