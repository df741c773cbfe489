"""Settings of the application that the fault tests run in gunicorn: production's, with two changes.

Both changes are what every other test does too: passwords are hashed fast (the test users were
given MD5 hashes by tests/conftest.py), and static files are served without the manifest that
only `collectstatic` writes. Everything else, DEBUG off included, comes from the environment
exactly as in production.
"""

from collab.settings import *  # noqa: F403  (a settings module built on another, as Django does)
from collab.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
