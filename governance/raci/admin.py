"""Administration of raci records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.raci.models import RaciCell, RaciColumn, RaciRow

admin.site.register(RaciRow, SimpleHistoryAdmin)
admin.site.register(RaciColumn, SimpleHistoryAdmin)
admin.site.register(RaciCell, SimpleHistoryAdmin)
