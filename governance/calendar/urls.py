"""The calendars, mounted at the site's root: the personal feed lives outside any initiative."""

from django.urls import path

from governance.calendar import views

app_name = "calendar"

urlpatterns = [
    path("calendar/<str:token>.ics", views.personal_feed, name="feed"),
    path("initiatives/<slug:slug>/calendar.ics", views.initiative_calendar, name="initiative"),
]
