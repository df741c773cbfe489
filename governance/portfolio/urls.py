"""The portfolio, at /portfolio/: one page for everyone, scoped to what each person may see."""

from django.urls import path

from governance.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("", views.portfolio_page, name="portfolio"),
    path("portfolio.csv", views.export, name="export"),
]
