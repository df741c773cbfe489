"""Cursor pages: stable while records are added, and no COUNT over a long register."""

from rest_framework.pagination import CursorPagination


class ListCursor(CursorPagination):
    ordering = "pk"
    page_size_query_param = "page_size"
    max_page_size = 200
