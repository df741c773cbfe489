"""Your account, API tokens: make one (its secret shown once), list them with when each was last used,
and revoke one after a confirmation."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from api import services
from api.account.forms import TokenForm
from api.models import ApiToken
from collab.confirm import Confirmation, confirm_page, confirmed
from collab.govuk_forms import posted


@require_GET
def tokens(request):
    held = ApiToken.objects.of(request.user)
    return render(request, "api/tokens.html", {"tokens": held, "docs_url": reverse("api:docs")})


def token_create(request):
    form = TokenForm(posted(request))
    if form.is_valid():
        token, secret = services.token_create(person=request.user, **form.cleaned_data)
        # Shown on this response only: the secret is never stored, so it cannot be shown again.
        return render(request, "api/token_created.html", {"token": token, "secret": secret})
    back_url = reverse("api_tokens:tokens")
    return render(request, "api/token_form.html", {"form": form, "back_url": back_url})


def token_revoke(request, pk):
    token = get_object_or_404(ApiToken.objects.of(request.user), pk=pk, revoked_at__isnull=True)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                title=f"Revoke the token “{token.name}”",
                warning="Anything using this token stops reaching Joined-up at once.",
                button="Revoke token",
                back_url=reverse("api_tokens:tokens"),
                nothing_else="Your other tokens keep working. Nothing else changes.",
            ),
        )
    services.token_revoke(token=token, by=request.user)
    messages.success(request, f"The token “{token.name}” has been revoked")
    return redirect("api_tokens:tokens")
