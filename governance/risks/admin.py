"""Administration of risks: saves go through the register's service."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.admin_base import AppendOnlyAdmin
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from governance.risks.services import risk_update

admin.site.register(RiskAction, SimpleHistoryAdmin)
admin.site.register(RiskScoreChange, AppendOnlyAdmin)


@admin.register(Risk)
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
        risk_update(risk=obj, by=request.user)
