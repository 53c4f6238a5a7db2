import dataclasses
import re

from reunion_core import content
from reunion_core import content as c


def test_their_side_has_the_five_reactance_stages_in_order():
    assert [s.name for s in c.REACTANCE_STAGES] == [
        "Wall of Reactance", "Test Drive", "Riding the Dragon", "Crisis Point", "New Beginnings",
    ]
    assert [s.number for s in c.REACTANCE_STAGES] == [1, 2, 3, 4, 5]


def test_reactance_bands_cover_0_to_100_without_gaps_or_overlap():
    edges = [(s.low, s.high) for s in c.REACTANCE_STAGES]
    assert edges[0][0] == 0 and edges[-1][1] == 100
    for (_, high), (low, _) in zip(edges, edges[1:], strict=False):
        assert low == high + 1


def test_your_side_has_the_seven_stages_each_with_two_to_four_prompts():
    assert [s.name for s in c.YOUR_STAGES] == [
        "Bubble space", "Defining yourself without them", "Dip a toe in the water",
        "The reboot date", "No news is good news", "A whole new you two", "Redefining love",
    ]
    for stage in c.YOUR_STAGES:
        assert 2 <= len(stage.prompts) <= 4, stage.key
        assert stage.ready_when and stage.next_step and stage.summary
        assert all(t in c.TIP_BY_KEY for t in stage.tips)


def test_every_stage_has_observable_signs_that_point_back_to_it():
    for stage in c.REACTANCE_STAGES:
        assert stage.signs
        assert all(sign.stage == stage.key for sign in stage.signs)


def test_the_diagnostic_asks_the_seeds_six_questions_with_choices():
    assert [q.key for q in c.DIAGNOSTIC_QUESTIONS] == [
        "why_ended", "your_role", "pattern", "why_back", "they_want", "what_different",
    ]
    for q in c.DIAGNOSTIC_QUESTIONS:
        assert len(q.choices) >= 3 and q.reflection_prompt


def test_pause_signs_red_flags_and_safety_questions_are_complete():
    assert len(c.PAUSE_SIGNS) == 4
    assert {f.key for f in c.RED_FLAGS} == {
        "unfaithful", "contempt", "boundaries_broken", "past_kept_alive", "pattern",
    }
    assert len(c.SAFETY_QUESTIONS) == 13  # the six of old, widened to well-established warning signs (issue 10)


def test_the_hotline_is_the_seeds_number_with_text_line():
    hotline = c.REGIONS[c.DEFAULT_REGION].lines[0]
    assert hotline.phone == "800-799-7233"
    assert "START" in hotline.text and "88788" in hotline.text
    assert "elsewhere" in c.REGIONS  # help for a person in none of the places listed


def test_every_place_has_an_emergency_number_a_crisis_line_and_a_first_line_open_day_and_night():
    for region in c.REGIONS.values():
        assert region.lines and region.emergency and region.crisis, region.key
        first = region.lines[0]
        assert region.key == "elsewhere" or "24/7" in first.details, region.key  # the menu's line: always open
        assert region.key == "elsewhere" or first.tel and region.short, region.key
        assert len({r.key for r in region.lines}) == len(region.lines)


def test_keys_are_unique_within_each_collection():
    for items in (c.REACTANCE_STAGES, c.YOUR_STAGES, c.ALL_SIGNS, c.DIAGNOSTIC_QUESTIONS,
                  c.PAUSE_SIGNS, c.RED_FLAGS, c.SAFETY_QUESTIONS, c.TIPS):
        keys = [i.key for i in items]
        assert len(keys) == len(set(keys))


def _strings(value):
    """Every string inside a content value: constants, records, tuples and mappings of them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict) or hasattr(value, "items"):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _strings(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name not in ("name", "phone", "text", "tel", "sms", "key"):  # raw: drawn as links (call_md, text_md)
                yield from _strings(getattr(value, field.name))


def test_every_number_a_person_might_call_is_a_link():
    """Issue 16: a number to call or text, wherever the words say it, is a tel: or sms: link (one tap on a
    phone, and a screen reader announces it as a link). Every help line's number, in every place, counts."""
    numbers = {"911", "988", "88788", "800-799-SAFE", "112", "999", "000", "111", "1737"} | {
        r.phone for region in content.REGIONS.values() for r in region.lines if any(d.isdigit() for d in r.phone)}
    spelled = "|".join(sorted((re.escape(n).replace("\\ ", "[ \u00a0]").replace("\\-", "[-\u2011]")
                               for n in numbers), key=len, reverse=True))
    number = re.compile(rf"(?<![\w\u2011-])({spelled})(?![\w\u2011-])")
    link = re.compile(r"\[[^\]]*\]\((?:tel|sms):[^)]*\)")
    found = []
    for name, value in vars(content).items():
        if name.isupper():
            for text in _strings(value):
                bare = link.sub("", text)
                found += [(name, m.group(0), text[:80]) for m in number.finditer(bare)]
    assert found == []
    assert "[911](tel:911)" in content.DANGER_NOW.format(emergency=content.REGIONS["us"].emergency)
    assert number.search("call 0808 2000 247 now") and number.search("or 116\u00a0123.")  # it sees each form
