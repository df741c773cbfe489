"""Administration of decisions records."""

from django.contrib import admin

from governance.admin_base import AppendOnlyAdmin
from governance.decisions.models import Decision, DecisionTransition

admin.site.register(Decision, AppendOnlyAdmin)
admin.site.register(DecisionTransition, AppendOnlyAdmin)
