"""The configuration file: one TOML file, validated, with errors that name the key.

Sections (see ``config.example.toml``): ``[user]``, ``[window]``,
``[policy]``, ``[sending]``, ``[templates]``, ``[[references]]`` and
``noreply``. Unknown keys are errors, so a typo never silently falls back
to a default. Passwords are never read from this file: they live in the
system keyring or in systemd credentials.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from agent.core.businesstime import Window
from agent.core.model import Contact
from agent.core.policy import MAX_CHECK_INS, Rules
from agent.errors import ConfigError

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _valid_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("unknown time zone (use an IANA name such as 'Europe/Berlin')") from exc
    return value


def _valid_email(value: str) -> str:
    value = value.strip().lower()
    local, at, domain = value.partition("@")
    if not local or not at or "." not in domain or " " in value:
        raise ValueError("not an email address")
    return value


class UserSettings(_Strict):
    name: str = Field(min_length=1)
    email: str
    timezone: str = "UTC"

    _email = field_validator("email")(_valid_email)
    _zone = field_validator("timezone")(_valid_zone)


class WindowSettings(_Strict):
    """When follow-ups may go out, in the recipient's and the user's local time."""

    days: list[Day] = ["mon", "tue", "wed", "thu", "fri"]
    start: time = time(9, 0)
    end: time = time(17, 0)
    holidays: str = Field(
        "", description="country code whose public holidays are not business days"
    )
    holiday_subdivision: str = ""

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: time, info: Any) -> time:
        start = info.data.get("start")
        if start is not None and value <= start:
            raise ValueError("must be later than start")
        return value

    @field_validator("holidays")
    @classmethod
    def _known_country(cls, value: str) -> str:
        if not value:
            return value
        import holidays

        if value.upper() not in holidays.list_supported_countries():
            raise ValueError(
                f"no holiday calendar for {value!r} (use a country code such as 'US' or 'DE')"
            )
        return value.upper()


class PolicySettings(_Strict):
    """Every number of the follow-up policy (see agent/core/policy.py)."""

    thank_you_delay_hours: float = Field(2, ge=0, le=24)
    thank_you_business_days: int = Field(1, ge=1, le=3)
    check_in_after_days: int = Field(7, ge=3, le=60)
    decision_buffer_business_days: int = Field(1, ge=1, le=10)
    min_gap_business_days: int = Field(5, ge=3, le=30)
    second_check_in_after_days: int = Field(7, ge=5, le=60)
    close_after_days: int = Field(7, ge=1, le=90)
    reply_wait_days: int = Field(7, ge=3, le=60)
    max_check_ins: int = Field(2, ge=0, le=MAX_CHECK_INS)
    draft_lead_hours: float = Field(24, ge=0, le=168)


class SendingSettings(_Strict):
    """Which kinds may go out without your approval (off by default)."""

    thank_you: bool = False
    check_in: bool = False


class TemplateSettings(_Strict):
    directory: str = ""


class Reference(_Strict):
    name: str = Field(min_length=1)
    email: str

    _email = field_validator("email")(_valid_email)


class Settings(BaseSettings):
    """The whole file. Environment variables ``FOLLOWUP_<SECTION>__<KEY>`` override it."""

    model_config = SettingsConfigDict(
        extra="forbid", frozen=True, env_prefix="FOLLOWUP_", env_nested_delimiter="__"
    )

    user: UserSettings | None = None
    window: WindowSettings = WindowSettings()
    policy: PolicySettings = PolicySettings()
    sending: SendingSettings = SendingSettings()
    templates: TemplateSettings = TemplateSettings()
    references: list[Reference] = []
    noreply: list[str] = Field(
        default_factory=list, description="extra addresses never to write to"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values arrive as init arguments; the environment wins over them.
        return (env_settings, init_settings)

    def rules(self, user_email: str, user_zone: str) -> Rules:
        w = self.window
        calendar: Any = frozenset()
        if w.holidays:
            import holidays

            calendar = holidays.country_holidays(w.holidays, subdiv=w.holiday_subdivision or None)
        p = self.policy
        return Rules(
            user_email=user_email.lower(),
            user_zone=ZoneInfo(user_zone),
            window=Window(
                days=frozenset(_DAYS.index(d) for d in w.days),
                start=w.start,
                end=w.end,
                holidays=calendar,
            ),
            thank_you_delay=timedelta(hours=p.thank_you_delay_hours),
            thank_you_business_days=p.thank_you_business_days,
            check_in_after=timedelta(days=p.check_in_after_days),
            decision_buffer_business_days=p.decision_buffer_business_days,
            min_gap_business_days=p.min_gap_business_days,
            second_check_in_after=timedelta(days=p.second_check_in_after_days),
            close_after=timedelta(days=p.close_after_days),
            reply_wait=timedelta(days=p.reply_wait_days),
            max_check_ins=p.max_check_ins,
            draft_lead=timedelta(hours=p.draft_lead_hours),
            noreply=frozenset(a.lower() for a in self.noreply),
            references=tuple(Contact(r.name, r.email) for r in self.references),
        )

    def auto_send(self) -> frozenset[str]:
        return frozenset(k for k, on in self.sending.model_dump().items() if on)


def describe_errors(exc: ValidationError, source: str) -> str:
    """One line per problem: ``file: key.path: message``, never echoing values."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown key (check the spelling against config.example.toml)"
        elif err["type"] == "missing":
            message = "required key is missing"
        lines.append(f"{source}: {key}: {message}")
    return "\n".join(lines)


def settings_from_mapping(data: Mapping[str, Any], source: str) -> Settings:
    try:
        return Settings(**dict(data))
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc, source)) from None


def load_settings(path: Path) -> Settings:
    """Read and validate the config file; a missing or broken file is a ConfigError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such file (copy config.example.toml there and edit it)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return settings_from_mapping(data, str(path))


def load_templates(settings: Settings) -> dict[str, str]:
    """The packaged templates, each replaced by a file of the same name in the user's directory."""
    from importlib.resources import files

    out: dict[str, str] = {}
    for entry in (files("agent") / "core" / "templates").iterdir():
        if entry.name.endswith(".txt"):
            out[entry.name[:-4]] = entry.read_text(encoding="utf-8")
    directory = settings.templates.directory
    if directory:
        folder = Path(directory).expanduser()
        if not folder.is_dir():
            raise ConfigError(f"templates.directory: {folder} is not a directory")
        for name in list(out):
            override = folder / f"{name}.txt"
            if override.is_file():
                out[name] = override.read_text(encoding="utf-8")
    return out
