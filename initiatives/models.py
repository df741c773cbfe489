"""People, the public bodies they belong to, and the initiatives those bodies run together."""

import re
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from initiatives.operating_models import OperatingModel
from initiatives.querysets import (
    BodyQuerySet,
    InitiativeQuerySet,
    InitiativeRoleQuerySet,
    ParticipationQuerySet,
    UserQuerySet,
)
from initiatives.roles import TeamRole

DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def new_facts_version() -> int:
    """A fresh Initiative.facts_version: random, positive, fits a BigIntegerField."""
    return secrets.randbits(62) + 1


def email_domains_in(text: str) -> list[str]:
    return [part.strip().lower().lstrip("@") for part in text.split(",") if part.strip()]


def validate_email_domains(text: str) -> None:
    if wrong := [domain for domain in email_domains_in(text) if not DOMAIN.match(domain)]:
        raise ValidationError(
            f"Enter email domains like dwp.gov.uk, separated by commas: {', '.join(wrong)} is not one"
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A civil servant, signing in with their work email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Body(models.Model):
    """A public body that can take part in initiatives."""

    class Kind(models.TextChoices):
        MINISTERIAL_DEPARTMENT = "ministerial_department", "Ministerial department"
        NON_MINISTERIAL_DEPARTMENT = "non_ministerial_department", "Non-ministerial department"
        EXECUTIVE_AGENCY = "executive_agency", "Executive agency"
        NON_DEPARTMENTAL_PUBLIC_BODY = "non_departmental_public_body", "Non-departmental public body"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        DEVOLVED_ADMINISTRATION = "devolved_administration", "Devolved administration"
        NHS_BODY = "nhs_body", "NHS body"
        OTHER = "other", "Other"

    class Nation(models.TextChoices):
        UK_WIDE = "uk_wide", "UK-wide"
        ENGLAND = "england", "England"
        SCOTLAND = "scotland", "Scotland"
        WALES = "wales", "Wales"
        NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, unique=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    nation = models.CharField(max_length=20, choices=Nation.choices, default=Nation.UK_WIDE)
    # Nobody can be invited into the body with an address elsewhere (a personal address, say)
    # unless an administrator overrides it. A domain also covers its subdomains.
    allowed_email_domains = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_email_domains],
        help_text="Email domains of the body's own people, separated by commas, for example dwp.gov.uk",
    )

    history = HistoricalRecords()
    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.short_name

    @property
    def email_domains(self) -> list[str]:
        return email_domains_in(self.allowed_email_domains)

    def allows_email(self, email: str) -> bool:
        domain = email.rpartition("@")[2].lower()
        return any(domain == allowed or domain.endswith(f".{allowed}") for allowed in self.email_domains)


class Membership(models.Model):
    """A user belongs to one or more bodies; membership is what makes initiatives visible."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    job_title = models.CharField(max_length=150, blank=True)
    # A body lead may deactivate (and reactivate) the body's people when they leave.
    is_body_lead = models.BooleanField(
        "body lead",
        default=False,
        help_text="May deactivate this body's people when they leave, and reactivate them.",
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "body"], name="one_membership_per_user_and_body")
        ]
        ordering = ["body__name", "user__full_name"]

    def __str__(self) -> str:
        return f"{self.user} in {self.body}"


class ValueArea(models.TextChoices):
    POLICY_DESIGN = "policy_design", "Policy design"
    OPERATIONAL_DELIVERY = "operational_delivery", "Operational delivery"
    DATA_SHARING = "data_sharing", "Data sharing"
    CRISIS_RESPONSE = "crisis_response", "Crisis response"
    SHARED_PLATFORMS = "shared_platforms", "Shared platforms"


class Initiative(models.Model):
    """Something two or more public bodies deliver together."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    class Classification(models.TextChoices):
        OFFICIAL = "official", "OFFICIAL"
        OFFICIAL_SENSITIVE = "official_sensitive", "OFFICIAL-SENSITIVE"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    outcome_statement = models.TextField(
        help_text="The shared goal, measurable and meaningful to citizens or frontline staff."
    )
    value_areas = models.JSONField(default=list, blank=True)
    lead_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="led_initiatives")
    bodies = models.ManyToManyField(Body, through="Participation", related_name="initiatives")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    senior_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_initiatives",
        verbose_name="senior accountable owner",
    )
    # A list of short statements, one decision right each.
    senior_owner_decision_rights = models.JSONField(default=list, blank=True)
    operating_model = models.CharField(max_length=40, choices=OperatingModel.choices, blank=True)
    classification = models.CharField(
        max_length=20, choices=Classification.choices, default=Classification.OFFICIAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Changes with every write that can change what Joined-up derives about the initiative (its
    # health check, flags and counts), so those can be cached under it: see ADR 0027 and
    # governance.health.freshness, which sets it. Random rather than counted, so a value is never
    # handed out twice, not even after the write that took it was rolled back.
    facts_version = models.BigIntegerField(default=new_facts_version, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at", "facts_version"])
    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:overview", kwargs={"slug": self.slug})

    @property
    def value_area_labels(self) -> list[str]:
        labels = dict(ValueArea.choices)
        return [labels.get(area, area) for area in self.value_areas]


class Participation(models.Model):
    """A body taking part in an initiative, in a role, with what it will stop doing to make room."""

    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        PARTNER = "partner", "Partner"
        BENEFITING = "benefiting", "Benefiting"
        CONSULTED = "consulted", "Consulted"

    # Lead first, then partners, then the bodies that benefit or are consulted.
    ROLE_ORDER = [Role.LEAD, Role.PARTNER, Role.BENEFITING, Role.CONSULTED]

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="participations")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTNER)
    # A list of short commitments: what this body will stop doing so the collaboration has room.
    stop_doing = models.JSONField(default=list, blank=True)

    history = HistoricalRecords()
    objects = ParticipationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "body"], name="one_participation_per_body")
        ]
        ordering = ["initiative", "body__name"]

    def __str__(self) -> str:
        return f"{self.body} ({self.get_role_display()}) in {self.initiative}"


class InitiativeRole(models.Model):
    """A named person's role on one initiative, beyond being a member of a participating body."""

    Role = TeamRole

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_roles"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = InitiativeRoleQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user", "role"], name="one_role_assignment_per_person"
            )
        ]
        ordering = ["initiative", "role", "user__full_name"]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()} of {self.initiative}"


class AssessmentIsImmutable(Exception):
    pass


class Assessment(models.Model):
    """One run of the operating-model checklist: kept as it was, never edited.

    Re-running the wizard adds a new assessment; the history of earlier ones stays.
    The named lists (risks, measures, data items, stop-doing commitments) seed the
    registers so nothing is typed twice.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="assessments")
    number = models.PositiveIntegerField()
    # The seven engine answers exactly as the recommendation contract defines them.
    answers = models.JSONField()
    # The engine's output: {"model", "components", "reasons", "alternatives", "warnings"}. Assessments
    # recorded before components existed have no "components" key.
    result = models.JSONField()
    recommended_model = models.CharField(max_length=40, choices=OperatingModel.choices)
    chosen_model = models.CharField(max_length=40, choices=OperatingModel.choices)
    choice_reason = models.TextField(blank=True)
    # The components adopted with the chosen model, as slugs: the recommended ones, less the chosen
    # model if it is one of them. Empty for assessments recorded before components existed.
    components = models.JSONField(default=list, blank=True)
    # Checklist answers that name things, each a list of short strings.
    outcome_statement = models.TextField(blank=True)
    senior_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_rights = models.JSONField(default=list, blank=True)
    data_items = models.JSONField(default=list, blank=True)
    joint_risks = models.JSONField(default=list, blank=True)
    single_body_risks = models.JSONField(default=list, blank=True)
    measures = models.JSONField(default=list, blank=True)
    # {"<body id>": ["commitment", ...]}
    stop_doing = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "number"], name="assessment_numbers_unique")
        ]
        ordering = ["initiative", "-number"]
        get_latest_by = "number"

    def __str__(self) -> str:
        return f"Assessment {self.number} of {self.initiative}"

    def save(self, *args, **kwargs):
        # A record of what was answered and decided at the time: it is added once and never rewritten.
        if not self._state.adding:
            raise AssessmentIsImmutable(f"{self} is a record and cannot be changed; re-run the checklist")
        super().save(*args, **kwargs)

    @property
    def followed_recommendation(self) -> bool:
        return self.chosen_model == self.recommended_model

    @property
    def recommended_components(self) -> list[str]:
        return [component["model"] for component in (self.result or {}).get("components", [])]

    @property
    def structure(self) -> tuple[str, ...]:
        """The chosen model and its components: everything the initiative set out to run."""
        return (self.chosen_model, *self.components)


class AssessmentDraft(models.Model):
    """One person's answers to the checklist so far, for one initiative, saved on every page.

    Kept in the database rather than the session, so the person can sign out, sign in again on
    another device and carry on. Removed once the assessment is recorded.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="assessment_drafts")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The answers as the question pages store them, keyed by field name.
    values = models.JSONField(default=dict)
    # The slugs of the question pages submitted so far.
    answered = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "person"], name="one_assessment_draft_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}'s draft assessment of {self.initiative}"


# Defined in their own package; imported here so Django finds the model in this app.
from initiatives.portfolio_offices.models import PortfolioGrant  # noqa: E402, F401
