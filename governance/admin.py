from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance import models

for model in [
    models.RaciRow,
    models.RaciColumn,
    models.RaciCell,
    models.Forum,
    models.EscalationLevel,
    models.Risk,
    models.RiskAction,
    models.Measure,
    models.MeasureReading,
    models.DataDefinition,
    models.BodyMeaning,
    models.DataSharingAgreement,
    models.AssuranceReview,
    models.Recommendation,
]:
    admin.site.register(model, SimpleHistoryAdmin)


class AppendOnlyAdmin(admin.ModelAdmin):
    """Trails and generated records: readable, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model in [
    models.Decision,
    models.DecisionTransition,
    models.Escalation,
    models.RiskScoreChange,
    models.GovernancePack,
]:
    admin.site.register(model, AppendOnlyAdmin)
