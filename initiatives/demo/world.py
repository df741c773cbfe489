"""Seeding the cast and the stories' initiatives: the world every other demo seeder builds on.

Everything is keyed on natural keys (short names, email addresses, slugs), so running the
seed again finds what is there instead of adding a second copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from initiatives.demo import cost_of_living, identity_platform, tell_us_once
from initiatives.demo.cast import ADMIN, BODIES, DEMO_PASSWORD, LOGIN_LABELS, PEOPLE
from initiatives.demo.story import Story
from initiatives.models import Body, Initiative, InitiativeRole, Membership, Participation, User

STORIES = [tell_us_once.STORY, cost_of_living.STORY, identity_platform.STORY]


@dataclass(frozen=True)
class NewInitiative:
    """An initiative this run of the seed created, with its story and the people of its copy."""

    initiative: Initiative
    story: Story
    # The cast of this copy: with --scale, copy N's people are name+N@... .
    people: dict[str, User]

    @property
    def programme_manager(self) -> User:
        return self.people[self.story.programme_manager]


@dataclass
class DemoWorld:
    """What the seed made, for the seeders of other apps to build on."""

    bodies: dict[str, Body] = field(default_factory=dict)
    # The first copy's cast.
    people: dict[str, User] = field(default_factory=dict)
    initiatives: list[Initiative] = field(default_factory=list)
    created: list[NewInitiative] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    # Sentences for the person trying the demo, printed after the logins.
    notes: list[str] = field(default_factory=list)

    @property
    def created_initiatives(self) -> list[Initiative]:
        return [new.initiative for new in self.created]


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


def _ensure_bodies(world: DemoWorld) -> None:
    for name, short_name, kind, nation in BODIES:
        world.bodies[short_name], _ = Body.objects.get_or_create(
            short_name=short_name, defaults={"name": name, "kind": kind, "nation": nation}
        )


def _ensure_cast(copy: int, bodies: dict[str, Body]) -> dict[str, User]:
    people = {}
    for key, email, full_name, body_names, job_title in PEOPLE:
        user = _ensure_user(_person_email(email, copy), full_name)
        for body_name in body_names:
            Membership.objects.get_or_create(
                user=user, body=bodies[body_name], defaults={"job_title": job_title}
            )
        people[key] = user
    return people


@transaction.atomic
def seed_people_and_initiatives(scale: int = 1) -> DemoWorld:
    world = DemoWorld()
    _ensure_bodies(world)
    admin = _ensure_user(ADMIN[0], ADMIN[1], is_staff=True, is_superuser=True)
    world.logins.append(("Administrator", admin.email, DEMO_PASSWORD))

    for copy in range(1, scale + 1):
        people = _ensure_cast(copy, world.bodies)
        if copy == 1:
            world.people = people
            world.logins.extend(
                (f"{LOGIN_LABELS[key]} ({', '.join(bodies)})", people[key].email, DEMO_PASSWORD)
                for key, _email, _name, bodies, _title in PEOPLE
            )
        for story in STORIES:
            initiative, created = _ensure_initiative(story.initiative, copy, world.bodies, people)
            world.initiatives.append(initiative)
            if created:
                world.created.append(NewInitiative(initiative, story, people))
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
