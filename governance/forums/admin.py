"""Administration of forums and the escalation route, through their services as on their pages."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from governance.admin_base import (
    AppendOnlyAdmin,
    InitiativeRecordAdmin,
    check_bodies_take_part,
    check_person_takes_part,
    initiative_of,
)
from governance.forums import services
from governance.forums.forms import EscalationLevelForm, ForumForm
from governance.forums.models import Escalation, EscalationLevel, Forum


class ForumAdminForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["initiative", *ForumForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].required = True
        self.fields["member_bodies"].required = True

    def clean(self):
        """As the forum page offers: a chair and member bodies from the bodies taking part."""
        cleaned = super().clean()
        initiative = initiative_of(self)
        if initiative is not None:
            check_person_takes_part(self, initiative, "chair")
            check_bodies_take_part(self, initiative, "member_bodies")
        return cleaned


@admin.register(Forum)
class ForumAdmin(InitiativeRecordAdmin):
    """Forums through forum_create, forum_update and forum_remove."""

    form = ForumAdminForm
    list_display = ["name", "initiative", "purpose", "cadence"]
    list_filter = ["purpose", "initiative"]
    search_fields = ["name"]
    autocomplete_fields = ["initiative", "chair"]

    def create(self, *, form, by):
        return services.forum_create(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        return services.forum_update(forum=record, by=by, **self.form_values(form))

    def remove(self, *, record, by):
        services.forum_remove(forum=record, by=by)


class EscalationLevelAdminForm(forms.ModelForm):
    class Meta:
        model = EscalationLevel
        fields = ["initiative", *EscalationLevelForm.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        initiative, forum = initiative_of(self), cleaned.get("forum")
        if initiative is not None and forum is not None and forum.initiative_id != initiative.pk:
            self.add_error("forum", f"Choose one of the forums of {initiative}, or no forum")
        return cleaned


@admin.register(EscalationLevel)
class EscalationLevelAdmin(InitiativeRecordAdmin):
    """Levels through escalation_level_add (at the top of the route), escalation_level_update and
    escalation_level_remove, which closes the gap and is refused once escalations name the level.

    Levels are reordered on the escalation route page, which renumbers them.
    """

    form = EscalationLevelAdminForm
    list_display = ["__str__", "initiative", "who"]
    list_filter = ["initiative"]
    search_fields = ["name", "who"]
    readonly_fields = ["level"]
    refusals = (services.LevelInUse,)

    def create(self, *, form, by):
        return services.escalation_level_add(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        return services.escalation_level_update(level=record, by=by, **self.form_values(form))

    def remove(self, *, record, by):
        services.escalation_level_remove(level=record, by=by)


admin.site.register(Escalation, AppendOnlyAdmin)
