"""What an interview is about, as its invitation and scheduling mail say it (B10): its topics or agenda, its
format and each interviewer's title or team. The thank-you notes refer to these; nothing here is ever
guessed: a text that says none of it gives "" and the note keeps a neutral line.

- `topics`: a noun phrase the text says the interview covers ("system design and data modelling" from
  "We'll cover system design and data modelling", "Agenda: SQL, experiment design and a recent project").
- `activities`: what the text says the two sides will do, as gerunds in the user's voice ("talking through a
  system I built and doing a short design exercise" from "we'll talk through a system you built and do a
  short design exercise").
- `interview_format`: "phone screen", "recruiter call", "technical interview", "panel interview",
  "final-round interview", "onsite interview", from the title first, then the description and the mail.
- `person_title`: an interviewer's title or team as the invitation, a signature or their display name writes
  it ("Kenji (Analytics Lead)" -> "Analytics Lead"), split by `title_or_team` into a title ("Engineering
  Manager") or a team ("Data Platform").

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from agent.core import event_people, mentions
from agent.core.model import Interview, Message, Person

_MAX_PHRASE_WORDS = 14  # a longer phrase is a paragraph, not a topic a note can repeat
_MAX_TITLE = 50

# "We'll cover X", "the interview will focus on X", "This session covers X", "we will discuss X".
_COVER = re.compile(
    r"\b(?:(?:we(?:'|’)ll|we\s+will|we\s+are\s+going\s+to|(?:the|this|our)\s+(?:\w+\s+)?(?:interview|conversation|"
    r"session|call|chat|round|discussion|meeting)\b[^.!?\n]{0,60}?\b(?:will|is\s+going\s+to)|it\s+will|you(?:'|’)ll|"
    r"you\s+will|(?:they|he|she)"
    r"(?:'|’)ll)\s+(?:mainly\s+|mostly\s+|primarily\s+|also\s+)?(?:cover|focus\s+on|be\s+focused\s+on|discuss|"
    r"dig\s+into|dive\s+into|go\s+over|explore|be\s+about|center\s+on|centre\s+on)|"
    r"(?:interview|conversation|session|call|round|discussion)\s+(?:covers|focuses\s+on|is\s+focused\s+on|"
    r"will\s+be\s+focused\s+on)|"
    r"(?:focused|focusing)\s+on)\s+(?P<what>[^.!?\n;]+)", re.IGNORECASE)
# "Agenda: X", "Topics: X", "Focus: X", "Format: ..." is read by `interview_format`.
_LABELLED = re.compile(r"^\s*(?:agenda|topics?|focus(?:\s+areas?)?|what\s+we(?:'|’)ll\s+cover|we(?:'|’)ll\s+cover)"
                       r"\s*[:\-–—]\s*(?P<what>[^\n]+)$", re.IGNORECASE | re.MULTILINE)
# "we'll talk through a system you built and do a short design exercise"
_ACTIVITY = re.compile(
    r"\b(?:we(?:'|’)ll|we\s+will|we\s+are\s+going\s+to|you(?:'|’)ll|you\s+will|(?:we|you)\s+(?:would|will)\s+like\s+to)"
    r"\s+(?P<what>(?:talk|walk|go|work|chat|pair|dig|dive|review|discuss|do|run|look|spend)\b[^.!?\n;]+)",
    re.IGNORECASE)
_VERBS = {"talk": "talking", "walk": "walking", "go": "going", "work": "working", "chat": "chatting",
          "pair": "pairing", "dig": "digging", "dive": "diving", "review": "reviewing", "discuss": "discussing",
          "do": "doing", "run": "running", "look": "looking", "spend": "spending", "write": "writing",
          "solve": "solving", "build": "building", "sketch": "sketching", "design": "designing",
          "debug": "debugging", "answer": "answering", "share": "sharing", "present": "presenting"}
# Words that end a topic phrase: what follows is logistics, not the subject ("... with Ana on Zoom").
_TAIL = re.compile(r"\s+(?:with\s+(?:me|us|the\s+team|(?-i:[A-Z][a-z]+\b(?!\s+(?:and|or)\b)))|"
                   r"on\s+(?:zoom|teams|google|the\s+call|"
                   r"monday|tuesday|wednesday|thursday|friday)|in\s+(?:this|the|our)\s+(?:interview|session|call|"
                   r"conversation|meeting)|during\s+the\b|for\s+(?:about|around|roughly)?\s*\d|at\s+\d|"
                   r"(?:so|and)\s+(?:please|feel|you|bring|we)\b|as\s+well\s+as\s+(?:some\s+)?(?:time|q&a|questions)|"
                   r"\(|please\b|if\s+you\b).*$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:some\s+|a\s+bit\s+(?:of|about)\s+|things\s+like\s+|topics\s+(?:like|such\s+as)\s+)",
                      re.IGNORECASE)
_PRONOUNS = ((r"\byou(?:'|’)ve\b", "I've"), (r"\byou(?:'|’)re\b", "I'm"), (r"\byourself\b", "myself"),
             (r"\byours\b", "mine"), (r"\byour\b", "my"), (r"\byou\b", "I"))

_FORMATS = (  # (what a text says, how a note says it): the first that a text says wins, title first
    (r"\bphone\s+(?:screen|screening|interview|call)\b|\bscreening\s+call\b", "phone screen"),
    (r"\brecruiter\s+(?:call|screen|chat|conversation)\b|\bintro(?:ductory)?\s+call\b", "recruiter call"),
    (r"\bfinal[\s-]+(?:round|interview|stage)\b", "final-round interview"),
    (r"\bpanel\b", "panel interview"),
    (r"\bon[\s-]?site\b", "onsite interview"),
    (r"\btechnical\s+(?:interview|screen|round|assessment)\b|\bcoding\s+(?:interview|round|screen)\b",
     "technical interview"),
    (r"\bsystem\s+design\s+(?:interview|round)\b", "system design interview"),
    (r"\bhiring\s+manager\s+(?:interview|call|chat|conversation|screen)\b", "hiring manager interview"),
    (r"\bcase\s+(?:interview|study\s+interview)\b", "case interview"),
)
# Words that make a title a person's job ("Engineering Manager"); without one it names a team ("Platform").
_JOB = re.compile(r"\b(?:manager|lead|leader|engineer|developer|designer|scientist|analyst|director|head|vp|svp|"
                  r"president|chief|c[etfo]o|founder|officer|architect|researcher|specialist|consultant|partner|"
                  r"principal|programmer|producer|editor|owner|recruiter|coordinator|advocate|actuary|counsel|"
                  r"attorney|associate|administrator|representative|generalist|strategist|accountant|"
                  r"technologist|staff|intern|sourcer|executive|president)\b", re.IGNORECASE)


def _clean_phrase(text: str) -> str:
    what = " ".join(text.split()).strip(" ,:-–—")
    what = _TAIL.sub("", what).strip(" ,:-–—")
    what = re.sub(r",?\s+(?:and|or)\s*$", "", what)
    what = _LEAD_IN.sub("", what)
    if not what or len(what.split()) > _MAX_PHRASE_WORDS or re.search(r"https?://|@|\d{1,2}:\d{2}", what):
        return ""
    for pattern, mine in _PRONOUNS:
        what = re.sub(pattern, mine, what, flags=re.IGNORECASE)
    return what


def topics(texts: Sequence[str]) -> str:
    """The noun phrase a text says the interview covers, or "" (see the module docstring)."""
    for text in texts:
        for found in (*_LABELLED.finditer(text or ""), *_COVER.finditer(text or "")):
            what = _clean_phrase(found.group("what"))
            # "We'll cover X" with a verb after it is an activity ("cover how you would design ...") only when
            # it starts with a question word: that reads badly after "our conversation about".
            if what and not re.match(r"(?i)(?:how|what|why|when|where|whether|which)\b", what):
                return what
    return ""


def _gerund(clause: str) -> str:
    words = clause.split(" ")
    out = []
    for i, w in enumerate(words):
        first = i == 0 or (words[i - 1].lower() in ("and", "then") and w.lower() in _VERBS)
        out.append(_VERBS.get(w.lower(), w) if first else w)
    return " ".join(out)


def activities(texts: Sequence[str]) -> str:
    """What a text says the interview will do, as gerunds in the user's voice, or "" (module docstring)."""
    for text in texts:
        for found in _ACTIVITY.finditer(text or ""):
            what = _clean_phrase(found.group("what"))
            if what and what.split(" ")[0].lower() in _VERBS and len(what.split()) >= 3:
                return _gerund(what)
    return ""


def interview_format(texts: Sequence[str]) -> str:
    """The interview's format as a note names it ("phone screen", "panel interview", ...), or ""."""
    for text in texts:
        for pattern, name in _FORMATS:
            if re.search(pattern, text or "", re.IGNORECASE):
                return name
    return ""


def title_or_team(title: str) -> tuple[str, str]:
    """("Engineering Manager", "") for a job title, ("", "Data Platform") for a team, ("", "") for neither:
    a title cut at its first comma ("Senior Technical Recruiter, Sierra Vista Games")."""
    title = " ".join(re.split(r"\s*[,|;]\s*|\s+[-–—]\s+|\s+at\s+", title or "", maxsplit=1)[0].split())
    title = title.strip(" .()[]")
    if not title or len(title) > _MAX_TITLE or len(title.split()) > 6 or re.search(r"[@:/\d]", title):
        return "", ""
    if _JOB.search(title):
        return title, ""
    team = re.sub(r"(?i)\s+team$", "", title).strip()
    return ("", team) if team and team[0].isupper() else ("", "")


def person_title(person: Person, said: Sequence[mentions.Mention], persons: Sequence[Person]) -> str:
    """The title or team the invitation, a signature or the display name gives this person, or ""."""
    own = re.search(r"\(([^)]{2,60})\)\s*$", person.name or "")
    if own and any(title_or_team(own.group(1))):
        return own.group(1).strip()
    for m in event_people.about(person, said, persons):
        if m.title and any(title_or_team(m.title)):
            return m.title
    return ""


def scheduling_texts(iv: Interview, messages: Sequence[Message]) -> list[str]:
    """The interview's title and description, then the text of the mail that scheduled it (its thread's
    inbox mail up to the interview's end): where an invitation says what it will cover."""
    ids = set(iv.thread_message_ids)
    mail = [m for m in messages if m.folder == "inbox" and m.date <= iv.end and
            (m.message_id in ids or ids & set(m.references))]
    return [iv.title, iv.description, *(f"{m.subject}\n{m.text}" for m in mail)]


def describe(iv: Interview, messages: Sequence[Message]) -> Interview:
    """`iv` with the topics, activities, format and interviewer titles its texts state (B10), with a reason
    for `show` for each found."""
    texts = scheduling_texts(iv, messages)
    said = mentions.mentions_in("\n".join(t for t in texts if t))
    persons = [*iv.interviewers, *((iv.contact,) if iv.contact else ())]
    titles = tuple((p.email, t) for p in persons if (t := person_title(p, said, persons)))
    found = {"topics": topics(texts), "activities": activities(texts), "format": interview_format(texts)}
    article = "an" if found["format"][:1].lower() in "aeiou" else "a"
    reasons = [f"the invitation or its mail says the interview is {article} {found['format']}"] if found["format"] \
        else []
    if found["topics"]:
        reasons.append(f"the invitation or its mail says it covers '{found['topics']}'")
    if found["activities"]:
        reasons.append(f"the invitation or its mail says it involves '{found['activities']}'")
    reasons += [f"{email} is titled '{t}' by the invitation, a signature or their name" for email, t in titles]
    if not any(found.values()) and not titles:
        return iv
    return replace(iv, topics=found["topics"], activities=found["activities"], interview_format=found["format"],
                   person_titles=titles, reasons=iv.reasons + tuple(reasons))
