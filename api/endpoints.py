"""What every API view shares: answering for itself (401, ETags), the initiative a register sits
under, and the schema of a register's writes."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from governance.predicates import MANAGE_REGISTERS
from initiatives.models import Initiative

SLUG = OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The initiative's slug")


def writes_schema(write_serializer, detail_serializer):
    """The schema of a register's add (201) and change (200) of a record, each answered with the record."""
    return extend_schema_view(
        create=extend_schema(parameters=[SLUG], request=write_serializer, responses={201: detail_serializer}),
        partial_update=extend_schema(
            parameters=[SLUG], request=write_serializer, responses={200: detail_serializer}
        ),
    )


class ApiEndpoint:
    """What every API view does: answer for itself without a session (401 with WWW-Authenticate, never
    the sign-in page), and put an ETag on every successful read, with 304 Not Modified to a client that
    already has it."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)  # type: ignore[misc]
        view.login_required = False  # LoginRequiredMiddleware: the token is the sign-in
        return view

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        # A file (a pack's PDF) is streamed as it is, without an ETag.
        is_a_read = request.method in ("GET", "HEAD") and response.status_code == 200
        if is_a_read and isinstance(response, Response):
            response.render()
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


@extend_schema_view(list=extend_schema(parameters=[SLUG]), retrieve=extend_schema(parameters=[SLUG]))
class InitiativePart(ApiEndpoint, viewsets.ReadOnlyModelViewSet):
    """A register of one initiative the token holder may see; any other initiative is not found."""

    detail_serializer_class: type | None = None

    lookup_value_converter = "int"

    @cached_property
    def initiative(self) -> Initiative:
        return get_object_or_404(Initiative.objects.visible_to(self.request.user), slug=self.kwargs["slug"])

    @property
    def register_form_options(self) -> dict:
        """What a register's add and edit forms are given: a programme manager may name any body taking
        part as the owner, anyone else only their own."""
        user, initiative = self.request.user, self.initiative
        return {
            "initiative": initiative,
            "user": user,
            "manages_all": user.has_perm(MANAGE_REGISTERS, initiative),
        }

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class
