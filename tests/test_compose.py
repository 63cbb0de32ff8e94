"""Drafts: templates filled in, placeholders caught, threading headers right."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from agent.core import compose
from agent.settings import Settings, load_templates

NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Panel interview - Data Engineer", "Re: Panel interview - Data Engineer"),
        ("Re: Panel interview", "Re: Panel interview"),
        ("RE: Re: re:Panel interview", "Re: Panel interview"),
        ("AW: SV: Fwd: Interview", "Re: Interview"),
        ("Re[2]: Interview", "Re: Interview"),
        ("", "Re:"),
    ],
)
def test_reply_subject_collapses_prefixes_into_one_re(subject: str, expected: str) -> None:
    assert compose.reply_subject(subject) == expected


def test_references_are_the_parents_plus_its_id() -> None:
    assert compose.thread_references("<c@x>", ("<a@x>", "<b@x>")) == ["<a@x>", "<b@x>", "<c@x>"]
    assert compose.thread_references("<b@x>", ("<a@x>", "<b@x>")) == ["<a@x>", "<b@x>"]


def test_long_reference_chains_keep_the_first_and_the_newest() -> None:
    refs = tuple(f"<{i}@x>" for i in range(40))
    out = compose.thread_references("<40@x>", refs)
    assert len(out) == 20 and out[0] == "<0@x>" and out[-1] == "<40@x>"


def test_message_id_depends_only_on_the_draft() -> None:
    a = compose.message_id_for("d-1", "alex@example.org")
    assert a == compose.message_id_for("d-1", "alex@example.org")
    assert a != compose.message_id_for("d-2", "alex@example.org")
    assert a.endswith("@example.org>")


def test_every_builtin_template_fills_in_without_placeholders() -> None:
    templates = load_templates(Settings())
    assert {"thank_you", "check_in", "check_in_2", "rejection_reply", "offer_reply"} <= set(
        templates
    )
    fields = compose.fields(
        recipient_name="Igor Sokolov",
        user_name="Noor Khalil",
        company="Pemberton Cartography",
        role="GIS Developer",
        interview_end=datetime(2026, 2, 19, 15, 45, tzinfo=NY),
        send_at=datetime(2026, 2, 20, 9, 0, tzinfo=NY),
        zone=NY,
    )
    for name, text in templates.items():
        out = compose.render(text, fields)
        assert out.problems == (), (name, out.problems)
        assert "Noor Khalil" in out.body
        assert "\N{GRINNING FACE}" not in out.body


def test_thank_you_is_short_personal_and_names_role_company_and_topic() -> None:
    template = load_templates(Settings())["thank_you"]
    fields = compose.fields(
        recipient_name="Sokolov, Igor",
        user_name="Noor Khalil",
        company="Pemberton Cartography",
        role="GIS Developer",
        interview_end=datetime(2026, 2, 19, 15, 45, tzinfo=NY),
        send_at=datetime(2026, 2, 20, 9, 0, tzinfo=NY),
        zone=NY,
        topic="the tile-cache migration",
    )
    out = compose.render(template, fields)
    assert out.body.startswith("Hi Igor,")
    assert "yesterday" in out.body
    assert "GIS Developer role at Pemberton Cartography" in out.body
    assert "I especially enjoyed our discussion of the tile-cache migration." in out.body
    assert out.body.rstrip().endswith("Noor Khalil")
    assert len(out.body.split()) < 120
    assert out.subject == "Thank you for the GIS Developer interview"


def test_unknown_facts_fall_back_to_plain_words() -> None:
    fields = compose.fields(
        recipient_name=None,
        user_name="Noor Khalil",
        company=None,
        role=None,
        send_at=datetime(2026, 2, 20, 9, 0, tzinfo=NY),
        zone=NY,
    )
    out = compose.render(load_templates(Settings())["check_in"], fields)
    assert out.body.startswith("Hello,")
    assert "the role" in out.body
    assert out.problems == ()


@pytest.mark.parametrize(
    "template",
    [
        "Hi {first_name},\nAbout {favourite_colour}.\n",
        "Hi [Name], thanks.\n",
        "Dear <insert name>, thanks.\n",
        "Hi there, TODO: add a line.\n",
        "Hi there, {unclosed\n",
    ],
)
def test_a_placeholder_left_in_a_draft_is_reported(template: str) -> None:
    out = compose.render(template, {"first_name": "Igor"})
    assert out.problems, template


def test_built_message_threads_and_parses_back() -> None:
    raw = compose.build_message(
        from_name="Noor Khalil",
        from_email="noor@example.com",
        to=["beatrix.lund@pembertoncarto.example"],
        cc=[],
        subject="Re: GIS Developer interview",
        body="Hi Beatrix,\n\nThanks.\n",
        message_id="<followup.1@example.com>",
        date=datetime(2026, 3, 3, 18, 0, tzinfo=UTC),
        in_reply_to="<b@x>",
        references=["<a@x>", "<b@x>"],
    )
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["In-Reply-To"] == "<b@x>"
    assert msg["References"] == "<a@x> <b@x>"
    assert msg["Subject"] == "Re: GIS Developer interview"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content() == "Hi Beatrix,\n\nThanks.\n"
