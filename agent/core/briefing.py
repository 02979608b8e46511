"""The morning briefing (B24, B25): when one is due, what it lists, and its words. Pure: one clock.

A briefing is a draft From and To the user alone. On a day with an interview it is made at the first run at or
after `briefing_hour` (in the user's zone) and before the day's first interview starts; on another day at that
first run only when a draft was made since the last briefing. At most one a day (its key is the day).

Choices where the rules are silent (also in README "The morning briefing"):
- "The first run at or after briefing_hour": a run whose previous whole run was before that hour today. An
  installation's very first run (a new state store, or one lost or replaced) makes none: it cannot know
  whether a run earlier this morning already did, and a briefing made twice on a day is a duplicate (B20);
  the next morning's comes as usual. A run that finds the day's first interview already started makes the
  briefing only when a draft was made since the last one, as on a day without an interview; it still lists
  the day's interviews yet to come.
- "Drafts made since the last briefing" counts those still waiting in Drafts (one the user already sent or
  deleted gives nothing to list) and the drafts this very run makes: the briefing lists them.
- Answers heard are those since the last briefing (the last three days when there was none).
- Every line the agent writes is short and starts with a bullet, one of a few labels or a fixed heading, so
  that in a briefing the user sends back (B26) the agent's own lines are told from the user's by their shape
  alone, with the state store lost as well (`is_agent_line`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from agent.core.model import DraftAction, DraftRecord, Interview, Person
from agent.core.settings import Identity, Settings
from agent.core.text import safe_line

KIND = "briefing"
KEY_PREFIX = "briefing:"
QUESTION = "When do you expect to make a decision?"
COMING_DAYS = 3  # B24: follow-ups coming due in the next three days
HEARD_WITHOUT_BRIEFING = timedelta(days=3)
OPEN_STATES = ("draft", "edited")

BULLET = "•"
ANSWER_LABEL = "Their answer:"  # the line the user fills in a briefing they send back (B26)
LABELS = ("With:", "Join:", "Where:", "Ask before it ends:", ANSWER_LABEL, "Tip:")
HEADINGS = ("Today's interviews", "Waiting for you in Drafts", "Follow-ups coming due", "Answers heard")
GREETING = "Good morning"
TODAY = "Today: "  # the subject on an interview day
WAITING = "Waiting for you: "  # the subject on another day
_KIND_WORDS = {"thank_you": "thank-you", "follow_up": "follow-up", "acknowledgement": "acknowledgement"}
_HEARD_WORDS = {"rejection": "said no", "offer": "made an offer", "next_round": "asked you to another round",
                "timeline": "gave a new date", "other": "wrote to you"}
_MAX_LINE = 76


@dataclass(frozen=True)
class Waiting:
    kind: str
    to: str  # a name, else the address
    company: str


@dataclass(frozen=True)
class Briefing:
    """What one briefing says (rendered by `text` and `subject`)."""

    day: date
    interviews: tuple[Interview, ...] = ()  # today's, not yet started, in time order
    titles: tuple[tuple[str, str], ...] = ()  # (email, title) of their interviewers, where known
    waiting: tuple[Waiting, ...] = ()
    coming: tuple[tuple[date, Waiting], ...] = ()  # follow-ups coming due: (day, to whom)
    heard: tuple[tuple[date, str, str], ...] = ()  # (day, company, verdict kind)


@dataclass(frozen=True)
class Looking:
    """What the planner knows that the briefing reads: the interviews with their views' facts."""

    interview: Interview
    follow_up_on: date | None  # the day a follow-up is drafted if no word comes, None when none will be
    heard: tuple[tuple[datetime, str], ...]  # (when, verdict kind) of what the company said


def key(day: date) -> str:
    return f"{KEY_PREFIX}{day.isoformat()}"


def is_briefing(record: DraftRecord) -> bool:
    return record.kind == KIND


def plan(looking: Sequence[Looking], actions: Sequence[DraftAction], drafts: Sequence[DraftRecord],
         identity: Identity, settings: Settings, now: datetime,
         last_run: datetime | None) -> tuple[Briefing | None, DraftAction | None, list[datetime]]:
    """B24: the briefing due at this run (with the action that makes it), or None; and the instants the
    answer depends on (for Plan.valid_from/valid_until)."""
    tz = identity.tz
    local = now.astimezone(tz)
    today = local.date()
    opens = datetime.combine(today, time(settings.briefing_hour), tz)
    if not settings.briefing:
        return None, None, []
    instants = [opens, datetime.combine(today + timedelta(days=1), time(settings.briefing_hour), tz)]
    todays = sorted((lk.interview for lk in looking if lk.interview.start.astimezone(tz).date() == today),
                    key=lambda iv: (iv.start, iv.id))
    instants += [iv.start for iv in todays]
    briefings = [d for d in drafts if is_briefing(d)]
    first_run = last_run is not None and last_run < opens
    if now < opens or not first_run or any(d.key == key(today) for d in briefings):
        return None, None, instants
    before_first = bool(todays) and now < todays[0].start
    ahead = tuple(iv for iv in todays if iv.start > now)  # listed whatever made the briefing due
    last = max((d.created_at for d in briefings if d.created_at), default=None)
    made_since = [d for d in drafts if not is_briefing(d) and d.state in OPEN_STATES and d.created_at
                  and (last is None or d.created_at > last)]
    drafting = [a for a in actions if a.kind != KIND]
    if not before_first and not made_since and not drafting:
        return None, None, instants
    content = _content(today, ahead, looking, actions, drafts, last, now, tz)
    me = Person(identity.email, identity.name)
    why = (f"briefing for {today.isoformat()}: " +
           (f"{len(ahead)} interview(s) today" if before_first else "drafts made since the last briefing"))
    return content, DraftAction(key(today), "", KIND, me, None, why), instants


def _content(today: date, ahead: tuple[Interview, ...], looking: Sequence[Looking], actions: Sequence[DraftAction],
             drafts: Sequence[DraftRecord], last: datetime | None, now: datetime, tz: tzinfo) -> Briefing:
    company = {lk.interview.id: lk.interview.company for lk in looking}
    names = {p.email: p.name for lk in looking for p in (*lk.interview.interviewers, lk.interview.contact) if p}
    waiting = [Waiting(d.kind, names.get(d.to[0], "") or d.to[0] if d.to else "?", company.get(d.interview_id, ""))
               for d in drafts if not is_briefing(d) and d.state in OPEN_STATES]
    waiting += [Waiting(a.kind, a.to.name or a.to.email, company.get(a.interview_id, ""))
                for a in actions if a.kind != KIND]
    coming = []
    for lk in looking:
        iv = lk.interview
        if lk.follow_up_on is not None and today < lk.follow_up_on <= today + timedelta(days=COMING_DAYS):
            to = iv.contact or (iv.interviewers[0] if iv.interviewers else None)
            if to is not None:
                coming.append((lk.follow_up_on, Waiting("follow_up", to.name or to.email, iv.company)))
    since = last if last is not None else now - HEARD_WITHOUT_BRIEFING
    heard = [(when.astimezone(tz).date(), lk.interview.company, kind)
             for lk in looking for when, kind in lk.heard if when > since]
    titles = tuple((email, title) for iv in ahead for email, title in iv.person_titles if title)
    return Briefing(today, ahead, titles, tuple(waiting), tuple(sorted(coming, key=lambda c: (c[0], c[1].to))),
                    tuple(sorted(heard)))


# -- words -------------------------------------------------------------------------------------------
def clock(moment: datetime) -> str:
    """"2:00 pm": the time as people write it, whatever the machine's locale."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def _day(day: date) -> str:
    return f"{day:%a %b} {day.day}"


def subject(b: Briefing, identity: Identity) -> str:
    if b.interviews:
        return TODAY + ", ".join(f"{iv.company or iv.title or 'interview'} at {clock(iv.start.astimezone(identity.tz))}"
                                     for iv in b.interviews)
    count = len(b.waiting)
    return f"{WAITING}{count} draft{'s' if count != 1 else ''} to review"


def _line(text: str) -> str:
    """One line, cleaned (B21) and cut to a length mail clients do not wrap, its indent kept."""
    indent = text[:len(text) - len(text.lstrip())]
    return indent + safe_line(text, _MAX_LINE - len(indent))


def text(b: Briefing, identity: Identity) -> str:
    """The briefing's body: every line the agent writes keeps the shape `is_agent_line` knows."""
    tz = identity.tz
    first = identity.first_name
    out = [f"{GREETING}, {first}." if first else f"{GREETING}.", ""]
    titles = dict(b.titles)
    if b.interviews:
        out.append(HEADINGS[0])
        for iv in b.interviews:
            start, end = iv.start.astimezone(tz), iv.end.astimezone(tz)
            what = ", ".join(x for x in (iv.company, iv.role) if x) or iv.title or "interview"
            out.append(_line(f"{BULLET} {clock(start)} to {clock(end)}: {what}"))
            # one line per person: a line of several would be cut or wrapped by a mail client
            for p in iv.interviewers:
                title = titles.get(p.email, "")
                out.append(_line(f"  {LABELS[0]} {p.name or p.email}" + (f" ({title})" if title else "")))
            if iv.location and iv.location.strip() != iv.conference_url:
                out.append(_line(f"  {LABELS[2]} {iv.location}"))
            if iv.conference_url:
                out.append(f"  {LABELS[1]} {safe_line(iv.conference_url, 300)}")
            out.append(f'  {LABELS[3]} "{QUESTION}"')
            out.append(f"  {ANSWER_LABEL} ")
        out.append("")
    if b.waiting:
        out.append(HEADINGS[1])
        out += [_line(f"{BULLET} {_KIND_WORDS.get(w.kind, w.kind)} to {w.to}" + (f", {w.company}" if w.company else ""))
                for w in b.waiting]
        out.append("")
    if b.coming:
        out.append(HEADINGS[2])
        out += [_line(f"{BULLET} {_day(day)}: follow-up to {w.to}" + (f", {w.company}" if w.company else ""))
                for day, w in b.coming]
        out.append("")
    if b.heard:
        out.append(HEADINGS[3])
        out += [_line(f"{BULLET} {_day(day)}: {company or 'a company'} {_HEARD_WORDS.get(kind, 'wrote to you')}")
                for day, company, kind in b.heard]
        out.append("")
    if b.interviews:
        out.append(f"{LABELS[5]} write their answer after {ANSWER_LABEL!r} and send this to yourself.")
    return "\n".join(out).rstrip() + "\n"


def is_agent_line(line: str) -> bool:
    """Whether a line (stripped of quoting and blanks) has the shape of a line a briefing writes (B26: in a
    briefing sent back, only what the user added is read)."""
    stripped = line.strip()
    return (stripped.startswith(BULLET) or stripped.startswith(LABELS) or stripped in HEADINGS
            or stripped.startswith(GREETING))


def is_agent_subject(subject: str) -> bool:
    """Whether a subject (without Re:/Fwd:) is one a briefing carries."""
    return subject.startswith((TODAY, WAITING))


def answer_written(line: str) -> str:
    """What the user wrote after "Their answer:" on that line of a briefing, else ""."""
    stripped = line.strip()
    return stripped[len(ANSWER_LABEL):].strip() if stripped.startswith(ANSWER_LABEL) else ""
