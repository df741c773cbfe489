"""Administration of forums records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.admin_base import AppendOnlyAdmin
from governance.forums.models import Escalation, EscalationLevel, Forum

admin.site.register(Forum, SimpleHistoryAdmin)
admin.site.register(EscalationLevel, SimpleHistoryAdmin)
admin.site.register(Escalation, AppendOnlyAdmin)
