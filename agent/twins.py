"""Twin drafts: two installations on one mailbox (two machines, or two state dirs) that reach the same draft
at the same instant both pass the Drafts lookup and both write it. The twins carry the same derived
Message-ID (compose.draft_message_id), so they are easy to tell; `settle` leaves exactly one (B20).

The rule every installation applies alike: keep the first of `provider.find_drafts(message_id)` (the oldest,
in an order that is the same for whoever asks) and delete the others with `delete_draft`. Deleting is limited
to refs `find_drafts` returned for the agent's own derived Message-ID, and `delete_draft` itself takes only a
message still in Drafts and marked as a draft: nothing else is ever touched (B19).

Where it runs (agent/executor.py): right after a draft is written, before its ref is recorded, so a run killed
between the two leaves the intent recorded and the next run's intent recovery settles the twins; in the
lookup before a write (a state lost after a killed run); and when a draft the agent recorded has gone from
Drafts (another installation settled its twins the other way: the survivor is recorded instead).

Interleavings (A and B both write the draft): A writes, B writes, A checks, B checks: both see two and keep
the same one. A writes, A checks (keeps its own, the only one), B writes, B checks: B sees two; the oldest
is A's, which B keeps, deleting its own. Where the mailbox cannot order two drafts exactly (Graph's
createdDateTime has whole seconds; ties go by ref) B may keep its own and delete A's: A's record then points
at a draft that is gone, and A's next run finds the survivor by Message-ID (executor.refresh_draft_states
on "missing"; Graph's `draft_status` finds it by Message-ID itself and reports it present).
"""

from __future__ import annotations

import logging

from providers.base import Provider

log = logging.getLogger(__name__)


def settle(provider: Provider, message_id: str) -> str | None:
    """The ref of the one draft in Drafts carrying `message_id` that every installation keeps, after the
    others (twins) were deleted; None when there is none."""
    refs = provider.find_drafts(message_id)
    if not refs:
        return None
    keep, *twins = refs
    deleted = sum(bool(provider.delete_draft(ref)) for ref in twins)
    if twins:  # ids and counts only (B22)
        log.info("another installation wrote the same draft at the same moment: kept one, deleted %d of %d "
                 "twin(s)", deleted, len(twins))
    return keep
