from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from collab.govuk_forms import GovukDateField, GovukForm, GovukModelForm, GovukRadios, optional_choice_by_id
from collab.versioned_forms import VersionedFormMixin
from governance.decisions import states as decision_states
from governance.decisions.changes.kinds import KINDS as LINK_KINDS
from governance.decisions.models import Decision
from governance.decisions.querysets import DecisionQuerySet
from governance.decisions.services import revisit_date_problem
from governance.decisions.states import Action
from initiatives.models import Initiative, User


class DecisionForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = Decision
        fields = ["title", "context", "options", "recommendation", "due_date", "raci_row"]
        labels = {
            "title": "Title",
            "context": "Context",
            "options": "Options considered",
            "recommendation": "Recommendation",
            "due_date": "Decision needed by (optional)",
            "raci_row": "RACI row this decision concerns (optional)",
        }
        help_texts = {
            "title": "What is to be decided, for example “Approve the data sharing agreement with HMRC”.",
            "context": "Why this needs deciding now, and what happens if it is not decided.",
            "options": "One option per line, including doing nothing.",
            "recommendation": "Which option you recommend, and why.",
            "due_date": "For example, 27 3 2027",
            "raci_row": "The named holder of the A for this row will decide. "
            "Without one, the senior accountable owner decides.",
        }
        widgets = {
            "context": forms.Textarea(attrs={"rows": 5}),
            "options": forms.Textarea(attrs={"rows": 5}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raci_row"].queryset = initiative.raci_rows.in_matrix_order()
        self.fields["raci_row"].empty_label = "Not linked to a RACI row"

    def clean_due_date(self) -> datetime.date | None:
        due = self.cleaned_data["due_date"]
        unchanged = self.instance.pk and due == self.instance.due_date
        if due and not unchanged and due < timezone.localdate():
            raise forms.ValidationError("Decision needed by must be today or in the future")
        return due


# The decider's choices, where "Approve" and the like are not enough.
OUTCOME_LABELS = {Action.RETURN: "Return for changes"}
# Why a comment is needed, in the words of its error message.
COMMENT_REASONS = {Action.REJECT: "rejecting", Action.DEFER: "deferring", Action.RETURN: "returning"}


class DecideForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Your decision",
        choices=[
            (action, OUTCOME_LABELS.get(action, action.capitalize())) for action in decision_states.DECIDING
        ],
        widget=GovukRadios(
            hints={
                Action.APPROVE: "The recommendation goes ahead.",
                Action.REJECT: "It does not go ahead. Say why.",
                Action.DEFER: "Not decided yet. Say what you need before deciding, and when to revisit it.",
                Action.RETURN: "It goes back to its drafter to change and submit again. "
                "Say what needs to change.",
            }
        ),
        error_messages={"required": "Select approve, reject, defer or return for changes"},
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed unless you approve. It is recorded in the decision's trail.",
        max_length=5000,
    )
    deferred_until = GovukDateField(
        label="If you defer: when should it be revisited?",
        required=False,
        help_text="Needed if you defer. A date in the future, for example 27 3 2027",
    )

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome in decision_states.COMMENT_REQUIRED and not cleaned.get("comment", "").strip():
            self.add_error(
                "comment", f"Enter a comment saying why you are {COMMENT_REASONS[outcome]} this decision"
            )
        problem = revisit_date_problem(Action(outcome), cleaned.get("deferred_until")) if outcome else ""
        if problem and "deferred_until" not in self.errors:
            self.add_error("deferred_until", problem)
        return cleaned


class ResubmitForm(GovukForm):
    comment = forms.CharField(
        label="What has changed since it was deferred or returned? (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class SupersedeForm(GovukForm):
    reason = forms.CharField(
        label="Why does this decision need to change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Recorded in the trail of both decisions.",
        max_length=5000,
        error_messages={"required": "Enter why this decision needs to change"},
    )


class EscalateForm(GovukForm):
    reason = forms.CharField(
        label="Why does this need to go up?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Say which threshold has been reached, or what this level cannot resolve.",
        max_length=5000,
        error_messages={"required": "Enter why this needs to be escalated"},
    )


NOT_LINKED = "none"


class DecisionFilterForm(GovukForm):
    """The decision log's filters. A GET form: it works without JavaScript and its links can be shared."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All statuses"), *Decision.Status.choices],
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    decider = optional_choice_by_id(label="Decider", not_offered="Select a decider from the list")
    raised_from = GovukDateField(
        label="Raised on or after", required=False, help_text="For example, 1 4 2026"
    )
    raised_to = GovukDateField(
        label="Raised on or before", required=False, help_text="For example, 31 3 2027"
    )
    linked = forms.ChoiceField(
        label="Linked record",
        required=False,
        error_messages={"invalid_choice": "Select a kind of linked record from the list"},
    )

    def __init__(self, *args, initiative: Initiative, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        deciders = User.objects.filter(pk__in=initiative.decisions.values("decider")).order_by("full_name")
        self.fields["decider"].choices = [("", "Anyone"), *((person.pk, str(person)) for person in deciders)]
        self.fields["linked"].choices = [
            ("", "Linked or not"),
            (NOT_LINKED, "Not linked to a record"),
            *((slug, kind.noun.capitalize()) for slug, kind in LINK_KINDS.items()),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("raised_from"), cleaned.get("raised_to")
        if start and end and end < start:
            self.add_error("raised_to", "Raised on or before must be the same as or after raised on or after")
        return cleaned

    def filter(self, decisions: DecisionQuerySet) -> DecisionQuerySet:
        """The filtered log: current decisions, or the withdrawn ones when that status is chosen."""
        if not self.is_valid():
            return decisions.current()
        data = self.cleaned_data
        decisions = decisions.filter(status=data["status"]) if data["status"] else decisions.current()
        if data["decider"]:
            decisions = decisions.filter(decider_id=data["decider"])
        if data["raised_from"]:
            decisions = decisions.filter(created_at__date__gte=data["raised_from"])
        if data["raised_to"]:
            decisions = decisions.filter(created_at__date__lte=data["raised_to"])
        if data["linked"]:
            decisions = decisions.linked_to(None if data["linked"] == NOT_LINKED else data["linked"])
        return decisions

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
