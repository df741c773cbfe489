from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukForm
from governance.spreadsheets import MAX_ERRORS_SHOWN, Column, ImportFileError, read_upload


class ImportForm(GovukForm):
    """A CSV upload, read and checked as a whole file; rows are checked by the caller."""

    file = forms.FileField(
        label="Upload a CSV file",
        help_text="A CSV file saved as UTF-8, smaller than 1 MB and with no more than 2,000 rows.",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, columns: list[Column], **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        self.rows: list[tuple[int, dict[str, str]]] = []

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.rows = read_upload(upload, self.columns)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def reject_rows(self, errors: list[str]) -> None:
        """Show each bad row in the error summary; the file field says nothing was saved."""
        for message in errors[:MAX_ERRORS_SHOWN]:
            self.add_error(None, message)
        if len(errors) > MAX_ERRORS_SHOWN:
            self.add_error(None, f"And {len(errors) - MAX_ERRORS_SHOWN} more problems")
        problems = "1 problem" if len(errors) == 1 else f"{len(errors)} problems"
        self.add_error(
            "file", f"Nothing was imported: the file has {problems}. Correct them and upload it again"
        )
