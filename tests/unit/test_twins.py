"""B20: twin drafts (two installations writing one draft at the same instant) settle to one, the same for both,
in each order the two can interleave; B19: only drafts carrying the agent's Message-ID are deleted.

The provider here is a Drafts folder in memory whose `find_drafts` order can be forced, so the interleavings
(and a mailbox that cannot order two drafts, as Graph's whole seconds) are played out exactly. The same
settling over the four real providers, two installations truly at once: tests/reliability/test_concurrent.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from agent import executor
from agent.core.model import DraftRecord
from agent.state import State
from agent.twins import settle

NOW = datetime(2026, 11, 17, 18, 0, tzinfo=UTC)
MID = "<ty-ana@agent.example.net>"


class Drafts:
    """Drafts in memory: ref -> Message-ID; `order` (when set) decides find_drafts's order for ties."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}
        self.deleted: list[str] = []
        self.flip = False  # list the newest first: a mailbox that got the order of a tie the other way

    def create(self, ref: str, mid: str = MID) -> str:
        self.items[ref] = mid
        return ref

    def find_drafts(self, message_id: str) -> list[str]:
        refs = [r for r, m in self.items.items() if m == message_id]
        return refs[::-1] if self.flip else refs

    def delete_draft(self, ref: str) -> bool:
        assert ref in self.items and self.items[ref] == MID, f"B19: asked to delete {ref}, not a twin"
        self.deleted.append(ref)
        del self.items[ref]
        return True

    def draft_status(self, drafts):
        return {d.key: "present" if d.provider_ref in self.items else "missing" for d in drafts}


def record(state: State, ref: str) -> DraftRecord:
    rec = DraftRecord(key="iv-1:thank_you:ana", interview_id="iv-1", kind="thank_you", to=("ana@acme.example",),
                      message_id=MID, created_at=None, state="intent", subject="Thank you")
    state.record_intent("main", rec, NOW)
    state.record_created(rec.key, ref, NOW)
    return state.drafts("main")[0]


def test_b20_both_write_then_both_check_keep_the_same_one() -> None:
    box = Drafts()
    box.create("a")
    box.create("b")
    box.create("foreign", mid="<someone-else@example.com>")
    assert settle(box, MID) == "a"
    assert settle(box, MID) == "a"
    assert box.find_drafts(MID) == ["a"] and box.deleted == ["b"]
    assert "foreign" in box.items


def test_b20_first_checks_alone_then_second_keeps_the_firsts() -> None:
    box = Drafts()
    box.create("a")
    assert settle(box, MID) == "a"  # A saw only its own
    box.create("b")
    assert settle(box, MID) == "a"  # B keeps the oldest, A's, and deletes its own
    assert box.deleted == ["b"]


def test_b20_a_tie_settled_the_other_way_is_adopted_by_the_next_run(tmp_path: Path) -> None:
    # A kept its own (alone), B saw both in the other order and deleted A's: A's record points at nothing.
    box = Drafts()
    box.create("a")
    assert settle(box, MID) == "a"
    box.create("b")
    box.flip = True
    assert settle(box, MID) == "b" and box.deleted == ["a"]
    with State.open(tmp_path / "a") as state:
        record(state, "a")
        executor.refresh_draft_states(box, state, "main", [], NOW)  # type: ignore[arg-type]
        [rec] = state.drafts("main")
    assert (rec.state, rec.provider_ref) == ("draft", "b")  # not "deleted": the survivor is A's draft too


def test_b20_a_draft_the_user_deleted_stays_deleted(tmp_path: Path) -> None:
    box = Drafts()
    with State.open(tmp_path / "a") as state:
        record(state, "a")
        executor.refresh_draft_states(box, state, "main", [], NOW)  # type: ignore[arg-type]
        [rec] = state.drafts("main")
    assert rec.state == "deleted" and box.deleted == []


def test_b20_a_run_killed_between_write_and_check_settles_at_recovery(tmp_path: Path) -> None:
    box = Drafts()
    box.create("a")  # A, already settled and recorded
    box.create("b")  # B wrote, then was killed: its intent is still recorded
    with State.open(tmp_path / "b") as state:
        state.record_intent("main", DraftRecord(
            key="iv-1:thank_you:ana", interview_id="iv-1", kind="thank_you", to=("ana@acme.example",),
            message_id=MID, created_at=None, state="intent", subject="Thank you"), NOW)
        executor.recover_intents(box, state, "main", NOW)  # type: ignore[arg-type]
        [rec] = state.drafts("main")
    assert (rec.state, rec.provider_ref) == ("draft", "a") and box.find_drafts(MID) == ["a"]
