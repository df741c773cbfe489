from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance import models
from governance.services.risks import risk_update

for model in [
    models.RaciRow,
    models.RaciColumn,
    models.RaciCell,
    models.Forum,
    models.EscalationLevel,
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


@admin.register(models.Risk)
class RiskAdmin(SimpleHistoryAdmin):
    """Saves go through risk_update, so a score changed here is kept in its history like any other.

    Routing through the service rather than making the scores read-only: "Revert" on the history
    page saves the old instance whole, scores included, past any read-only fields. risk_update
    compares with what is stored, so both the change form and a revert leave a history row.
    """

    def has_add_permission(self, request):
        # Adding is the register's job: it numbers the risk and records its starting positions.
        return False

    def save_model(self, request, obj, form, change):
        risk_update(risk=obj, updated_by=request.user)


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
