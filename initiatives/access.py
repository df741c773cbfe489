"""Fetching an initiative for a request: 404 if the user may not see it, 403 if they may see but not act."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from initiatives.models import Initiative
from initiatives.rules import VIEW_INITIATIVE


def get_initiative_or_404(user, slug: str, permission: str = VIEW_INITIATIVE) -> Initiative:
    initiative = get_object_or_404(Initiative.objects.visible_to(user).select_related("lead_body"), slug=slug)
    if not user.has_perm(permission, initiative):
        raise PermissionDenied
    return initiative
