"""The portfolio page and its CSV download: the same rows, filters and order."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from collab.csv_export import csv_response
from collab.paging import paged
from governance.portfolio.forms import PortfolioFilterForm
from governance.portfolio.presenters import CSV_HEADER, csv_rows, portfolio, portfolio_bodies, sort_columns
from governance.portfolio.rules import VIEW_PORTFOLIO
from initiatives.portfolio_offices.models import PortfolioGrant


def _filter_form(request) -> PortfolioFilterForm:
    if not request.user.has_perm(VIEW_PORTFOLIO):
        raise PermissionDenied
    return PortfolioFilterForm(request.GET or None, bodies=portfolio_bodies(request.user))


@require_GET
def portfolio_page(request):
    form = _filter_form(request)
    shown = portfolio(request.user, form)
    context = {
        "form": form,
        "portfolio": shown,
        # The heat map and the trend are of every initiative matching the filters; the table shows a page.
        "rows": paged(shown.rows, request.GET),
        "columns": sort_columns(request.GET, form),
        "grants": list(PortfolioGrant.objects.held_by(request.user)),
    }
    return render(request, "governance/portfolio/portfolio.html", context)


@require_GET
def export(request):
    form = _filter_form(request)
    rows = portfolio(request.user, form).rows
    return csv_response("portfolio.csv", CSV_HEADER, csv_rows(rows))
