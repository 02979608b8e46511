"""People as invitation text and signatures write them (B6, B9): each line is read for person mentions, a
name with the title, role label or team that belongs to that name, and an address when one is given.

The shapes read, one line at a time (a label is never carried over to a name on another line unless the
line is a signature's title line right under a name standing alone):
- "Recruiter: Hannah Brooks", "Interviewers: Marcus Webb (Design Lead), Hana Kim (Senior Product Designer)",
  and a label line with nothing after the colon ("Interviewers:") for the list below it;
- "Kenji (Analytics Lead)", "1:00 PM Kofi Osei (Data Platform) - dbt and modelling", "You'll meet Kai
  Nakamura (Lead Gameplay Programmer) and Zoe Adler (Senior Engine Programmer)";
- "Sam Ortiz, Recruiting Coordinator", "Maya Chen - Engineering Manager", "Sam Ortiz | Talent Partner",
  "Sam Ortiz is our recruiter";
- a name alone on its line with its title on the next line: "Hannah Brooks" / "Technical Recruiter",
  "Rowan Ellis" / "Senior Technical Recruiter, Sierra Vista Games", "Renee Caldwell" / "Executive Assistant
  to Marcus Hale";
- a guest list's "Sofia Reyes - sofia.reyes@lumenfield.io" or "Sofia Reyes <sofia.reyes@lumenfield.io>".

Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.core.companies import RECRUITER_TITLE
from agent.core.text import without_accents

# Assistants and schedulers who organize for someone else (B6: a coordinator, not an interviewer).
ASSISTANT_TITLE = re.compile(r"\b(?:(?:executive|administrative|personal)\s+assistant|assistant\s+to|EA\s+to|"
                             r"scheduling\s+(?:on\s+(?:\w+'s|behalf))|office\s+manager)\b", re.IGNORECASE)
# Labels that say a person takes part as an interviewer ("Interviewer: Felix Wagner").
INTERVIEWER_LABEL = re.compile(r"^(?:interviewers?|panel(?:ists?)?|interview\s+panel|hiring\s+managers?)$",
                               re.IGNORECASE)
# Labels before a colon that introduce people (besides any title: "Technical Recruiter: Sam Ortiz").
_PEOPLE_LABEL = re.compile(r"^(?:interviewers?|panel(?:ists?)?|interview\s+panel|hiring\s+managers?|recruiters?|"
                           r"coordinators?|hosts?|organi[sz]ers?|contacts?|point\s+of\s+contact|attendees|"
                           r"guests|participants|you(?:'|’)?ll\s+(?:meet|be\s+meeting)(?:\s+with)?|meeting\s+with|"
                           r"with|speaking\s+with)$", re.IGNORECASE)
# Words of a job title, a department or a team: what makes a phrase a title and never a name.
_TITLE_WORDS = re.compile(
    r"\b(?:engineer(?:ing)?|developer|designer|design|scientist|science|analyst|analytics|manager|management|"
    r"lead|leader|director|head|vp|svp|evp|vice\s+president|president|chief|c[etfo]o|founder|co-founder|partner|"
    r"principal|architect|researcher|research|specialist|consultant|officer|assistant|associate|coordinator|"
    r"recruit(?:er|ing|ment)|sourcer|talent|programmer|producer|editor|owner|counsel|attorney|administrator|"
    r"executive|intern|staff|senior|sr|junior|jr|platform|data|product|sales|marketing|operations|finance|"
    r"people|hr|human\s+resources|team|department|group|infrastructure|security|support|success|"
    r"technical|technology|strategy|advocate|generalist|representative|account|accounts)\b", re.IGNORECASE)
# Capitalised words that start or are no person's name.
_NOT_NAME = frozenset({
    "the", "a", "an", "and", "or", "with", "for", "from", "to", "of", "at", "on", "in", "by", "our", "your", "you",
    "we", "i", "my", "hi", "hello", "dear", "hey", "thanks", "thank", "best", "regards", "cheers", "sincerely",
    "warmly", "interview", "interviews", "interviewer", "interviewers", "role", "date", "time", "when", "where",
    "location", "agenda", "zoom", "teams", "google", "meet", "microsoft", "calendar", "join", "guests", "organizer",
    "questions", "phone", "video", "call", "screen", "onsite", "virtual", "itinerary", "event", "name", "note",
    "notes", "please", "host", "round", "final", "panel", "meeting", "session", "break", "lunch",
    "welcome", "wrap", "intro", "introduction", "overview", "fit", "culture", "coding", "system", "case",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "eastern", "pacific", "central",
    "est", "edt", "pst", "pdt", "cet", "utc", "gmt", "am", "pm", "re", "fw", "fwd", "sent", "via", "inc", "llc",
    "ltd", "gmbh", "corp", "company", "hiring", "manager", "recruiter", "coordinator", "ps", "tbd",
})
_PARTICLES = frozenset({"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "dos",
                        "das", "bin", "al", "ten", "ter", "y", "e"})
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|miss)\.?\s+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_BULLET = re.compile(r"^(?:[-*•·–—>]+\s*|\d{1,2}[.)]\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
                     r"(?:[-–—]|to)\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*)?",
                     re.IGNORECASE)
_TOKEN = r"[^\W\d_][\w'’.-]*"
_WORD = re.compile(_TOKEN)


@dataclass(frozen=True)
class Mention:
    """A person as a text names them: `label` is what introduces them ("Interviewer", "Recruiter", "" when
    nothing does), `title` their title or team ("Analytics Lead", "Technical Recruiter"), `email` an address
    written beside the name. `line` is the line it was read from, for `show`."""

    name: str
    title: str = ""
    label: str = ""
    email: str = ""
    line: str = ""

    @property
    def is_interviewer(self) -> bool:
        return bool(INTERVIEWER_LABEL.match(self.label))

    @property
    def is_coordinator(self) -> bool:
        """Titled or labelled recruiter, coordinator or assistant (B6)."""
        return any(RECRUITER_TITLE.search(t) or ASSISTANT_TITLE.search(t) for t in (self.title, self.label) if t)


def fold(text: str) -> str:
    """Lower case without accents or punctuation: "García-Márquez" -> "garcia marquez"."""
    plain = without_accents(text).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def clean_name(text: str, *, single: bool = False) -> str:
    """`text` as a person's name ("Dr. Amara Okonkwo" -> "Amara Okonkwo"), or "" when it is not one: one to
    four capitalised words (a lone word only when `single`), no title, department or calendar words."""
    text = _HONORIFIC.sub("", text.strip(" \t,;:.-–—*•'\"")).strip()
    words = text.split()
    if not words or len(words) > 4 or (len(words) == 1 and not single):
        return ""
    for i, w in enumerate(words):
        bare = w.strip(".'’")
        if not bare or any(c.isdigit() for c in bare) or "@" in w:
            return ""
        if bare.lower() in _PARTICLES and 0 < i < len(words) - 1:
            continue
        if not bare[0].isupper() or bare.lower() in _NOT_NAME or (len(bare) > 1 and bare.isupper()):
            return ""
    if _TITLE_WORDS.search(text):
        return ""
    return text.rstrip(".")


def is_title(text: str) -> bool:
    """A job title, department or team ("Senior Technical Recruiter, Sierra Vista Games", "Data Platform")."""
    text = text.strip()
    return (bool(text) and len(text) <= 100 and len(text.split()) <= 14 and "@" not in text
            and "://" not in text and bool(_TITLE_WORDS.search(text) or RECRUITER_TITLE.search(text)
                                           or ASSISTANT_TITLE.search(text)))


def _names_in_list(value: str, label: str, line: str) -> list[Mention]:
    """ "Marcus Webb (Design Lead), Hana Kim (Senior Product Designer)" after a label's colon."""
    found = []
    for item in re.split(r"\s*(?:[;,]|\band\b|&|\s/\s)\s*(?![^()]*\))", value):
        m = re.match(r"^(?P<n>[^(<\-–—|]+?)\s*(?:\((?P<p>[^)]*)\)|<(?P<e>[^>]+)>|[-–—|]\s*(?P<t>.+))?\s*$",
                     item.strip())
        if not m:
            continue
        name = clean_name(m.group("n"), single=True)
        if name:
            email = (m.group("e") or "").strip().lower() if _EMAIL.fullmatch((m.group("e") or "").strip()) else ""
            title = (m.group("p") or m.group("t") or "").strip()
            found.append(Mention(name, title if is_title(title) else "", label, email, line))
    return found


def _inline(line: str, label: str) -> list[Mention]:
    """Names followed by a parenthesis, an address, a title after a comma, dash or bar, or "is our ..."."""
    found = []
    follow = re.compile(r"\s*(?:\((?P<p>[^)]{1,80})\)|<(?P<e>[^>\s]+@[^>\s]+)>|[-–—]\s*(?P<e2>[\w.+'-]+@[\w.-]+)\b|"
                        r"(?:,|\s[-–—|]|\s+is\s+(?:our|the|a|an|your)?)\s*(?P<t>[^,;()|\n]{2,80}))")
    tokens = list(_WORD.finditer(line))
    for j, end in enumerate(tokens):
        after = follow.match(line, end.end())
        if not after:
            continue
        # The longest name of up to four words, one space apart, ending here: "meet Kai Nakamura" -> "Kai Nakamura".
        name = ""
        for i in range(max(0, j - 3), j + 1):
            if all(line[tokens[k].end():tokens[k + 1].start()].isspace() for k in range(i, j)):
                name = clean_name(line[tokens[i].start():end.end()], single=True)
                if name:
                    break
        if not name:
            continue
        email = (after.group("e") or after.group("e2") or "").lower()
        title = re.split(r"\.\s", (after.group("p") or after.group("t") or "").strip(), maxsplit=1)[0]
        if email:
            found.append(Mention(name, "", label, email, line))
        elif title and is_title(title) and (len(name.split()) > 1 or after.group("p")):
            found.append(Mention(name, title.rstrip("."), label, "", line))
    return found


def _label_value(line: str) -> tuple[str, str] | None:
    m = re.match(r"^(?P<k>[^:\n]{2,40}?)\s*:\s*(?P<v>.*)$", line)
    if not m or "//" in m.group("v")[:2]:
        return None
    key = m.group("k").strip()
    if _PEOPLE_LABEL.match(key) or (is_title(key) and len(key.split()) <= 5):
        return key, m.group("v").strip()
    return None


def mentions_in(text: str) -> list[Mention]:
    """Every person mention in `text`, line by line (see the module docstring for the shapes)."""
    lines = [ln.strip() for ln in (text or "").splitlines()]
    found: list[Mention] = []
    section = ""  # the label of a "Interviewers:" line with nothing after it, for the lines below
    for i, raw in enumerate(lines):
        if not raw:
            section = ""
            continue
        line = _BULLET.sub("", raw, count=1).strip()
        labelled = _label_value(line)
        if labelled is not None:
            key, value = labelled
            if not value:
                section = key
                continue
            found += _names_in_list(value, key, raw)
            continue
        found += _inline(line, section)
        name = clean_name(line, single=True)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if name and nxt and _label_value(nxt) is None and not clean_name(nxt, single=True) and is_title(nxt) \
                and not any(mm.name == name and mm.line == raw for mm in found[-3:]):
            found.append(Mention(name, nxt, section, "", f"{raw} / {nxt}"))
        elif name and section:
            found.append(Mention(name, "", section, "", raw))
    return found


# --- which person a mention is about --------------------------------------------------------------------

def _local_parts(email: str) -> list[str]:
    local = email.rpartition("@")[0].split("+", 1)[0].lower()
    return [p for p in re.split(r"[._\-0-9]+", local) if p]


def local_part_agrees(email: str, name: str) -> bool:
    """Could `email` be the mailbox of `name`? "k.tanaka@" agrees with "Kenji" and "Kenji Tanaka",
    "k.osei@" and "kofiosei@" with "Kofi Osei". Used only to tie a written name to an address that has no
    display name, never to make a name."""
    parts, words = _local_parts(email), fold(name).split()
    if not parts or not words:
        return False
    first, last, joined = words[0], words[-1], "".join(parts)
    if len(words) == 1:  # a first name alone: the address starts with it or with its initial
        return parts[0] == first or (len(parts) >= 2 and parts[0] == first[0]) or joined == first
    return joined in {first + last, first[0] + last, first + last[0], last + first, last + first[0], first, last} \
        or parts[:2] in ([first, last], [first[0], last], [last, first])


def ties(mention: Mention, email: str, display: str) -> bool:
    """Is `mention` about the person at `email`, whose cleaned display name is `display` ("" when the
    display name is missing or is not a person's name)?"""
    if mention.email:
        return mention.email == email
    said, known = fold(mention.name).split(), fold(display).split()
    if not known:
        return local_part_agrees(email, mention.name)
    if said == known:
        return True
    if len(said) == 1:
        return said[0] == known[0]
    return len(known) >= 2 and said[0] == known[0] and said[-1] == known[-1]
