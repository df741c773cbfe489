"""Administration of risks and their actions, through the register's services."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from collab.service_admin import ServiceAdmin
from governance.admin_base import AppendOnlyAdmin, InitiativeRecordAdmin, check_bodies_take_part
from governance.risks.forms import RiskActionForm, RiskForm
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from governance.risks.services import risk_action_add, risk_action_remove, risk_update
from initiatives.fields import check_person_in_body

admin.site.register(RiskScoreChange, AppendOnlyAdmin)


class RiskAdminForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = RiskForm.Meta.fields

    def clean(self):
        """As the register's form: an owner body taking part, and a named owner who works for it."""
        cleaned = super().clean()
        check_bodies_take_part(self, self.instance.initiative, "owner_body")
        check_person_in_body(self, "owner", "owner_body")
        return cleaned


@admin.register(Risk)
class RiskAdmin(InitiativeRecordAdmin):
    """Saves go through risk_update, so a score changed here is kept in its history like any other.

    Routing through the service rather than making the scores read-only: "Revert" on the history
    page saves the old version's values, scores included, and risk_update compares them with what
    is stored, so both the change form and a revert leave a history row. Adding is the register's
    job (it numbers the risk and records its starting positions); a risk is closed, never deleted;
    it moves up the route only by being escalated.
    """

    form = RiskAdminForm
    list_display = ["__str__", "initiative", "status", "owner_body"]
    list_filter = ["status", "initiative"]
    search_fields = ["title"]
    fixed_fields = ("number",)
    readonly_fields = ["escalation_level", "checklist_item", "created_by"]

    def update(self, *, record, form, by):
        return risk_update(risk=record, by=by, **self.form_values(form))


class RiskActionAdminForm(forms.ModelForm):
    class Meta:
        model = RiskAction
        fields = ["risk", *RiskActionForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner_body" in self.fields:  # not on the read-only page of an existing action
            self.fields["owner_body"].required = True

    def clean(self):
        """As the register's form: an action has a due date; its owners take part in the initiative."""
        cleaned = super().clean()
        risk = cleaned.get("risk")
        if cleaned.get("kind") == RiskAction.Kind.ACTION and not cleaned.get("due_date"):
            self.add_error("due_date", "Enter the date the action is due")
        if risk is not None:
            check_bodies_take_part(self, risk.initiative, "owner_body")
        check_person_in_body(self, "owner", "owner_body")
        return cleaned


@admin.register(RiskAction)
class RiskActionAdmin(ServiceAdmin):
    """Controls and actions through risk_action_add and risk_action_remove.

    Not changed here: the register marks an action done (risk_action_complete) and removes a
    control, and has no other change to an action.
    """

    form = RiskActionAdminForm
    list_display = ["__str__", "risk", "kind", "status", "due_date"]
    list_filter = ["kind", "status"]
    search_fields = ["description"]
    autocomplete_fields = ["risk"]
    readonly_fields = ["status"]

    def create(self, *, form, by):
        return risk_action_add(by=by, **self.form_values(form))

    def remove(self, *, record, by):
        risk_action_remove(action=record, by=by)
