from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("governance", "0008_decision_trail_no_truncate")]

    operations = [
        migrations.AddField(
            model_name="governancepack",
            name="claimed_by_task",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
