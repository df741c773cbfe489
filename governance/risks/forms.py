from __future__ import annotations

from django import forms
from django.db.models import F

from collab.govuk_forms import GovukForm, GovukModelForm, GovukRadios, add_errors
from collab.versioned_forms import VersionedFormMixin
from governance import impossible_dates
from governance.list_filters import ALL, ListFilterForm, body_choices
from governance.risks.models import Risk, RiskAction
from governance.risks.scoring import risk_bands
from initiatives.fields import PersonChoiceField, check_person_in_body, offer_bodies
from initiatives.models import Body, Initiative, User

LIKELIHOOD_CHOICES = [
    (1, "1 Rare"),
    (2, "2 Unlikely"),
    (3, "3 Possible"),
    (4, "4 Likely"),
    (5, "5 Almost certain"),
]
IMPACT_CHOICES = [(1, "1 Minimal"), (2, "2 Minor"), (3, "3 Moderate"), (4, "4 Major"), (5, "5 Severe")]
POSITION_HELP = {
    "inherent": "Before any controls.",
    "current": "With the controls in place today.",
    "target": "Where the bodies aim to bring it, within appetite.",
}
APPETITE_HINTS = {
    "averse": "Avoid risk and uncertainty altogether.",
    "minimal": "Prefer ultra-safe options with little residual risk.",
    "cautious": "Prefer safe options with a low degree of residual risk.",
    "open": "Willing to consider all options, choosing the one most likely to deliver.",
    "eager": "Eager to innovate; accept greater risk for greater reward.",
}
TREATMENT_HINTS = {
    "tolerate": "Accept it as it is.",
    "treat": "Act to reduce likelihood or impact.",
    "transfer": "Pass it to another party, for example by contract or insurance.",
    "terminate": "Stop the activity that gives rise to it.",
}
ASSESSMENT_CHOICES = {
    "category": Risk.Category.choices,
    "appetite": Risk.Appetite.choices,
    "treatment": Risk.Treatment.choices,
}


def _scale_field(position: str, axis: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=f"{position.capitalize()} {axis}",
        choices=LIKELIHOOD_CHOICES if axis == "likelihood" else IMPACT_CHOICES,
        coerce=int,
        widget=GovukRadios(inline=True),
        help_text=POSITION_HELP[position] if axis == "likelihood" else "",
    )


def review_date_help(*, editing: bool = False) -> str:
    intervals = ", ".join(f"{band.name.lower()} {band.review_days} days" for band in risk_bands())
    blank = f"Leave blank to set it from the current score ({intervals})."
    if not editing:
        return blank
    # The rule itself is services.risks.review_date_after_edit; this tells the person before they save.
    return (
        f"{blank} If the current score rises and you leave this date as it is, "
        "it comes forward to the new score's interval when that is sooner."
    )


class RiskForm(VersionedFormMixin, GovukModelForm):
    is_joint = forms.TypedChoiceField(
        label="Joint or single-body risk",
        choices=[(True, "Joint risk"), (False, "Single-body risk")],
        coerce=lambda value: value in (True, "True"),
        widget=GovukRadios(
            hints={
                "True": "Managed together: it arises from, or lands on, more than one body.",
                "False": "One body manages it, though others should know of it.",
            }
        ),
    )
    inherent_likelihood = _scale_field("inherent", "likelihood")
    inherent_impact = _scale_field("inherent", "impact")
    current_likelihood = _scale_field("current", "likelihood")
    current_impact = _scale_field("current", "impact")
    target_likelihood = _scale_field("target", "likelihood")
    target_impact = _scale_field("target", "impact")
    escalation_threshold = forms.IntegerField(
        label="Escalation threshold",
        min_value=1,
        max_value=25,
        help_text="A current score (likelihood times impact) above this sends the risk up the route.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
        error_messages={
            "invalid": "Escalation threshold must be a whole number from 1 to 25",
            "min_value": "Escalation threshold must be a whole number from 1 to 25",
            "max_value": "Escalation threshold must be a whole number from 1 to 25",
        },
    )
    owner = PersonChoiceField(queryset=None, required=False, label="Named owner", empty_label="No owner yet")

    SECTIONS = [
        ("The risk", ["title", "cause", "effect", "category", "is_joint"]),
        ("Ownership", ["owner_body", "owner"]),
        ("Inherent position", ["inherent_likelihood", "inherent_impact"]),
        ("Current position", ["current_likelihood", "current_impact"]),
        ("Target position", ["target_likelihood", "target_impact"]),
        (
            "Response",
            ["appetite", "treatment", "proximity", "escalation_threshold", "review_date", "status"],
        ),
    ]

    class Meta:
        model = Risk
        fields = [
            "title",
            "cause",
            "effect",
            "category",
            "is_joint",
            "owner_body",
            "owner",
            "inherent_likelihood",
            "inherent_impact",
            "current_likelihood",
            "current_impact",
            "target_likelihood",
            "target_impact",
            "appetite",
            "treatment",
            "proximity",
            "escalation_threshold",
            "review_date",
            "status",
        ]
        labels = {"owner_body": "Owner body", "appetite": "Risk appetite", "review_date": "Next review date"}
        help_texts = {
            "cause": "What could make it happen.",
            "effect": "What would happen to the shared outcome if it did.",
            "appetite": "How much of this kind of risk the bodies are prepared to accept.",
        }
        widgets = {
            "cause": forms.Textarea(attrs={"rows": 3}),
            "effect": forms.Textarea(attrs={"rows": 3}),
            "appetite": GovukRadios(hints=APPETITE_HINTS),
            "treatment": GovukRadios(hints=TREATMENT_HINTS),
            "proximity": GovukRadios,
            "status": GovukRadios(inline=True),
        }

    def __init__(self, *args, initiative: Initiative, user: User, manages_all: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        bodies = Body.objects.taking_part_in(initiative)
        offer_bodies(self.fields["owner_body"], bodies if manages_all else bodies.with_member(user))
        self.fields["owner_body"].empty_label = "Not assigned yet" if manages_all else None
        self.fields["owner_body"].required = not manages_all
        self.fields["owner"].queryset = User.objects.working_on(initiative).with_bodies()
        self.fields["category"].choices = [("", "Choose a category"), *Risk.Category.choices]
        # Blank in the model only while a draft is not yet assessed: saving this form assesses it.
        for name, choices in ASSESSMENT_CHOICES.items():
            self.fields[name].required = True
            if name != "category":
                self.fields[name].choices = choices
        self.fields["proximity"].choices = [("", "Not stated"), *Risk.Proximity.choices]
        self.fields["review_date"].help_text = review_date_help(editing=self.instance.pk is not None)
        self.fields["review_date"].required = False
        # Closing asks why, on its own page (governance.retirement): the form offers draft and open only.
        if "status" in self.fields:
            self.fields["status"].choices = Risk.WORKING_STATUSES
        if self.instance.pk is None:
            del self.fields["status"]
            self.initial.setdefault(
                "escalation_threshold", Risk._meta.get_field("escalation_threshold").default
            )
        else:
            # A draft is a risk not yet assessed, so an assessed one cannot go back to being one;
            # saving a draft with its assessment opens it, unless the person closes it.
            self.fields["status"].choices = [
                (value, label) for value, label in Risk.Status.choices if value != Risk.Status.DRAFT
            ]
            if self.instance.status == Risk.Status.DRAFT and not self.is_bound:
                self.initial["status"] = Risk.Status.OPEN
                self.fields["status"].help_text = "Saving the assessment opens the draft risk."

    @property
    def sections(self):
        return [
            (heading, [self[name] for name in names if name in self.fields])
            for heading, names in self.SECTIONS
        ]

    def clean(self):
        cleaned = super().clean()
        check_person_in_body(self, "owner", "owner_body")
        add_errors(self, impossible_dates.risk_problems(cleaned, raised_on=self.instance.raised_on))
        return cleaned

    def _get_validation_exclusions(self):
        # A blank review date is set by the service from the score (review_date_after_edit), so
        # the model's "assessed unless draft" constraint is not checked against the blank.
        return super()._get_validation_exclusions() | {"review_date"}


class RiskActionForm(GovukModelForm):
    owner = PersonChoiceField(queryset=None, required=False, label="Named owner", empty_label="No one named")

    class Meta:
        model = RiskAction
        fields = ["kind", "description", "owner_body", "owner", "due_date"]
        labels = {"kind": "Control or action", "owner_body": "Owner body", "due_date": "Due date"}
        help_texts = {"due_date": "Required for an action. For a control, when it is next checked."}
        widgets = {
            "kind": GovukRadios(
                inline=True,
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        offer_bodies(self.fields["owner_body"], Body.objects.taking_part_in(initiative))
        self.fields["owner_body"].required = True
        self.fields["owner_body"].empty_label = "Choose a body"
        self.fields["owner_body"].error_messages["required"] = "Select the owner body"
        self.fields["owner"].queryset = User.objects.working_on(initiative).with_bodies()

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == RiskAction.Kind.ACTION
            and not cleaned.get("due_date")
            and "due_date" not in self.errors
        ):
            self.add_error("due_date", "Enter the date the action is due")
        check_person_in_body(self, "owner", "owner_body")
        return cleaned


class EscalateForm(GovukForm):
    reason = forms.CharField(
        label="Why does this risk need escalating?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter why the risk needs escalating"},
        help_text="Those at the next level will read this first.",
    )


# The register's orders besides by number: (label, order_by), each ending with the number so that pages
# of a sorted register neither overlap nor skip a risk.
RISK_SORTS = {
    "score": (
        "Current score, highest first",
        ((F("current_likelihood") * F("current_impact")).desc(nulls_last=True), "number"),
    ),
    "review": ("Next review, soonest first", (F("review_date").asc(nulls_last=True), "number")),
}


class RiskFilterForm(ListFilterForm):
    """The register's filters. A GET form: it works without JavaScript and links can be shared."""

    owner_body = forms.TypedChoiceField(label="Owner body", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(
        label="Joint or single-body",
        required=False,
        choices=[(ALL, "Joint and single-body"), ("joint", "Joint risks"), ("single", "Single-body risks")],
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[(ALL, "All statuses"), *Risk.WORKING_STATUSES]
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(ALL, "Number"), *((key, label) for key, (label, _order) in RISK_SORTS.items())],
    )

    ORDERS = ("sort",)

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_body"].choices = [(ALL, "All bodies"), *body_choices(initiative)]

    def filter(self, risks):
        """The risks matching the filters, in the chosen order (by number unless another is chosen)."""
        if not self.is_valid():
            return risks.order_by("number")
        data = self.cleaned_data
        _label, order = RISK_SORTS.get(data["sort"], ("", ("number",)))
        risks = risks.order_by(*order)
        if data["owner_body"]:
            risks = risks.filter(owner_body_id=data["owner_body"])
        if data["kind"]:
            risks = risks.filter(is_joint=data["kind"] == "joint")
        if data["status"]:
            risks = risks.filter(status=data["status"])
        return risks
