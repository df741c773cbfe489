"""Reads of import jobs."""

from __future__ import annotations

from collab.querysets import JobQuerySet


class ImportJobQuerySet(JobQuerySet):
    def without_rows(self) -> ImportJobQuerySet:
        """Jobs without the file's rows, which only the worker needs."""
        return self.defer("rows")
