from django.http import HttpRequest, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (a form of unticked boxes is still a submission)."""
    return request.POST if request.method == "POST" else None
