"""Administration of measures records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.measures.models import Measure, MeasureReading

admin.site.register(Measure, SimpleHistoryAdmin)
admin.site.register(MeasureReading, SimpleHistoryAdmin)
