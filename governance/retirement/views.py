"""Retiring a record with its reason, restoring it, and each register's closed view, for every register."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.confirm import Confirmation, confirm_page, confirmed
from collab.paging import CARDS_PER_PAGE, paged
from collab.refusals import refused_or_done
from governance.decisions.services import DecisionChanged
from governance.retirement.forms import RetireForm
from governance.retirement.presenters import closed_rows, retirement_consequences
from governance.retirement.registers import BY_KEY, Register
from governance.retirement.services import RetirementRefused, restore
from initiatives.access import get_initiative_or_404


def _record(request, slug, register: Register, lookup: int):
    initiative = get_initiative_or_404(request.user, slug)
    record = get_object_or_404(register.records(initiative), **{register.lookup: lookup})
    if not request.user.has_perm(register.permission, record if register.on_record else initiative):
        raise PermissionDenied
    return initiative, record


def _closed_url(register: Register, slug: str) -> str:
    return reverse(f"governance:{register.url_name('closed')}", kwargs={"slug": slug})


def retire_record(request, slug, key, **lookup):
    register = BY_KEY[key]
    initiative, record = _record(request, slug, register, lookup[register.lookup])
    if record.is_retired:
        messages.info(request, f"“{record}” is already {register.done}")
        return redirect(_closed_url(register, slug))
    form = RetireForm(
        request.POST if confirmed(request) else None,
        label=f"Why is the {register.noun} being {register.done}?",
        error=f"Enter why the {register.noun} is being {register.done}",
        hint=register.reason_hint,
    )
    if form.is_valid():
        retired = f"“{record}” {register.done}. It is listed under {register.closed_title.lower()}."
        with refused_or_done(request, (RetirementRefused, DecisionChanged), done=retired):
            register.retire(record=record, by=request.user, reason=form.cleaned_data["reason"])
        return redirect(register.list_url, slug=slug)
    verb = register.verb.capitalize()
    confirmation = Confirmation(
        caption=initiative.title,
        initiative=initiative,
        title=f"{verb} {register.noun} “{record}”",
        warning=(
            f"The {register.noun} leaves the working list. It stays in its history, in exports "
            f"and in the governance pack's annex of closed and retired records."
        ),
        button=f"{verb} {register.noun}",
        back_url=reverse(register.list_url, kwargs={"slug": slug}),
        consequences=retirement_consequences(record),
        form=form,
    )
    return confirm_page(request, confirmation)


@require_POST
def restore_record(request, slug, key, **lookup):
    register = BY_KEY[key]
    _, record = _record(request, slug, register, lookup[register.lookup])
    with refused_or_done(request, RetirementRefused, done=f"“{record}” restored to the working list"):
        restore(record=record, by=request.user)
    return redirect(_closed_url(register, slug))


def closed(request, slug, key):
    register = BY_KEY[key]
    initiative = get_initiative_or_404(request.user, slug)
    context = {
        "initiative": initiative,
        "register": register,
        "rows": paged(closed_rows(register, initiative, request.user), request.GET, per_page=CARDS_PER_PAGE),
        "list_url": reverse(register.list_url, kwargs={"slug": slug}),
        "restore_url": f"governance:{register.url_name('restore')}" if register.restorable else "",
    }
    return render(request, "governance/retirement/closed.html", context)
