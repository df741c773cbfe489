from django import forms
from django.conf import settings
from django.utils import timezone

from collab.govuk_forms import GovukForm, GovukModelForm, GovukRadios, LinesField, add_errors
from collab.versioned_forms import VersionedFormMixin
from governance import impossible_dates
from governance.assurance import confidence as scales
from governance.assurance import services
from governance.assurance.models import AssuranceReview, Recommendation
from governance.assurance.states import Move
from governance.decisions.models import Decision
from initiatives.models import Body, Initiative, User

CONFIDENCE_HINTS = {
    "green": "Successful delivery appears highly likely.",
    "amber_green": "Five-point scale only. Successful delivery appears probable.",
    "amber": "Successful delivery appears feasible but significant issues need management attention.",
    "amber_red": "Five-point scale only. Successful delivery is in doubt, with major risks or issues.",
    "red": "Successful delivery appears unachievable without urgent action. A follow-up review is scheduled.",
}


class AssuranceReviewerForm(GovukForm):
    reviewer = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Reviewer",
        empty_label="Choose a reviewer",
        help_text="People an administrator has put in the Assurance reviewers group.",
    )

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = User.objects.eligible_to_review().exclude(
            pk__in=User.objects.reviewing(initiative).values("pk")
        )


class AssuranceReviewForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = AssuranceReview
        fields = ["review_type", "review_date", "findings", "scale", "confidence", "follow_up_due"]
        labels = {
            "review_type": "Type of review",
            "review_date": "Date of the review",
            "findings": "Findings",
            "scale": "Delivery confidence scale",
            "confidence": "Delivery confidence",
            "follow_up_due": "Follow-up review due (optional)",
        }
        help_texts = {
            "review_date": "For example, 27 3 2027",
            "findings": "What the review found: what is going well and what is not.",
            "scale": (
                "The IPA's three-point scale is current. Use the five-point scale for an earlier review."
            ),
            "follow_up_due": (
                f"A Red result schedules a follow-up {settings.ASSURANCE_FOLLOW_UP_MONTHS} months after the "
                "review unless you give another date."
            ),
        }
        widgets = {
            "review_type": GovukRadios,
            "findings": forms.Textarea(attrs={"rows": 8}),
            "scale": GovukRadios,
            "confidence": GovukRadios(hints=CONFIDENCE_HINTS),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radios never offer a blank "---------" choice: nothing checked is the blank.
        for name in ("review_type", "confidence"):
            field = self.fields[name]
            field.choices = [choice for choice in field.choices if choice[0] != ""]

    def clean(self):
        cleaned = super().clean()
        scale, confidence = cleaned.get("scale"), cleaned.get("confidence")
        review_date, follow_up = cleaned.get("review_date"), cleaned.get("follow_up_due")
        if scale and confidence and not scales.fits_scale(scale, confidence):
            self.add_error("confidence", scales.scale_mismatch_message(scale, confidence))
        problems = impossible_dates.review_problems(cleaned, today=timezone.localdate())
        add_errors(self, problems)
        if problems:
            # Nothing is worked out from a refused date (31 12 9999 has no date three months on).
            return cleaned
        if review_date and confidence:
            # Shown on the next page as the scheduled date; the service applies the same default.
            cleaned["follow_up_due"] = scales.follow_up_due(
                confidence=confidence,
                review_date=review_date,
                requested=follow_up,
                months=settings.ASSURANCE_FOLLOW_UP_MONTHS,
            )
        return cleaned


class RecommendationForm(GovukModelForm):
    class Meta:
        model = Recommendation
        fields = ["text", "owner_body", "due_date"]
        labels = {"text": "Recommendation", "owner_body": "Body that owns it", "due_date": "Due date"}
        help_texts = {"due_date": "For example, 27 3 2027"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, review: AssuranceReview, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        owner = self.fields["owner_body"]
        owner.queryset = Body.objects.taking_part_in(review.initiative)
        owner.empty_label = None
        owner.label_from_instance = lambda body: body.name
        owner.widget = GovukRadios(choices=owner.choices)

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < self.review.review_date:
            raise forms.ValidationError("The due date must be on or after the date of the review")
        return due


class ClosureProposalForm(GovukForm):
    evidence = forms.CharField(
        label="Evidence that the recommendation has been met",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What was done, by whom and when. The assurance reviewer reads this before confirming it.",
        error_messages={"required": "Enter the evidence that the recommendation has been met"},
    )
    links = LinesField(
        label="Links to the evidence (optional)",
        help_text="One web address per line, for example a published report or the minutes of a board.",
        max_items=20,
        max_item_length=500,
    )
    decision = forms.ModelChoiceField(
        label="Decision that settled it (optional)",
        queryset=Decision.objects.none(),
        required=False,
        empty_label="Not linked to a decision",
        error_messages={"invalid_choice": "Choose a decision of this initiative"},
    )

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        decision.queryset = initiative.decisions.current().order_by("number")
        decision.label_from_instance = lambda each: f"{each} ({each.get_status_display().lower()})"

    def clean_links(self) -> list[str]:
        links = self.cleaned_data["links"]
        for problem in filter(None, map(services.link_problem, links)):
            raise forms.ValidationError(problem)
        return links


class ClosureReviewForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Is the recommendation met?",
        choices=[(Move.CONFIRM, "Yes, confirm it closed"), (Move.REOPEN, "No, reopen it")],
        widget=GovukRadios(
            hints={
                Move.CONFIRM: "It leaves the open recommendations for good.",
                Move.REOPEN: "It goes back to the owning body as open. Say what is missing.",
            }
        ),
        error_messages={"required": "Select whether to confirm it closed or reopen it"},
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed if you reopen it. The owning body is emailed it.",
        max_length=5000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Move.REOPEN and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Enter why the recommendation is being reopened")
        return cleaned
