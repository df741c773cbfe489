from django.urls import path

from collab.form_tokens import submit_once
from people.account import views as account
from people.calendar import views as calendar
from people.invitations import views as invitations
from people.leavers import views as leavers

app_name = "people"

urlpatterns = [
    # Your account.
    path("account/", account.your_account, name="account"),
    path("account/name/", account.change_name, name="account_name"),
    path("account/email-preferences/", account.email_preferences, name="email_preferences"),
    path("account/calendar/reset/", calendar.calendar_reset, name="calendar_reset"),
    # The idle timeout: "Stay signed in", and where a page goes when its session has ended.
    path("session/keep-alive/", account.keep_alive, name="keep_alive"),
    path("signed-out/", account.timed_out, name="timed_out"),
    # Invitations: sent from an initiative's team page, accepted by following the emailed link.
    path("initiatives/<slug:slug>/team/invite/", submit_once(invitations.invite), name="invite"),
    path(
        "initiatives/<slug:slug>/team/invitations/<int:pk>/resend/",
        invitations.resend,
        name="invitation_resend",
    ),
    path(
        "initiatives/<slug:slug>/team/invitations/<int:pk>/withdraw/",
        invitations.withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/<str:token>/", invitations.accept, name="invitation_accept"),
    # People and leavers, for administrators and body leads.
    path("people/", leavers.people, name="people"),
    path("people/<int:pk>/", leavers.person, name="person"),
    path("people/<int:pk>/deactivate/", leavers.deactivate, name="deactivate"),
    path("people/<int:pk>/reactivate/", leavers.reactivate, name="reactivate"),
    path("people/<int:pk>/unlock/", leavers.unlock, name="unlock"),
]
