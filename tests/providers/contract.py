"""The provider contract: behaviour every provider (Maildir, IMAP, Gmail, Outlook) must show.

Subclass `ProviderContract` as `TestXxx` and provide two fixtures:
- `mailbox`: a `tests.mailboxes.Mailbox` for a fresh, empty account;
- `make_provider`: a callable returning a new, connected `Provider` for that mailbox (the fixture closes
  what it opened at teardown).
The tests use only the `Provider` protocol and the `Mailbox` adapter, nothing provider-specific.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

from agent.core.model import DraftRecord, Message
from providers.base import SyncBatch
from tests.mailgen import Att, Ev, P, plain
from tests.mailgen import invitation as calendar_invitation

USER = "jordan.lee@example.net"
RECRUITER = "ana.ruiz@acme-robotics.example"
FORBIDDEN_WORDS = {"send", "sendmail", "smtp", "move", "delete", "remove", "expunge", "trash"}
# The one method whose name has such a word: it deletes the agent's own drafts and nothing else (B25; the
# tests of deleting drafts below show it).
OWN_DRAFTS_ONLY = {"delete_draft"}


def now() -> datetime:
    """Wall-clock now, to the second: mailboxes stamp deliveries with real time."""
    return datetime.now(UTC).replace(microsecond=0)


def mail(subject: str, *, message_id: str, date: datetime, sender: str = RECRUITER, to: str = USER,
         body: str = "Hello,\n\nThanks for your time today.\n\nAna\n") -> bytes:
    """A plain-text mail as bytes; `sender` and `to` are header values ("Name <address>" or an address)."""
    return plain(seed=message_id, date=date, frm=P.parse(sender), to=[P.parse(to)], subject=subject, body=body,
                 with_html=False, msgid=message_id).raw


def invitation(*, uid: str, start: datetime, message_id: str, date: datetime) -> bytes:
    """A Google Calendar invitation from the recruiter for an hour from `start` (times in UTC)."""
    ana = P("Ana Ruiz", RECRUITER)
    ev = Ev(uid=uid, start=start, end=start + timedelta(hours=1), organizer=ana,
            summary="Interview: Backend Engineer (Acme Robotics)",
            attendees=(Att(P("Jordan Lee", USER)), Att(ana, "ACCEPTED")))
    return calendar_invitation(style="google", ev=ev, date=date, to=[P("", USER)], seed=message_id,
                               subject=f"Invitation: {ev.summary}", body="You have been invited to an interview.\n",
                               msgid=message_id).raw


def draft(message_id: str, *, subject: str = "Thank you: Backend Engineer",
          body: str = "Hi Ana,\n\nThank you for your time today.\n\nJordan Lee\n") -> bytes:
    """A draft as the composer would hand it to `create_draft`."""
    return mail(subject, message_id=message_id, date=now(), sender=f"Jordan Lee <{USER}>",
                to=f"Ana Ruiz <{RECRUITER}>", body=body)


def by_mid(batch: SyncBatch) -> dict[str, Message]:
    return {m.message_id: m for m in batch.messages}


def record(message_id: str, ref: str, key: str = "iv-1:thank_you:ana") -> DraftRecord:
    return DraftRecord(key=key, interview_id="iv-1", kind="thank_you", to=(RECRUITER,),
                       message_id=message_id, created_at=now(), state="draft", provider_ref=ref)


class ProviderContract:
    """Behaviour every provider shares. Not collected itself (no Test prefix): subclass it."""

    # -- reading -------------------------------------------------------------------------------------

    def test_b2_first_sync_returns_inbox_and_sent_since_lookback(self, mailbox, make_provider):
        t = now()
        mailbox.deliver("inbox", mail("Interview next week", message_id="<in-1@acme-robotics.example>",
                                      date=t - timedelta(days=2)), when=t - timedelta(days=2))
        mailbox.deliver("sent", mail("Re: Interview next week", message_id="<sent-1@example.net>",
                                     date=t - timedelta(days=1), sender=USER, to=RECRUITER),
                        when=t - timedelta(days=1))
        mailbox.deliver("inbox", mail("Old news", message_id="<old-1@acme-robotics.example>",
                                      date=t - timedelta(days=90)), when=t - timedelta(days=90))
        batch = make_provider().sync(None, t - timedelta(days=30))
        found = by_mid(batch)
        assert set(found) == {"<in-1@acme-robotics.example>", "<sent-1@example.net>"}
        assert found["<in-1@acme-robotics.example>"].folder == "inbox"
        assert found["<sent-1@example.net>"].folder == "sent"
        assert found["<in-1@acme-robotics.example>"].subject == "Interview next week"
        assert found["<in-1@acme-robotics.example>"].date == t - timedelta(days=2)
        assert batch.skipped == []

    def test_second_sync_with_the_cursor_returns_nothing_new(self, mailbox, make_provider):
        t = now()
        mailbox.deliver("inbox", mail("Hello", message_id="<a@acme-robotics.example>", date=t), when=t)
        provider = make_provider()
        first = provider.sync(None, t - timedelta(days=30))
        assert len(first.messages) == 1
        second = provider.sync(first.cursor, t - timedelta(days=30))
        assert second.messages == [] and second.skipped == []

    def test_cursor_survives_a_json_round_trip(self, mailbox, make_provider):
        # The state store keeps the cursor as JSON, and the next run is a new process.
        t = now()
        mailbox.deliver("inbox", mail("Hello", message_id="<a@acme-robotics.example>", date=t), when=t)
        first = make_provider().sync(None, t - timedelta(days=30))
        cursor = json.loads(json.dumps(first.cursor))
        mailbox.deliver("inbox", mail("Again", message_id="<b@acme-robotics.example>", date=t), when=t)
        second = make_provider().sync(cursor, t - timedelta(days=30))
        assert [m.message_id for m in second.messages] == ["<b@acme-robotics.example>"]

    def test_new_delivery_after_a_sync_is_returned_once(self, mailbox, make_provider):
        t = now()
        since = t - timedelta(days=30)
        mailbox.deliver("inbox", mail("First", message_id="<1@acme-robotics.example>", date=t), when=t)
        provider = make_provider()
        cursor = provider.sync(None, since).cursor
        mailbox.deliver("inbox", mail("Second", message_id="<2@acme-robotics.example>", date=t), when=t)
        mailbox.deliver("sent", mail("Mine", message_id="<3@example.net>", date=t, sender=USER,
                                     to=RECRUITER), when=t)
        batch = provider.sync(cursor, since)
        found = by_mid(batch)
        assert set(found) == {"<2@acme-robotics.example>", "<3@example.net>"}
        assert found["<3@example.net>"].folder == "sent"
        assert make_provider().sync(batch.cursor, since).messages == []

    def test_b2_invitation_in_mail_comes_back_as_event(self, mailbox, make_provider):
        t = now()
        start = t + timedelta(days=3)
        mailbox.deliver("inbox", invitation(uid="contract-invite-1@acme-robotics.example", start=start,
                                            message_id="<invite-1@acme-robotics.example>", date=t), when=t)
        batch = make_provider().sync(None, t - timedelta(days=30))
        message = by_mid(batch)["<invite-1@acme-robotics.example>"]
        # A calendar-API provider may also report the event through its calendar; the mail's own copy
        # must still be there for the folding of REQUEST/CANCEL by UID (B2).
        events = [e for e in message.events if e.uid == "contract-invite-1@acme-robotics.example"]
        assert len(events) == 1
        assert events[0].start == start and events[0].end == start + timedelta(hours=1)
        assert events[0].method == "REQUEST"
        assert USER in {a.person.email for a in events[0].attendees}

    def test_b21_malformed_mail_is_skipped_and_the_sync_goes_on(self, mailbox, make_provider):
        t = now()
        mailbox.deliver("inbox", b"\x00\xff\xfe binary junk \x89PNG\r\n\x1a\n\x00\x00 no headers at all",
                        when=t)
        mailbox.deliver("inbox", mail("Real mail", message_id="<ok@acme-robotics.example>", date=t), when=t)
        batch = make_provider().sync(None, t - timedelta(days=30))
        assert [m.message_id for m in batch.messages] == ["<ok@acme-robotics.example>"]
        assert len(batch.skipped) == 1
        key, reason = batch.skipped[0]
        assert key and reason

    # -- drafts --------------------------------------------------------------------------------------

    def test_b19_drafts_are_never_returned_by_sync(self, mailbox, make_provider):
        t = now()
        since = t - timedelta(days=30)
        provider = make_provider()
        provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
        first = provider.sync(None, since)
        provider.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
        mailbox.edit_draft("<d-1@example.net>", "Hi Ana,\n\nEdited by hand.\n")
        second = provider.sync(first.cursor, since)
        synced = {m.message_id for m in first.messages + second.messages}
        assert not synced & {"<d-1@example.net>", "<d-2@example.net>"}

    def test_create_draft_puts_a_flagged_draft_with_the_written_headers(self, mailbox, make_provider):
        body = "Hi Ana,\n\nThank you for your time today.\n\nJordan Lee\n"
        raw = draft("<d-1@example.net>", body=body)
        ref = make_provider().create_draft(raw, message_id="<d-1@example.net>", reply_to=None)
        assert isinstance(ref, str) and ref
        drafts = [d for d in mailbox.drafts() if d["Message-ID"] == "<d-1@example.net>"]
        assert len(drafts) == 1
        got = drafts[0]
        assert got["From"] == f"Jordan Lee <{USER}>"
        assert got["To"] == f"Ana Ruiz <{RECRUITER}>"
        assert got["Subject"] == "Thank you: Backend Engineer"
        assert got.get_content() == body
        assert mailbox.is_flagged_draft("<d-1@example.net>")

    def test_b20_find_draft_by_message_id(self, mailbox, make_provider):
        provider = make_provider()
        provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
        # A new provider, as after a crash between writing the draft and recording it.
        again = make_provider()
        ref = again.find_draft("<d-1@example.net>")
        assert ref
        assert again.draft_status([record("<d-1@example.net>", ref)]) == {"iv-1:thank_you:ana": "present"}
        assert again.find_draft("<unknown@example.net>") is None

    def test_b20_inspect_draft_reads_back_what_the_mailbox_stored_and_none_once_gone(self, mailbox, make_provider):
        raw = draft("<d-1@example.net>")
        ref = make_provider().create_draft(raw, message_id="<d-1@example.net>", reply_to=None)
        seen = make_provider().inspect_draft(ref)  # a new provider: read back from the mailbox, not remembered
        assert seen is not None and seen.in_drafts and seen.draft_flag
        assert seen.headers["Message-ID"] == "<d-1@example.net>"
        assert seen.headers["From"] == f"Jordan Lee <{USER}>"
        assert seen.headers["To"] == f"Ana Ruiz <{RECRUITER}>"
        assert seen.headers["Subject"] == "Thank you: Backend Engineer"
        assert seen.headers["Date"]
        mailbox.delete_draft("<d-1@example.net>")
        assert make_provider().inspect_draft(ref) is None

    def test_b20_find_drafts_lists_every_twin_oldest_first_and_only_those(self, mailbox, make_provider):
        # Two installations wrote the same draft at the same instant: each new provider stands for one.
        first = make_provider().create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>",
                                             reply_to=None)
        make_provider().create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
        time.sleep(1.05)  # a mailbox that orders by whole seconds (Graph's createdDateTime) tells them apart
        second = make_provider().create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>",
                                              reply_to=None)
        refs = make_provider().find_drafts("<d-1@example.net>")
        assert refs == [first, second]  # the refs create_draft returned, oldest first
        assert make_provider().find_drafts("<d-1@example.net>") == refs  # the same for every installation
        assert make_provider().find_drafts("<unknown@example.net>") == []
        assert make_provider().delete_draft(refs[1]) is True
        assert make_provider().find_drafts("<d-1@example.net>") == [first]
        assert sorted(d["Message-ID"] for d in mailbox.drafts()) == ["<d-1@example.net>", "<d-2@example.net>"]

    def test_b20_draft_status_present_then_edited_then_missing(self, mailbox, make_provider):
        provider = make_provider()
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>",
                                    reply_to=None)
        rec = record("<d-1@example.net>", ref)
        assert provider.draft_status([rec]) == {rec.key: "present"}
        mailbox.edit_draft("<d-1@example.net>", "Hi Ana,\n\nMy own words.\n\nJordan\n")
        assert make_provider().draft_status([rec]) == {rec.key: "edited"}
        mailbox.delete_draft("<d-1@example.net>")
        assert make_provider().draft_status([rec]) == {rec.key: "missing"}

    def test_b20_draft_status_tells_each_record_apart(self, mailbox, make_provider):
        provider = make_provider()
        refs = {mid: provider.create_draft(draft(mid), message_id=mid, reply_to=None)
                for mid in ("<d-1@example.net>", "<d-2@example.net>", "<d-3@example.net>")}
        mailbox.edit_draft("<d-2@example.net>", "Changed.\n")
        mailbox.delete_draft("<d-3@example.net>")
        records = [record(mid, ref, key=mid) for mid, ref in refs.items()]
        assert make_provider().draft_status(records) == {
            "<d-1@example.net>": "present", "<d-2@example.net>": "edited", "<d-3@example.net>": "missing"}

    def test_b20_sent_draft_is_missing_and_arrives_as_sent_mail(self, mailbox, make_provider):
        t = now()
        since = t - timedelta(days=30)
        provider = make_provider()
        cursor = provider.sync(None, since).cursor
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>",
                                    reply_to=None)
        mailbox.send_draft("<d-1@example.net>")
        again = make_provider()
        rec = record("<d-1@example.net>", ref)
        assert again.draft_status([rec]) == {rec.key: "missing"}
        assert again.find_draft("<d-1@example.net>") is None
        found = by_mid(again.sync(cursor, since))
        assert found["<d-1@example.net>"].folder == "sent"
        assert found["<d-1@example.net>"].subject == "Thank you: Backend Engineer"

    # -- deleting the agent's own draft (B25) ----------------------------------------------------------

    def test_b25_delete_draft_by_ref_deletes_that_draft_alone_and_twice_is_harmless(self, mailbox, make_provider):
        provider = make_provider()
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
        provider.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
        assert make_provider().delete_draft(ref) is True
        assert [d["Message-ID"] for d in mailbox.drafts()] == ["<d-2@example.net>"]
        again = make_provider()
        assert again.find_draft("<d-1@example.net>") is None
        rec = record("<d-1@example.net>", ref)
        assert again.draft_status([rec]) == {rec.key: "missing"}
        assert again.delete_draft(ref) is False  # already gone: nothing to do, no error

    def test_b25_delete_draft_by_message_id(self, mailbox, make_provider):
        provider = make_provider()
        for mid in ("<d-1@example.net>", "<d-2@example.net>"):
            provider.create_draft(draft(mid), message_id=mid, reply_to=None)
        assert make_provider().delete_draft("<d-1@example.net>") is True
        assert [d["Message-ID"] for d in mailbox.drafts()] == ["<d-2@example.net>"]
        assert make_provider().delete_draft("<d-1@example.net>") is False

    def test_b19_delete_draft_never_touches_mail_that_is_not_a_draft(self, mailbox, make_provider):
        t = now()
        mailbox.deliver("inbox", mail("Hello", message_id="<in@acme-robotics.example>", date=t), when=t)
        mailbox.deliver("sent", mail("Mine", message_id="<out@example.net>", date=t, sender=USER,
                                     to=RECRUITER), when=t)
        provider = make_provider()
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
        mailbox.send_draft("<d-1@example.net>")  # the user sent it: in Sent now, no longer a draft
        before = mailbox.snapshot()
        again = make_provider()
        for target in ("<in@acme-robotics.example>", "<out@example.net>", "<d-1@example.net>", ref):
            assert again.delete_draft(target) is False, target
        again.close()
        assert mailbox.snapshot() == before
        assert mailbox.drafts() == []

    # -- safety --------------------------------------------------------------------------------------

    def test_b19_provider_has_no_way_to_send_move_or_delete_but_its_own_drafts(self, make_provider):
        provider = make_provider()
        # Any word of a name counts ("move_message", "_expunge"), and "send" anywhere ("resend").
        offending = [name for name in dir(provider) if not name.startswith("__") and name not in OWN_DRAFTS_ONLY
                     and (set(re.split(r"[_\W]+", name.lower())) & FORBIDDEN_WORDS or "send" in name.lower())]
        assert offending == []

    def test_b19_provider_never_changes_delivered_mail(self, mailbox, make_provider):
        t = now()
        mailbox.deliver("inbox", mail("Unread", message_id="<u@acme-robotics.example>", date=t), when=t)
        mailbox.deliver("inbox", invitation(uid="u-2@acme-robotics.example", start=t + timedelta(days=1),
                                            message_id="<i@acme-robotics.example>", date=t), when=t)
        mailbox.deliver("inbox", b"junk without headers\x00\xff", when=t)
        mailbox.deliver("sent", mail("Mine", message_id="<m@example.net>", date=t, sender=USER,
                                     to=RECRUITER), when=t)
        before = mailbox.snapshot()
        provider = make_provider()
        batch = provider.sync(None, t - timedelta(days=30))
        provider.sync(batch.cursor, t - timedelta(days=30))
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>",
                                    reply_to=batch.messages[0])
        provider.find_draft("<d-1@example.net>")
        provider.draft_status([record("<d-1@example.net>", ref)])
        provider.close()
        provider.close()  # safe twice
        assert mailbox.snapshot() == before
