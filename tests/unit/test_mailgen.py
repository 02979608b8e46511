"""The one mail generator (tests/mailgen): deterministic, and every shape reads back as what it says."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.core.mime import parse_message
from tests.mailgen import PRODIDS, Att, Ev, P, auto_reply, bounce, invitation, itip_reply, newsletter, plain

NY = ZoneInfo("America/New_York")
SENT = datetime(2026, 11, 3, 9, 12, tzinfo=NY)
USER = P("Jordan Lee", "jordan.lee@gmail.com")
ANA = P("Ana Souza", "ana.souza@acme-robotics.com")
EV = Ev(uid="uid-1@acme-robotics.com", start=datetime(2026, 11, 10, 14, tzinfo=NY),
        end=datetime(2026, 11, 10, 15, tzinfo=NY), summary="Interview: Backend Engineer", organizer=ANA,
        attendees=(Att(ANA, "ACCEPTED"), Att(USER), Att(P("Room 4", "room4@resource.example"), cutype="ROOM")),
        description="Backend Engineer interview.", conference="https://meet.example/abc")


def test_p_parse_reads_header_values() -> None:
    assert P.parse("Ana Souza <ana@acme.example>") == P("Ana Souza", "ana@acme.example")
    assert P.parse('"Souza, Ana" <ana@acme.example>') == P("Souza, Ana", "ana@acme.example")
    assert P.parse("ana@acme.example") == P("", "ana@acme.example")
    assert P.parse("Ana Souza <ana@acme.example>").header() == "Ana Souza <ana@acme.example>"


@pytest.mark.parametrize("style", sorted(PRODIDS))
@pytest.mark.parametrize("tzid", ["", "America/New_York", "Eastern Standard Time"])
def test_every_invitation_style_reads_back_as_one_event(style: str, tzid: str) -> None:
    mail = invitation(style=style, ev=EV, date=SENT, to=[USER], seed="s1", tzid=tzid)
    assert mail.raw == invitation(style=style, ev=EV, date=SENT, to=[USER], seed="s1", tzid=tzid).raw
    msg = parse_message(mail.raw, key="k", folder="inbox", tz=NY)
    assert msg.message_id == mail.message_id
    (event,) = msg.events
    assert (event.uid, event.method, event.start, event.end) == (EV.uid, "REQUEST", EV.start, EV.end)
    assert {a.person.email for a in event.attendees} >= {ANA.email, USER.email}


def test_cancellation_and_chosen_message_id() -> None:
    cancelled = Ev(**{**EV.__dict__, "sequence": 1, "status": "CANCELLED"})
    mail = invitation(style="google", ev=cancelled, date=SENT, to=[USER], seed="c", method="CANCEL",
                      msgid="<cancel-1@google.com>")
    (event,) = parse_message(mail.raw, key="k", folder="inbox", tz=NY).events
    assert mail.message_id == "<cancel-1@google.com>"
    assert (event.method, event.sequence) == ("CANCEL", 1)


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown invitation style"):
        invitation(style="workdayy", ev=EV, date=SENT, to=[USER], seed="x")


def test_person_mail_replies_rsvps_auto_replies_bounces_and_newsletters() -> None:
    first = plain(seed="p1", date=SENT, frm=ANA, to=[USER], subject="Next steps", body="Hi Jordan,\n\nTalk soon.")
    reply = plain(seed="p2", date=SENT + timedelta(hours=1), frm=USER, to=[ANA], subject="Re: Next steps",
                  body="Thanks!", in_reply_to=first.message_id, style="outlook", with_html=False)
    parsed = parse_message(reply.raw, key="k", folder="sent", tz=NY)
    assert parsed.in_reply_to == first.message_id and "Thanks!" in parsed.text
    rsvp = itip_reply(seed="r", date=SENT, user=USER, ev=EV, partstat="DECLINED", prodid=PRODIDS["google"])
    (event,) = parse_message(rsvp.raw, key="k", folder="sent", tz=NY).events
    assert event.method == "REPLY" and rsvp.subject == "Declined: Interview: Backend Engineer"
    ooo = auto_reply(seed="o", date=SENT, frm=ANA, to=USER, subject="Thank you", body="Away.", in_reply_to="")
    assert b"Auto-Submitted: auto-replied" in ooo.raw and ooo.subject == "Automatic reply: Thank you"
    dsn = bounce(seed="b", date=SENT, mta="mx.example", to=USER, failed="nobody@acme.example",
                 original_subject="Thank you")
    assert b"multipart/report" in dsn.raw and b"nobody@acme.example" in dsn.raw
    news = newsletter(seed="n", date=SENT, frm=P("Tips", "tips@news.example"), to=USER, subject="Tips",
                      body="Read this.", list_id="Tips <tips.news.example>", unsubscribe="<https://news.example/u>")
    assert b"Precedence: bulk" in news.raw and b"List-Id: Tips <tips.news.example>" in news.raw
