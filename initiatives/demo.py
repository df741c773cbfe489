"""Demonstration data: real-sounding bodies, people for every role, initiatives at different stages.

Everything is keyed on natural keys (short names, email addresses, slugs), so running the
seed again finds what is there instead of adding a second copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from initiatives.models import Body, Initiative, InitiativeRole, Membership, Participation, User
from initiatives.operating_models import OperatingModel

DEMO_PASSWORD = "joined-up-demo"  # noqa: S105 - printed for people trying the demo

BODIES = [
    ("Department for Work and Pensions", "DWP", Body.Kind.MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("HM Revenue and Customs", "HMRC", Body.Kind.NON_MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("Cabinet Office", "CO", Body.Kind.MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("NHS England", "NHSE", Body.Kind.NHS_BODY, Body.Nation.ENGLAND),
    ("Scottish Government", "SG", Body.Kind.DEVOLVED_ADMINISTRATION, Body.Nation.SCOTLAND),
    ("Manchester City Council", "MCC", Body.Kind.LOCAL_AUTHORITY, Body.Nation.ENGLAND),
    ("HM Passport Office", "HMPO", Body.Kind.EXECUTIVE_AGENCY, Body.Nation.UK_WIDE),
    ("Infrastructure and Projects Authority", "IPA", Body.Kind.OTHER, Body.Nation.UK_WIDE),
]

# (key, email, full name, bodies, job title)
PEOPLE = [
    ("programme_manager", "priya.shah@dwp.example", "Priya Shah", ["DWP"], "Programme manager"),
    ("senior_owner", "david.okafor@dwp.example", "David Okafor", ["DWP"], "Director, Bereavement Services"),
    ("partner_member", "sian.evans@hmrc.example", "Siân Evans", ["HMRC"], "Policy lead"),
    ("council_member", "tom.barker@manchester.example", "Tom Barker", ["MCC"], "Head of Registration"),
    ("nhs_member", "amara.nwosu@nhse.example", "Amara Nwosu", ["NHSE"], "Data lead"),
    ("co_programme_manager", "hannah.lee@cabinetoffice.example", "Hannah Lee", ["CO"], "Programme manager"),
    ("co_senior_owner", "james.reid@cabinetoffice.example", "James Reid", ["CO"], "Deputy Director"),
    ("outsider", "fiona.mackay@gov-scot.example", "Fiona MacKay", ["SG"], "Analyst"),
    ("assurance_reviewer", "ruth.adeyemi@ipa.example", "Ruth Adeyemi", ["IPA"], "Assurance reviewer"),
    # In the reviewers group but assigned to nothing, so "Assign a reviewer" has someone to offer.
    ("unassigned_reviewer", "kwame.mensah@ipa.example", "Kwame Mensah", ["IPA"], "Assurance reviewer"),
]
LOGIN_LABELS = {
    "programme_manager": "Programme manager",
    "senior_owner": "Senior owner",
    "partner_member": "Partner body member",
    "council_member": "Partner body member",
    "nhs_member": "Consulted body member",
    "co_programme_manager": "Programme manager",
    "co_senior_owner": "Senior owner",
    "outsider": "Unrelated body member",
    "assurance_reviewer": "Assurance reviewer",
    "unassigned_reviewer": "Assurance reviewer, not assigned yet",
}
ADMIN = ("admin@joined-up.example", "Service Administrator")

INITIATIVES = [
    {
        "slug": "tell-us-once-bereavement",
        "title": "Tell Us Once for bereavement",
        "outcome": (
            "Bereaved people report a death once; every body that needs to know acts within 10 working days, "
            "without asking the family again."
        ),
        "value_areas": ["operational_delivery", "data_sharing"],
        "status": Initiative.Status.ACTIVE,
        "lead": "DWP",
        "partners": [("HMRC", "partner"), ("MCC", "partner"), ("HMPO", "benefiting"), ("NHSE", "consulted")],
        "programme_managers": ["programme_manager"],
        "senior_owner": "senior_owner",
        "reviewers": ["assurance_reviewer"],
        "decision_rights": [
            "Approve changes to scope within the agreed budget",
            "Approve the data sharing agreement on behalf of the partnership",
            "Decide the order in which partner bodies join",
        ],
        "operating_model": OperatingModel.DATA_SHARING_PARTNERSHIP,
        "stop_doing": {
            "DWP": ["Stop writing separately to the family about benefit overpayments"],
            "HMRC": ["Stop running a separate bereavement contact line for tax credits"],
            "MCC": ["Stop sending paper notifications to other councils"],
        },
    },
    {
        "slug": "cost-of-living-support-coordination",
        "title": "Cost of living support coordination",
        "outcome": (
            "Households in hardship hear about every support scheme they qualify for in one conversation."
        ),
        "value_areas": ["policy_design", "crisis_response"],
        "status": Initiative.Status.DRAFT,
        "lead": "CO",
        "partners": [("DWP", "partner"), ("MCC", "partner"), ("HMRC", "consulted")],
        "programme_managers": ["co_programme_manager"],
        "senior_owner": "co_senior_owner",
        "reviewers": [],
        "decision_rights": ["Agree the shared messaging calendar"],
        "operating_model": "",
        "stop_doing": {},
    },
    {
        "slug": "shared-identity-checking-platform",
        "title": "Shared identity checking platform",
        "outcome": "Citizens prove who they are once and reuse it across services run by different bodies.",
        "value_areas": ["shared_platforms"],
        "status": Initiative.Status.PAUSED,
        "lead": "HMPO",
        "partners": [("DWP", "partner"), ("HMRC", "partner")],
        "programme_managers": ["programme_manager"],
        "senior_owner": "senior_owner",
        "reviewers": ["assurance_reviewer"],
        "decision_rights": ["Approve the platform's service standard assessment"],
        "operating_model": OperatingModel.SHARED_SERVICE,
        "stop_doing": {"DWP": ["Stop procuring a separate identity checking contract"]},
    },
]


@dataclass
class DemoWorld:
    """What the seed made, for the seeders of other apps to build on."""

    bodies: dict[str, Body] = field(default_factory=dict)
    people: dict[str, User] = field(default_factory=dict)
    initiatives: list[Initiative] = field(default_factory=list)
    created_initiatives: list[Initiative] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    # Sentences for the person trying the demo, printed after the logins.
    notes: list[str] = field(default_factory=list)


def _copy_suffix(copy: int) -> str:
    return "" if copy == 1 else f"-{copy}"


def _person_email(email: str, copy: int) -> str:
    if copy == 1:
        return email
    local, domain = email.split("@")
    return f"{local}+{copy}@{domain}"


def _ensure_user(email: str, full_name: str, **extra) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **extra})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seed_people_and_initiatives(scale: int = 1) -> DemoWorld:
    world = DemoWorld()
    for name, short_name, kind, nation in BODIES:
        world.bodies[short_name], _ = Body.objects.get_or_create(
            short_name=short_name, defaults={"name": name, "kind": kind, "nation": nation}
        )
    admin = _ensure_user(ADMIN[0], ADMIN[1], is_staff=True, is_superuser=True)
    world.logins.append(("Administrator", admin.email, DEMO_PASSWORD))

    for copy in range(1, scale + 1):
        people = {}
        for key, email, full_name, body_names, job_title in PEOPLE:
            user = _ensure_user(_person_email(email, copy), full_name)
            for body_name in body_names:
                Membership.objects.get_or_create(
                    user=user, body=world.bodies[body_name], defaults={"job_title": job_title}
                )
            people[key] = user
        if copy == 1:
            world.people = people
            world.logins.extend(
                (f"{LOGIN_LABELS[key]} ({', '.join(bodies)})", people[key].email, DEMO_PASSWORD)
                for key, _email, _name, bodies, _title in PEOPLE
            )
        for spec in INITIATIVES:
            initiative, created = _ensure_initiative(spec, copy, world.bodies, people)
            world.initiatives.append(initiative)
            if created:
                world.created_initiatives.append(initiative)
    return world


def _ensure_initiative(spec: dict, copy: int, bodies: dict[str, Body], people: dict[str, User]):
    slug = spec["slug"] + _copy_suffix(copy)
    existing = Initiative.objects.filter(slug=slug).first()
    if existing:
        return existing, False
    title = spec["title"] if copy == 1 else f"{spec['title']} ({copy})"
    initiative = Initiative.objects.create(
        slug=slug,
        title=title,
        outcome_statement=spec["outcome"],
        value_areas=spec["value_areas"],
        status=spec["status"],
        lead_body=bodies[spec["lead"]],
        senior_owner=people[spec["senior_owner"]],
        senior_owner_decision_rights=spec["decision_rights"],
        operating_model=spec["operating_model"],
        created_by=people[spec["programme_managers"][0]],
    )
    for short_name, role in [(spec["lead"], "lead"), *spec["partners"]]:
        Participation.objects.create(
            initiative=initiative,
            body=bodies[short_name],
            role=role,
            stop_doing=spec["stop_doing"].get(short_name, []),
        )
    for key in spec["programme_managers"]:
        InitiativeRole.objects.create(
            initiative=initiative, user=people[key], role=InitiativeRole.Role.PROGRAMME_MANAGER
        )
    for key in spec["reviewers"]:
        InitiativeRole.objects.create(
            initiative=initiative, user=people[key], role=InitiativeRole.Role.ASSURANCE_REVIEWER
        )
    return initiative, True
