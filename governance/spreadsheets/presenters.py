"""Shaping an import job's progress page and its status answers."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from governance.spreadsheets.models import ImportJob
from governance.spreadsheets.registers import REGISTERS

Status = ImportJob.Status


@dataclass
class ImportJobPage:
    job: ImportJob
    noun: str
    message: str
    register_url: str
    upload_url: str
    status_url: str

    @property
    def next_step(self) -> tuple[str, str]:
        """Where to go from here, and the link's words: the file again after a failure, else the register."""
        if self.job.status == Status.FAILED:
            return self.upload_url, f"Upload a file of {self.noun} again"
        return self.register_url, f"Go to the {self.noun} register"


def import_job_page(job: ImportJob) -> ImportJobPage:
    register = REGISTERS[job.kind]
    slug = job.initiative.slug
    return ImportJobPage(
        job=job,
        noun=register.noun,
        message=import_job_message(job),
        register_url=reverse(register.list_url_name, kwargs={"slug": slug}),
        upload_url=reverse(f"governance:{job.kind}_import", kwargs={"slug": slug}),
        status_url=reverse("governance:import_job_status", kwargs={"slug": slug, "job_id": job.pk}),
    )


def import_job_message(job: ImportJob) -> str:
    """One sentence on where the job is: what the page's live region announces."""
    noun = REGISTERS[job.kind].noun
    if job.status == Status.DONE:
        return (
            f"Import complete. {job.rows_done} {noun} imported: {job.added} added, "
            f"{job.updated} updated, {job.unchanged} unchanged."
        )
    if job.status == Status.FAILED:
        return f"Import failed. {job.failure_reason}"
    if job.status == Status.RUNNING:
        return f"Importing {job.rows_total} rows. This page will say when it is done."
    return f"Waiting to import {job.rows_total} rows. This page will say when it is done."


def import_job_payload(page: ImportJobPage) -> dict:
    job = page.job
    next_url, next_label = page.next_step
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "finished": job.is_finished,
        "rows_done": job.rows_done,
        "rows_total": job.rows_total,
        "message": page.message,
        "next_url": next_url,
        "next_label": next_label,
    }
