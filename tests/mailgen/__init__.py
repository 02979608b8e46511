"""The one mail and iCalendar generator: realistic, deterministic messages for the scenario corpus
(`tests/scenarios/build.py`), the demo's sample mailbox (`tests/scenarios/demo.py`), the provider contract
suite (`tests/providers/contract.py`) and the benchmark mailboxes (`scripts/bench_lib/mailbox.py`).

Every builder returns a `Mail` (the raw bytes, Message-ID, Subject and Date). Identifiers and MIME
boundaries come from a `seed` string, so building twice gives byte-identical files; pass `msgid=` to
choose the Message-ID yourself. Bodies are written with LF line ends, calendar text with CRLF (RFC 5545).

The vocabulary (`model`):
    P(name, email)                  a person; P.parse("Ana Ruiz <ana@acme.example>"); .header(), .first
    Att(who, partstat, role, cutype, rsvp)     an ATTENDEE (cutype ROOM/RESOURCE for rooms)
    Ev(uid, start, end, summary, organizer, attendees, description, location, sequence, status, conference)

Builders:
    plain(seed=, date=, frm=, to=, subject=, body=, style="gmail"|"outlook"|"apple"|"ats", cc=, reply_to=,
          in_reply_to=, references=, extra=[(header, value)], with_html=True, msgid=)
        person-to-person mail; a reply when `in_reply_to` is given
    newsletter(seed=, date=, frm=, to=, subject=, body=, list_id=, unsubscribe=, html_body=, msgid=)
        bulk mail with List-Id, List-Unsubscribe and Precedence: bulk
    invitation(style=, ev=, date=, to=, seed=, method="REQUEST"|"CANCEL", subject=, body=, frm=, reply_to=,
               sender=, tzid=, prodid=, in_reply_to=, extra_headers=, msgid=)
        styles: google, outlook (Exchange/Teams), zoom, booking, greenhouse, lever, ashby, goodtime, calendly;
        an update is a higher `ev.sequence`, a cancellation method="CANCEL" with status "CANCELLED"
    itip_reply(seed=, date=, user=, ev=, partstat="ACCEPTED"|"DECLINED"|"TENTATIVE", prodid=, subject=, msgid=)
        the user's RSVP, as found in Sent
    auto_reply(seed=, date=, frm=, to=, subject=, body=, in_reply_to=, msgid=, with_html=True)
        an Exchange out-of-office reply (Auto-Submitted: auto-replied)
    bounce(seed=, date=, mta=, to=, failed=, original_subject=, original_msgid=)
        a Postfix delivery status notification (multipart/report)

Lower level, for shapes not covered above: `vcalendar(ev, method=, prodid=, style=, dtstamp=, tzid=)` gives
the iCalendar bytes, `headers(...)` an EmailMessage with a client's headers, `finish(msg, seed, style)` its
bytes with deterministic boundaries.

Example: a Greenhouse confirmation whose recruiter is in Reply-To.

    ev = Ev(uid="gh-1@greenhouse.io", start=start, end=start + timedelta(hours=1), summary="Interview",
            organizer=P("Acme Recruiting", "no-reply@us.greenhouse-mail.io"),
            attendees=(Att(P("Ben Okafor", "ben@acme.example")), Att(USER)))
    mail = invitation(style="greenhouse", ev=ev, date=sent, to=[USER], seed="07-confirm",
                      reply_to=P("Ana Souza", "ana@acme.example"), body="Hi Jordan, ...")
"""

from tests.mailgen.ical import VTIMEZONES, WINDOWS_TZ, vcalendar
from tests.mailgen.invites import PRODIDS, default_invite_text, invitation, itip_reply
from tests.mailgen.mime import finish, headers, html_of, newsletter, plain
from tests.mailgen.model import Att, Ev, Mail, P, h, hu
from tests.mailgen.notices import auto_reply, bounce

__all__ = ["PRODIDS", "VTIMEZONES", "WINDOWS_TZ", "Att", "Ev", "Mail", "P", "auto_reply", "bounce",
           "default_invite_text", "finish", "h", "headers", "html_of", "hu", "invitation", "itip_reply",
           "newsletter", "plain", "vcalendar"]
