"""One rule for text from the input on a screen (`render.common.printable`): no raw control character or
bidirectional override reaches it, in a report's rendering or in the source profiles."""

import re

from test_store import make_report

from reliability.profiles import profiles
from reliability.render import renderer
from reliability.render.common import one_line, printable
from reliability.render.sources import to_text
from reliability.store import Store

HOSTILE = "evil\x1b[2J\x1b]0;owned\x07\u202eftp.exe\u2066x\u2069\x9b31m\x7f\rover\r\nnext\tcol"
#: What must never reach a screen raw: C0 controls but tab and newline, DEL, C1, bidi embeddings/overrides/isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_every_control_and_override_becomes_a_visible_symbol_one_for_one():
    shown = printable(HOSTILE)
    assert len(shown) == len(HOSTILE)  # offsets into the text still hold
    assert shown.startswith("evil␛[2J␛]0;owned␇\ufffdftp.exe\ufffdx\ufffd\ufffd31m␡␍over\r\nnext\tcol")
    assert not RAW.search(shown.replace("\r\n", ""))  # a line end is the one carriage return kept


def test_one_line_keeps_a_value_on_its_line():
    assert one_line(HOSTILE) == printable(HOSTILE).replace("\r\n", "  ").replace("\t", " ")
    assert "\n" not in one_line("a\nb\u2028c")


def test_the_source_profiles_show_a_hostile_source_on_one_safe_line():
    store = Store(":memory:")
    store.add(make_report("a", source=HOSTILE, codes=("off_topic.x\x1b[31m",)))
    text = to_text(profiles(store))
    assert text.count("\n") == 1 and not RAW.search(text) and "\r" not in text
    assert text.startswith("evil␛[2J␛]0;owned␇") and "off_topic.x␛[31m" in text


def test_a_rendered_report_shows_a_hostile_id_source_and_text_safely():
    report = make_report(HOSTILE, source=HOSTILE, codes=("off_topic.boilerplate",))
    for fmt in ("text", "markdown"):
        out = renderer(fmt, color=False, width=100)(report, HOSTILE)
        assert not RAW.search(out), (fmt, [c for c in out if RAW.match(c)])
        assert "␛[2J" in out.replace("\\", ""), fmt
