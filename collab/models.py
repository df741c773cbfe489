"""Records the project keeps for every app: which create forms have already been submitted, and what
every job row run by a Celery worker records (collab/job_rows.py)."""

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


class JobRow(models.Model):
    """What every job row records besides its status: who asked, when, and how its attempts went."""

    failure_reason = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    # When a message to run it was last sent; the reconciler sends another if none arrives.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The Celery task id of the run holding the claim (blank when run without a task). A message
    # delivered again with this id means that run died: acks_late only redelivers an unfinished run.
    claimed_by_task = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    CLAIMED_STATUS: str

    class Meta:
        abstract = True
