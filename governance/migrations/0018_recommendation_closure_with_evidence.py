"""Recommendations close with evidence: open, proposed closed (by the owning body), closed (by a reviewer).

Recommendations marked "done" in one click before this are closed as they stand: who marked them
and when become who closed them and when. Nothing asked a reviewer then, so nothing is invented now.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def done_becomes_closed(apps, schema_editor):
    Recommendation = apps.get_model("governance", "Recommendation")
    Recommendation.objects.filter(status="done").update(status="closed")


def closed_becomes_done(apps, schema_editor):
    # Going back loses the proposals: a proposed closure was still open in the old terms.
    Recommendation = apps.get_model("governance", "Recommendation")
    Recommendation.objects.filter(status="closed").update(status="done")
    Recommendation.objects.filter(status="proposed_closed").update(status="open")


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0014_case_insensitive_unique_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name='historicalrecommendation',
            old_name='completed_at',
            new_name='closed_at',
        ),
        migrations.RenameField(
            model_name='historicalrecommendation',
            old_name='completed_by',
            new_name='closed_by',
        ),
        migrations.RenameField(
            model_name='recommendation',
            old_name='completed_at',
            new_name='closed_at',
        ),
        migrations.RenameField(
            model_name='recommendation',
            old_name='completed_by',
            new_name='closed_by',
        ),
        migrations.AddField(
            model_name='historicalrecommendation',
            name='proposed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historicalrecommendation',
            name='proposed_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='proposed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='proposed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalrecommendation',
            name='status',
            field=models.CharField(choices=[('open', 'Open'), ('proposed_closed', 'Proposed closed'), ('closed', 'Closed')], default='open', max_length=15),
        ),
        migrations.AlterField(
            model_name='recommendation',
            name='status',
            field=models.CharField(choices=[('open', 'Open'), ('proposed_closed', 'Proposed closed'), ('closed', 'Closed')], default='open', max_length=15),
        ),
        migrations.CreateModel(
            name='RecommendationStep',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(choices=[('open', 'Open'), ('proposed_closed', 'Proposed closed'), ('closed', 'Closed')], max_length=15)),
                ('to_status', models.CharField(choices=[('open', 'Open'), ('proposed_closed', 'Proposed closed'), ('closed', 'Closed')], max_length=15)),
                ('at', models.DateTimeField(auto_now_add=True)),
                ('comment', models.TextField(blank=True)),
                ('links', models.JSONField(blank=True, default=list)),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.RESTRICT, related_name='+', to='governance.decision')),
                ('recommendation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='governance.recommendation')),
            ],
            options={
                'ordering': ['recommendation', 'at', 'pk'],
            },
        ),
        migrations.RunPython(done_becomes_closed, closed_becomes_done),
    ]
