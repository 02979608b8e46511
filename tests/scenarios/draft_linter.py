"""The draft linter: reads the agent's drafts as a recruiter would (B5, B9, B10, B17) and names what gives a
program away. The harness runs it after every run of every scenario over the drafts seen so far; any
violation fails the scenario, and `SUMMARY` counts drafts and violations per check for the session's report
(printed by tests/scenarios/conftest.py at the end of a run).

The checks, each with its id:
- company: the company as the interview's status JSON writes it appears in the body, and no glued domain form
  of it does ("Halcyontravel" for "Halcyon Travel");
- role: the whole role appears where the role is named (a thank-you and a follow-up always name it);
- greeting: the greeting is not made from an address ("Hi K.tanaka,": a dot, a digit, or an address's local
  part that no display name in To gives);
- subject: no system subject (Invitation:, Updated invitation, Canceled event, Automatic reply, Accepted:, ...);
- twins: two thank-yous to different people at one company share at most one sentence besides the pitch
  and strength sentences, the greeting and the sign-off;
- words: at most 150 words before the signature.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_WORDS = 150
MAX_SHARED_SENTENCES = 1
CHECKS = ("company", "role", "greeting", "subject", "twins", "words")

_SYSTEM_SUBJECT = re.compile(
    r"\b(?:invitation|updated\s+invitation|invitation\s+updated|cancell?ed\s+event(?:\s+with\s+note)?|"
    r"event\s+canceled|canceled|cancelled|automatic\s+reply|auto(?:matic)?[\s-]?reply|accepted|declined|"
    r"tentative(?:ly\s+accepted)?|out\s+of\s+(?:the\s+)?office|undeliverable|delivery\s+status\s+notification|"
    r"mail\s+delivery\s+failed|returned\s+mail)\s*:", re.IGNORECASE)
_GREETING = re.compile(r"^\s*(?:hi|hello|dear|hey|good\s+(?:morning|afternoon))\b\s*(?P<name>[^,\n]*),\s*$",
                       re.IGNORECASE)
_SIGNOFF = re.compile(r"^(?:best(?:\s+regards|\s+wishes)?|kind\s+regards|regards|all\s+the\s+best|many\s+thanks|"
                      r"thanks|cheers|sincerely|warm(?:est)?\s+regards|with\s+thanks)[,!.]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """One draft as the linter reads it: its kind and recipients from the agent's record, the interview's
    company and role from `status --json`, subject and body from the mailbox."""

    message_id: str
    kind: str
    to: tuple[str, ...]
    subject: str
    body: str
    company: str = ""
    role: str = ""
    to_names: tuple[str, ...] = ()  # the To header's display names


@dataclass(frozen=True)
class Violation:
    check: str
    message_id: str
    what: str

    def __str__(self) -> str:
        return f"draft linter [{self.check}] {self.message_id}: {self.what}"


@dataclass
class Summary:
    """Counts over a session: drafts read and violations per check."""

    drafts: int = 0
    thank_you_pairs: int = 0
    violations: Counter = field(default_factory=Counter)

    def text(self) -> str:
        found = ", ".join(f"{c} {self.violations.get(c, 0)}" for c in CHECKS)
        return (f"draft linter: {self.drafts} drafts read, {self.thank_you_pairs} pairs of thank-yous to one "
                f"company compared; violations: {found}")


SUMMARY = Summary()


def _words(text: str) -> str:
    return " ".join(text.split())


def body_before_signature(body: str, signature: str) -> str:
    first = signature.strip().splitlines()[0] if signature.strip() else ""
    cut = body.rfind(first) if first else -1
    return body[:cut] if cut >= 0 else body


def sentences(text: str) -> list[str]:
    text = _words(text)
    return [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])", text) if p.strip()]


def glued_forms(company: str) -> list[str]:
    """"Halcyon Travel" -> ["Halcyontravel"]: the domain-made spelling of a written name of several words."""
    words = re.findall(r"[^\W_]+", company)
    return ["".join(words)] if len(words) > 1 else []


def check_one(d: Draft, signature: str) -> list[Violation]:
    out: list[Violation] = []
    body, flat = d.body, _words(d.body)
    if d.company and d.kind in ("thank_you", "follow_up") and _words(d.company) not in flat:
        out.append(Violation("company", d.message_id, f"the body does not name the company {d.company!r}"))
    for glued in glued_forms(d.company):
        if re.search(rf"\b{re.escape(glued)}\b", f"{flat} {d.subject}", re.IGNORECASE):
            out.append(Violation("company", d.message_id, f"the glued domain form {glued!r} of {d.company!r}"))
    if d.role:
        named = d.kind in ("thank_you", "follow_up") or re.search(
            rf"\b{re.escape(d.role.split()[0])}\b[^.\n]*\b(?:role|position)\b", flat)
        if named and _words(d.role) not in flat:
            out.append(Violation("role", d.message_id, f"the role is named but not whole: {d.role!r}"))
    first_line = next((ln for ln in body.splitlines() if ln.strip()), "")
    greeting = _GREETING.match(first_line)
    if greeting:
        name = greeting.group("name").strip()
        locals_ = {a.partition("@")[0].lower() for a in d.to}
        named = {w.casefold() for n in d.to_names for w in re.findall(r"[^\W\d_]+", n)}
        # "Hi Grace," to grace@ is fine when the To header names her Grace; without that, it came from the address
        if name and (re.search(r"[.\d@_]", name) or (name.lower() in locals_ and name.casefold() not in named)):
            out.append(Violation("greeting", d.message_id, f"a greeting made from an address: {first_line!r}"))
    if _SYSTEM_SUBJECT.search(d.subject):
        out.append(Violation("subject", d.message_id, f"a system subject: {d.subject!r}"))
    words = len(body_before_signature(body, signature).split())
    if words > MAX_WORDS:
        out.append(Violation("words", d.message_id, f"{words} words before the signature (max {MAX_WORDS})"))
    return out


def _own_sentences(d: Draft, signature: str, exempt: set[str]) -> set[str]:
    head = body_before_signature(d.body, signature)
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if lines and _GREETING.match(lines[0]):
        lines = lines[1:]
    kept = [ln for ln in lines if not _SIGNOFF.match(ln.strip())]
    return {s for s in sentences("\n".join(kept)) if s not in exempt}


def check_twins(drafts: Sequence[Draft], signature: str, profile_sentences: Iterable[str],
                fresh: set[str] | None = None) -> list[Violation]:
    """B10: thank-yous to different people at one company share at most one sentence besides the pitch and
    strengths (`profile_sentences`), the greeting and the sign-off. With `fresh`, only the pairs holding one
    of those Message-IDs."""
    exempt = {s for text in profile_sentences for s in sentences(text)}
    notes = [d for d in drafts if d.kind == "thank_you" and d.company]
    out: list[Violation] = []
    for i, a in enumerate(notes):
        for b in notes[i + 1:]:
            if a.company.casefold() != b.company.casefold() or set(a.to) == set(b.to) or \
                    (fresh is not None and not {a.message_id, b.message_id} & fresh):
                continue
            SUMMARY.thank_you_pairs += 1
            shared = _own_sentences(a, signature, exempt) & _own_sentences(b, signature, exempt)
            if len(shared) > MAX_SHARED_SENTENCES:
                out.append(Violation("twins", f"{a.message_id} / {b.message_id}",
                                     f"thank-yous to {a.to} and {b.to} at {a.company} share {len(shared)} "
                                     f"sentences: {sorted(shared)}"))
    return out


def lint(new: Sequence[Draft], every: Sequence[Draft], *, signature: str,
         profile_sentences: Iterable[str] = ()) -> list[Violation]:
    """The violations of the drafts `new` since the last call, and of the twin rule over `every` draft seen
    (the ones the user sent or deleted included). Counts go to `SUMMARY`."""
    found = [v for d in new for v in check_one(d, signature)]
    SUMMARY.drafts += len(new)
    if any(d.kind == "thank_you" for d in new):
        fresh = {d.message_id for d in new}
        found += check_twins(every, signature, profile_sentences, fresh)
    for v in found:
        SUMMARY.violations[v.check] += 1
    return found
