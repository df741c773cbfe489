"""Resetting a person's secret calendar address, from Your account."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from collab.confirm import Confirmation, confirm_page, confirmed
from people.calendar.services import calendar_feed_reset


def calendar_reset(request):
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                title="Reset your calendar link",
                warning="Your current calendar link stops working at once, wherever you have added it.",
                button="Reset calendar link",
                back_url=reverse("people:account"),
                nothing_else="You get a new link to add to your calendar app instead. Nothing else changes.",
            ),
        )
    calendar_feed_reset(person=request.user, by=request.user)
    messages.success(request, "Your calendar link has been reset. Add the new link to your calendar app.")
    return redirect(f"{reverse('people:account')}#calendar")
