"""Administration of glossary records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement

admin.site.register(DataDefinition, SimpleHistoryAdmin)
admin.site.register(BodyMeaning, SimpleHistoryAdmin)
admin.site.register(DataSharingAgreement, SimpleHistoryAdmin)
