"""CSV export and import of risks and measures: whole files, bad rows by number, nothing half-saved."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import Measure, Risk, RiskScoreChange
from tests.governance.import_steps import confirm_import
from tests.governance.register_factories import MeasureFactory, MeasureReadingFactory, RiskFactory

pytestmark = pytest.mark.django_db

RISK_HEADER = [
    "Title",
    "Category",
    "Owner body",
    "Owner email",
    "Joint risk",
    "Inherent likelihood",
    "Inherent impact",
    "Current likelihood",
    "Current impact",
    "Target likelihood",
    "Target impact",
    "Risk appetite",
    "Treatment",
    "Review date",
]
GOOD_RISK = [
    "Families asked twice",
    "Operations",
    "DWP",
    "pm@dwp.example",
    "yes",
    "4",
    "4",
    "3",
    "3",
    "2",
    "2",
    "Cautious",
    "Treat",
    "2027-01-31",
]


def csv_file(rows, name="risks.csv", encoding="utf-8") -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def upload_and_confirm(client, url, upload):
    """Upload a file, open its preview and confirm it, as a person would; a refused file stops there."""
    uploaded = client.post(url, {"file": upload})
    if uploaded.status_code != 302:
        return uploaded
    preview = client.get(uploaded.url)
    return confirm_import(client, preview.context["confirm_url"])


def import_risks(client, world, upload):
    client.force_login(world.programme_manager)
    url = reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})
    return upload_and_confirm(client, url, upload)


def body(response) -> str:
    return response.content.decode()


class TestRiskImport:
    def test_a_good_file_adds_every_row_and_says_how_many(self, client, world):
        second = [
            "Funding ends early",
            "financial",
            "hmrc",
            "",
            "no",
            "2",
            "5",
            "2",
            "4",
            "1",
            "4",
            "minimal",
            "tolerate",
            "31/03/2027",
        ]

        response = import_risks(client, world, csv_file([RISK_HEADER, GOOD_RISK, second]))

        assert "2 risks imported: 2 added, 0 updated, 0 unchanged" in body(response)
        first, funding = Risk.objects.order_by("number")
        assert (first.title, first.owner, first.is_joint, first.current_score) == (
            "Families asked twice",
            world.programme_manager,
            True,
            9,
        )
        assert (funding.owner_body, funding.category, funding.review_date.isoformat()) == (
            world.partner_body,
            "financial",
            "2027-03-31",
        )
        assert RiskScoreChange.objects.count() == 6

    def test_bad_rows_are_listed_by_row_number_and_nothing_is_saved(self, client, world):
        bad_likelihood = [*GOOD_RISK[:5], "7", *GOOD_RISK[6:]]
        bad_body = [*GOOD_RISK[:2], "XYZ", "", *GOOD_RISK[4:]]
        bad_owner = [*GOOD_RISK[:2], "HMRC", "pm@dwp.example", *GOOD_RISK[4:]]
        bad_date = [*GOOD_RISK[:-1], "31/02/2027"]
        rows = [
            RISK_HEADER,
            GOOD_RISK,
            ["Another", *GOOD_RISK[1:]],
            bad_likelihood,
            bad_body,
            bad_owner,
            bad_date,
        ]

        response = import_risks(client, world, csv_file(rows))

        text = body(response)
        assert "Row 4: inherent likelihood must be a whole number from 1 to 5" in text
        assert "Row 4: title “Families asked twice” is also on row 2" in text
        assert "Row 5: owner body “XYZ” is not a body taking part" in text
        assert "Row 6: owner pm@dwp.example does not work for HMRC" in text
        assert "Row 7: review date must be a real date" in text
        assert "Nothing was imported" in text
        assert not Risk.objects.exists()

    def test_importing_the_same_file_again_changes_nothing(self, client, world):
        import_risks(client, world, csv_file([RISK_HEADER, GOOD_RISK]))

        response = import_risks(client, world, csv_file([RISK_HEADER, GOOD_RISK]))

        assert "1 risks imported: 0 added, 0 updated, 1 unchanged" in body(response)
        assert Risk.objects.count() == 1 and RiskScoreChange.objects.count() == 3

    def test_a_row_matching_a_title_updates_that_risk_and_keeps_its_score_history(self, client, world):
        risk = RiskFactory(
            initiative=world.initiative, title="families ASKED twice", number=7, inherent_likelihood=3
        )
        RiskScoreChange.objects.all().delete()

        response = import_risks(client, world, csv_file([RISK_HEADER, GOOD_RISK]))

        assert "0 added, 1 updated" in body(response)
        risk.refresh_from_db()
        assert (risk.number, risk.title, risk.inherent_score) == (7, "Families asked twice", 16)
        assert list(RiskScoreChange.objects.values_list("position", flat=True)) == ["inherent"]

    def test_an_exported_register_imports_back_unchanged(self, client, world):
        RiskFactory(
            initiative=world.initiative, title='=HYPERLINK("http://evil")', owner_body=world.lead_body
        )
        client.force_login(world.programme_manager)
        exported = client.get(reverse("governance:risks_export", kwargs={"slug": world.initiative.slug}))
        content = b"".join(exported.streaming_content) if exported.streaming else exported.content

        response = import_risks(client, world, SimpleUploadedFile("register.csv", content))

        assert "1 risks imported: 0 added, 0 updated, 1 unchanged" in body(response)
        assert b"'=HYPERLINK" in content

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (SimpleUploadedFile("risks.xlsx", b"PK\x03\x04binary"), "must be a CSV file"),
            (SimpleUploadedFile("risks.csv", b""), "The selected file is empty"),
            (
                SimpleUploadedFile("risks.csv", "Title,Catégorie\n".encode("latin-1")),
                "must be saved as UTF-8",
            ),
            (SimpleUploadedFile("risks.csv", b"Title\x00,Category\n"), "must be a CSV file"),
            (SimpleUploadedFile("risks.csv", b"Title,Category\n"), "missing these columns: Joint risk"),
            (SimpleUploadedFile("risks.csv", b"x" * 1_000_001), "smaller than 1 MB"),
        ],
    )
    def test_a_file_that_cannot_be_read_gets_a_clear_error(self, client, world, upload, message):
        response = import_risks(client, world, upload)

        assert response.status_code == 200
        assert message in body(response)
        assert not Risk.objects.exists()

    def test_more_than_two_thousand_rows_is_refused(self, client, world):
        rows = [RISK_HEADER] + [[f"Risk {n}", *GOOD_RISK[1:]] for n in range(2001)]

        response = import_risks(client, world, csv_file(rows))

        assert "more than 2,000 rows" in body(response)

    def test_no_file_is_asked_for(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(reverse("governance:risks_import", kwargs={"slug": world.initiative.slug}))

        assert "Select a CSV file" in body(response)


MEASURE_HEADER = [
    "Name",
    "Definition",
    "Unit",
    "Direction",
    "Baseline",
    "Target",
    "Investing body",
    "Benefiting bodies",
    "Benefit type",
    "Agreed before work started",
]
GOOD_MEASURE = [
    "Repeat contacts",
    "Contacts per bereavement",
    "contacts",
    "Lower is better",
    "3.5",
    "1",
    "DWP",
    "HMRC",
    "Non-cash-releasing efficiency",
    "yes",
]


class TestMeasureImport:
    def import_measures(self, client, world, rows):
        client.force_login(world.programme_manager)
        url = reverse("governance:measures_import", kwargs={"slug": world.initiative.slug})
        return upload_and_confirm(client, url, csv_file(rows, "measures.csv"))

    def test_a_good_file_adds_measures_with_their_benefiting_bodies(self, client, world):
        response = self.import_measures(client, world, [MEASURE_HEADER, GOOD_MEASURE])

        assert "1 measures imported: 1 added" in body(response)
        measure = Measure.objects.get()
        assert (measure.direction, measure.investing_body, measure.agreed_before_start) == (
            "lower",
            world.lead_body,
            True,
        )
        assert list(measure.benefiting_bodies.all()) == [world.partner_body]

    def test_a_benefit_is_counted_once_and_cash_releasing_needs_an_investor(self, client, world):
        counted_twice = [*GOOD_MEASURE[:7], "DWP; HMRC", *GOOD_MEASURE[8:]]
        no_investor = ["Cash saved", *GOOD_MEASURE[1:6], "", "", "Cash-releasing efficiency", "no"]
        wrong_way = ["Wrong way", *GOOD_MEASURE[1:4], "3.5", "9", *GOOD_MEASURE[6:]]

        response = self.import_measures(
            client, world, [MEASURE_HEADER, counted_twice, no_investor, wrong_way]
        )

        text = body(response)
        assert "Row 2: a benefit is counted once, by the investing body: DWP cannot also benefit" in text
        assert "Row 3: a cash-releasing efficiency needs an investing body" in text
        assert "Row 4: when lower is better, the target must be below the baseline" in text
        assert not Measure.objects.exists()

    def test_measures_export_neutralises_formulas_and_gives_the_latest_reading(self, client, world):
        measure = MeasureFactory(initiative=world.initiative, name="@SUM(A1:A2)", data_source="-1+1")
        MeasureReadingFactory(measure=measure, value=12)
        client.force_login(world.partner_member)

        response = client.get(reverse("governance:measures_export", kwargs={"slug": world.initiative.slug}))

        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][:4] == ["Reference", "Name", "Definition", "Unit"]
        assert rows[1][:2] == [measure.reference, "'@SUM(A1:A2)"] and rows[1][9] == "'-1+1"
        assert rows[1][-4] == "12.00"
        assert rows[1][-2:] == ["Current", ""]
