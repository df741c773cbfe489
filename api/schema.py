"""How the OpenAPI schema describes the API's authentication: a bearer token."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token from Your account, API tokens (it starts jup_)",
        }


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details; `errors` names each field at fault",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "detail"],
                "properties": {"field": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
        "current_version": {"type": "string", "description": "On 409: the record's version now"},
    },
}
# Every operation may answer these; writes also 409 (a stale version, or a record not in a state to change).
REFUSALS = {
    "400": "The request has errors: each is named in `errors`",
    "401": "No valid token: send `Authorization: Bearer <token>`",
    "403": "The token, or its holder, may not do this",
    "404": "No such record, or one of an initiative the token's holder cannot see",
    "429": "Too many requests from this token: wait for `Retry-After` seconds",
}
CONFLICT = {"409": "The record changed since the version sent, or cannot change now"}


def add_problem_responses(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: document the problem details every operation may answer."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            refusals = {**REFUSALS, **(CONFLICT if method in ("post", "patch", "put") else {})}
            for code, description in refusals.items():
                operation["responses"].setdefault(code, {"description": description, "content": problem})
            if method == "get":
                operation["responses"].setdefault(
                    "304", {"description": "Not modified: the `ETag` sent still holds"}
                )
    return result
