"""The group an administrator puts people in to make them eligible as assurance reviewers."""

from django.db import migrations

GROUP_NAME = "Assurance reviewers"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP_NAME)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("governance", "0005_assurance_follow_up_and_pack_jobs"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
