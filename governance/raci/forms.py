from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukForm, GovukModelForm, GovukRadios
from collab.versioned_forms import UNREADABLE_VERSION, VersionedFormMixin, VersionField
from governance.raci.matrix import CellValues, RaciMatrix, accountable_holder_role, column_label
from governance.raci.models import RaciColumn, RaciRow
from governance.raci.starter import StarterRow
from governance.raci.validation import VALUES, MatrixCheck
from governance.raci.versions import RowVersions, known_versions, row_versions, version_field_name
from initiatives.accountability import ReasonNeeded, change_reason, reason_field
from initiatives.models import Body, Initiative, User

CELL_CHOICES = [("", "—"), *((value, value) for value in VALUES)]


def cell_name(row: RaciRow, column: RaciColumn) -> str:
    return f"cell-{row.pk}-{column.pk}"


def _posted_rows(matrix: RaciMatrix, data) -> list[RaciRow]:
    """The rows a page drew, by the versions it posted: so a save covers the rows the person saw,
    even if rows added or removed since moved the page boundaries (governance/raci/slices.py)."""
    return [row for row in matrix.rows if version_field_name(row.pk) in data]


class RaciMatrixForm(GovukForm):
    """The shown rows of the matrix in one form (all of them, or a page: governance/raci/slices.py):
    a select per cell and each row's version (governance/raci/versions.py) in a hidden field,
    checked on submit as part of the whole matrix, the other rows as stored.

    The table is drawn by templates/governance/raci/matrix.html from the presenter, so this
    form only parses and checks what came back.
    """

    def __init__(self, *args, matrix: RaciMatrix, rows: list[RaciRow] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        posted = _posted_rows(matrix, self.data) if self.is_bound else []
        self.rows: list[RaciRow] = posted or (matrix.rows if rows is None else rows)
        self.check: MatrixCheck | None = None
        versions = row_versions([row.pk for row in self.rows])
        for row in self.rows:
            self.fields[version_field_name(row.pk)] = VersionField(initial=str(versions[row.pk]))
            for column in matrix.columns:
                self.fields[cell_name(row, column)] = forms.ChoiceField(
                    choices=CELL_CHOICES,
                    required=False,
                    label=f"{row.activity} — {column_label(column)}",
                    error_messages={
                        "invalid_choice": (
                            f"Select R, A, C, I or nothing for {row.activity} — {column_label(column)}"
                        )
                    },
                )

    def clean(self):
        cleaned = super().clean()
        if not known_versions(self._submitted_versions()):
            self.add_error(None, UNREADABLE_VERSION)
        # Checked even when a cell was invalid, so every problem is shown at once.
        self.check = self.matrix.check(self.whole_matrix())
        return cleaned

    def _submitted_versions(self) -> dict[int, str]:
        """A row posted without a version (not drawn by this service) is saved as before."""
        texts = {row.pk: self.cleaned_data.get(version_field_name(row.pk)) for row in self.rows}
        return {row_id: text for row_id, text in texts.items() if text}

    def read_at(self) -> RowVersions:
        return {row_id: int(text) for row_id, text in self._submitted_versions().items()}

    def version_of(self, row: RaciRow) -> str:
        """The version a row goes back to the page with: as posted, or as read now."""
        return str(self[version_field_name(row.pk)].value() or "")

    def values(self) -> CellValues:
        """The cells of the shown rows, as submitted."""
        return {
            (row.pk, column.pk): self.cleaned_data.get(cell_name(row, column)) or ""
            for row in self.rows
            for column in self.matrix.columns
            if self.cleaned_data.get(cell_name(row, column))
        }

    @property
    def row_ids(self) -> set[int]:
        return {row.pk for row in self.rows}

    def whole_matrix(self) -> CellValues:
        """The submitted rows over the stored matrix: what the matrix would be if they were saved."""
        return self.matrix.with_rows(self.values(), self.row_ids)

    @property
    def matrix_is_valid(self) -> bool:
        return self.is_valid() and self.check is not None and self.check.is_valid


class RaciRowForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = RaciRow
        fields = ["activity", "kind"]
        labels = {"activity": "Activity or decision", "kind": "Is this an activity or a decision?"}
        help_texts = {"activity": "Start with a verb, for example “Approve the data sharing agreement”."}
        widgets = {"kind": GovukRadios(inline=True)}

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean_activity(self) -> str:
        activity = self.cleaned_data["activity"].strip()
        others = self.initiative.raci_rows.exclude(pk=self.instance.pk)
        if others.filter(activity__iexact=activity).exists():
            raise forms.ValidationError(f"The matrix already has a row called “{activity}”")
        return activity


class StarterRowsForm(GovukForm):
    activities = forms.MultipleChoiceField(
        label="Rows to add", widget=GovukCheckboxes, help_text="Select all that apply."
    )

    def __init__(self, *args, offered: list[StarterRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = {row.activity: row for row in offered}
        field = self.fields["activities"]
        field.choices = [(row.activity, row.activity) for row in offered]
        field.widget.hints = {row.activity: f"{row.kind.capitalize()}. {row.why}" for row in offered}
        field.error_messages["required"] = "Select at least one row to add"

    def chosen(self) -> list[StarterRow]:
        return [self.offered[activity] for activity in self.cleaned_data["activities"]]


def check_role_name(form: forms.ModelForm, *, initiative: Initiative, body: Body) -> None:
    """One column per role within a body; the body's own column is the one without a role name.
    Checked by the matrix page's column form and the admin's alike."""
    role_name = form.cleaned_data["role_name"] = (form.cleaned_data.get("role_name") or "").strip()
    same_name = initiative.raci_columns.filter(body=body, role_name__iexact=role_name)
    if same_name.exclude(pk=form.instance.pk).exists():
        form.add_error(
            "role_name",
            f"{body.short_name} already has a column called “{role_name}”"
            if role_name
            else f"{body.short_name} already has a column for the whole body: give this one a role name",
        )


class RaciColumnForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = RaciColumn
        fields = ["body", "role_name", "holder"]
        labels = {
            "body": "Body",
            "role_name": "Role within the body (optional)",
            "holder": "Holder (optional)",
        }
        help_texts = {
            "role_name": "For example “Senior responsible owner” or “Data protection officer”. "
            "Leave empty for the body as a whole.",
            "holder": "The named person who answers for this column. An A in this column makes them "
            "the decider for that row. They must be a member of the body.",
        }

    change_reason = reason_field("holder of a column with an A")

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        # Only a column that already holds an A names a decider, so only its holder change needs a reason.
        self.holds_an_a = bool(self.instance.pk) and self.instance.cells.accountable().exists()
        if not self.holds_an_a:
            del self.fields["change_reason"]
        if self.instance.pk:
            del self.fields["body"]
        else:
            self.fields["body"].queryset = Body.objects.taking_part_in(initiative)
            self.fields["body"].empty_label = "Choose a body"
        self.fields["holder"].queryset = User.objects.working_on(initiative)
        self.fields["holder"].empty_label = "No named holder"

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body") or (self.instance.body if self.instance.pk else None)
        holder = cleaned.get("holder")
        if body is None:
            return cleaned
        if holder is not None and not holder.memberships.filter(body=body).exists():
            self.add_error(
                "holder", f"Choose a holder who is a member of {body.short_name}, or no named holder"
            )
        if self.holds_an_a and "holder" in cleaned and holder != self.instance.holder:
            self._ask_why(cleaned)
        check_role_name(self, initiative=self.initiative, body=body)
        return cleaned

    def _ask_why(self, cleaned: dict) -> None:
        try:
            cleaned["change_reason"] = change_reason(
                cleaned.get("change_reason", ""), role=accountable_holder_role(self.instance)
            )
        except ReasonNeeded as refusal:
            self.add_error("change_reason", str(refusal))
