"""Administration of assurance records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.assurance.models import AssuranceReview, Recommendation

admin.site.register(AssuranceReview, SimpleHistoryAdmin)
admin.site.register(Recommendation, SimpleHistoryAdmin)
