from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_POST

from collab.govuk_forms import posted
from collab.sessions import refresh_idle_timeout
from people.account import services
from people.account.forms import EmailPreferencesForm, NameForm
from people.account.presenters import your_account as your_account_page


def your_account(request):
    account = your_account_page(request.user, request.session.session_key)
    calendar_url = request.build_absolute_uri(account.calendar_path)
    return render(
        request, "people/account/your_account.html", {"account": account, "calendar_url": calendar_url}
    )


def change_name(request):
    form = NameForm(posted(request), initial={"full_name": request.user.full_name})
    if form.is_valid():
        services.account_name_change(
            person=request.user, full_name=form.cleaned_data["full_name"], by=request.user
        )
        messages.success(request, "Your name has been changed")
        return redirect("people:account")
    return render(request, "people/account/name.html", {"form": form, "back_url": reverse("people:account")})


def email_preferences(request):
    current = services.email_frequencies(person=request.user)
    form = EmailPreferencesForm(posted(request), initial=current)
    if form.is_valid():
        services.email_preferences_update(person=request.user, frequencies=form.cleaned_data, by=request.user)
        messages.success(request, "Your email preferences have been saved")
        return redirect("people:account")
    back_url = reverse("people:account")
    return render(request, "people/account/email_preferences.html", {"form": form, "back_url": back_url})


@require_POST
def keep_alive(request):
    """ "Stay signed in": restarts the idle timeout now, and says how long for."""
    return JsonResponse({"signed_in_for_seconds": refresh_idle_timeout(request.session, force=True)})


@login_not_required
@require_GET
def timed_out(request):
    """Where a page goes when its idle timer runs out. Still signed in (another tab kept the session
    alive)? Straight back. Otherwise, say what happened and offer to sign in again."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("home")
    if request.user.is_authenticated:
        return redirect(next_url)
    sign_in_url = f"{reverse('login')}?{urlencode({'next': next_url})}"
    return render(request, "people/account/timed_out.html", {"sign_in_url": sign_in_url})
