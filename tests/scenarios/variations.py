"""Variations of a scenario in what must not change the agent's decisions (tests/scenarios/test_variations.py).

`make_variant(folder, kind, seed, workdir)` copies a scenario folder, rewrites its .eml files (parsed with
the email package, changed, serialised again; a mail a variation does not touch keeps its bytes) or its
delivery times, and returns the loaded scenario with a list of what changed. The kinds:

- last_first:      a person's display name as "Last, First" (address headers and the invitation's CN);
- no_display_name: a person's address without a display name (headers), the invitation without CN;
- accents:         each person's first name with an accent, everywhere it is written (Ana -> Ána);
- html_only:       every text/plain body replaced by an HTML rendering of it (no plain alternative);
- quoted_history:  a person's mail carries, quoted below it, the message it answers (or, when that is not
                   in the mailbox, a plausible earlier message of the other side), as mail clients do;
- new_thread:      company mail loses In-Reply-To/References and its "Re:" (a new thread), except the mail
                   an expected draft answers;
- reply_thread:    a person's mail that starts a thread is sent as a reply to the scenario's latest earlier
                   mail with the same company (In-Reply-To/References; subject kept);
- ics_zone:        the invitation's times written in another zone (same instants: UTC, Auckland, Kolkata...);
- arrival_order:   mail delivered before the same run arrives in the reverse order (received times swapped);
- title_format:    a person's title written another way: "Ana Souza (Engineering Manager)" as "Ana Souza -
                   Engineering Manager", a signature's name and title lines as one "Name | Title" line.
"""

from __future__ import annotations

import copy
import email
import email.policy
import html
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from tests.scenarios import harness
from tests.scenarios.mail_edits import (
    ADDRESS_HEADERS,
    OUT_POLICY,
    POLICY,
    all_people,
    bodies,
    calendars,
    edit_calendars,
    first_address,
    person_name,
    rename_addresses,
    rename_cn,
    render_html,
    sender,
    sender_name,
    set_text,
    text_of,
)

KINDS = ("last_first", "no_display_name", "accents", "html_only", "quoted_history", "new_thread", "reply_thread",
         "ics_zone", "arrival_order", "title_format")
FAR_ZONES = ("UTC", "Pacific/Auckland", "Asia/Kolkata", "America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo")
ACCENT = str.maketrans("aeiouAEIOU", "áéíóúÁÉÍÓÚ")
@dataclass
class Variant:
    kind: str
    scenario: harness.Scenario
    changes: list[str]


# ------------------------------------------------------------------ the variations of one mail


def _last_first(msg: EmailMessage, ctx: dict) -> list[str]:
    def rename(display: str, address: str) -> str | None:
        name = person_name(display, address)
        return f"{display.split()[-1]}, {' '.join(display.split()[:-1])}" if name else None
    return rename_addresses(msg, rename) + rename_cn(msg, rename)


def _no_display_name(msg: EmailMessage, ctx: dict) -> list[str]:
    def rename(display: str, address: str) -> str | None:
        return "" if person_name(display, address) else None
    return rename_addresses(msg, rename) + rename_cn(msg, rename)


def _accents(msg: EmailMessage, ctx: dict) -> list[str]:
    names: dict[str, str] = ctx["accented"]
    if not names:
        return []
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")

    def swap(text: str) -> str:
        return pattern.sub(lambda m: names[m.group(1)], text)

    notes = rename_addresses(msg, lambda d, a: swap(d)) + rename_cn(msg, lambda d, a: swap(d))
    subject = str(msg["Subject"] or "")
    if swap(subject) != subject:
        msg.replace_header("Subject", swap(subject))
        notes.append(f"Subject -> {swap(subject)!r}")
    for part in bodies(msg, "plain") + bodies(msg, "html"):
        text = text_of(part)
        if swap(text) != text:
            set_text(part, swap(text))
            notes.append(f"{part.get_content_type()} body names accented")

    def edit(cal: icalendar.Calendar) -> bool:
        changed = False
        for ev in cal.walk("VEVENT"):
            for key in ("SUMMARY", "DESCRIPTION"):
                if key in ev and swap(str(ev[key])) != str(ev[key]):
                    ev[key] = icalendar.vText(swap(str(ev[key])))
                    changed = True
        return changed

    if edit_calendars(msg, edit):
        notes.append("calendar SUMMARY/DESCRIPTION names accented")
    return notes


def _html_only(msg: EmailMessage, ctx: dict) -> list[str]:
    notes = []
    for node in [p for p in msg.walk() if p.is_multipart()]:
        children = node.get_payload()
        has_html = any(c.get_content_type() == "text/html" for c in children)
        keep = []
        for child in children:
            plain = child.get_content_type() == "text/plain" and child.get_content_disposition() != "attachment"
            if plain and has_html:
                notes.append("text/plain alternative dropped")
                continue
            if plain:
                set_text(child, render_html(text_of(child)), "html")
                notes.append("text/plain part rendered as text/html")
            keep.append(child)
        node.set_payload(keep)
    if not msg.is_multipart() and msg.get_content_type() == "text/plain":
        set_text(msg, render_html(text_of(msg)), "html")
        notes.append("text/plain body rendered as text/html")
    return notes


def _quoted_history(msg: EmailMessage, ctx: dict) -> list[str]:
    if calendars(msg) or not sender(msg) or not person_name(sender_name(msg), sender(msg)):
        return []  # calendar systems and ATS notices do not quote; people's mail clients do
    parent = ctx["by_id"].get(harness._mid(msg["In-Reply-To"])) if msg["In-Reply-To"] else None
    if parent is not None:
        quoted, who, when = harness._body(parent).strip(), str(parent["From"] or ""), str(parent["Date"])
    else:
        quoted, who, when = _earlier_message(msg, ctx)
    if not quoted:
        return []
    intro = f"On {when}, {who} wrote:"
    notes = []
    for part in bodies(msg, "plain"):
        text = text_of(part).rstrip()
        set_text(part, f"{text}\n\n{intro}\n" + "\n".join(f"> {line}".rstrip() for line in quoted.splitlines())
                  + "\n")
        notes.append(f"text/plain quotes {who}")
    for part in bodies(msg, "html"):
        text = text_of(part)
        quote = (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{html.escape(intro)}<br></div>'
                 f'<blockquote class="gmail_quote">{html.escape(quoted).replace(chr(10), "<br>")}</blockquote></div>')
        at = text.lower().rfind("</body>")
        set_text(part, text[:at] + quote + text[at:] if at >= 0 else text + quote)
        notes.append(f"text/html quotes {who}")
    return notes


def _earlier_message(msg: EmailMessage, ctx: dict) -> tuple[str, str, str]:
    """(text, who, when) of the other side's message a mail plausibly answers: no date, no decision, no news."""
    try:
        when = format_datetime(parsedate_to_datetime(str(msg["Date"])) - timedelta(days=1))
    except (TypeError, ValueError):
        when = "Monday"
    user = ctx["user_name"] or "Jordan"
    if sender(msg) in ctx["me"]:
        to = getattr(msg["To"], "addresses", ()) if msg["To"] else ()
        name = to[0].display_name if to and to[0].display_name else "Recruiting"
        who = str(to[0]) if to else "Recruiting"
        return ((f"Hi {user.split()[0]},\n\nThanks for your note. Let me check with the team and get back to "
                f"you.\n\n{name}"), who, when)
    first = (sender_name(msg).split() or ["there"])[0]
    return ((f"Hi {first},\n\nThank you for getting back to me. I am available most afternoons and happy to work "
            f"around your schedule.\n\nBest,\n{user}"), f"{user} <{min(ctx['me'])}>", when)


def _new_thread(msg: EmailMessage, ctx: dict) -> list[str]:
    if ctx["folder"] != "inbox" or harness._mid(msg["Message-ID"]) in ctx["targets"]:
        return []
    if sender(msg) in ctx["me"] or not (msg["In-Reply-To"] or msg["References"]):
        return []
    del msg["In-Reply-To"]
    del msg["References"]
    notes = ["In-Reply-To and References removed"]
    subject = str(msg["Subject"] or "")
    bare = re.sub(r"^\s*((re|aw|sv|fwd?)\s*:\s*)+", "", subject, flags=re.IGNORECASE)
    if bare != subject:
        msg.replace_header("Subject", bare)
        notes.append(f"Subject -> {bare!r}")
    return notes


def _reply_thread(msg: EmailMessage, ctx: dict) -> list[str]:
    address = sender(msg)
    if msg["In-Reply-To"] or msg["References"] or calendars(msg) or not person_name(sender_name(msg), address):
        return []
    domain = address.partition("@")[2]
    mine = harness._mid(msg["Message-ID"])
    earlier = None
    for other in ctx["ordered"]:  # delivery order
        if harness._mid(other["Message-ID"]) == mine:
            break
        people = {a.addr_spec.lower() for h in ("From", "To", "Cc")
                  for a in (getattr(other[h], "addresses", ()) if other[h] else ())}
        if any(a.endswith("@" + domain) for a in people) and other["Message-ID"]:
            earlier = other
    if earlier is None:
        return []
    parent = harness._mid(earlier["Message-ID"])
    refs = str(earlier["References"] or "").split()
    msg["In-Reply-To"] = parent
    msg["References"] = " ".join([*refs, parent])
    return [f"In-Reply-To {parent} (was a new thread)"]


def _ics_zone(msg: EmailMessage, ctx: dict) -> list[str]:
    zone_name = ctx["zone"]
    zone = ZoneInfo(zone_name)
    notes: list[str] = []

    def edit(cal: icalendar.Calendar) -> bool:
        changed = False
        for ev in cal.walk("VEVENT"):
            for key in ("DTSTART", "DTEND", "RECURRENCE-ID"):
                if key not in ev:
                    continue
                value = ev.decoded(key)
                if not isinstance(value, datetime) or value.tzinfo is None:
                    continue  # all-day and floating times have no zone to move
                moved = value.astimezone(zone)
                del ev[key]
                ev.add(key, moved)
                notes.append(f"{key} {value.isoformat()} -> {moved.isoformat()} ({zone_name})")
                changed = True
        if changed and zone_name != "UTC":
            cal.add_missing_timezones()
        return changed

    edit_calendars(msg, edit)
    return notes


def _title_patterns(names: set[str]) -> list[tuple[re.Pattern, str]]:
    """"Name (Title)" -> "Name - Title"; a signature's name line and title line -> "Name | Title"."""
    who = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return [(re.compile(rf"\b({who}) \(([A-Z][^()\n<>@]{{2,60}})\)"), r"\1 - \2"),
            (re.compile(rf"(^|>)({who})(\n|<br>\n?)([A-Z][A-Za-z&;,.' -]{{2,70}})(?=\n|<br>|</p>|</div>)",
                        re.MULTILINE), r"\1\2 | \4")]


def _retitle(text: str, patterns: list[tuple[re.Pattern, str]]) -> str:
    for pattern, replacement in patterns:
        text = pattern.sub(replacement, text)
    return text


def _title_format(msg: EmailMessage, ctx: dict) -> list[str]:
    if not ctx["full_names"]:
        return []
    patterns = _title_patterns(ctx["full_names"])
    notes = []
    for part in bodies(msg, "plain") + bodies(msg, "html"):
        text = text_of(part)
        new = _retitle(text, patterns)
        if new != text:
            set_text(part, new)
            notes.append(f"{part.get_content_type()}: titles rewritten")
    return notes


MAIL_VARIATIONS = {"last_first": _last_first, "no_display_name": _no_display_name, "accents": _accents,
                   "html_only": _html_only, "quoted_history": _quoted_history, "new_thread": _new_thread,
                   "reply_thread": _reply_thread, "ics_zone": _ics_zone, "title_format": _title_format}


# ------------------------------------------------------------------ a variant of one scenario


def _delivery_windows(steps: list[dict]) -> list[list[dict]]:
    """Deliveries grouped by the run (or set-decision) they come before, in time order."""
    moments = sorted(s["run"] if "run" in s else s["at"] for s in steps if "run" in s or "set_decision" in s)
    groups: dict[datetime, list[dict]] = {}
    for step in sorted((s for s in steps if "deliver" in s), key=lambda s: s["at"]):
        groups.setdefault(next(m for m in moments if m >= step["at"]), []).append(step)
    return [g for g in groups.values() if len(g) > 1]


def _context(sc: harness.Scenario, seed: int) -> dict:
    rng = random.Random(f"{sc.name}:{seed}")
    me = {a.lower() for a in [sc.user.get("email", ""), *sc.user.get("aliases", [])] if a}
    mails = {s["deliver"]: (s["folder"], (sc.path / s["deliver"]).read_bytes()) for s in sc.steps if "deliver" in s}
    parsed = {p: email.message_from_bytes(raw, policy=POLICY) for p, (_, raw) in mails.items()}
    by_id = {harness._mid(m["Message-ID"]): m for m in parsed.values() if m["Message-ID"]}
    targets = {harness._mid(i.get("in_reply_to")) for s in sc.steps for i in s.get("expect_new", [])
               if str(i.get("in_reply_to", "")).startswith("<")}
    protected = " ".join(str(v) for s in sc.steps for v in [*s.get("expect_state", {}), *s.get("expect_decision", {}),
                                                            *(x for sp in s.get("expect_interview", [])
                                                              for x in sp.values())])
    firsts, full_names = set(), set()
    for display, address in all_people(parsed.values()):
        name = person_name(display, address)
        if name and address.lower() not in me:
            full_names.add(display)
            if not re.search(rf"\b{name[0]}\b", protected):
                firsts.add(name[0])
    accented = {n: _accent(n) for n in sorted(firsts)}
    ordered = [parsed[s["deliver"]] for s in sorted((s for s in sc.steps if "deliver" in s), key=lambda s: s["at"])]
    return {"me": me, "mails": mails, "parsed": parsed, "by_id": by_id, "targets": targets, "ordered": ordered,
            "full_names": full_names, "user_name": sc.user.get("name", ""),
            "accented": {k: v for k, v in accented.items() if v != k},
            "zone": rng.choice(FAR_ZONES), "rng": rng}


def _accent(name: str) -> str:
    """The first vowel accented (Ana -> Ána, Priya -> Príya, Ben -> Bén)."""
    for i, c in enumerate(name):
        if c in "aeiouAEIOU":
            return name[:i] + c.translate(ACCENT) + name[i + 1:]
    return name


def make_variant(folder: Path, kind: str | Callable[[EmailMessage, dict], list[str]], workdir: Path,
                 seed: int = 0) -> Variant | None:
    """The scenario in `folder` varied by `kind` (a name in KINDS, or a function (mail, context) -> notes that
    changes a parsed mail in place), copied under `workdir`; None when the kind changes nothing."""
    sc = harness.load(folder)
    copy_dir = workdir / folder.name
    shutil.copytree(folder, copy_dir)
    sc.path = copy_dir
    ctx = _context(sc, seed)
    changes: list[str] = []
    if kind == "arrival_order":
        for window in _delivery_windows(sc.steps):
            times = [s["at"] for s in window]
            for step, at in zip(window, reversed(times), strict=True):
                if at != step["at"]:
                    changes.append(f"{step['deliver']} received {at.isoformat()} (was {step['at'].isoformat()})")
                step["at"] = at
    else:
        vary = MAIL_VARIATIONS[kind] if isinstance(kind, str) else kind
        for rel, msg in ctx["parsed"].items():
            original = copy.deepcopy(msg)
            notes = vary(msg, {**ctx, "folder": ctx["mails"][rel][0]})
            if notes and msg.as_bytes() != original.as_bytes():
                (copy_dir / rel).write_bytes(msg.as_bytes(policy=OUT_POLICY))
                changes += [f"{Path(rel).name}: {n}" for n in dict.fromkeys(notes)]
    return Variant(kind if isinstance(kind, str) else kind.__name__, sc, changes) if changes else None


def applicable(folder: Path) -> list[str]:
    """The kinds that change something in a scenario, judged from its headers and bodies without writing
    anything (to plan the bounded run; `make_variant` returning None is the final word)."""
    sc = harness.load(folder)
    me = {a.lower() for a in [sc.user.get("email", ""), *sc.user.get("aliases", [])] if a}
    targets = {harness._mid(i.get("in_reply_to")) for s in sc.steps for i in s.get("expect_new", [])
               if str(i.get("in_reply_to", "")).startswith("<")}
    mails = []  # (folder, headers, raw, has a calendar part, sender is a person) in delivery order
    for step in sorted((s for s in sc.steps if "deliver" in s), key=lambda s: s["at"]):
        raw = (folder / step["deliver"]).read_bytes()
        head = BytesHeaderParser(policy=POLICY).parsebytes(raw)
        calendar = re.search(rb"text/calendar|application/ics", raw, re.IGNORECASE) is not None
        mails.append((step["folder"], head, raw, calendar, person_name(*(first_address(head) or ("", "")))))
    people = [(a, person_name(a.display_name, a.addr_spec)) for _, h, _, _, _ in mails for name in ADDRESS_HEADERS
              for a in (getattr(h[name], "addresses", ()) if h[name] else ())]
    threaded = [bool(h["In-Reply-To"] or h["References"]) for _, h, _, _, _ in mails]
    kinds = []
    if any(name for _, name in people):
        kinds += ["last_first", "no_display_name"]
    if any(name and a.addr_spec.lower() not in me for a, name in people):
        kinds.append("accents")
    if any(re.search(rb"text/plain", r, re.IGNORECASE) or b"Content-Type" not in r for _, _, r, _, _ in mails):
        kinds.append("html_only")
    if any(person and not calendar for _, _, _, calendar, person in mails):
        kinds.append("quoted_history")
    if any(f == "inbox" and t and (first_address(h) or ("", ""))[1].lower() not in me
           and harness._mid(h["Message-ID"]) not in targets for (f, h, _, _, _), t in zip(mails, threaded, strict=True)):
        kinds.append("new_thread")
    for i, (_, head, _, calendar, person) in enumerate(mails):
        domain = (first_address(head) or ("", "@"))[1].partition("@")[2].lower()
        earlier = {a.addr_spec.lower().partition("@")[2] for _, h, _, _, _ in mails[:i] for name in ("From", "To", "Cc")
                   for a in (getattr(h[name], "addresses", ()) if h[name] else ())}
        if person and not calendar and not threaded[i] and domain in earlier:
            kinds.append("reply_thread")
            break
    if any(calendar for _, _, _, calendar, _ in mails):
        kinds.append("ics_zone")
    if _delivery_windows(sc.steps):
        kinds.append("arrival_order")
    full = {a.display_name for a, name in people if name and a.addr_spec.lower() not in me}
    if full:
        patterns = _title_patterns(full)
        parsed = [email.message_from_bytes(raw, policy=POLICY) for _, _, raw, _, _ in mails]
        texts = [text_of(p) for m in parsed for p in bodies(m, "plain") + bodies(m, "html")]
        if any(_retitle(text, patterns) != text for text in texts):
            kinds.append("title_format")
    return kinds
