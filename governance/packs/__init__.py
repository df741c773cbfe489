"""Governance packs: the initiative's records gathered into one signed-off-looking PDF by a Celery worker.

content   gathers every record into plain JSON, with a fixed number of queries, and fingerprints it
document  shapes that JSON for the PDF template (ordering, flags, heat map, trend charts)
rendering lays it out with WeasyPrint through an allow-listed URL fetcher (fetcher)
storage   writes files atomically under PRIVATE_FILES_ROOT and refuses paths outside it
services  requests, claims, builds, fails and reconciles pack jobs
"""
