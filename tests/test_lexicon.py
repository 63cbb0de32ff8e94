"""Wordings the reading rules must take, and look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from agent.mail import lexicon as lx


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("REJECTION", "Short answer: you weren't selected for the Firmware Engineer role."),
        ("REJECTION", "We went with someone who has more motor-control experience."),
        ("REJECTION", "We are going with someone else for this role."),
        (
            "REJECTION",
            "We've decided to go ahead with a candidate who has more hands-on experience.",
        ),
        ("REJECTION", "We have chosen to move ahead with a candidate whose experience lines up."),
        ("REJECTION", "We’ve decided not to move forward."),  # a typographic apostrophe
        ("OFFER", "They would like to offer you the Senior Data Engineer position!"),
        ("OFFER", "Our People team will send the formal offer letter for e-signature."),
        ("OUT_OF_OFFICE", "Ich bin bis Freitag nicht im Büro."),
        ("OUT_OF_OFFICE", "Je suis absente jusqu'au 12 mars."),
        ("REPLY_PROMISE", "I read everything and will reply within 48 hours (business days)."),
    ],
)
def test_the_rule_takes_the_wording(rule: str, text: str) -> None:
    assert getattr(lx, rule).search(text), text


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("REJECTION", "We haven't selected the final panel yet, so the time may move."),
        ("REJECTION", "You'll go with someone from the team on a short tour of the lab."),
        ("REJECTION", "We are going with someone from facilities to check the room."),
        ("OFFER", "If we make you an offer, the start date is flexible."),
        ("OUT_OF_OFFICE", "Our team is never out of reach: reply any time."),
        ("ACKNOWLEDGEMENT", "I will reply within 48 hours with the interview times."),
    ],
)
def test_the_rule_leaves_the_look_alike(rule: str, text: str) -> None:
    assert not getattr(lx, rule).search(text), text


def test_typographic_apostrophes_fold_to_ascii() -> None:
    assert lx.fold("We’ll be in TOUCH") == "we'll be in touch"
    assert lx.fold("plain") == "plain"
