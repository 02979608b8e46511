"""The agent's own drafts, recognised in the Sent mail alone (B20: the mailbox is the record).

A draft's Message-ID is derived from the user's address and the draft's key (compose.draft_message_id),
so a sent mail whose Message-ID is the one some key would carry is a draft the agent made, sent by the
user: with the state store lost, emptied or replaced, or on a second installation, it is recorded as sent
before planning, so that what follows it (a follow-up's acknowledgement, B18; no second follow-up) is
planned as if the state had never been lost. Drafts still in Drafts are found by the executor before it
writes one (provider.find_draft). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from agent.core.compose import draft_message_id
from agent.core.model import DraftRecord, Interview, Message
from agent.core.settings import Identity

MAX_SEQUENCE = 10  # follow-ups looked for per interview (max_follow_ups is far below)
_DERIVED = re.compile(r"<[0-9a-f]{32}@([^>]+)>\Z")


def _candidates(iv: Interview, m: Message) -> Iterable[tuple[str, str, tuple[str, ...]]]:
    """(key, kind, recipients) of every draft of `iv` that `m` could be."""
    to = tuple(p.email for p in m.recipients)
    for person in m.recipients:
        for email in dict.fromkeys((person.email, person.email.lower())):
            yield f"{iv.id}:thank_you:{email}", "thank_you", (email,)
    for n in range(1, MAX_SEQUENCE + 1):
        yield f"{iv.id}:follow_up:{n}", "follow_up", to
    if m.in_reply_to:
        yield f"{iv.id}:acknowledgement:{m.in_reply_to}", "acknowledgement", to


def recognise_sent(interviews: Sequence[Interview], messages: Iterable[Message], drafts: Iterable[DraftRecord],
                   identity: Identity) -> list[DraftRecord]:
    """Records (state "sent") for the sent mail that carries the derived Message-ID of a draft of one of
    `interviews` and that `drafts` does not record yet. Only mail whose id has the derived shape on the
    user's domain is looked at, so a run with every draft recorded costs one pass over the Sent mail."""
    known_ids = set()
    known_keys = set()
    for d in drafts:
        known_ids.add(d.message_id)
        known_keys.add(d.key)
    domain = identity.email.rpartition("@")[2].lower()
    out: list[DraftRecord] = []
    for m in messages:
        shape = _DERIVED.match(m.message_id) if m.folder == "sent" else None
        if shape is None or shape.group(1).lower() != domain or m.message_id in known_ids:
            continue
        for iv in interviews:
            hit = next(((key, kind, to) for key, kind, to in _candidates(iv, m)
                        if key not in known_keys and draft_message_id(identity, key) == m.message_id), None)
            if hit is not None:
                key, kind, to = hit
                out.append(DraftRecord(key=key, interview_id=iv.id, kind=kind, to=to, message_id=m.message_id,
                                       created_at=m.date, state="sent", subject=m.subject,
                                       reason="recognised in Sent by its Message-ID (the state had no record)"))
                known_keys.add(key)
                known_ids.add(m.message_id)
                break
    return out
