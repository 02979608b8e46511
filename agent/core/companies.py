"""Company and role from text and domains (B5).

The company named in a title, subject or signature ("Interview with Acme Robotics", "Backend Engineer at
Acme", "Acme <> Jordan"), its casing as the text spells it, and the role a text states ("for the Senior
Backend Engineer role", "Interview: Staff Data Scientist"); plus the interview and recruiter-title
vocabulary that `detect` and `sent_interviews` share. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from agent.core.model import Message

# --- vocabulary ----------------------------------------------------------------------------------------

# Phrases that say "job interview" wherever they appear (title, description, subject).
INTERVIEW = re.compile(
    r"\b(?:interview(?:s|ing)?|phone[- ]screen(?:ing)?|technical[- ]screen(?:ing)?|tech[- ]screen|"
    r"screening[- ]call|recruiter[- ](?:call|screen|chat|conversation)|hiring[- ]manager|"
    r"final[- ]round|(?:first|second|third|next|1st|2nd|3rd)[- ]round|virtual[- ]on-?site|"
    r"on-?site[- ]interview|(?:interview|on-?site|final|virtual)[- ]loop|"
    r"coding[- ](?:interview|challenge|exercise|session)|pair[- ]programming|system[- ]design|"
    r"take[- ]home[- ](?:review|debrief|presentation|discussion)|case[- ]study[- ](?:interview|presentation)|"
    r"panel[- ]interview|culture[- ](?:fit|add)|portfolio[- ](?:review|presentation))\b", re.IGNORECASE)
# Words that say interview only in a short title ("Acme onsite", "Panel with the team").
TITLE_ONLY = re.compile(r"\b(?:on-?site|panel(?![- ]discussion))\b", re.IGNORECASE)
# A person's title that marks them as recruiter or coordinator, not interviewer (B6).
RECRUITER_TITLE = re.compile(
    r"\b(?:recruit(?:er|ing|ment)(?:\s+(?:coordinator|partner|lead|manager|specialist|team))?|"
    r"talent\s+(?:acquisition|partner|sourcer|specialist|lead|manager|coordinator|team)|sourcer|"
    r"(?:interview|recruiting|candidate|scheduling)\s+coordinator|coordinator|people\s+partner|"
    r"hr\s+(?:manager|partner|generalist|business\s+partner)|human\s+resources)\b", re.IGNORECASE)

_ROLE_NOUNS = (r"Engineer|Developer|Designer|Scientist|Analyst|Manager|Architect|Researcher|Lead|Director|"
               r"Specialist|Consultant|Administrator|Intern|SRE|Writer|Marketer|Strategist|Accountant|"
               r"Associate|Representative|Officer|Producer|Editor|Programmer|Technician|Advocate|Owner|"
               r"Counsel|Attorney|Recruiter|Coordinator|Partner|Executive|Assistant|Generalist|Economist|"
               r"Statistician|Actuary|Artist|Animator|Illustrator|Photographer|Biologist|Chemist|Physicist|"
               r"Technologist|Informaticist|Nurse|Physician|Pharmacist|Therapist|Psychologist|Counselor|Teacher|"
               r"Instructor|Lecturer|Professor|Tutor|Librarian|Curator|Planner|Buyer|Trader|Banker|Underwriter|"
               r"Adjuster|Auditor|Controller|Paralegal|Clerk|Investigator|Operator|Mechanic|Electrician|Pilot|"
               r"Chef|Agent|Supervisor|Superintendent|Estimator|Dispatcher|Tester|Modeler|Fellow|Apprentice|"
               r"(?:Head|VP|SVP|EVP|Vice\s+President)(?=\s+of\s)|Chief\s+[A-Z]\w*\s+Officer|CTO|CEO|CFO|COO|CPO")
_ROLE_WORD = r"(?:[A-Z][\w+#/.&-]*|[a-z]{1,2}[A-Z][\w+#/.&-]*|[A-Z]{2,}|of|and|&|I{1,3}|IV)"
_ROLE_CORE = (rf"(?:{_ROLE_WORD}\s+){{0,5}}(?:{_ROLE_NOUNS})s?\b(?:\s+(?:I{{1,3}}|IV|V)\b)?"
              r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})?")
# A team or area written with the role: "Backend Engineer (Billing)", "Software Engineer, Developer Platform".
_QUALIFIER = r"[A-Z][^\W\d_]*(?:[-/&+.][^\W\d_]+)*(?:\s+(?:[A-Z][^\W\d_]*(?:[-/&+.][^\W\d_]+)*|&|and|of)){0,3}"
_ROLE_PHRASE = re.compile(rf"\b{_ROLE_CORE}(?:\s\({_QUALIFIER}\))?")
_ROLE_SEGMENT = re.compile(rf"{_ROLE_CORE}(?:\s\({_QUALIFIER}\))?(?:,\s+{_QUALIFIER})?")
# The start of a role phrase: a company name written before it ends there ("Acme Software Engineer").
ROLE_START = re.compile(rf"(?:{_ROLE_WORD}\s+){{0,5}}(?:{_ROLE_NOUNS})\b")
ROLE_STATED = re.compile(
    r"\b(?:for|about|regarding|discuss|re:?)\s+(?:the|our|a|an|your)\s+(?:open\s+)?"
    r"(?P<r>[A-Za-z][\w+#/.&,() -]{1,60}?)\s+(?:role|position|opening|opportunity|job|req(?:uisition)?)\b",
    re.IGNORECASE)
# "Recruiter Phone Screen", "HR call": the kind of meeting, not the role it is for.
_EVENT_TYPE = re.compile(r"\b(?:recruiter|recruiting|hr|talent|hiring[- ]manager|intro(?:ductory)?)\s+"
                         r"(?=(?:phone|video|zoom|teams|intro)?\s*(?:screen|call|chat|interview|conversation|sync)\b)",
                         re.IGNORECASE)
_NOT_ROLES = frozenset({"hiring manager", "interview", "manager"})

_NAME = r"[A-Z0-9][\w&.'’-]*(?:\s+(?:[A-Z0-9&][\w&.'’-]*|of|and|de|the|for))*"
COMPANY_WITH = re.compile(rf"\b(?i:interview(?:ing)?|chat|call|conversation|screen|meeting|onsite|loop|"
                          rf"round|intro)\s+(?i:with|at)\s+(?P<c>{_NAME})")
COMPANY_AT = re.compile(rf"(?:{_ROLE_NOUNS})s?\s+(?:at|@)\s+(?P<c>{_NAME})")
_COMPANY_PAIR = re.compile(rf"^\s*(?P<a>{_NAME})\s*(?:<>|<->|\s[xX]\s|\s\+\s|\s/\s)\s*(?P<b>{_NAME})\s*$")
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|]\s+|:\s+|\s*\|\s*")
_SIGNATURE_COMPANY = re.compile(rf"(?:\s(?:at|@)\s|\s*[|,–—-]\s*)(?P<c>{_NAME})\s*$")


# --- company and role from text ------------------------------------------------------------------------

def signature_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-8:]


def is_person_name(text: str, person_words: Collection[str]) -> bool:
    words = text.lower().split()
    return bool(words) and words[0] in person_words


def strip_company(text: str) -> str:
    words = text.split()
    while words and words[-1].lower() in {"the", "and", "of", "for", "de"}:
        words.pop()
    return " ".join(words).strip(" .,'’-")


def company_from_text(text: str, person_words: Collection[str] = frozenset()) -> str:
    """A company named in a title or subject: "Interview with Acme Robotics", "Acme Robotics <> Jordan",
    "Acme Robotics - Backend Engineer - Technical Screen", "Backend Engineer at Acme Robotics"; else ""."""
    text = re.sub(r"^\s*(?:(?:re|fwd?|aw|invitation|updated invitation|invite)\s*:\s*)+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*@\s*\w{3}\s+\w{3}\s+\d.*$", "", text)  # Google's " @ Tue Dec 1, 2pm - 3pm (EST) (...)"
    for rx in (COMPANY_WITH, COMPANY_AT):
        for m in rx.finditer(text):
            name = strip_company(cut_role(m.group("c")))
            if name and not is_person_name(name, person_words) and not INTERVIEW.search(name):
                return name
    pair = _COMPANY_PAIR.match(text)
    if pair:
        for side in (pair.group("a"), pair.group("b")):
            if not is_person_name(side, person_words) and not INTERVIEW.search(side):
                return strip_company(side)
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(text) if s.strip()]
    if len(segments) >= 2:
        for seg in segments:
            if (re.fullmatch(_NAME, seg) and not INTERVIEW.search(seg) and not TITLE_ONLY.search(seg)
                    and not _ROLE_PHRASE.search(seg) and not is_person_name(seg, person_words)
                    and len(seg.split()) <= 4):
                return strip_company(seg)
    return ""


def cut_role(name: str) -> str:
    """"Acme Robotics for the Backend Engineer" -> "Acme Robotics"."""
    return re.split(r"\s+(?:for|about|regarding|re)\b", name)[0]


def company_from_signature(carrier: Message | None, person_words: Collection[str]) -> str:
    if carrier is None:
        return ""
    for line in signature_lines(carrier.text):
        if RECRUITER_TITLE.search(line) or _ROLE_PHRASE.search(line):
            m = _SIGNATURE_COMPANY.search(line)
            if m and not RECRUITER_TITLE.search(m.group("c")) and not _ROLE_PHRASE.search(m.group("c")) \
                    and not is_person_name(m.group("c"), person_words):
                return strip_company(m.group("c"))
    return ""


def cased(company: str, texts: str) -> str:
    """Prefer the spelling the text uses: domain "openai.com" gives "Openai", the title says "OpenAI"."""
    key = re.sub(r"[^a-z0-9]", "", company.lower())
    for m in re.finditer(r"[A-Z0-9][\w&]*(?:[ -][A-Z0-9][\w&]*){0,3}", texts):
        words = m.group(0).replace("-", " ").split()
        for n in range(len(words), 0, -1):
            if re.sub(r"[^a-z0-9]", "", "".join(words[:n]).lower()) == key:
                return " ".join(words[:n])
    return company


def _title_words(text: str) -> str:
    """A title or subject without its "Re:"/"Invitation:" prefixes and Google's " @ Tue Dec 1, 2pm ..." tail."""
    text = re.sub(r"^\s*(?:(?:re|fwd?|aw|wg|sv|invitation|updated invitation(?: with note)?|invite|reminder|"
                  r"canceled event(?: with note)?|cancel+ed|updated|accepted|declined)\s*:\s*)+", "", text,
                  flags=re.IGNORECASE)
    return re.sub(r"\s*@\s*\w{3}\s+\w{3}\s+\d.*$", "", text)


def stated_role(text: str) -> str:
    """A role the text states outright: "for the Senior Backend Engineer role", "about the Head of
    Platform Engineering position"; else ""."""
    for m in ROLE_STATED.finditer(text):
        # "for the interview for the Backend Engineer role": keep what follows the last article
        role = re.split(r"\b(?:for|about|regarding|the|our|a|an|your)\s+", m.group("r"), flags=re.IGNORECASE)[-1]
        role = re.split(r"\s+(?:at|with)\s+", role)[0].strip(" ,-")
        words = role.split()
        while len(words) > 1 and words[-1] == words[-1].lower() and any(w[:1].isupper() for w in words):
            words.pop()  # "Warehouse Systems Analyst contract-to-hire": a title is written in capitals
        role = " ".join(words)
        if role and role.lower() not in _NOT_ROLES and not INTERVIEW.fullmatch(role):
            return role
    return ""


def _parenthetical(m: re.Match[str], text: str, person_words: Collection[str]) -> str:
    """A parenthesis in a title: kept when it qualifies the role before it ("Backend Engineer (Billing)"),
    its own segment when it is a role ("second interview (Senior Backend Engineer, Routing)"), dropped when
    it is a person's title or a team ("Maya Chen (Engineering Manager)", "(m/w/d)", "(R-10482)")."""
    inner = m.group(1).strip()
    before = text[:m.start()].split()
    if (before and before[-1].lower().strip(",") in person_words) or any(w.lower().strip(",") in person_words
                                                                        for w in inner.split()):
        return " | "
    if (re.fullmatch(_QUALIFIER, inner) and re.search(rf"(?:{_ROLE_NOUNS})s?\s*$", text[:m.start()])
            and not _ROLE_PHRASE.fullmatch(inner)):
        return f" ({inner})"
    if _ROLE_SEGMENT.fullmatch(inner):
        return f" | {inner} | "
    return " | "


def _without_people(role: str, person_words: Collection[str]) -> str:
    words = role.split()
    while words and (words[0].lower() in person_words or words[0] in {"of", "and", "&"}):
        words = words[1:]
    return " ".join(words)


def phrase_role(text: str, company: str = "", person_words: Collection[str] = frozenset()) -> str:
    """The role a title or subject names as a phrase: "Acme - Backend Engineer (Billing) interview",
    "Interview: Software Engineer, Developer Platform at Acme", "Director of Engineering interview"; the
    whole of it, qualifiers included; never the meeting's kind ("Recruiter Phone Screen"). Else ""."""
    cleaned = _title_words(text)
    for name in {company, re.sub(r"[\s,]+(?:inc|llc|ltd|llp|gmbh|co|corp)\.?$", "", company, flags=re.IGNORECASE)}:
        if name:
            cleaned = re.sub(re.escape(name), " | ", cleaned, flags=re.IGNORECASE)
    cleaned = _EVENT_TYPE.sub(" | ", cleaned)
    cleaned = re.sub(r"\(([^()]*)\)", lambda m: _parenthetical(m, cleaned, person_words), cleaned)
    cleaned = INTERVIEW.sub(" | ", cleaned)
    cleaned = re.sub(rf"\b(?:with|and)\s+{_NAME}", " | ", cleaned)  # "with Maya Chen, Engineering Manager"
    for seg in re.split(r"\s+[-–—]\s+|:\s+|\s*\|\s*|\s*<>\s*|\s+(?:at|with|for|@)\s+", cleaned):
        seg = _without_people(seg.strip(" ,.;"), person_words)
        m = _ROLE_SEGMENT.fullmatch(seg)
        if m and seg.lower() not in _NOT_ROLES:
            qualifier = seg.partition(", ")[2]
            if qualifier and (any(w.lower() in person_words for w in qualifier.split())
                              or _ROLE_PHRASE.fullmatch(qualifier)):
                seg = seg.partition(", ")[0]
            return seg
    for m in _ROLE_PHRASE.finditer(cleaned):
        role = _without_people(m.group(0).strip(), person_words)
        if role and role.lower() not in _NOT_ROLES and _ROLE_PHRASE.fullmatch(role):
            return role
    return ""


def role_from_text(text: str, company: str = "", person_words: Collection[str] = frozenset()) -> str:
    """The role a title, subject or description states ("for the Senior Backend Engineer role",
    "Backend Engineer Interview", "Interview: Staff Data Scientist"), else ""."""
    return stated_role(text) or phrase_role(text, company, person_words)


def _writes_more_of(longer: str, role: str) -> bool:
    """True when `longer` is a fuller writing of `role`: "Backend Engineer (Billing)" of "Backend Engineer",
    "Site Reliability Engineer" of "SRE"."""
    a, b = longer.lower().split(), role.lower().split()
    if len(a) > len(b) and any(a[i:i + len(b)] == b for i in range(len(a) - len(b) + 1)):
        return True
    initials = "".join(w[0] for w in longer.split() if w[:1].isupper())
    return role.isupper() and len(role) >= 2 and len(b) == 1 and initials == role


def choose_role(candidates: Iterable[str]) -> str:
    """The first role found, or a fuller writing of it found in another place (B5: the whole title)."""
    found = [c for c in candidates if c]
    if not found:
        return ""
    role = found[0]
    for other in found[1:]:
        if _writes_more_of(other, role):
            role = other
    return role
