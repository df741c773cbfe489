"""The "add from checklist" form's POST, shared by the registers that offer checklist items as drafts."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from governance.checklist.forms import ChecklistAdoptForm
from initiatives.models import Initiative


def adopt_from_checklist(
    request: HttpRequest,
    initiative: Initiative,
    form: ChecklistAdoptForm | None,
    *,
    add: Callable[..., list],
    added: str,
    page: Callable[..., HttpResponse],
    list_url: str,
) -> HttpResponse:
    """Add the ticked items as drafts (`add`, a register's service) and go back to its list, saying
    `added` ("{count} draft risks added ..."). With nothing ticked, `page` draws the list again with
    the form: its error summary links to the first checkbox, as every GOV.UK form's does."""
    if form is None:  # every item was added meanwhile (by another manager): nothing is left to tick
        return redirect(list_url, slug=initiative.slug)
    if not form.is_valid():
        return page(request, initiative, checklist_form=form)
    drafts = add(initiative=initiative, items=form.chosen, by=request.user)
    messages.success(request, added.format(count=len(drafts)))
    return redirect(list_url, slug=initiative.slug)
