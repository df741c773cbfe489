from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from governance.export.schema import schema_text


@login_not_required  # documentation: a tool can read the schema before anyone has a token
@require_safe
def initiative_export_schema(request):
    return HttpResponse(schema_text(), content_type="application/schema+json")
