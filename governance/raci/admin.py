"""Administration of the RACI matrix, through the matrix's services as on its pages.

A row's cells are changed together on the row's page and saved with raci_matrix_save, so every
row keeps exactly one A and at least one R; columns are for bodies taking part, and a column
holding a row's only A or last R is not removed.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin

from collab.service_admin import ReadOnlyHistoryAdmin
from governance.admin_base import InitiativeRecordAdmin, initiative_of
from governance.raci import services
from governance.raci.forms import CELL_CHOICES, RaciColumnForm, RaciRowForm
from governance.raci.matrix import column_label, load_matrix
from governance.raci.models import RaciCell, RaciColumn, RaciRow
from initiatives.accountability import ReasonNeeded, reason_field
from initiatives.models import Body, Initiative


def _cell_field(column: RaciColumn) -> str:
    return f"cell_{column.pk}"


class RaciRowAdminForm(forms.ModelForm):
    class Meta:
        model = RaciRow
        fields = ["initiative", *RaciRowForm.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        initiative, activity = initiative_of(self), (cleaned.get("activity") or "").strip()
        if initiative is not None and activity:
            cleaned["activity"] = activity
            others = initiative.raci_rows.exclude(pk=self.instance.pk)
            if others.filter(activity__iexact=activity).exists():
                self.add_error("activity", f"The matrix already has a row called “{activity}”")
        return cleaned


@admin.register(RaciRow)
class RaciRowAdmin(InitiativeRecordAdmin):
    """Rows through raci_row_add, raci_row_update and raci_row_remove; the row's cells, one per
    column, through raci_matrix_save, which refuses a matrix whose rows lack exactly one A or an R.

    Rows are moved on the matrix page, which renumbers them.
    """

    form = RaciRowAdminForm
    list_display = ["activity", "initiative", "kind", "position"]
    list_filter = ["kind", "initiative"]
    search_fields = ["activity"]
    readonly_fields = ["position"]
    refusals = (services.RaciMatrixInvalid,)

    def service_fields(self, obj):
        if obj is None:
            return {}
        matrix = load_matrix(obj.initiative)
        return {
            _cell_field(column): forms.ChoiceField(
                label=column_label(column),
                choices=CELL_CHOICES,
                required=False,
                initial=matrix.value(obj, column),
            )
            for column in matrix.columns
        }

    def refusal_messages(self, refusal):
        if isinstance(refusal, services.RaciMatrixInvalid):
            errors = refusal.check.row_errors
            return [message for index in sorted(errors) for message in errors[index]]
        return super().refusal_messages(refusal)

    def create(self, *, form, by):
        return services.raci_row_add(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        data = form.cleaned_data
        row = services.raci_row_update(row=record, activity=data["activity"], kind=data["kind"], by=by)
        # The other rows' cells are sent back as they are: lock the matrix (as raci_matrix_save does)
        # before reading them, so a matrix saved on the page meanwhile is not overwritten.
        Initiative.objects.select_for_update().filter(pk=row.initiative_id).first()
        matrix = load_matrix(row.initiative)
        values = {key: value for key, value in matrix.values.items() if key[0] != row.pk}
        for column in matrix.columns:
            if data.get(_cell_field(column)):
                values[(row.pk, column.pk)] = data[_cell_field(column)]
        # Only a change of cells is checked as a matrix: renaming a row is no reason to refuse.
        if values != matrix.values:
            services.raci_matrix_save(initiative=row.initiative, values=values, by=by)
        return row

    def remove(self, *, record, by):
        services.raci_row_remove(row=record, by=by)


class RaciColumnAdminForm(forms.ModelForm):
    change_reason = reason_field("holder of a column with an A")

    class Meta:
        model = RaciColumn
        fields = ["initiative", *RaciColumnForm.Meta.fields]

    def clean(self):
        """What the matrix page's column form checks: a body taking part, a holder who works there,
        and one column per role within a body."""
        cleaned = super().clean()
        initiative = initiative_of(self)
        body = cleaned.get("body") if "body" in self.fields else self.instance.body
        if initiative is None or body is None:
            return cleaned
        if not Body.objects.taking_part_in(initiative).filter(pk=body.pk).exists():
            self.add_error("body", f"{body.short_name} does not take part in {initiative}")
            return cleaned
        holder = cleaned.get("holder")
        if holder is not None and not (holder.is_active and holder.memberships.filter(body=body).exists()):
            self.add_error(
                "holder", f"Choose a holder who is an active member of {body.short_name}, or no named holder"
            )
        role_name = cleaned["role_name"] = (cleaned.get("role_name") or "").strip()
        clash = initiative.raci_columns.filter(body=body, role_name__iexact=role_name).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            self.add_error(
                "role_name",
                f"{body.short_name} already has a column called “{role_name}”"
                if role_name
                else f"{body.short_name} already has a column for the whole body: give this one a role name",
            )
        return cleaned


@admin.register(RaciColumn)
class RaciColumnAdmin(InitiativeRecordAdmin):
    """Columns through raci_column_add, raci_column_update and raci_column_remove.

    Removing is refused, nothing removed, while the column holds a row's only A or last R.
    A body leaves the matrix with the body's participation (participation_remove).
    """

    form = RaciColumnAdminForm
    list_display = ["__str__", "initiative", "holder", "position"]
    list_filter = ["initiative"]
    search_fields = ["body__name", "body__short_name", "role_name"]
    autocomplete_fields = ["initiative", "body", "holder"]
    fixed_fields = ("body",)
    readonly_fields = ["position"]
    refusals = (services.RaciColumnsStillNeeded, ReasonNeeded)

    def create(self, *, form, by):
        return services.raci_column_add(by=by, **self.form_values(form, leave_out=("change_reason",)))

    def update(self, *, record, form, by):
        reason = form.cleaned_data.get("change_reason", "")
        return services.raci_column_update(
            column=record, by=by, change_reason=reason, **self.form_values(form)
        )

    def remove(self, *, record, by):
        services.raci_column_remove(column=record, by=by)


@admin.register(RaciCell)
class RaciCellAdmin(ReadOnlyHistoryAdmin):
    """Read-only: a cell changes with the rest of its row, on the row's admin page or the matrix page.

    One cell alone cannot move a row's A from one column to another without, for a moment,
    leaving the row with two As or none, which the matrix may never have.
    """

    list_display = ["__str__", "value"]
    list_filter = ["value", "row__initiative"]
