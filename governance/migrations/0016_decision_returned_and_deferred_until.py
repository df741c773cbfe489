"""Decisions can be returned for changes, and a deferral carries the date to revisit it.

Adding nullable columns and widening the status choices rewrites no row, so the trail's
append-only triggers (0007, 0008) neither fire nor need changing: existing steps keep their
values, and a decision deferred before this has no date (none is shown).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0018_recommendation_closure_with_evidence'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='deferred_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='decisiontransition',
            name='deferred_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historicaldecision',
            name='deferred_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='decision',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Awaiting decision'), ('returned', 'Returned for changes'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('deferred', 'Deferred'), ('superseded', 'Superseded'), ('withdrawn', 'Withdrawn')], default='draft', max_length=10),
        ),
        migrations.AlterField(
            model_name='decisiontransition',
            name='from_status',
            field=models.CharField(blank=True, choices=[('draft', 'Draft'), ('submitted', 'Awaiting decision'), ('returned', 'Returned for changes'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('deferred', 'Deferred'), ('superseded', 'Superseded'), ('withdrawn', 'Withdrawn')], max_length=10),
        ),
        migrations.AlterField(
            model_name='decisiontransition',
            name='to_status',
            field=models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Awaiting decision'), ('returned', 'Returned for changes'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('deferred', 'Deferred'), ('superseded', 'Superseded'), ('withdrawn', 'Withdrawn')], max_length=10),
        ),
        migrations.AlterField(
            model_name='historicaldecision',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Awaiting decision'), ('returned', 'Returned for changes'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('deferred', 'Deferred'), ('superseded', 'Superseded'), ('withdrawn', 'Withdrawn')], default='draft', max_length=10),
        ),
    ]
