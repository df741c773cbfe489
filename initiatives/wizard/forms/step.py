"""What every question page of the checklist shares: the draft it reads and writes."""

from __future__ import annotations

from collab.govuk_forms import GovukForm
from initiatives.models import Initiative


class StepForm(GovukForm):
    """A question page. `page_heading_field` names the question; forms with several fields use `heading`."""

    heading = ""
    page_template = "initiatives/wizard/question.html"

    def __init__(self, *args, initiative: Initiative, draft: dict, **kwargs):
        self.initiative = initiative
        self.draft = draft
        super().__init__(*args, **kwargs)

    @property
    def question(self) -> str:
        return self.heading or str(self.fields[self.page_heading_field].label)

    @classmethod
    def initial_from(cls, values: dict, initiative: Initiative) -> dict:
        return {name: values[name] for name in cls.base_fields if name in values}

    def draft_values(self) -> dict:
        return dict(self.cleaned_data)
