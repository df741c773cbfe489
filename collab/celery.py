import os
import sys

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collab.settings")

app = Celery("collab")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _create_filesystem_broker_folders(sender: Celery, **kwargs) -> None:
    # Kombu's filesystem transport expects its folders to exist already.
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if key in options:
            os.makedirs(options[key], exist_ok=True)


@worker_init.connect
@beat_init.connect
def _refuse_to_start_without_production_settings(**kwargs) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from collab.production import require_production_settings

    try:
        require_production_settings()
    except ImproperlyConfigured as refusal:
        # Celery logs and carries on past an exception in a signal handler; a worker that would
        # fail every task must not start, so leave with the reason instead.
        sys.stderr.write(f"ImproperlyConfigured: {refusal}\n")
        raise SystemExit(1) from None
