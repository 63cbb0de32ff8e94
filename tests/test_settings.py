"""The configuration file: defaults, validation, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.errors import ConfigError
from agent.settings import Settings, load_settings, load_templates, settings_from_mapping

ROOT = Path(__file__).resolve().parent.parent


def test_the_example_config_loads_with_the_documented_defaults() -> None:
    s = load_settings(ROOT / "config.example.toml")
    assert s.user is not None and s.user.timezone == "America/New_York"
    assert s.policy.max_check_ins == 2
    assert s.window.start.hour == 9 and s.window.end.hour == 17
    assert s.auto_send() == frozenset()


def test_a_typo_names_the_key_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[policy]\nmax_checkins = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert f"{path}: policy.max_checkins: unknown key" in str(err.value)


def test_three_check_ins_are_refused() -> None:
    with pytest.raises(
        ConfigError, match=r"policy\.max_check_ins: Input should be less than or equal to 2"
    ):
        settings_from_mapping({"policy": {"max_check_ins": 3}}, "x.toml")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"user": {"name": "A", "email": "not-an-address", "timezone": "UTC"}}, "user.email"),
        ({"user": {"name": "A", "email": "a@b.example", "timezone": "Mars/Base"}}, "user.timezone"),
        ({"window": {"start": "17:00", "end": "09:00"}}, "window.end"),
        ({"window": {"holidays": "XX"}}, "window.holidays"),
        ({"window": {"days": ["mon", "funday"]}}, "window.days.1"),
        ({"references": [{"name": "Dana"}]}, "references.0.email"),
    ],
)
def test_bad_values_name_their_key(data: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as err:
        settings_from_mapping(data, "x.toml")
    assert f"x.toml: {key}:" in str(err.value)


def test_errors_never_echo_the_value() -> None:
    with pytest.raises(ConfigError) as err:
        settings_from_mapping(
            {"user": {"name": "A", "email": "s3cr3t-value", "timezone": "UTC"}}, "x.toml"
        )
    assert "user.email: Value error, not an email address" in str(err.value)
    assert "s3cr3t" not in str(err.value)


def test_a_missing_file_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no such file .*config\.example\.toml"):
        load_settings(tmp_path / "absent.toml")


def test_invalid_toml_is_reported_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[policy\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path)


def test_the_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_POLICY__CLOSE_AFTER_DAYS", "10")
    s = settings_from_mapping({"policy": {"close_after_days": 5}}, "x.toml")
    assert s.policy.close_after_days == 10


def test_sending_is_opt_in_per_kind() -> None:
    s = settings_from_mapping({"sending": {"thank_you": True}}, "x.toml")
    assert s.auto_send() == frozenset({"thank_you"})


def test_user_templates_replace_the_builtin_ones(tmp_path: Path) -> None:
    (tmp_path / "check_in.txt").write_text(
        "{greeting}\n\nAny news?\n\n{user_name}\n", encoding="utf-8"
    )
    s = settings_from_mapping({"templates": {"directory": str(tmp_path)}}, "x.toml")
    templates = load_templates(s)
    assert templates["check_in"].startswith("{greeting}\n\nAny news?")
    assert templates["thank_you"] == load_templates(Settings())["thank_you"]


def test_a_missing_template_directory_is_a_config_error(tmp_path: Path) -> None:
    s = settings_from_mapping({"templates": {"directory": str(tmp_path / "nope")}}, "x.toml")
    with pytest.raises(ConfigError, match=r"templates\.directory"):
        load_templates(s)


def test_rules_carry_every_setting() -> None:
    s = settings_from_mapping(
        {
            "policy": {"min_gap_business_days": 6, "max_check_ins": 1},
            "window": {"days": ["mon", "tue"]},
        },
        "x.toml",
    )
    rules = s.rules("Alex@Example.org", "Europe/Berlin")
    assert rules.user_email == "alex@example.org"
    assert rules.min_gap_business_days == 6 and rules.max_check_ins == 1
    assert rules.window.days == frozenset({0, 1})
    assert rules.user_zone.key == "Europe/Berlin"
