"""The calendars: a person's secret feed of every initiative they can see, and one initiative's file."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.views.decorators.http import require_safe

from governance.calendar.events import dated_events
from governance.calendar.presenters import ical_response
from initiatives.access import get_initiative_or_404
from initiatives.models import Initiative
from people.calendar.services import person_for_token


@login_not_required  # calendar apps cannot sign in: the secret address is the key
@require_safe
def personal_feed(request, token):
    person = person_for_token(token)
    if person is None:
        raise Http404("No such calendar")
    events = dated_events(Initiative.objects.visible_to(person))
    return ical_response(f"Joined-up: {person.full_name}", events)


@require_safe
def initiative_calendar(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    events = dated_events(Initiative.objects.visible_to(request.user).filter(pk=initiative.pk))
    return ical_response(f"Joined-up: {initiative.title}", events, filename=f"{initiative.slug}.ics")
