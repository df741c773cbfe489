"""Settings for Joined-up, read from the environment with safe defaults for development.

With nothing configured the service runs on a SQLite file and a Celery worker on Kombu's
filesystem transport under var/, so a fresh machine needs no services. Production sets
DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis); see docker-compose.yml.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from collab.api_settings import API_APPS, REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: F401 - read by name
from collab.beat_schedule import BEAT_SCHEDULE
from collab.cache_settings import caches_from_url
from collab.env import env_bool, env_choice, env_int, env_list, env_str

# Signing in, two-step verification, single sign-on and the lockout, kept in their own module.
from collab.sign_in_settings import (  # noqa: F401 - Django, allauth and axes read them by name
    ACCOUNT_ADAPTER,
    ACCOUNT_EMAIL_NOTIFICATIONS,
    ACCOUNT_EMAIL_SUBJECT_PREFIX,
    ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS,
    ACCOUNT_EMAIL_VERIFICATION,
    ACCOUNT_FORMS,
    ACCOUNT_LOGIN_METHODS,
    ACCOUNT_PREVENT_ENUMERATION,
    ACCOUNT_RATE_LIMITS,
    ACCOUNT_SESSION_REMEMBER,
    ACCOUNT_SIGNUP_FIELDS,
    ACCOUNT_USER_MODEL_USERNAME_FIELD,
    AXES_COOLOFF_TIME,
    AXES_FAILURE_LIMIT,
    AXES_HANDLER,
    AXES_LOCKOUT_PARAMETERS,
    AXES_LOCKOUT_TEMPLATE,
    AXES_RESET_ON_SUCCESS,
    AXES_USERNAME_CALLABLE,
    AXES_VERBOSE,
    MFA_ADAPTER,
    MFA_ALLOW_UNVERIFIED_EMAIL,
    MFA_FORMS,
    MFA_REQUIRED_FOR_ALL,
    MFA_SUPPORTED_TYPES,
    MFA_TOTP_ISSUER,
    MFA_TOTP_TOLERANCE,
    PASSWORD_RESET_TIMEOUT,
    SILENCED_SYSTEM_CHECKS,
    SOCIALACCOUNT_ADAPTER,
    SOCIALACCOUNT_AUTO_SIGNUP,
    SOCIALACCOUNT_EMAIL_AUTHENTICATION,
    SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX,
    SOCIALACCOUNT_STORE_TOKENS,
    USERSESSIONS_TRACK_ACTIVITY,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# Required when DEBUG is off, but checked where a server or worker starts (collab/production.py),
# so commands that sign nothing still run. Left empty, Django refuses any use of it.
SECRET_KEY = env_str("SECRET_KEY")
SECRET_KEY_CONFIGURED = bool(SECRET_KEY)
# Earlier keys, while a new SECRET_KEY is rolled out: signatures and sealed two-step secrets
# (people/adapters.py) made with them still read.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "development-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "collab",
    "initiatives",
    "people",
    "governance",
    *API_APPS,
]

MIDDLEWARE = [
    # First: a body over MAX_REQUEST_BODY_BYTES is refused with the 413 page before anything reads it.
    "collab.body_limit.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in user unless its view says otherwise.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before anything else, people who must use two-step verification set it up.
    "people.middleware.TwoStepRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After the views: a change made since a create form was sent ends its answers counting as a replay.
    "collab.form_tokens.ReplaysEndAtTheNextChange",
    "collab.middleware.SignedInSessionMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The largest request body Django reads, files included. The spreadsheet import takes CSV files under
# 1 MB, and a form's text may reach Django's own DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MiB), whose 400 page
# says which limit was passed: 3 MiB lets both through with room for multipart framing, and refuses
# more with the 413 page. deploy/nginx.conf's client_max_body_size is the same (a test checks).
MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024

ROOT_URLCONF = "collab.urls"
WSGI_APPLICATION = "collab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "people.context_processors.account",
            ],
            "builtins": ["collab.templatetags.govuk"],
        },
    },
]
FORM_RENDERER = "collab.govuk_forms.GovukFormRenderer"


def _database_from_url(url: str) -> dict:
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we understand: {error}") from None
    if config["ENGINE"] not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// or sqlite:// URL")
    if not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL must name a database (postgres://user@host:5432/name)")
    return config


DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": _database_from_url(DATABASE_URL)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "joined-up.sqlite3",
            # A file, not memory, for tests too: a Celery worker process started by a test reads it.
            "TEST": {"NAME": VAR_DIR / "test-joined-up.sqlite3"},
            # IMMEDIATE: a transaction takes the write lock when it begins, so two requests that each
            # read then write queue for it instead of failing at once with "database is locked".
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "initiatives.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out email address is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's model backend, signing in by email address; refuses deactivated people.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "full_name"]},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 minutes without a request, and 12 hours after signing in whatever
# happens (collab.middleware.SignedInSessionMiddleware enforces the second). Signed-in pages
# warn this many seconds before the idle timeout, with a dialog that can extend the session.
SESSION_COOKIE_AGE = 30 * 60
SESSION_TIMEOUT_WARNING = 2 * 60
# Django's database sessions, except that a database outage while saving one gets the 503 page.
SESSION_ENGINE = "collab.sessions"
# The idle timeout restarts on a signed-in request at most this often (collab.sessions.refresh_idle_timeout),
# not with a database write on every request.
SESSION_REFRESH_AFTER = 60
SESSION_ABSOLUTE_AGE = 12 * 60 * 60

# The cache: initiatives' derived facts (ADR 0027) and allauth's rate limits.
CACHES = caches_from_url(env_str("CACHE_URL"))

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# Beat's crontab schedules (the morning reminders and digest) are in London time too.
CELERY_TIMEZONE = TIME_ZONE
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Files that must only ever be served through a permission check (governance packs).
# Deliberately not under a MEDIA_URL: there is no public media URL at all.
PRIVATE_FILES_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(VAR_DIR / "private")))

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Joined-up <no-reply@joined-up.example>")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# GOV.UK Notify, when EMAIL_BACKEND is collab.notify.NotifyEmailBackend. Every email is sent with
# a Notify template holding ((subject)) and ((body)): GOVUK_NOTIFY_TEMPLATE_ID for all of them,
# or one per kind of email in GOVUK_NOTIFY_TEMPLATE_IDS ("invitation=<id>,password_reset_key=<id>").
GOVUK_NOTIFY_API_KEY = env_str("GOVUK_NOTIFY_API_KEY")
GOVUK_NOTIFY_BASE_URL = env_str("GOVUK_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
GOVUK_NOTIFY_TEMPLATE_ID = env_str("GOVUK_NOTIFY_TEMPLATE_ID")
GOVUK_NOTIFY_TEMPLATE_IDS = dict(
    item.partition("=")[::2] for item in env_list("GOVUK_NOTIFY_TEMPLATE_IDS", [])
)

# Celery. The broker carries messages, never records: every job that matters is a
# database row first, so an emptied Redis loses nothing that cannot be re-sent.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "filesystem://"
if CELERY_BROKER_URL.partition("://")[0] not in ("redis", "rediss", "filesystem"):
    raise ImproperlyConfigured(
        f"CELERY_BROKER_URL must be a redis://, rediss:// or filesystem:// URL, not {CELERY_BROKER_URL!r}"
    )
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when the broker is down so a request can answer instead of hanging. One retry is
# enough to replace a pooled connection that a restarted Redis closed; more only make a request
# wait longer on a Redis that is gone (tests/faults/test_redis_down.py measures it).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Packs build on their own queue, so a pack never waits behind other work (imports, emails); each
# worker process reserves one message at a time (the prefetch multiplier above, with acks late),
# so a pack waits only for a free process, never behind another pack reserved by a busy one.
# Every worker that builds packs consumes it: `celery -A collab worker -Q celery,packs`, or a
# dedicated pack worker with `-Q packs` (README, docs/adr/0024).
CELERY_TASK_DEFAULT_QUEUE = "celery"
PACK_QUEUE = "packs"
CELERY_TASK_ROUTES = {"governance.tasks.build_governance_pack": {"queue": PACK_QUEUE}}
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300, minimum=1)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240, minimum=1)
if CELERY_TASK_SOFT_TIME_LIMIT >= CELERY_TASK_TIME_LIMIT:
    # The soft limit is what lets a task fail cleanly (and say why) before the hard limit kills it.
    raise ImproperlyConfigured(
        f"CELERY_TASK_SOFT_TIME_LIMIT ({CELERY_TASK_SOFT_TIME_LIMIT}) must be less than "
        f"CELERY_TASK_TIME_LIMIT ({CELERY_TASK_TIME_LIMIT})"
    )
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_FILESYSTEM_DIR = Path(env_str("CELERY_FILESYSTEM_DIR", str(VAR_DIR / "celery")))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "processed_folder": str(CELERY_FILESYSTEM_DIR / "processed"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
        "store_processed": False,
    }
else:
    # An unacknowledged message comes back after the visibility timeout; it must be
    # longer than any task may run, or a slow task would be handed out twice.
    # Redis answers in well under a millisecond, so a second without an answer means it is gone
    # or frozen. With longer socket timeouts a request publishing to a frozen Redis (one that
    # still accepts connections but never replies) waited 20 seconds; with these, about 2-3.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": 2 * CELERY_TASK_TIME_LIMIT,
        "socket_connect_timeout": 1,
        "socket_timeout": 1,
    }

# Governance packs. A pack is asked for again (a new message to the broker) when it has waited
# this long in the queue, and given up after this many attempts to build it.
PACK_REQUEUE_AFTER = env_int("PACK_REQUEUE_AFTER", 300, minimum=1)
PACK_MAX_ATTEMPTS = env_int("PACK_MAX_ATTEMPTS", 4, minimum=1)
# Retries after a transient failure wait 5, 10, 20... seconds, never more than 5 minutes.
PACK_RETRY_BACKOFF = env_int("PACK_RETRY_BACKOFF", 5, minimum=0)
PACK_RETRY_BACKOFF_MAX = 300
# Import jobs likewise: sent again after waiting this long, given up after this many lost workers.
IMPORT_REQUEUE_AFTER = env_int("IMPORT_REQUEUE_AFTER", 120, minimum=1)
IMPORT_MAX_ATTEMPTS = env_int("IMPORT_MAX_ATTEMPTS", 3, minimum=1)
# What beat sends, and when: collab/beat_schedule.py.
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# A Red delivery confidence schedules a follow-up review this many months after the review.
ASSURANCE_FOLLOW_UP_MONTHS = 3

# Security headers. Content Security Policy allows our own files and nonced scripts only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOG_FORMAT = env_choice("LOG_FORMAT", "plain" if DEBUG else "json", ("plain", "json"))
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "collab.log_format.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports every layout step at INFO; its warnings (a refused URL) still show.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Risk scoring bands on the 5x5 likelihood x impact scale. Departmental practice rather
# than a Treasury rule, so configurable: each band covers scores up to max_score and sets
# how soon a risk in it must be reviewed again.
RISK_BANDS = [
    {"name": "Low", "max_score": 4, "review_days": 90, "colour": "green"},
    {"name": "Medium", "max_score": 9, "review_days": 60, "colour": "yellow"},
    {"name": "High", "max_score": 16, "review_days": 30, "colour": "orange"},
    {"name": "Very high", "max_score": 25, "review_days": 14, "colour": "red"},
]
