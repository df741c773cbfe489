"""Records the project keeps for every app: which create forms have already been submitted."""

from django.conf import settings
from django.db import models


class FormSubmission(models.Model):
    """One submit of a create form, keyed by the one-time token the form was rendered with.

    The row is claimed before the record is made and given the record's address once it is,
    so a replay of the same form (a double click, the back button, a retry) finds it and is
    sent to the record made first instead of making a second one.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=500)
    # What was typed, hashed: the back button may fetch the form afresh with a new token.
    fingerprint = models.CharField(max_length=64, db_index=True)
    record_url = models.CharField(max_length=500, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.path} by {self.user_id} at {self.submitted_at:%Y-%m-%d %H:%M}"
