"""The planner: from what is known about each interview and the time now, its state, its decision date
and the drafts due. A pure function; the executor carries the actions out.

Choices where the rules are silent (also in README "How the agent decides"):
- Mail is tied to an interview first (`assignment`: by thread, person, company domain or name).
- A thank-you is not drafted once the company has said no. An offer or a next round closes the
  interview but the thank-yous still go out. A later round closes an earlier one only when it was
  scheduled after the earlier one ended (two interviews booked together are two interviews).
- "Passed in silence" (B17): nothing heard from the company on or after the decision day. A follow-up
  the user wrote themselves after that day counts as the follow-up.
- Stale items on a first run are not drafted: a follow-up more than 21 days after the decision day, an
  acknowledgement of a message more than 14 days old.
- A further follow-up (when max_follow_ups > 1) needs a new decision date stated after the last one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from agent.core import briefing, hearing
from agent.core.assignment import assign_messages, same_company, threads_of
from agent.core.briefing import Briefing
from agent.core.hearing import Hearing
from agent.core.model import DecisionStatement, DraftAction, DraftRecord, Interview, Message
from agent.core.settings import Identity, Settings

if TYPE_CHECKING:
    from agent.core.replies import ReplyVerdict
    from agent.core.self_notes import Unplaced
# agent.core.dates and agent.core.replies (many patterns to compile) are imported where a plan is made, so that a
# run reusing the last plan (runner) does not load them.

STALE_FOLLOW_UP = timedelta(days=21)
STALE_ACK = timedelta(days=14)
DECISIVE = ("rejection", "offer", "next_round")
OPEN_DRAFT_STATES = ("intent", "draft", "edited")


@dataclass
class InterviewView:
    interview: Interview
    state: str
    decision: DecisionStatement
    next_step: str
    log: list[str]
    drafts: list[DraftRecord]
    heard: list[tuple[Message, ReplyVerdict]] = field(default_factory=list)


@dataclass
class Plan:
    views: list[InterviewView]
    actions: list[DraftAction]
    outcomes: dict[str, str]  # acknowledgement action key -> what the company said
    # The plan depends on the clock only through comparisons with these instants (interview ends,
    # thank-you windows, decision days, staleness limits): for any `now` strictly between the two, the
    # same inputs give the same plan. None: no such instant on that side. Lets a run that finds nothing
    # changed reuse the last plan (runner, state.plan_cache).
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    briefing: Briefing | None = None  # B24: what the briefing among `actions` says
    unplaced_notes: list[Unplaced] = field(default_factory=list)  # B26: note lines tied to no one interview

    def valid_at(self, now: datetime) -> bool:
        return ((self.valid_from is None or self.valid_from < now)
                and (self.valid_until is None or now < self.valid_until))


def plan(interviews: Sequence[Interview], messages: Sequence[Message], drafts: Sequence[DraftRecord],
         overrides: dict[str, DecisionStatement], identity: Identity, settings: Settings,
         now: datetime) -> Plan:
    """The plan at `now`, the briefing left out (`with_briefing`). `overrides`: decision dates the user gave
    (set-decision, notes to self: B13, B26)."""
    assigned = assign_messages(interviews, messages, drafts, identity)
    result = Plan(views=[], actions=[], outcomes={})
    instants: list[datetime] = []
    for iv in sorted(interviews, key=lambda i: (i.start, i.id)):
        later = next((o for o in interviews if o.id != iv.id and o.start >= iv.end and same_company(o, iv)),
                     None)
        planner = _InterviewPlanner(iv, assigned.get(iv.id, []), messages,
                                    [d for d in drafts if d.interview_id == iv.id], overrides.get(iv.id),
                                    later, identity, settings, now)
        view, actions, outcomes = planner.run()
        result.views.append(view)
        result.actions.extend(actions)
        result.outcomes.update(outcomes)
        instants += planner.clock_instants(view)
    _set_validity(result, instants, now)
    return result


def with_briefing(result: Plan, drafts: Sequence[DraftRecord], identity: Identity, settings: Settings,
                  now: datetime, last_run: datetime | None) -> Plan:
    """`result` with the morning briefing due at this run added to its actions (B24), and its validity
    narrowed to the instants that decision depends on. `last_run`: when the previous whole run was."""
    looking = [_looking(view, settings) for view in result.views]
    result.briefing, action, instants = briefing.plan(looking, result.actions, drafts, identity, settings, now,
                                                      last_run)
    if action is not None:
        result.actions.append(action)
    instants += [t for t in (result.valid_from, result.valid_until) if t is not None]
    _set_validity(result, instants, now)
    return result


def _looking(view: InterviewView, settings: Settings) -> briefing.Looking:
    """What the briefing reads of one interview's view."""
    waits = view.state in ("thanked", "awaiting_decision", "missed") and settings.max_follow_ups > 0
    return briefing.Looking(view.interview, view.decision.day + timedelta(days=1) if waits else None,
                            tuple((m.date, verdict.kind) for m, verdict in view.heard))


def _set_validity(result: Plan, instants: list[datetime], now: datetime) -> None:
    if any(t == now for t in instants):  # on an edge: valid for this instant only
        result.valid_from = result.valid_until = now
        return
    result.valid_from = max((t for t in instants if t < now), default=None)
    result.valid_until = min((t for t in instants if t > now), default=None)


def resolve_missing(record: DraftRecord, sent: Iterable[Message]) -> str:
    """A draft gone from Drafts: "sent" when it (or a mail to the same people with the same subject,
    as some clients give a sent draft a new Message-ID) is in Sent, else "deleted" (B20)."""
    subject = _bare_subject(record.subject)
    for m in sent:
        if m.message_id == record.message_id:
            return "sent"
        if (record.created_at and m.date >= record.created_at and _bare_subject(m.subject) == subject
                and set(record.to) & {p.email for p in m.recipients}):
            return "sent"
    return "deleted"


def _bare_subject(subject: str) -> str:
    return re.sub(r"^((re|aw|sv|fw|fwd)\s*:\s*)+", "", subject.strip(), flags=re.IGNORECASE).lower()


# -- one interview -----------------------------------------------------------------------------------
class _InterviewPlanner:
    def __init__(self, iv: Interview, msgs: list[Message], all_messages: Sequence[Message],
                 drafts: list[DraftRecord], override: DecisionStatement | None, later_round: Interview | None,
                 identity: Identity, settings: Settings, now: datetime):
        self.iv, self.msgs, self.all, self.drafts = iv, msgs, all_messages, drafts
        self.override, self.later_round = override, later_round
        self.me, self.settings, self.now = identity, settings, now
        self.tz = identity.tz
        self.log: list[str] = list(iv.reasons)
        self.actions: list[DraftAction] = []
        self.outcomes: dict[str, str] = {}
        self._hearings: dict[str, Hearing] = {}

    def run(self) -> tuple[InterviewView, list[DraftAction], dict[str, str]]:
        heard = self._heard_back()
        decision = self._decision()
        closed = self._closing(heard)
        self._thank_yous(closed)
        follow_up_due = self._follow_up(decision, heard, closed)
        answered = self._acknowledgements(heard)
        state = self._state(closed, answered, follow_up_due)
        next_step = self._moot_follow_up(heard) or self._next_step(state, decision)
        view = InterviewView(self.iv, state, decision, next_step, self.log, self.drafts, heard)
        return view, self.actions, self.outcomes

    def clock_instants(self, view: InterviewView) -> list[datetime]:
        """Every instant this planner compares the clock with (see Plan.valid_from/valid_until)."""
        iv = self.iv
        day_end = datetime.combine(view.decision.day + timedelta(days=1), datetime.min.time(), self.tz)
        out = [iv.end, iv.end + timedelta(hours=self.settings.thank_you_window_hours), day_end,
               day_end + STALE_FOLLOW_UP]
        out += [m.date + STALE_ACK for m, _verdict in view.heard]
        return out

    # people and records
    def _records(self, kind: str) -> list[DraftRecord]:
        return [d for d in self.drafts if d.kind == kind]

    def _has(self, key: str) -> bool:
        return any(d.key == key for d in self.drafts)

    def _user_wrote_to(self, emails: set[str], after: datetime) -> Message | None:
        return next((m for m in self.all if m.folder == "sent" and m.date >= after
                     and emails & {p.email for p in m.recipients}), None)

    def _company_addresses(self) -> set[str]:
        known = {p.email for p in self.iv.interviewers}
        if self.iv.contact:
            known.add(self.iv.contact.email)
        return known

    # B15/B16: what the company said after the interview
    def _heard_back(self) -> list[tuple[Message, ReplyVerdict]]:
        heard = []
        for m in self.msgs:
            if m.folder != "inbox" or m.date <= self.iv.end or m.sender is None or self.me.is_me(m.sender.email):
                continue
            hearing = self._hearing(m)
            if not hearing.counts:
                self.log.append(f"not hearing back: {m.message_id} ({m.date:%Y-%m-%d}) is {hearing.why}")
                continue
            heard.append((m, hearing.verdict))
            said = f": \"{hearing.verdict.phrase}\"" if hearing.verdict.phrase else ""
            self.log.append(f"heard back {m.date.astimezone(self.tz):%Y-%m-%d} {hearing.why} "
                            f"({hearing.verdict.kind}){said}")
        return heard

    def _hearing(self, m: Message) -> Hearing:
        """B15 for one inbox mail (judged once per plan)."""
        if m.message_id not in self._hearings:
            self._hearings[m.message_id] = hearing.judge(m, self.iv, self.me.addresses, self.tz)
        return self._hearings[m.message_id]

    # B12-B14
    def _decision(self) -> DecisionStatement:
        from agent.core import dates

        statements: list[DecisionStatement] = []
        if self.iv.description:
            carrier = next((m for m in self.all if m.message_id in self.iv.thread_message_ids), None)
            stated = carrier.date if carrier else self.iv.start - timedelta(days=1)
            statements += [DecisionStatement(s.day, s.sentence, "description", s.stated_at) for s in
                           dates.find_decision_statements(self.iv.description, stated_at=stated, tz=self.tz,
                                                          source="description")]
        for m in self.msgs:
            if m.folder == "inbox" and (m.sender is None or not self.me.is_me(m.sender.email)) \
                    and not self._hearing(m).counts:
                continue  # an auto-reply, a bounce, a notice (B15)
            statements += dates.find_decision_statements(m.text, stated_at=m.date, tz=self.tz,
                                                         source=f"mail {m.message_id}")
        first_day = self.iv.start.astimezone(self.tz).date()
        statements = [s for s in statements if s.day >= first_day]
        if self.override:
            statements.append(self.override)
        chosen = dates.latest_statement(statements)
        if chosen is None:
            chosen = dates.default_decision(self.iv.end, self.tz, self.settings.default_decision_business_days)
        where = {"default": "default", "set-decision": "set by you", "description": "invitation"}.get(
            chosen.source, chosen.source)
        self.log.append(f"decision date {chosen.day.isoformat()} ({where}): \"{chosen.sentence}\"")
        return chosen

    def _closing(self, heard: list[tuple[Message, ReplyVerdict]]) -> tuple[str, Message | None] | None:
        for m, verdict in heard:
            if verdict.kind in DECISIVE:
                self.log.append(f"closed: {verdict.kind.replace('_', ' ')} on {m.date.astimezone(self.tz):%Y-%m-%d}")
                return verdict.kind, m
        later = self.later_round
        if later is not None:
            carrier = next((m for m in self.all if m.message_id in later.thread_message_ids), None)
            scheduled = carrier.date if carrier else later.start
            if scheduled >= self.iv.end:  # invited to it after this one: another round (B16)
                self.log.append(f"closed: a later round was scheduled ({later.title or later.id})")
                return "next_round", None
        return None

    # B8, B9, B11
    def _thank_yous(self, closed: tuple[str, Message | None] | None) -> None:
        iv, now = self.iv, self.now
        if now < iv.end:
            return
        if closed is not None and closed[0] == "rejection":
            if not self._records("thank_you"):
                self.log.append("no thank-you: the company had already said no")
            return
        window_end = iv.end + timedelta(hours=self.settings.thank_you_window_hours)
        recipients = list(iv.interviewers) or ([iv.contact] if iv.contact else [])
        if not recipients:
            self.log.append("no thank-you: no interviewer or contact address is known")
            return
        for person in recipients:
            key = f"{iv.id}:thank_you:{person.email}"
            if self._has(key):
                continue
            wrote = self._user_wrote_to({person.email}, iv.end)
            if wrote is not None:
                self.log.append(f"no thank-you to {person.email}: you wrote to them after the interview "
                                f"({wrote.date.astimezone(self.tz):%Y-%m-%d %H:%M})")
                continue
            if now >= window_end:
                continue
            self.actions.append(DraftAction(key, iv.id, "thank_you", person, None,
                                            f"thank-you to {person.email}: the interview ended "
                                            f"{iv.end.astimezone(self.tz):%Y-%m-%d %H:%M}"))

    # B17
    def _follow_up(self, decision: DecisionStatement, heard: list[tuple[Message, ReplyVerdict]],
                   closed: tuple[str, Message | None] | None) -> bool:
        iv, now = self.iv, self.now
        made = self._records("follow_up")
        if closed is not None or now < iv.end or self.settings.max_follow_ups == 0:
            return False
        today = now.astimezone(self.tz).date()
        if today <= decision.day:
            return False
        if any(m.date.astimezone(self.tz).date() >= decision.day for m, _ in heard):
            return False
        if len(made) >= self.settings.max_follow_ups:
            return False
        last = max((d.created_at for d in made if d.created_at), default=None)
        if last is not None and decision.stated_at <= last:
            return False  # no new date since the last follow-up
        day_end = datetime.combine(decision.day + timedelta(days=1), datetime.min.time(), self.tz)
        manual = self._user_wrote_to(self._company_addresses(), day_end)
        if manual is not None:
            self.log.append(f"no follow-up: you wrote to them on {manual.date.astimezone(self.tz):%Y-%m-%d}")
            return False
        if now - day_end > STALE_FOLLOW_UP:
            self.log.append("no follow-up: the decision date is more than three weeks past")
            return False
        to = iv.contact or (iv.interviewers[0] if iv.interviewers else None)
        if to is None:
            self.log.append("no follow-up: no contact address is known")
            return False
        key = f"{iv.id}:follow_up:{len(made) + 1}"
        thread = self._follow_up_thread(to.email)
        self.actions.append(DraftAction(key, iv.id, "follow_up", to, thread,
                                        f"follow-up to {to.email}: the decision date "
                                        f"{decision.day.isoformat()} passed with no word"))
        return True

    def _follow_up_thread(self, email: str) -> Message | None:
        """B17: the latest thread about this interview with a human message from this person (or the
        user's own mail to them); None: a new message."""
        from agent.core import replies, threads

        def word(m: Message) -> bool:  # the company's word on the application (a decision or a date)
            return m.folder == "inbox" and self._hearing(m).verdict.kind != "other"

        found = threads.follow_up_thread(self.iv, email, self.msgs, self.all, [d.message_id for d in self.drafts],
                                         replies.is_auto_reply, word, self.tz)
        if found is None:
            self.log.append(f"follow-up as a new message: no mail about this interview from or to {email} "
                            "but calendar notices, automatic replies or system mail")
        else:
            self.log.append(f"follow-up in the thread of {found.message_id} "
                            f"({found.date.astimezone(self.tz):%Y-%m-%d}, \"{threads.human_subject(found.subject)}\")")
        return found

    # B18
    def _acknowledgements(self, heard: list[tuple[Message, ReplyVerdict]]) -> bool:
        sent_at = []
        for d in self._records("follow_up"):
            if d.state == "sent":
                copy = next((m for m in self.all if m.folder == "sent" and m.message_id == d.message_id), None)
                sent_at.append(copy.date if copy else d.created_at)
        pending = sorted(t for t in sent_at if t is not None)
        first_sent = pending[0] if pending else None
        answered = False
        for m, verdict in heard:
            outcome = ""
            if verdict.kind == "rejection":
                outcome = "rejection"
            elif verdict.kind in ("offer", "next_round"):
                self.log.append(f"no acknowledgement for the {verdict.kind.replace('_', ' ')}: "
                                f"answer that in your own words")
            elif pending and m.date > pending[0]:
                pending.pop(0)
                outcome = verdict.kind
            if first_sent is not None and m.date > first_sent:
                answered = True
            if not outcome:
                continue
            key = f"{self.iv.id}:acknowledgement:{m.message_id}"
            if self._has(key):
                continue
            if any(s.folder == "sent" and m.message_id in threads_of(s) for s in self.all):
                self.log.append(f"no acknowledgement: you already answered {m.message_id}")
                continue
            if self.now - m.date > STALE_ACK:
                self.log.append(f"no acknowledgement: {m.message_id} is more than two weeks old")
                continue
            to = self._hearing(m).person or self.iv.contact  # a no-reply mail: the person it names (B18)
            if to is None:
                self.log.append("no acknowledgement: the answer came from a system address and no contact is known")
                continue
            self.actions.append(DraftAction(key, self.iv.id, "acknowledgement", to, m,
                                            f"acknowledgement to {to.email}: they answered ({verdict.kind})"))
            self.outcomes[key] = outcome
        return answered

    def _moot_follow_up(self, heard: list[tuple[Message, ReplyVerdict]]) -> str:
        """B17/B19: a follow-up still unsent in Drafts when the company has answered since it was made no
        longer asks anything: the next step says so, and the user deletes it (the agent never does). ""
        when there is none."""
        for d in self._records("follow_up"):
            if d.state not in ("draft", "edited") or d.created_at is None:
                continue
            since = [m for m, _ in heard if m.date > d.created_at]
            if since:
                when = since[0].date.astimezone(self.tz)
                self.log.append(f"the follow-up draft made {d.created_at.astimezone(self.tz):%Y-%m-%d} is still "
                                f"unsent and they answered on {when:%Y-%m-%d} ({since[0].message_id}): it is moot")
                return (f"they answered on {when:%Y-%m-%d}: the follow-up draft in Drafts is no longer needed; "
                        f"delete it")
        return ""

    def _state(self, closed: tuple[str, Message | None] | None, answered: bool, follow_up_due: bool) -> str:
        if closed is not None:
            return "closed"
        if answered:
            return "heard_back"
        if follow_up_due:
            return "follow_up_due"
        if self._records("follow_up"):
            return "followed_up"
        if self.now < self.iv.end:
            return "upcoming"
        thank_yous = self._records("thank_you")
        if any(a.kind == "thank_you" for a in self.actions):
            return "awaiting_thank_you"
        if any(d.state in OPEN_DRAFT_STATES for d in thank_yous):
            return "thanked"
        if thank_yous or self._user_wrote_to(self._company_addresses(), self.iv.end):
            return "awaiting_decision"
        if self.now >= self.iv.end + timedelta(hours=self.settings.thank_you_window_hours):
            return "missed"
        return "awaiting_thank_you"

    def _next_step(self, state: str, decision: DecisionStatement) -> str:
        local_end = self.iv.end.astimezone(self.tz)
        follow = (f"follow-up after {decision.day.isoformat()} if there is no word"
                  if self.settings.max_follow_ups else "none (follow-ups are off)")
        return {
            "upcoming": f"thank-you drafts after {local_end:%Y-%m-%d %H:%M}",
            "awaiting_thank_you": "thank-you drafts at the next run",
            "follow_up_due": "follow-up draft at the next run",
            "followed_up": "waiting for their answer",
            "heard_back": "none: they answered",
            "closed": "none: decided",
        }.get(state, follow)
