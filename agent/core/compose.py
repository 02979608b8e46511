"""Turn a `DraftAction` into the words of a draft and then into safe RFC 5322 bytes.

Two steps, both pure:
- `compose` renders the user-editable Jinja2 templates (thank-you, follow-up, acknowledgement) into a
  `ComposedDraft`: recipients, subject, body and threading ids (B9, B10, B17, B18).
- `to_mime` turns a `ComposedDraft` into the bytes a person's mail client would have written: only
  From, To, Subject, Date, Message-ID, In-Reply-To, References and the MIME headers (B23), with every
  untrusted value cleaned so that nothing from a mail or an invitation can add a header or a
  recipient (B21).

The template sources are handed in (`Templates`); the shell reads them (`agent.templates`): nothing here
touches the disk.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache

import jinja2

from agent.core import briefing, interview_topics, people
from agent.core.briefing import Briefing
from agent.core.model import DraftAction, Interview, Message, Person
from agent.core.settings import Identity, Profile
from agent.core.text import safe_line
from agent.core.threads import human_subject

KINDS = ("thank_you", "follow_up", "acknowledgement")
OUTCOMES = ("rejection", "timeline", "other")
THANK_YOU_MAX_WORDS = 150  # B10, counted before the signature

# Long names from mail or calendars are cut: they are never needed whole and would swamp a short note.
_MAX_NAME = 100
_MAX_SUBJECT = 200
_MAX_COMPANY = 60
_MAX_ROLE = 80
_MAX_REFERENCES = 20  # the first and the last 19, as mail clients do to keep the header bounded

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# "Re:", "RE:", "Aw:", "Sv:", "Antw:", "Re[2]:", ... repeated at the start of a subject.
# "Fwd:" is not a reply prefix and is kept.
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|aw|sv|vs|antw|antwort|ref|res|odp|ynt|ats)"
                           r"\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+", re.IGNORECASE)
# A dot-atom local part and a host name: the only recipient addresses a draft is written to.
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\Z")
# A msg-id we are willing to copy into In-Reply-To/References: printable ASCII, no spaces or brackets.
# Printable ASCII without <, > or an "=?" (a reader would decode an encoded word there, CR/LF and all: B21).
_MSG_ID = re.compile(r"<(?!.*=\?)[!-;=?-~]{1,250}>\Z")


@dataclass(frozen=True)
class ComposedDraft:
    """A draft's content before it becomes bytes: recipients, subject, body and threading ids."""

    to: tuple[Person, ...]
    subject: str
    body: str
    in_reply_to: str = ""
    references: tuple[str, ...] = ()


# ---------------------------------------------------------------- cleaning untrusted text (B21)

def _safe_name(name: str) -> str:
    # Brackets, quotes and backslashes have no place in a person's name and are what address
    # spoofing is built from. The other RFC 5322 specials go too (, ; : @ ( ) [ ]): a display name
    # holding one must be quoted, and Python's header folder drops those quotes when a long header is
    # folded, which turns "Lopez, Ana; Bcc: x@y" into extra recipients (B21). "." may stay (obs-phrase).
    return safe_line(re.sub(r'[<>"\\,;:@()\[\]]', " ", name or ""), _MAX_NAME)


def checked_address(email: str) -> Address:
    """The `Address` for a single plain addr-spec, or ValueError when `email` is anything else
    (several addresses, a display name, spaces, non-ASCII, an encoded word, a missing part)."""
    value = email or ""
    local, at, domain = value.rpartition("@")
    if (not at or len(value) > 254 or not _LOCAL.match(local) or not _DOMAIN.match(domain)
            or "=?" in local or len(local) > 64):
        raise ValueError(f"not a single valid email address: {value[:80]!r}")
    return Address(username=local, domain=domain.lower())


def _clean_person(person: Person) -> Person:
    checked_address(person.email)
    return Person(email=person.email, name=_header_name(person.name))


# The characters a display name keeps as written besides letters and digits ("García-Márquez, José",
# "Priya Raman (Platform)", "O'Neil Jr."): what is left after `_header_name` drops the specials that build
# addresses and headers. A name of only atext, spaces and dots is written bare; any other ASCII name is a
# quoted string; a non-ASCII one RFC 2047 encoded words (Q), so no comma or bracket is ever read as syntax.
_BARE_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~. -]+\Z")


def _header_name(name: str) -> str:
    """A display name as the person wrote it, minus what could add an address or a header (B9, B21):
    quotes, backslashes, angle and square brackets, "@", ";" and ":" go; commas and parentheses stay."""
    return safe_line(re.sub(r'[<>"\\@;:\[\]]', " ", name or ""), _MAX_NAME)


def _q_word(text: str) -> str:
    """`text` as one RFC 2047 encoded word (Q): only letters, digits and "!*+-/" stay literal."""
    out = "".join(c if c.isascii() and (c.isalnum() or c in "!*+-/") else "_" if c == " "
                  else "".join(f"={b:02X}" for b in c.encode("utf-8")) for c in text)
    return f"=?utf-8?q?{out}?="


def _phrase_lines(name: str) -> list[str]:
    """A display name as phrase lines to fold with "\n ". ASCII: bare atoms and dots, else a quoted
    string, broken at spaces. Non-ASCII: one encoded word, or where longer than 75 characters one per group
    of words, each but the last ending in its encoded space (readers join adjacent encoded words)."""
    if name.isascii():
        quoted = not (_BARE_NAME.match(name) and not name.startswith("."))
        words, lines = name.split(" "), [""]
        for i, w in enumerate(words):
            piece = ('"' if quoted and i == 0 else "") + w + ('"' if quoted and i == len(words) - 1 else "")
            if lines[-1] and len(lines[-1]) + len(piece) > 70:
                lines.append(piece)
            else:
                lines[-1] = f"{lines[-1]} {piece}" if lines[-1] else piece
        return lines
    if len(_q_word(name)) <= 75:
        return [_q_word(name)]
    lines, chunk = [], ""
    for w in name.split(" "):
        if chunk and len(_q_word(f"{chunk} {w}")) > 75:
            lines.append(_q_word(chunk + " "))
            chunk = w
        else:
            chunk = f"{chunk} {w}" if chunk else w
    return lines + [_q_word(chunk)]


def _address_header(person: Person, addr: Address) -> str:
    """One recipient for a To header, folded with "\n " where long: `Name <a@b>`, `"Raman, Priya" <a@b>` or
    `=?utf-8?q?Garc=C3=ADa-M=C3=A1rquez=2C_Jos=C3=A9?= <a@b>`: the name as the person wrote it (B9)."""
    spec = f"<{addr.username}@{addr.domain}>"
    name = _header_name(person.name)
    if not name:
        return f"{addr.username}@{addr.domain}"
    lines = _phrase_lines(name)
    if len(lines[-1]) + len(spec) + 5 > 78:
        lines.append(spec)
    else:
        lines[-1] += " " + spec
    return "\n ".join(lines)


# ---------------------------------------------------------------- names, phrases, dates

def _greeting_name(person: Person) -> str:
    """The recipient's first name for the greeting, or "" when none is known (B9).

    `people.first_name` judges names: the display name's first name ("García-Márquez, José" -> José), never
    a team's or a system's name and never an address's local part (a bare address was given the name the
    invitation or a signature writes for it when the interview was read). The word must suit "Hi Ana,":
    no address, number or punctuation; a name written in one case is capitalised."""
    found = _safe_name(people.first_name(person)).strip(".,;:'()[]")
    if not found or "@" in found or " " in found or not any(ch.isalpha() for ch in found):
        return ""
    if found.islower() or (found.isupper() and len(found) > 2):
        found = found.capitalize()
    return found


def _position(role: str, company: str) -> str:
    """'the Backend Engineer role at Acme', 'the position at Acme', 'the Backend Engineer role',
    or 'the role' when neither is known."""
    if role:
        noun = "" if re.search(r"\b(role|position|opening|job)\s*$", role, re.IGNORECASE) else " role"
        phrase = f"the {role}{noun}"
        return f"{phrase} at {company}" if company else phrase
    return f"the position at {company}" if company else "the role"


def _variant(*parts: str) -> int:
    """A stable number that picks among wordings: varied across people, the same on every run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big")


def _sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])", text) if p.strip()]
    if parts and parts[-1][-1] not in ".!?":
        parts[-1] += "."
    return parts


def _word_count(text: str) -> int:
    # Whitespace-separated tokens: a dash or an initial counts too, so the limit is never undercounted.
    return len(text.split())


def _words_before_signature(body: str, signature: str) -> int:
    head, found, _ = body.rpartition(signature.strip()) if signature.strip() else ("", "", "")
    return _word_count(head if found else body)


# ---------------------------------------------------------------- templates

@dataclass(frozen=True)
class Templates:
    """The Jinja2 template sources by file name (`thank_you.txt.j2`, ...), as the shell read them: the
    packaged ones with the user's own copies in their place (`agent.templates.load`)."""

    sources: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, sources: dict[str, str]) -> Templates:
        return cls(tuple(sorted(sources.items())))


@lru_cache(maxsize=8)
def _environment(templates: Templates) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(dict(templates.sources)), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              keep_trailing_newline=True)


def render(kind: str, context: dict[str, object], templates: Templates) -> str:
    """Render the `<kind>.txt.j2` template and tidy the whitespace: no trailing spaces, at most one
    blank line in a row, one final newline."""
    text = _environment(templates).get_template(f"{kind}.txt.j2").render(**context)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return body + "\n"


# ---------------------------------------------------------------- subjects and threading

def reply_subject(original: str) -> str:
    """'Re: ' plus the original subject without its reply prefixes ('Re: RE: Aw: x' -> 'Re: x')."""
    bare = _REPLY_PREFIX.sub("", safe_line(original, _MAX_SUBJECT)).strip()
    return f"Re: {bare}" if bare else ""


def _references(reply_to: Message) -> tuple[str, ...]:
    seen: list[str] = []
    for mid in (*reply_to.references, reply_to.message_id):
        mid = (mid or "").strip()
        if _MSG_ID.match(mid) and mid not in seen:
            seen.append(mid)
    if len(seen) > _MAX_REFERENCES:
        seen = [seen[0], *seen[-(_MAX_REFERENCES - 1):]]
    return tuple(seen)


def _new_subject(kind: str, role: str, company: str, outcome: str) -> str:
    if kind == "thank_you":
        if role:
            return f"Thank you — {role} interview"
        return f"Thank you for your time — {company}" if company else "Thank you for your time"
    if kind == "follow_up":  # B17: a plain subject when no thread with a person holds one
        if role:
            return f"Following up: {role} interview"
        return f"Following up: interview with {company}" if company else "Following up: my interview"
    if outcome == "rejection":
        return f"Thank you — {role or company}" if (role or company) else "Thank you"
    return "Thank you for the update"


# ---------------------------------------------------------------- compose

def recipient_index(action: DraftAction, interview: Interview, interviews: Sequence[Interview] = ()) -> int:
    """B10: this thank-you's place among all the thank-yous to one company: its interviews (one panel, or the
    several rounds of a loop) in time order, each one's interviewers in order. Notes at one company choose
    their sentences by it, so that two of them never read alike; the same on every run."""
    def same_company(other: Interview) -> bool:
        return other.id == interview.id or bool(set(other.company_domains) & set(interview.company_domains)) or \
            bool(interview.company and other.company.casefold() == interview.company.casefold())

    peers = sorted({iv.id: iv for iv in (*interviews, interview) if same_company(iv)}.values(),
                   key=lambda iv: (iv.start, iv.id))
    slots = [(iv.id, p.email) for iv in peers
             for p in (iv.interviewers or ((iv.contact,) if iv.contact else ()))]
    key = (interview.id, action.to.email)
    return slots.index(key) if key in slots else 0


def _about_interview(interview: Interview, to: Person) -> dict[str, str]:
    """The template variables for what the invitation said about the interview and this interviewer (B10)."""
    said = dict(interview.person_titles).get(to.email, "")
    title, team = interview_topics.title_or_team(said)
    return {"interview_format": safe_line(interview.interview_format, 40),
            "topics": safe_line(interview.topics, 120), "activities": safe_line(interview.activities, 120),
            "interviewer_title": safe_line(title, 50), "interviewer_team": safe_line(team, 50)}


def _pitch_for(profile: Profile, index: int) -> str:
    """B10: one or two sentences on why the user fits, from `[profile]` only: the pitch's first sentence and,
    when `strengths` are listed, one of them per note (a different one for each note at one company); without
    strengths, the pitch's first two sentences."""
    pitch = _sentences(safe_line(profile.pitch))
    strengths = [s for s in (_sentences(safe_line(x)) for x in profile.strengths) if s]
    if not strengths:
        return " ".join(pitch[:2])
    chosen = " ".join(strengths[index % len(strengths)])
    return " ".join([*pitch[:1], chosen])


def compose(action: DraftAction, interview: Interview, identity: Identity, profile: Profile, *,
            templates: Templates, outcome: str = "", index: int = 0) -> ComposedDraft:
    """Write the draft `action` asks for. `outcome` ("rejection" | "timeline" | "other") says what
    the company's answer was, for acknowledgements. `templates` are the sources to render. `index` is the
    thank-you's place among the company's (`recipient_index`): it picks the wording and the strength (B10).
    Raises ValueError for an unknown kind or when the recipient is not a single valid address."""
    if action.kind not in KINDS:
        raise ValueError(f"unknown draft kind {action.kind!r}")
    recipient = _clean_person(action.to)
    company = safe_line(interview.company, _MAX_COMPANY)
    role = safe_line(interview.role, _MAX_ROLE)
    local_start = interview.start.astimezone(identity.tz)
    signature = (profile.signature or identity.name).strip()
    first = _greeting_name(action.to)
    outcome = outcome if outcome in OUTCOMES else "other"
    context: dict[str, object] = {
        "kind": action.kind,
        "greeting": f"Hi {first}," if first else "Hello,",
        "first_name": first,
        "company": company,
        "role": role,
        "position": _position(role, company),
        "interview_weekday": _WEEKDAYS[local_start.weekday()],
        "interview_date": f"{_MONTHS[local_start.month - 1]} {local_start.day}",
        "user_name": identity.name,
        "user_first_name": identity.first_name,
        "pitch": "",
        "signature": signature,
        "outcome": outcome,
        "variant": _variant(interview.id, action.kind, recipient.email),
        # B10: notes at one company take consecutive wordings from a company's own starting point
        "pick": _variant(company.casefold() or interview.id) % 5 + index,
        **_about_interview(interview, action.to),
    }

    if action.kind == "thank_you":
        body = _thank_you_body(context, _pitch_for(profile, index), templates)
    else:
        body = render(action.kind, context, templates)

    subject = _new_subject(action.kind, role, company, outcome)
    in_reply_to = ""
    references: tuple[str, ...] = ()
    if action.reply_to is not None:
        # Same subject as the thread (Gmail threads on it); a thread without one gets a fresh subject. A
        # follow-up or acknowledgement drops what a calendar put in it ("Invitation: ... @ Tue ...", B17).
        original = action.reply_to.subject
        if action.kind in ("follow_up", "acknowledgement"):
            original = human_subject(original)
        subject = reply_subject(original) or subject
        if _MSG_ID.match(action.reply_to.message_id.strip()):
            in_reply_to = action.reply_to.message_id.strip()
        references = _references(action.reply_to)
    return ComposedDraft(to=(recipient,), subject=subject, body=body, in_reply_to=in_reply_to,
                         references=references)


def briefing_draft(content: Briefing, identity: Identity) -> ComposedDraft:
    """B24: the briefing, From and To the user alone."""
    me = _clean_person(Person(identity.email, identity.name))
    return ComposedDraft(to=(me,), subject=briefing.subject(content, identity), body=briefing.text(content, identity))


def _thank_you_body(context: dict[str, object], pitch: str, templates: Templates) -> str:
    """B10: one or two whole sentences of the pitch, fewer when the note would pass 150 words."""
    sentences = _sentences(safe_line(pitch))
    body = ""
    for keep in range(len(sentences), -1, -1):
        body = render("thank_you", {**context, "pitch": " ".join(sentences[:keep])}, templates)
        if _words_before_signature(body, str(context["signature"])) <= THANK_YOU_MAX_WORDS:
            break
    return body


# ---------------------------------------------------------------- identifiers and bytes

def new_message_id(identity: Identity, token: str) -> str:
    """'<token@domain-of-the-user's-address>': what the user's own mail client would mint (B23).
    `token` is the caller's random id (e.g. uuid4().hex)."""
    token = re.sub(r"[^A-Za-z0-9.$_-]", "", token or "").strip(".")
    domain = identity.email.rpartition("@")[2].lower()
    if not token or not _DOMAIN.match(domain):
        raise ValueError("a Message-ID needs a token and the user's email domain")
    return f"<{token}@{domain}>"


def draft_message_id(identity: Identity, key: str) -> str:
    """The Message-ID of the draft with this key (e.g. "iv-3f2a:thank_you:ana@acme.com"), derived from
    the user's address and the key alone: '<32 hex digits@domain-of-the-user's-address>', which looks
    like any mail client's random id (B23) yet is the same on every run and every installation, so the
    agent recognises its own drafts in Drafts or Sent with its state store lost or on a second machine
    (B20). Neither the key nor the program can be read back from it."""
    if not key:
        raise ValueError("a draft's Message-ID needs its key")
    account = identity.email.strip().lower()
    token = hashlib.sha256(f"{account}\x1f{key}".encode()).hexdigest()[:32]
    return new_message_id(identity, token)


def _fold_ids(ids: tuple[str, ...]) -> str:
    # One id per line: a folded line never needs to be split, so no id is ever encoded.
    return "\n ".join(ids)


def to_mime(draft: ComposedDraft, identity: Identity, *, message_id: str, date: datetime) -> bytes:
    """The draft as plain-text RFC 5322 bytes with CRLF line ends: From, To, Subject, Date,
    Message-ID, In-Reply-To and References when threaded, MIME-Version, Content-Type (text/plain,
    utf-8) and Content-Transfer-Encoding (quoted-printable), nothing else (B23).
    Raises ValueError when an address is not a single valid addr-spec, when `message_id` is not a
    plain "<...>" id, when `date` is naive or when there is no recipient."""
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError("the draft's Date must be timezone-aware")
    if not _MSG_ID.match(message_id or ""):
        raise ValueError(f"not a Message-ID: {message_id[:80]!r}")
    if not draft.to:
        raise ValueError("a draft needs at least one recipient")
    sender = checked_address(identity.email)
    recipients = [_address_header(person, checked_address(person.email)) for person in draft.to]

    # refold_source="none": the ids set raw below are written as given (already one per line);
    # the email package would otherwise encode a long id as an RFC 2047 word, breaking threading.
    policy = email_policy.SMTP.clone(refold_source="none")
    msg = EmailMessage(policy=policy)
    msg["From"] = Address(display_name=_safe_name(identity.name), username=sender.username,
                          domain=sender.domain)
    msg.set_raw("To", ",\n ".join(recipients))  # names as written: see `_address_header`
    msg["Subject"] = safe_line(draft.subject, _MAX_SUBJECT)
    msg["Date"] = format_datetime(date.astimezone(identity.tz))
    msg.set_raw("Message-ID", message_id)
    in_reply_to = draft.in_reply_to.strip()
    if in_reply_to and _MSG_ID.match(in_reply_to):
        msg.set_raw("In-Reply-To", in_reply_to)
    references = tuple(dict.fromkeys(r.strip() for r in draft.references if _MSG_ID.match(r.strip())))
    if references:
        msg.set_raw("References", _fold_ids(references))
    msg["MIME-Version"] = "1.0"
    body = draft.body.replace("\r\n", "\n").replace("\r", "\n")
    # Quoted-printable keeps every line under 78 bytes, whatever the body holds.
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes(policy=policy)
