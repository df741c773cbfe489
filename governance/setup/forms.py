"""The set-up page's form: one group of checkboxes per section, certain offers ticked to start with."""

from __future__ import annotations

from collab.govuk_forms import GovukCheckboxes, GovukForm
from governance.checklist.forms import OfferedItemsField
from governance.setup.specs import SECTIONS, Offer

NOTHING_TICKED = "Select at least one thing to set up"


class SetUpForm(GovukForm):
    label_size = "m"

    def __init__(self, *args, plan: list[Offer], **kwargs):
        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            offers = [offer for offer in plan if offer.section == section]
            if not offers:
                continue
            self.fields[section.key] = OfferedItemsField(
                label=section.title,
                help_text=section.hint,
                required=False,
                choices=[(offer.key, offer.label) for offer in offers],
                widget=GovukCheckboxes(hints={offer.key: offer.hint for offer in offers}),
            )
            self.initial[section.key] = [offer.key for offer in offers if offer.certain]

    def clean(self):
        cleaned = super().clean()
        # Ticked boxes that are no longer offered (a double submit) are not "nothing ticked".
        ticked = any(self.data.getlist(self.add_prefix(section.key)) for section in SECTIONS)
        if not ticked and self.fields:
            self.add_error(next(iter(self.fields)), NOTHING_TICKED)
        return cleaned

    @property
    def chosen_keys(self) -> list[str]:
        return [key for name in self.fields for key in self.cleaned_data.get(name, [])]
