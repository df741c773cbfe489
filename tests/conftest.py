"""Fixed personas every test can use, around one initiative led by DWP with HMRC as partner.

- programme_manager: DWP, manages the initiative
- senior_owner: DWP, named senior accountable owner
- partner_member: HMRC, a partner body
- outsider: Scottish Government, which takes no part
- assurance_reviewer: IPA, assigned to assure the initiative
- administrator: superuser

The senior owner, the reviewer and the administrator must use two-step verification, so they have
an authenticator (tests.factories.with_two_step); the others may, and have none.
"""

import os
from dataclasses import dataclass

import pytest

from initiatives.models import Body, Initiative, InitiativeRole, User
from tests.factories import (
    BodyFactory,
    InitiativeFactory,
    InitiativeRoleFactory,
    ParticipationFactory,
    UserFactory,
    with_two_step,
)

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# that unless told it is safe, which it is for tests driving a separate live server.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class World:
    initiative: Initiative
    lead_body: Body
    partner_body: Body
    unrelated_body: Body
    programme_manager: User
    senior_owner: User
    partner_member: User
    outsider: User
    assurance_reviewer: User
    administrator: User


def pytest_configure(config):
    from tests import emptying

    emptying.install()


# The files whose tests share the Celery broker with a real worker, or stop the broker or the
# database on purpose. They run one at a time, on one process, beside the rest (see below).
BROKER_FILES = (
    "tests/faults/",
    "tests/test_celery_worker.py",
    "tests/governance/test_pack_worker.py",
    "tests/people/test_digest_worker.py",
    "tests/browser/test_assurance_packs_browser.py",
)
# Handed out first, so the longest pieces of work do not finish last on one process while the other idles.
HEAVIEST_FIRST = (
    "tests/browser/test_every_page_accessible.py",
    "broker",
    "tests/test_bench_smoke.py",
    "tests/browser/",
)


def group_of(nodeid: str) -> str:
    """The unit of work a test belongs to: the broker's tests together, every other module alone."""
    path = nodeid.split("::")[0]
    return "broker" if path.startswith(BROKER_FILES) else path


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark the broker's tests serial, check none lives outside BROKER_FILES, and put the heaviest
    groups first."""
    for item in items:
        uses_broker = "celery_worker_process" in getattr(item, "fixturenames", ())
        if uses_broker or item.get_closest_marker("worker") or item.nodeid.startswith("tests/faults/"):
            if group_of(item.nodeid) != "broker":
                raise pytest.UsageError(f"{item.nodeid} shares the broker: add its file to BROKER_FILES")
            item.add_marker(pytest.mark.serial)

    def weight(item) -> int:
        group = group_of(item.nodeid)
        return next((rank for rank, heavy in enumerate(HEAVIEST_FIRST) if group.startswith(heavy)), 99)

    items.sort(key=weight)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test`'s processes take whole groups (group_of): a real worker consumes whatever is on the
    configured queue, and the fault tests empty or stop the broker, so two of the broker's tests at
    once would take each other's messages; a module kept on one process makes its module-scoped
    fixtures once. pytest-xdist's own --dist loadgroup cannot be used: it renames test ids in a way
    pytest 9 no longer honours, so its groups are silently ignored."""
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return ByGroup(config, log)


def pytest_runtest_setup(item):
    """`@pytest.mark.postgres`: races and triggers that only PostgreSQL has; skipped on SQLite, run in CI."""
    from django.conf import settings

    if item.get_closest_marker("postgres") and "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip("needs PostgreSQL; CI runs it")


def pytest_sessionfinish(session):
    """On an xdist worker, hand the bad-input fuzz tally to the controller, which prints it."""
    from tests.edges import fuzz_tally

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_tally"] = fuzz_tally.export()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    from tests.edges import fuzz_tally

    fuzz_tally.merge(getattr(node, "workeroutput", {}).get("fuzz_tally"))


def pytest_terminal_summary(terminalreporter):
    """The bad-input fuzz says how many inputs it tried (also kept in var/fuzz-report.json)."""
    from tests.edges import fuzz_tally

    if fuzz_tally.TALLY or fuzz_tally.NOTES:
        path = fuzz_tally.write_report()
        terminalreporter.write_sep("-", fuzz_tally.summary_line())
        terminalreporter.write_line(f"per form: {path}")


# A test database need not survive a crash of the machine: its commits do not wait for the disk.
# Migrating it took 73 s with them waiting and 39 s without, on this machine; every transactional
# test commits too. What other connections see is the same either way.
NO_WAIT_FOR_DISK = "-c synchronous_commit=off"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    from django.conf import settings

    for database in settings.DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            options = database.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} {NO_WAIT_FOR_DISK}".strip()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, fitted to the test framework.

    Its decision trail may be emptied by TRUNCATE, as the framework does between tests;
    everywhere else the trail refuses TRUNCATE (governance migration 0008). Its commits do not
    wait for the disk in other processes either (the Celery worker, the fault tests' gunicorn).
    """
    from django.db import connection

    # The live server's request threads would otherwise keep their connections for a minute,
    # and the test database could not be dropped at the end of the run.
    connection.settings_dict["CONN_MAX_AGE"] = 0
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            name = connection.settings_dict["NAME"]
            with connection.cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{name}" SET joinedup.allow_trail_truncate = on')
                cursor.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
                cursor.execute("SET joinedup.allow_trail_truncate = on")


@pytest.fixture
def world(db) -> World:
    dwp = BodyFactory(name="Department for Work and Pensions", short_name="DWP")
    hmrc = BodyFactory(
        name="HM Revenue and Customs", short_name="HMRC", kind=Body.Kind.NON_MINISTERIAL_DEPARTMENT
    )
    scotland = BodyFactory(
        name="Scottish Government",
        short_name="SG",
        kind=Body.Kind.DEVOLVED_ADMINISTRATION,
        nation=Body.Nation.SCOTLAND,
    )
    ipa = BodyFactory(name="Infrastructure and Projects Authority", short_name="IPA", kind=Body.Kind.OTHER)
    programme_manager = UserFactory(email="pm@dwp.example", full_name="Priya Shah", bodies=[dwp])
    senior_owner = UserFactory(email="sro@dwp.example", full_name="David Okafor", bodies=[dwp])
    partner_member = UserFactory(email="partner@hmrc.example", full_name="Siân Evans", bodies=[hmrc])
    outsider = UserFactory(email="outsider@gov-scot.example", full_name="Fiona MacKay", bodies=[scotland])
    reviewer = UserFactory(email="reviewer@ipa.example", full_name="Ruth Adeyemi", bodies=[ipa])
    administrator = UserFactory(
        email="admin@joined-up.example", full_name="Service Administrator", is_staff=True, is_superuser=True
    )
    initiative = InitiativeFactory(
        title="Tell Us Once for bereavement",
        slug="tell-us-once",
        lead_body=dwp,
        senior_owner=senior_owner,
        senior_owner_decision_rights=["Approve changes to scope within budget"],
    )
    ParticipationFactory(initiative=initiative, body=hmrc)
    InitiativeRoleFactory(initiative=initiative, user=programme_manager)
    InitiativeRoleFactory(initiative=initiative, user=reviewer, role=InitiativeRole.Role.ASSURANCE_REVIEWER)
    for person in (senior_owner, reviewer, administrator):
        with_two_step(person)
    return World(
        initiative=initiative,
        lead_body=dwp,
        partner_body=hmrc,
        unrelated_body=scotland,
        programme_manager=programme_manager,
        senior_owner=senior_owner,
        partner_member=partner_member,
        outsider=outsider,
        assurance_reviewer=reviewer,
        administrator=administrator,
    )


@pytest.fixture(autouse=True)
def _tasks_run_in_process(settings):
    """Unit tests run Celery tasks eagerly; tests marked `worker` use a real worker instead."""
    from collab.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _sign_in_lockout_off(settings):
    """django-axes counts every failed sign-in; tests of the lockout turn it back on."""
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _rate_limits_off(settings):
    """django-allauth limits requests per address and person; tests send many. Used TOTP codes are
    remembered in the cache so none works twice, and initiatives' facts are cached there (ADR 0027):
    each test starts with an empty cache."""
    from django.core.cache import cache

    settings.ACCOUNT_RATE_LIMITS = False
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests do not run collectstatic, so there is no manifest for hashed names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def celery_worker_process(tmp_path, transactional_db):
    """A real `celery worker` process on the configured broker, against the test database."""
    from collab.celery import app
    from tests.worker import WorkerProcess

    app.conf.task_always_eager = False
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker = WorkerProcess(mail_dir=mail_dir, log_path=tmp_path / "worker.log").start()
    yield worker
    worker.stop()
