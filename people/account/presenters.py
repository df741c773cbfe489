"""The "Your account" page, shaped so its template stays free of logic."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from initiatives.models import Initiative, InitiativeRole, User
from initiatives.portfolio_offices.models import PortfolioGrant
from people.account.services import email_frequencies
from people.models import EmailFrequency, EmailKind
from people.single_sign_on import provider_for_email
from people.two_step import two_step_reasons


@dataclass
class InitiativeRoles:
    initiative: Initiative
    roles: list[str] = field(default_factory=list)


@dataclass
class TwoStep:
    on: bool
    required_because: list[str]
    unused_recovery_codes: int

    @property
    def can_turn_off(self) -> bool:
        return self.on and not self.required_because


@dataclass
class YourAccount:
    person: User
    bodies: list[str]
    initiatives: list[InitiativeRoles]
    # What the person's portfolio office grants cover: body names, or "all bodies".
    portfolio_offices: list[str]
    two_step: TwoStep
    sessions_elsewhere: int
    email_preferences: list[tuple[str, str]]
    single_sign_on_body: str
    has_password: bool


def roles_by_initiative(person: User) -> list[InitiativeRoles]:
    """Every initiative the person can see, with what they are in it."""
    member_of = {membership.body_id: membership.body.short_name for membership in person.memberships.all()}
    rows = {}
    for initiative in (
        Initiative.objects.visible_to(person).prefetch_related("participations").order_by("title")
    ):
        row = rows[initiative.pk] = InitiativeRoles(initiative=initiative)
        if initiative.senior_owner_id == person.pk:
            row.roles.append("Senior accountable owner")
        bodies = [member_of[p.body_id] for p in initiative.participations.all() if p.body_id in member_of]
        if bodies:
            row.roles.append(f"Member through {', '.join(sorted(bodies))}")
    roles = InitiativeRole.objects.filter(user=person, initiative_id__in=rows).order_by("role")
    for assignment in roles:
        rows[assignment.initiative_id].roles.insert(0, assignment.get_role_display())
    return list(rows.values())


def two_step_status(person: User) -> TwoStep:
    authenticators = {a.type: a for a in Authenticator.objects.filter(user=person)}
    codes = authenticators.get(Authenticator.Type.RECOVERY_CODES)
    return TwoStep(
        on=Authenticator.Type.TOTP in authenticators,
        required_because=two_step_reasons(person),
        unused_recovery_codes=len(codes.wrap().get_unused_codes()) if codes else 0,
    )


def your_account(person: User, current_session_key: str | None) -> YourAccount:
    sessions = UserSession.objects.purge_and_list(person)
    frequencies = email_frequencies(person=person)
    provider = provider_for_email(person.email)
    return YourAccount(
        person=person,
        bodies=[m.body.name for m in person.memberships.select_related("body").order_by("body__name")],
        initiatives=roles_by_initiative(person),
        portfolio_offices=[grant.scope for grant in PortfolioGrant.objects.held_by(person)],
        two_step=two_step_status(person),
        sessions_elsewhere=sum(1 for s in sessions if s.session_key != current_session_key),
        email_preferences=[(kind.label, EmailFrequency(frequencies[kind]).label) for kind in EmailKind],
        single_sign_on_body=provider.body.name if provider else "",
        has_password=person.has_usable_password(),
    )
