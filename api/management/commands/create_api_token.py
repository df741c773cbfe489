"""Make a personal access token for someone, for operators: prints the secret, once."""

from django.core.management.base import BaseCommand, CommandError

from api.models import ApiToken
from api.services import LONGEST_LIFE_DAYS, TokenProblem, token_create
from initiatives.models import User


class Command(BaseCommand):
    help = "Print a new API token for the person with this email address (read only unless --write)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--write", action="store_true", help="Let the token change records too")
        parser.add_argument(
            "--expires",
            type=int,
            default=90,
            metavar="DAYS",
            help=f"Days until it expires (1 to {LONGEST_LIFE_DAYS})",
        )
        parser.add_argument("--name", default="Made with create_api_token")

    def handle(self, *args, **options):
        person = User.objects.filter(email__iexact=options["email"].strip()).first()
        if person is None:
            raise CommandError(f"Nobody has the email address {options['email']!r}")
        scope = ApiToken.Scope.WRITE if options["write"] else ApiToken.Scope.READ
        try:
            token, secret = token_create(
                person=person, name=options["name"], scope=scope, expires_in_days=options["expires"]
            )
        except TokenProblem as problem:
            raise CommandError(str(problem)) from None
        self.stderr.write(
            f"{token.get_scope_display()} token for {person.email}, "
            f"expiring {token.expires_at:%Y-%m-%d %H:%M %Z}:"
        )
        self.stdout.write(secret)
