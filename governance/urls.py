from governance.assurance.urls import urlpatterns as assurance_urls
from governance.packs.urls import urlpatterns as pack_urls

app_name = "governance"

urlpatterns: list = [
    *assurance_urls,
    *pack_urls,
]
