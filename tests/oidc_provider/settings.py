"""A small, real OpenID Connect identity provider for the browser tests (django-oidc-provider).

It stands in for a body's own identity provider: its own Django project, run as a separate process
on loopback by tests/browser/identity_provider.py, with its own database, users and signing key.
Its cookies have their own names, so they never clash with Joined-up's on the same host.
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEBUG = False
SECRET_KEY = "test-identity-provider-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.oidc_provider.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["IDP_DATABASE"]}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_NAME = "identity_provider_session"
CSRF_COOKIE_NAME = "identity_provider_csrftoken"
LOGIN_URL = "/accounts/login/"
USE_TZ = True
OIDC_USERINFO = "tests.oidc_provider.claims.userinfo"
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
