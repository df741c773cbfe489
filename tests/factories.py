"""factory_boy factories: test data built in code, never JSON fixtures."""

import factory

from initiatives.models import Body, Initiative, InitiativeRole, Membership, Participation, User

TEST_PASSWORD = "correct-horse-battery-staple"

# The personas of the `world` fixture, one user each: every permission test walks through all of them.
PERSONAS = [
    "programme_manager",
    "senior_owner",
    "partner_member",
    "outsider",
    "assurance_reviewer",
    "administrator",
]

# The operating models' keys, as the wizard, the recommendation and the health check name them.
LIGHT, LEAD, BOARD, SHARED, DATA = (
    "light_coordination",
    "lead_department",
    "joint_programme_board",
    "shared_service",
    "data_sharing_partnership",
)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("short_name",)

    name = factory.Sequence(lambda n: f"Department of Example Affairs {n}")
    short_name = factory.Sequence(lambda n: f"DEA{n}")
    kind = Body.Kind.MINISTERIAL_DEPARTMENT
    nation = Body.Nation.UK_WIDE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def bodies(self, create, extracted, **kwargs):
        if create:
            self.save()
            for body in extracted or []:
                Membership.objects.get_or_create(user=self, body=body)


class InitiativeFactory(factory.django.DjangoModelFactory):
    """An initiative with its lead body taking part as lead."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Joined-up initiative {n}")
    slug = factory.Sequence(lambda n: f"joined-up-initiative-{n}")
    outcome_statement = "Citizens tell government once and every body acts within 10 days."
    value_areas = factory.LazyFunction(lambda: ["operational_delivery"])
    lead_body = factory.SubFactory(BodyFactory)

    @factory.post_generation
    def lead_participation(self, create, extracted, **kwargs):
        if create:
            Participation.objects.get_or_create(
                initiative=self, body=self.lead_body, defaults={"role": Participation.Role.LEAD}
            )


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    initiative = factory.SubFactory(InitiativeFactory)
    body = factory.SubFactory(BodyFactory)
    role = Participation.Role.PARTNER


class InitiativeRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativeRole

    initiative = factory.SubFactory(InitiativeFactory)
    user = factory.SubFactory(UserFactory)
    role = InitiativeRole.Role.PROGRAMME_MANAGER


# Two-step verification for test people: one known authenticator secret, so tests (and browser
# tests, which type the codes) can compute the code of the moment with pyotp.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def with_two_step(user: User) -> User:
    """Give the person an authenticator app (and recovery codes), as if they had set one up."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TEST_TOTP_SECRET)
    RecoveryCodes.activate(user)
    return user


def totp_code(secret: str = TEST_TOTP_SECRET, *, steps_ahead: int = 0) -> str:
    """The authenticator's code now, or that many 30-second steps from now."""
    import time

    import pyotp

    totp = pyotp.TOTP(secret)
    return totp.at(time.time() + steps_ahead * totp.interval)
