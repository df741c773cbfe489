from allauth.account.internal.flows.login import record_authentication
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from collab.confirm import Confirmation, Consequence, confirm_page, confirmed
from collab.refusals import refused_or_done
from initiatives.access import get_initiative_or_404
from initiatives.models import User
from people.invitations import services
from people.invitations.forms import AcceptInvitationForm, InvitationForm
from people.invitations.services import InvitationRefused, open_invitation
from people.rules import INVITE_PEOPLE, MANAGE_INVITATION
from people.single_sign_on import forms_may_go_to_identity_providers, provider_for_email, sign_in_redirect

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def invite(request, slug):
    initiative = get_initiative_or_404(request.user, slug, INVITE_PEOPLE)
    form = InvitationForm(request.POST or None, initiative=initiative, by=request.user)
    if request.method == "POST" and form.is_valid():
        sent = services.invitation_send(
            initiative=initiative,
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            role=form.cleaned_data["role"],
            by=request.user,
            override_domain=form.cleaned_data.get("override_domain", False),
        )
        if sent.added_at_once:
            messages.success(
                request, f"{sent.invitation.email} already had an account: we added them and told them"
            )
        else:
            messages.success(request, f"Invitation sent to {sent.invitation.email}")
        return redirect("initiatives:team", slug=slug)
    back_url = reverse("initiatives:team", kwargs={"slug": slug})
    return render(
        request,
        "people/invitations/invite.html",
        {"form": form, "initiative": initiative, "back_url": back_url},
    )


def _managed_invitation(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, INVITE_PEOPLE)
    invitation = get_object_or_404(initiative.invitations.select_related("initiative"), pk=pk)
    if not request.user.has_perm(MANAGE_INVITATION, invitation):
        raise PermissionDenied
    return invitation


@require_POST
def resend(request, slug, pk):
    invitation = _managed_invitation(request, slug, pk)
    resent = f"Invitation sent again to {invitation.email}. The earlier link no longer works."
    with refused_or_done(request, InvitationRefused, done=resent):
        services.invitation_resend(invitation=invitation, by=request.user)
    return redirect("initiatives:team", slug=slug)


def withdraw(request, slug, pk):
    invitation = _managed_invitation(request, slug, pk)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                caption=invitation.initiative.title,
                initiative=invitation.initiative,
                title=f"Withdraw the invitation to {invitation.email}",
                warning="The emailed link stops working. You can invite them again later.",
                button="Withdraw invitation",
                back_url=reverse("initiatives:team", kwargs={"slug": slug}),
                consequences=[Consequence("The invitation", [str(invitation)])],
            ),
        )
    withdrawn = f"Invitation to {invitation.email} withdrawn. Its link no longer works."
    with refused_or_done(request, InvitationRefused, done=withdrawn):
        services.invitation_withdraw(invitation=invitation, by=request.user)
    return redirect("initiatives:team", slug=slug)


@login_not_required
@forms_may_go_to_identity_providers
def accept(request, token):
    """The page the emailed link opens: the invitee makes their account, or goes on to their body's
    single sign-on and comes back with an account made from the identity it vouches for."""
    invitation = open_invitation(token)
    if invitation is None:
        return render(request, "people/invitations/link_not_working.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None or request.user.is_authenticated:
        return _accept_signed_in(request, invitation, existing)
    single_sign_on = provider_for_email(invitation.email)
    if single_sign_on is not None:
        if request.method == "POST":
            next_url = invitation.initiative.get_absolute_url()
            return sign_in_redirect(request, single_sign_on, email=invitation.email, next_url=next_url)
        context = {"invitation": invitation, "single_sign_on": single_sign_on}
        return render(request, "people/invitations/accept_single_sign_on.html", context)
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.invitation_accept(
                token=token, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password1"]
            )
        except InvitationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            return _signed_in_as_new_account(request, person, invitation)
    return render(request, "people/invitations/accept.html", {"invitation": invitation, "form": form})


def _signed_in_as_new_account(request, person, invitation):
    login(request, person, backend=SIGN_IN_BACKEND)
    # They have just chosen their password: setting up two-step verification next need not ask
    # for it again (people.adapters.AccountAdapter.is_reauthentication_required).
    record_authentication(request, person, method="password", email=person.email)
    UserSession.objects.create_from_request(request)
    # Two-step verification is offered to everyone now; the page says if it is required.
    query = urlencode({"next": invitation.initiative.get_absolute_url()})
    return redirect(f"{reverse('mfa_activate_totp')}?{query}")


def _accept_signed_in(request, invitation, existing: User | None):
    """Someone who already has an account: they take it up signed in as themselves."""
    if not request.user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        return render(
            request, "people/invitations/sign_in_first.html", {"invitation": invitation, "query": query}
        )
    if existing is None or request.user.pk != existing.pk:
        return render(request, "people/invitations/someone_else.html", {"invitation": invitation}, status=403)
    services.invitations_take_up(person=request.user)
    messages.success(request, f"You have joined {invitation.initiative.title}")
    return redirect(invitation.initiative)
