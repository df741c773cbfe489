"""The results page of the header's search box."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance.search.forms import SearchForm
from governance.search.presenters import search_page
from governance.search.results import search
from initiatives.models import Initiative


@require_GET
def results(request):
    initiatives = list(Initiative.objects.visible_to(request.user).order_by("title"))
    form = SearchForm(request.GET or None, initiatives=initiatives)
    context = {"form": form, "words": form.words}
    if form.words:
        found = search(
            user=request.user,
            words=form.words,
            kind=form.cleaned_data["kind"],
            initiative=form.chosen_initiative,
            page_number=request.GET.get("page"),
        )
        context.update(search_page(found, request.GET, form.cleaned_data["kind"]))
    return render(request, "governance/search/results.html", context)
