"""Who the user is and the planner's settings: plain frozen data the shell reads from the config (B1)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Identity:
    """Who the user is (B1)."""

    name: str
    email: str
    aliases: tuple[str, ...] = ()
    timezone: str = "UTC"
    own_domains: tuple[str, ...] = ()

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset(a.lower() for a in (self.email, *self.aliases) if a)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_me(self, email: str) -> bool:
        return email.lower() in self.addresses

    @property
    def first_name(self) -> str:
        """The first word of the configured name, as the user wrote it. Not `people.first_name`, which reads
        names found in mail (titles, "Last, First", "via Greenhouse"): the user's own name is taken as given."""
        return self.name.split()[0] if self.name.split() else ""


@dataclass(frozen=True)
class Profile:
    pitch: str = ""
    signature: str = ""  # default: the user's name
    strengths: tuple[str, ...] = ()  # short sentences on why the user fits; one per thank-you, varied (B10)


@dataclass(frozen=True)
class Settings:
    thank_you_window_hours: int = 24
    default_decision_business_days: int = 7
    max_follow_ups: int = 1
    lookback_days: int = 60
    max_drafts_per_run: int = 10
    briefing: bool = True  # B24: the morning briefing draft to the user
    briefing_hour: int = 7  # B24: the local hour from which the day's briefing may be made
