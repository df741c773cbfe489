import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collab.settings")
application = get_wsgi_application()

# A server without its production settings would fail every request; refuse to start instead.
from collab.production import require_production_settings  # noqa: E402

require_production_settings()
