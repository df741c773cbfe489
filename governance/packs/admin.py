"""Administration of packs records."""

from django.contrib import admin

from governance.admin_base import AppendOnlyAdmin
from governance.packs.models import GovernancePack

admin.site.register(GovernancePack, AppendOnlyAdmin)
