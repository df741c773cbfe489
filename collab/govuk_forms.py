"""GOV.UK Design System form components through Django's own form rendering.

Every form in the service inherits GovukForm or GovukModelForm. Fields then render with
GOV.UK markup from templates/forms/, widgets carry the right classes and error states, and
required-field messages follow the Design System's wording ("Enter ...", "Select ...").
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core import validators
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input
from django.http import HttpRequest, QueryDict

WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    # Order matters: subclasses before the classes they extend.
    (forms.CheckboxSelectMultiple, ""),
    (forms.RadioSelect, ""),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.Textarea, "govuk-textarea"),
    (forms.SelectMultiple, "govuk-select"),
    (forms.Select, "govuk-select"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.PasswordInput, "govuk-input"),
    (Input, "govuk-input"),
]


def widget_css_class(widget: forms.Widget) -> str:
    for widget_class, css_class in WIDGET_CLASSES:
        if isinstance(widget, widget_class):
            return css_class
    return ""


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class GovukBoundField(BoundField):
    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def describedby(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    @property
    def error_anchor(self) -> str:
        """The id the error summary links to: the first input of the field."""
        widget = self.field.widget
        if isinstance(widget, forms.MultiWidget):
            return f"{self.auto_id}_0"
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{self.auto_id}_0"
        return self.auto_id

    @property
    def is_page_heading(self) -> bool:
        return getattr(self.form, "page_heading_field", None) == self.name

    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.field.widget, forms.CheckboxInput)

    @property
    def label_size(self) -> str:
        return "l" if self.is_page_heading else getattr(self.form, "label_size", "s")

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css_class = widget_css_class(widget)
        if css_class and not isinstance(widget, forms.CheckboxInput):
            # Keep a class the widget was given (a width, say): the bound field's class would replace it.
            extra = attrs.get("class") or widget.attrs.get("class", "")
            classes = [css_class, f"{css_class}--error" if self.errors else "", extra]
            attrs["class"] = " ".join(filter(None, classes))
        elif css_class:
            attrs["class"] = css_class
        if self.use_fieldset or isinstance(widget, forms.MultiWidget):
            # The fieldset carries the description for grouped inputs.
            attrs.pop("aria-describedby", None)
        elif self.describedby:
            attrs["aria-describedby"] = self.describedby
        else:
            attrs.pop("aria-describedby", None)
        if isinstance(widget, SearchableSelect) and not self.field.required:
            # Searching, the blank ("No owner yet") is offered too: it is an answer people choose.
            attrs["data-offer-blank"] = "true"
        return attrs


class _HintedChoices:
    """Radios or checkboxes drawn by one template, with an optional hint under each option."""

    template_name = "forms/widgets/choices.html"
    kind = ""  # the Design System component: "radios" or "checkboxes"
    inline = False

    def __init__(self, attrs=None, choices=(), hints: dict[str, str] | None = None):
        super().__init__(attrs, choices)  # type: ignore[call-arg]
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)  # type: ignore[misc]
        option["hint"] = self.hints.get(str(value), "")
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)  # type: ignore[misc]
        context["widget"].update(kind=self.kind, inline=self.inline)
        return context


class GovukRadios(_HintedChoices, forms.RadioSelect):
    """Radios with an optional hint under each option: GovukRadios(hints={"yes": "..."})."""

    kind = "radios"

    def __init__(self, attrs=None, choices=(), hints: dict[str, str] | None = None, inline: bool = False):
        super().__init__(attrs, choices, hints)
        self.inline = inline


class GovukCheckboxes(_HintedChoices, forms.CheckboxSelectMultiple):
    kind = "checkboxes"


# A list longer than this is searched, not scrolled (ADR 0022).
SEARCH_FROM_CHOICES = 20


class SearchableSelect(forms.Select):
    """A select that static/js/autocomplete.mjs turns into the Design System's accessible autocomplete
    once it offers more than SEARCH_FROM_CHOICES choices; a short one, or any without JavaScript,
    stays a plain select. Every form's single selects are made these (GovukFormMixin)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        offered = sum(
            1
            for _group, options, _index in context["widget"]["optgroups"]
            for o in options
            if str(o["value"])
        )
        if offered > SEARCH_FROM_CHOICES:
            context["widget"]["attrs"]["data-module"] = "jup-autocomplete"
        return context

    @classmethod
    def like(cls, select: forms.Select) -> SearchableSelect:
        searchable = cls(attrs=select.attrs, choices=select.choices)
        searchable.is_required = select.is_required
        return searchable


class GovukDateInput(forms.MultiWidget):
    """The Design System's date input: three boxes for day, month and year."""

    template_name = "forms/widgets/date.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = ((data.get(f"{name}_{part}") or "").strip() for part in self.parts)
        if not (day or month or year):
            return None
        # Handed to DateField as ISO text; anything incomplete fails its validation.
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["has_error"] = (attrs or {}).get("aria-invalid") == "true"
        for subwidget, part in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            subwidget["part"] = part
            subwidget["label"] = part.capitalize()
        return context


class GovukDateField(forms.DateField):
    widget = GovukDateInput
    default_error_messages = {"invalid": "Enter a real date, for example 27 3 2027"}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)


def optional_choice_by_id(*, label: str, not_offered: str) -> forms.TypedChoiceField:
    """An optional choice of one record by its id, from choices the form sets; an id it did not offer
    (someone else's, or not a number) is refused with `not_offered`, never looked up."""
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": not_offered},
    )


class LinesField(forms.CharField):
    """A textarea where each non-empty line is one item; cleans to a list of strings."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, max_items: int = 50, max_item_length: int = 300, **kwargs):
        self.max_items = max_items
        self.max_item_length = max_item_length
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(value) > self.max_items:
            raise forms.ValidationError(f"Enter no more than {self.max_items} lines")
        for line in value:
            if len(line) > self.max_item_length:
                raise forms.ValidationError(f"Each line must be {self.max_item_length} characters or fewer")

    def run_validators(self, value) -> None:
        for line in value:
            super().run_validators(line)


# Free text with no limit of its own (a model TextField, say) gets one of these, so a pasted
# megabyte is refused at its field instead of being stored and shown on every page after.
LONG_TEXT_MAX_LENGTH = 10_000
SHORT_TEXT_MAX_LENGTH = 1_000


def _limit_length(field: forms.CharField, label: str) -> None:
    """Give free text a limit if it has none, and say it the GOV.UK way when it is passed."""
    if isinstance(field, LinesField):
        return  # Limited per line and in lines, with its own messages.
    if field.max_length is None:
        long_text = isinstance(field.widget, forms.Textarea)
        field.max_length = LONG_TEXT_MAX_LENGTH if long_text else SHORT_TEXT_MAX_LENGTH
    if not any(isinstance(v, validators.MaxLengthValidator) for v in field.validators):
        # Also where a form set max_length after the field was made (Django's sign-in form does).
        field.validators.append(validators.MaxLengthValidator(field.max_length))
    # The label may hold a "%": the message is %-formatted with the validator's numbers.
    label = label.replace("%", "%%")
    field.error_messages.setdefault("max_length", f"{label} must be {field.max_length:,} characters or fewer")


def _drop_dashed_blank(field: forms.Field) -> None:
    """Radios never offer Django's "---------" choice: nothing ticked is the blank.

    A blank with a real label ("Not stated") stays: it is an answer people choose.
    """
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == BLANK_CHOICE_DASH[0][1]:
            field.empty_label = None
            field.widget.choices = field.choices
    elif isinstance(field, forms.ChoiceField):
        field.choices = [choice for choice in field.choices if choice != BLANK_CHOICE_DASH[0]]


def _required_message(field: forms.Field, label: str) -> str:
    label = label[:1].lower() + label[1:]
    if isinstance(field.widget, forms.CheckboxSelectMultiple):
        return f"Select at least one {label}"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField) or isinstance(
        field.widget, forms.CheckboxInput
    ):
        return f"Select {label}"
    return f"Enter {label}"


class GovukFormMixin:
    bound_field_class = GovukBoundField
    # Set to a field name on question pages: that field's label becomes the page's h1.
    page_heading_field: str | None = None
    label_size = "s"
    # GOV.UK forms use novalidate: the server validates and explains, not the browser.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = str(field.label or name.replace("_", " ").capitalize())
            if field.error_messages.get("required") == forms.Field.default_error_messages["required"]:
                field.error_messages["required"] = _required_message(field, label)
            if isinstance(field, forms.CharField):
                _limit_length(field, label)
            if isinstance(field.widget, forms.RadioSelect):
                _drop_dashed_blank(field)
            if type(field.widget) is forms.Select:
                field.widget = SearchableSelect.like(field.widget)
            if isinstance(field, forms.DateField) and not isinstance(field.widget, GovukDateInput):
                field.widget = GovukDateInput()
                field.input_formats = ["%Y-%m-%d"]
                field.error_messages["invalid"] = GovukDateField.default_error_messages["invalid"]
            # GOV.UK asks for no maxlength attribute: the server says what is too long, with a message.
            field.widget.attrs.pop("maxlength", None)


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    def as_fields(self) -> dict[str, Any]:
        """The cleaned value of each of the record's fields on this form, named as the service's
        keyword arguments: services list each field they write, so one they do not take fails loudly."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or () if name in self.fields}


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (a form of unticked boxes is still a submission)."""
    return request.POST if request.method == "POST" else None


def date_text(value: datetime.date) -> str:
    return f"{value:%-d %B %Y}"


def add_errors(form: forms.BaseForm, problems: list[tuple[str, str]]) -> None:
    """Put each (field, message) at its field, unless that field already says what is wrong."""
    for field, message in problems:
        if field not in form.errors:
            form.add_error(field, message)
