"""`python -m tests.faults.paused_celery -A collab worker ...`: Celery's own command, whose pack builds pause.

The pause makes "a worker killed in the middle of building a pack" something a test can stage
reliably: the worker claims the pack, logs PAUSE_MARKER, then sleeps for FAULTS_PACK_BUILD_PAUSE
seconds before rendering, and the test kills it during that sleep. Only this wrapper reads the
variable; the application has no such switch.
"""

import os
import sys
import time

PAUSE_MARKER = "Pausing the build of governance pack"


def pause_pack_builds(seconds: float) -> None:
    from governance.packs import jobs

    render = jobs.build_pack_pdf

    def paused_render(content, **kwargs):
        print(f"{PAUSE_MARKER} for {seconds:g}s", flush=True)
        time.sleep(seconds)
        return render(content, **kwargs)

    jobs.build_pack_pdf = paused_render


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collab.settings")
    django.setup()
    pause_pack_builds(float(os.environ.get("FAULTS_PACK_BUILD_PAUSE", "60")))

    from celery.__main__ import main

    sys.argv[0] = "celery"
    main()
