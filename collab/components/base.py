"""What every component block tag shares: options, rendering its content, finding the component
it belongs to, and drawing the component's template."""

from __future__ import annotations

from django.template import Context, Engine, Node, NodeList, TemplateSyntaxError
from django.template.base import FilterExpression, Parser, Token, kwarg_re
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# The innermost component being drawn, for the parts written inside it to add themselves to.
OPEN_COMPONENT = "_govuk_open_component"

Arguments = tuple[str, list[FilterExpression], dict[str, FilterExpression]]
NO_ATTRIBUTES = mark_safe("")


def html_attributes(options: dict) -> SafeString:
    """The options a tag does not know, as HTML attributes, their values escaped."""
    if not options:
        return NO_ATTRIBUTES
    parts = []
    for name, value in options.items():
        if value is None or value is False:
            continue
        attribute = name.replace("_", "-")
        if value is True:
            parts.append(format_html(" {}", attribute))
        else:
            parts.append(format_html(' {}="{}"', attribute, value))
    return mark_safe("".join(parts))  # noqa: S308 - every part came through format_html


def render_component(context: Context, template_name: str, values: dict) -> SafeString:
    engine = context.template.engine if context.template else Engine.get_default()
    return engine.get_template(template_name).render(context.new(values))


class ComponentNode(Node):
    """A block tag of a component: its content and its options, resolved when it renders."""

    tag_name = ""
    # What the content may hold, for a tag whose content is only the component's parts.
    parts = ""

    def __init__(self, nodelist: NodeList, options: dict[str, FilterExpression], args=()):
        self.nodelist = nodelist
        self.options = options
        self.args = list(args)

    def resolve_options(self, context: Context) -> dict:
        return {name: value.resolve(context) for name, value in self.options.items()}

    def render_content(self, context: Context, component=None) -> SafeString:
        """The content, rendered by the template engine (so escaped), with the parts written in
        it adding themselves to `component`."""
        if component is None:
            return mark_safe(self.nodelist.render(context).strip())  # noqa: S308 - the engine escaped it
        with context.push({OPEN_COMPONENT: component}):
            return mark_safe(self.nodelist.render(context).strip())  # noqa: S308 - the engine escaped it

    def render_parts(self, context: Context, component) -> None:
        if stray := self.render_content(context, component):
            raise TemplateSyntaxError(f"{{% {self.tag_name} %}} holds only {self.parts}, not {stray[:80]!r}")

    def enclosing(self, context: Context, kind: type, inside: str):
        component = context.get(OPEN_COMPONENT)
        if not isinstance(component, kind):
            raise TemplateSyntaxError(f"{{% {self.tag_name} %}} belongs inside {{% {inside} %}}")
        return component


class WrapperNode(ComponentNode):
    """A component that is one element around the page's content: warning text, inset text."""

    def __init__(self, nodelist: NodeList, options: dict[str, FilterExpression], *, template_name: str):
        super().__init__(nodelist, options)
        self.template_name = template_name

    def render(self, context):
        options = self.resolve_options(context)
        values = {"content": self.render_content(context), "classes": options.pop("classes", "")}
        return render_component(
            context, self.template_name, {**values, "attributes": html_attributes(options)}
        )


def split_arguments(parser: Parser, token: Token) -> Arguments:
    """The tag's name, its positional arguments, then its key=value options."""
    tag_name, *bits = token.split_contents()
    args: list[FilterExpression] = []
    options: dict[str, FilterExpression] = {}
    for bit in bits:
        match = kwarg_re.match(bit)
        name, value = match.groups() if match else (None, bit)
        if name:
            options[name] = parser.compile_filter(value)
        elif options:
            raise TemplateSyntaxError(f"{{% {tag_name} %}}: {bit} comes after the key=value options")
        else:
            args.append(parser.compile_filter(value))
    return tag_name, args, options


def block(node_class: type[ComponentNode], **node_options):
    """The compile function of a block tag that takes key=value options only."""

    def compile_tag(parser: Parser, token: Token) -> ComponentNode:
        tag_name, args, options = split_arguments(parser, token)
        if args:
            raise TemplateSyntaxError(f"{{% {tag_name} %}} takes only key=value options")
        nodelist = parser.parse((f"end{tag_name}",))
        parser.delete_first_token()
        return node_class(nodelist, options, **node_options)

    return compile_tag


def wrapper(template_name: str):
    """The compile function of a tag drawing `template_name` around its content."""
    return block(WrapperNode, template_name=template_name)
