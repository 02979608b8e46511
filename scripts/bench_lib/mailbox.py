"""A realistic mailbox of N messages as a Maildir++ tree (inbox at the root, .Sent, .Drafts); each message is
built by the one generator, tests/mailgen.

The mix, per 1,000 messages: about 550 newsletters and promotions (List-Id, List-Unsubscribe, Precedence:
bulk, an HTML body), 150 notifications (no-reply senders, Auto-Submitted), 190 human threads (plain text,
In-Reply-To/References, quoted earlier mail), 90 of the user's own replies in .Sent, 15 calendar invitations
(team meetings, not interviews), and a few interviews (a recruiter's mail, an invitation, the user's reply)
spread over the whole span. Dates are evenly spread over `span_days` back from `end`, file mtimes too, so
that a look-back of span_days/10 covers a tenth of the mailbox.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests import mailgen
from tests.mailgen import Att, Ev, P, plain

USER = "jordan.lee@example.net"
USER_NAME = "Jordan Lee"
NEWS = [("Career Compass Weekly", "weekly@careercompass.example", "weekly.careercompass.example"),
        ("The Morning Byte", "news@morningbyte.example", "news.morningbyte.example"),
        ("ShopMart Deals", "deals@shopmart.example", "deals.shopmart.example"),
        ("Python Digest", "digest@pydigest.example", "digest.pydigest.example"),
        ("Travel Offers", "offers@travelco.example", "offers.travelco.example")]
NOTIFY = [("GitHub", "notifications@github.example"), ("Bank Alerts", "no-reply@bank.example"),
          ("Calendar", "calendar-notification@calendar.example"), ("Parcel Tracking", "noreply@parcel.example")]
FRIENDS = [("Sam Patel", "sam.patel@friends.example"), ("Maria Gomez", "maria@family.example"),
           ("Chris Wong", "chris.wong@oldjob.example"), ("Dana Kim", "dana.kim@club.example")]
COMPANIES = [("Acme Robotics", "acme-robotics.example", "Ana Ruiz", "ana.ruiz"),
             ("Globex", "globex.example", "Priya Shah", "priya.shah"),
             ("Initech", "initech.example", "Tom Berg", "tom.berg"),
             ("Umbrella Labs", "umbrella-labs.example", "Lena Vogel", "lena.vogel")]
ROLES = ["Backend Engineer", "Data Engineer", "Platform Engineer", "Site Reliability Engineer"]
LOREM = ["We", "wanted", "to", "share", "a", "few", "updates", "with", "you", "this", "week,", "including", "new",
         "features,", "upcoming", "events", "and", "stories", "from", "our", "community."]


@dataclass
class Generated:
    total: int
    inbox: int
    sent: int
    interviews: int
    bytes: int
    lookback_days: int
    end: datetime


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(LOREM) for _ in range(n))


def _user() -> P:
    return P(USER_NAME, USER)


def newsletter(rng: random.Random, i: int, when: datetime) -> bytes:
    name, addr, list_id = rng.choice(NEWS)
    html = "".join(f"<p>{_words(rng, 60)}</p>\n" for _ in range(rng.randint(6, 14)))
    return mailgen.newsletter(seed=f"n{i}", date=when, frm=P(name, addr), to=P("", USER),
                              subject=f"{name}: issue {i}", body="", html_body=f"<html><body>{html}</body></html>",
                              list_id=f"{name} <{list_id}>", unsubscribe=f"<mailto:unsubscribe@{list_id}>",
                              msgid=f"<n{i}@{addr.split('@')[1]}>").raw


def notification(rng: random.Random, i: int, when: datetime) -> bytes:
    name, addr = rng.choice(NOTIFY)
    return plain(seed=f"a{i}", date=when, frm=P(name, addr), to=[P("", USER)], subject=f"[{name}] activity {i}",
                 body=_words(rng, 80) + "\n", with_html=False, extra=[("Auto-Submitted", "auto-generated")],
                 msgid=f"<a{i}@{addr.split('@')[1]}>").raw


def thread_mail(rng: random.Random, i: int, when: datetime, sent: bool, prev: str | None) -> tuple[bytes, str]:
    name, addr = rng.choice(FRIENDS)
    mid = f"<t{i}@{'example.net' if sent else addr.split('@')[1]}>"
    subject = f"Weekend plans {i // 7}"
    if prev:
        subject = "Re: " + subject
    quoted = "\n".join("> " + _words(rng, 12) for _ in range(8)) if prev else ""
    body = _words(rng, rng.randint(40, 160)) + "\n\n" + (f"On a day, someone wrote:\n{quoted}\n" if quoted else "")
    friend = P(name, addr)
    frm, to = (_user(), friend) if sent else (friend, P("", USER))
    return plain(seed=mid, date=when, frm=frm, to=[to], subject=subject, body=body, with_html=False,
                 in_reply_to=prev or "", msgid=mid).raw, mid


def invitation(*, uid: str, start: datetime, organizer: tuple[str, str], summary: str, mid: str,
               when: datetime, description: str = "") -> bytes:
    """A Google Calendar invitation to the user from `organizer`, an hour from `start` (times in UTC)."""
    host = P(*organizer)
    ev = Ev(uid=uid, start=start, end=start + timedelta(hours=1), summary=summary, organizer=host,
            attendees=(Att(_user()), Att(host, "ACCEPTED")), description=description)
    return mailgen.invitation(style="google", ev=ev, date=when, to=[P("", USER)], seed=uid,
                              subject=f"Invitation: {summary}", body=f"You have been invited: {summary}\n{description}",
                              msgid=mid).raw


class _Writer:
    def __init__(self, root: Path):
        self.root = root
        self.bytes = 0
        for folder in (root, root / ".Sent", root / ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
        (root / ".Sent" / "maildirfolder").touch()
        (root / ".Drafts" / "maildirfolder").touch()
        self.n = 0

    def put(self, raw: bytes, when: datetime, sent: bool) -> None:
        self.n += 1
        ts = int(when.timestamp())
        folder = self.root / ".Sent" if sent else self.root
        path = folder / "cur" / f"{ts}.M{self.n}P4242.benchhost:2,S"
        with open(path, "wb") as fh:
            fh.write(raw)
        os.utime(path, (ts, ts))
        self.bytes += len(raw)


def generate(root: Path, total: int, *, end: datetime | None = None, span_days: int = 600,
             seed: int = 8) -> Generated:
    """Write `total` messages into a new Maildir++ tree at `root`."""
    rng = random.Random(seed)
    end = (end or datetime.now(UTC)).replace(microsecond=0)
    w = _Writer(root)
    step = timedelta(days=span_days) / total
    interviews = 0
    sent = 0
    last_thread: str | None = None
    every = max(total // max(3, total // 400), 1)  # about one interview per 400 messages, at least 3
    i = 0
    while i < total:
        when = end - step * (total - i)
        if i % every == every // 2 and i + 3 <= total:
            c_name, domain, r_name, r_local = COMPANIES[interviews % len(COMPANIES)]
            role = ROLES[interviews % len(ROLES)]
            recruiter = (r_name, f"{r_local}@{domain}")
            first = f"<r{i}@{domain}>"
            recruiter_p = P(*recruiter)
            w.put(plain(seed=first, date=when, frm=recruiter_p, to=[P("", USER)],
                        subject=f"{role} interview at {c_name}", with_html=False, msgid=first,
                        body=f"Hi Jordan,\n\nWe would love to set up an interview for the {role} role at {c_name}. "
                             f"I'll send an invitation.\n\nBest,\n{r_name}\nRecruiter, {c_name}\n").raw,
                  when, False)
            start = (when + timedelta(days=4)).replace(hour=15, minute=0, second=0)
            w.put(invitation(uid=f"iv{i}@{domain}", start=start, organizer=recruiter,
                             summary=f"Interview: {role} ({c_name})", mid=f"<inv{i}@{domain}>",
                             when=when + step / 3,
                             description=f"Interview for the {role} role. We will get back to you within a week."),
                  when + step / 3, False)
            reply = f"<u{i}@example.net>"
            w.put(plain(seed=reply, date=when + step * 2 / 3, frm=_user(), to=[recruiter_p],
                        subject=f"Re: {role} interview at {c_name}", in_reply_to=first, with_html=False, msgid=reply,
                        body="Hi Ana,\n\nThank you, that time works for me.\n\nJordan\n").raw,
                  when + step * 2 / 3, True)
            interviews += 1
            sent += 1
            i += 3
            continue
        r = rng.random()
        if r < 0.55:
            raw, is_sent = newsletter(rng, i, when), False
        elif r < 0.70:
            raw, is_sent = notification(rng, i, when), False
        elif r < 0.985:
            is_sent = rng.random() < 0.32
            raw, last_thread = thread_mail(rng, i, when, is_sent, last_thread if rng.random() < 0.6 else None)
        else:
            name, addr = rng.choice(FRIENDS[2:])
            raw, is_sent = invitation(uid=f"meet{i}@oldjob.example", start=when + timedelta(days=2),
                                      organizer=(name, addr), summary="Team sync", mid=f"<m{i}@oldjob.example>",
                                      when=when), False
        w.put(raw, when, is_sent)
        sent += is_sent
        i += 1
    return Generated(total=total, inbox=total - sent, sent=sent, interviews=interviews, bytes=w.bytes,
                     lookback_days=max(span_days // 10, 1), end=end)
