"""What an attacker, a clumsy paste or a strange keyboard sends: Hypothesis strategies per kind of field.

Markup payloads carry the marker `jupxss` as a tag or attribute *name*. Escaped text can never
produce a tag or attribute name, so a parsed page holding one means a payload was rendered as
markup. Values are text, lists of text (several values for one name) or (filename, bytes) uploads.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

MARKER = "jupxss"

MARKUP = [
    f"<script {MARKER}>alert(1)</script>",
    f'"><img src=x onerror=alert(1) {MARKER}>',
    f"'><svg {MARKER} onload=alert(1)>",
    f"</textarea><script {MARKER}>alert(1)</script>",
    f"</title><style {MARKER}>body{{background:url(http://127.0.0.1:9/css)}}</style>",
    f'<a {MARKER} href="javascript:alert(1)">click</a>',
    f'<link {MARKER} rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    f'<iframe {MARKER} src="http://127.0.0.1:9/"></iframe>',
    f'<img {MARKER} src="file:///etc/passwd">',
    f"<{MARKER}-element>",
    f'" {MARKER}="1',
    f"' {MARKER}='1",
    f'<object {MARKER} data="http://127.0.0.1:9/o"></object>',
    f"<![CDATA[<{MARKER}>]]>",
    "url(http://127.0.0.1:9/y) @import 'http://127.0.0.1:9/z.css';",
    "{{ request }}{% debug %}{{ 7|add:7 }}",
    '=HYPERLINK("http://127.0.0.1:9","x")',
    "+cmd|' /C calc'!A0",
    "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "javascript:alert(1)",
    "%3Cscript%3E",
]

UNICODE = [
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte order mark
    "\u0301",  # a combining mark with nothing to combine with
    "e\u0301\u0327\u0300",  # stacked combining marks
    "Z\u0336\u0335\u0334\u035c\u0361",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # a family emoji
    "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # flag of Scotland
    "\U0001f4a9",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u200fabc",
    "Ἀθῆναι",
    "İıŞş",
    "ß\ufb03",
    "\x00",
    "a\x00b",
    "\ud800",  # a lone high surrogate: only sent where the encoding lets it through
    "\udfff",
    "\r\n",
    "\r",
    "\n\n\n",
    "\t",
    "\x0b\x0c",
    "\x1b[31m",
    "\u2028\u2029",
    "\x7f\x85",
    "   ",
    "Ω",
    "\u3000",
]

# Characters of every category, surrogates included.
_any_character = st.characters(codec=None, categories=None)


def free_text() -> st.SearchStrategy[str]:
    pieces = st.one_of(
        st.sampled_from(MARKUP),
        st.sampled_from(UNICODE),
        st.text(alphabet=_any_character, max_size=12),
        st.text(max_size=12),
    )
    return st.one_of(
        st.lists(pieces, min_size=1, max_size=8).map("".join),
        st.text(alphabet=_any_character, max_size=80),
        st.sampled_from(MARKUP),
        oversized(),
    )


def oversized() -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            "x" * 100_001,
            ("A long line " * 2000).strip(),
            "\n".join(["line"] * 5000),
            "\U0001f4a9" * 20_000,
            MARKUP[0] * 500,
        ]
    )


def number_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.sampled_from(
            [
                "",
                "0",
                "-0",
                "1e999",
                "NaN",
                "Infinity",
                "-inf",
                "1_000",
                "0x10",
                "١٢",
                "\uff11\uff12",
                "½",
                "3.",
                ".5",
                " 7 ",
                "9" * 400,
                "1,000",
                "£5",
                "2e-400",
            ]
        ),
    )


def date_part_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-100, max_value=100_000).map(str),
        st.sampled_from(
            [
                "",
                "0",
                "00",
                "31",
                "32",
                "29",
                "02",
                "13",
                "1",
                "9999",
                "10000",
                "0001",
                "\uff11",
                "٣",
                "2024 ",
                "+1",
                "-1",
                "1.5",
                "2e3",
                "\x00",
            ]
        ),
        free_text(),
    )


def date_parts(today: datetime.date) -> st.SearchStrategy[dict[str, str]]:
    """Day, month and year together: real dates at the edges, or garbage in each box."""
    real = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(
        lambda d: {"day": str(d.day), "month": str(d.month), "year": str(d.year)}
    )
    edges = st.sampled_from(
        [datetime.date.min, datetime.date.max, today, datetime.date(2024, 2, 29), datetime.date(9999, 12, 1)]
    ).map(lambda d: {"day": str(d.day), "month": str(d.month), "year": str(d.year)})
    garbage = st.fixed_dictionaries(
        {"day": date_part_text(), "month": date_part_text(), "year": date_part_text()}
    )
    return st.one_of(real, edges, garbage)


def choice(options: list[str]) -> st.SearchStrategy:
    """Sometimes a valid option, sometimes garbage, sometimes several values at once."""
    garbage = st.one_of(
        free_text(),
        st.sampled_from(
            ["", "0", "-1", "999999999", "99999999999999999999999", "1.5", "None", "null", "[]", "true", "on"]
        ),
    )
    valid = st.sampled_from(options) if options else garbage
    return st.one_of(valid, valid, garbage, st.lists(st.one_of(valid, garbage), min_size=2, max_size=3))


def ticks(options: list[str]) -> st.SearchStrategy:
    valid = st.lists(st.sampled_from(options), unique=True) if options else st.just([])
    return st.one_of(
        valid, valid, st.lists(st.one_of(st.sampled_from(options or [""]), free_text()), max_size=4)
    )


def csv_upload(headers: list[str]) -> st.SearchStrategy[tuple[str, bytes]]:
    """A file for an import form: real headers with hostile cells, or broken files of every kind."""
    cell = st.one_of(free_text(), number_text(), st.sampled_from(["", '"', '""', 'a"b', "=1+1", "@SUM(A1)"]))
    header_row = st.one_of(
        st.just(headers),
        st.lists(st.sampled_from(headers or ["x"]), max_size=len(headers) + 2),
        st.lists(free_text(), max_size=4),
    )

    def text_file(draw) -> bytes:
        header = draw(header_row)
        rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(header) + 1), max_size=6))
        lines = [",".join(_csv_cell(c) for c in row) for row in [header, *rows]]
        text = draw(st.sampled_from(["\r\n", "\n", "\r"])).join(lines)
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "surrogates"]))
        if encoding == "surrogates":
            return text.encode("utf-8", "surrogatepass")
        return text.encode(encoding, "replace")

    broken = st.sampled_from(
        [
            b"",
            b"\x00\x01\x02\xff\xfe",
            b"\xef\xbb\xbf",
            b'"unterminated,quote\n',
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            b"PK\x03\x04" + b"\x00" * 30,
            ("a," * 100_000).encode(),
            b"x" * 1_000_001,
            ("\n".join(["Title"] + [f"risk {i}" for i in range(2101)])).encode(),
        ]
    )
    content = st.one_of(st.composite(lambda draw: text_file(draw))(), broken)
    name = st.one_of(
        st.sampled_from(
            [
                "risks.csv",
                "RISKS.CSV",
                "measures.txt",
                "../../etc/passwd.csv",
                ".csv",
                "a b.csv",
                "x.csv.exe",
                "\u202ecsv.exe",
                "名前.csv",
                'quote".csv',
                "semi;colon.csv",
            ]
        ),
        free_text().map(lambda s: s[:60] + ".csv"),
    )
    return st.tuples(name, content)


def _csv_cell(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value
