"""What a meeting that says "interview" IS when it is not the user's job interview (B4), and the hiring
context a job interview carries (B3).

B4 judges the purpose of an event or a mail, not a word found anywhere in it:
- a purpose stated in the title (an event's summary, a mail's subject) decides;
- the same words further down, in a description or a body, decide only when nothing there speaks of a
  job (no role, position, recruiter, hiring): a real interview may mention "our podcast team";
- a word inside a role title ("User Research Manager", "Director of Admissions", "Podcast Producer") or
  inside a company's written name ("Northbeam Media Group", "WKNV-TV") is never evidence.

Used by `event_signals` (invitations) and `sent_purpose` (interviews known from sent mail). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# --- vocabulary: what a meeting is for ----------------------------------------------------------------

_PRACTICE = re.compile(r"\b(?:mock|practice|exit|stay)\s+interviews?\b|"
                       r"\binterview(?:ing)?\s+(?:practice|skills\s+(?:class|course|workshop))\b", re.IGNORECASE)
# A home: co-op and condo boards, homeowners' associations, rentals.
_HOUSING = re.compile(
    r"\b(?:co-?op|condo(?:minium)?s?|hoa|homeowners?'?\s+association|owners\s+corp\.?|board\s+package|"
    r"(?:prospective|incoming)\s+(?:owner|buyer|purchaser|tenant|resident|shareholder)s?|"
    r"(?:purchase|rental|sublet|lease)\s+application|apartment|apt\.?\s*#?\d+\w*|unit\s+#?\d+\w*|"
    r"managing\s+agent)\b", re.IGNORECASE)
# A school or university place (often the user's child's).
_ADMISSIONS = re.compile(
    r"\b(?:admissions?|kindergarten|pre-?k|preschool|classroom\s+visit|school\s+(?:interview|tour|visit)|"
    r"(?:family|parent|alumni)\s+interviews?|(?:mba|college|university|graduate\s+school)\s+"
    r"(?:interview|application)s?)\b", re.IGNORECASE)
# A government or immigration appointment.
_GOVERNMENT = re.compile(
    r"\b(?:(?:visa|consular|consulate|embassy|uscis|naturali[sz]ation|citizenship|immigration|green[- ]card|"
    r"asylum|biometrics?|passport)\s+(?:interview|appointment)s?|consulate|embassy|uscis|n-400|i-485|ds-160|"
    r"naturali[sz]ation|jury\s+duty|dmv)\b", re.IGNORECASE)
# The user as a guest or a source: podcasts, radio, TV, press.
_MEDIA = re.compile(
    r"\b(?:podcast\w*|radio|television|tv\s+(?:interview|segment|appearance|spot)|"
    r"(?:press|media|news)\s+(?:interview|call|briefing|inquiry|request)s?|live\s+(?:interview|segment|shot)s?|"
    r"livestream|live\s+stream|on[- ]air|segment|broadcast|in-studio|pre-interview|"
    r"(?:story|article|piece)\s+(?:on|about)|(?:for|on)\s+(?:the|our|my|a|an)\s+(?:story|article|piece|show|episode)|"
    r"fireside\s+chat|panel\s+discussion|ama)\b", re.IGNORECASE)
# The user as a research participant (or running research).
_RESEARCH = re.compile(
    r"\b(?:(?:user|customer|usability|research|participant|discovery|client|stakeholder)\s+interviews?|"
    r"usability\s+(?:test|testing|study|session)s?|user\s+research|research\s+(?:session|study|call|participant)s?|"
    r"(?:user|customer)\s+(?:study|studies|session|feedback\s+session)s?|paid\s+(?:interview|study|session)s?|"
    r"screener|incentive|honorarium|study\s+participants?)\b", re.IGNORECASE)
_VOLUNTEER = re.compile(r"\b(?:volunteer\w*|mentor\s+(?:application|enrollment))\b", re.IGNORECASE)
# A vendor selling to the user (or the user's employer).
_SALES = re.compile(
    r"\b(?:(?:product|platform|software|live)\s+demo|demo|pricing|proposal|renewal|procurement|rfp|"
    r"sales\s+call|qbr|quarterly\s+business\s+review|free\s+trial)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Purpose:
    """A kind of meeting that is never the user's job interview (B4)."""

    name: str
    what: str  # completes "rejected: '<words>' says ..."
    rx: re.Pattern[str]


PURPOSES: tuple[Purpose, ...] = (
    Purpose("practice", "a practice, exit or stay interview, not a hiring interview", _PRACTICE),
    Purpose("housing", "a co-op, condo or HOA interview for a home, not a job", _HOUSING),
    Purpose("admissions", "a school or university admissions interview, not a job", _ADMISSIONS),
    Purpose("government", "a government or immigration appointment (visa, consulate, citizenship)", _GOVERNMENT),
    Purpose("media", "a media interview: the user is the guest or the source, not a candidate", _MEDIA),
    Purpose("research", "a research session: the user is a participant, not a candidate", _RESEARCH),
    Purpose("volunteer", "a volunteer placement, not a job", _VOLUNTEER),
    Purpose("sales", "a vendor or sales meeting, not a job interview", _SALES),
)

# Words that say the text is about a job for the user (B3's hiring context).
HIRING = re.compile(
    r"\b(?:roles?|positions?|openings?|vacanc(?:y|ies)|requisition|req\s*#?\s*\d+|r-\d+|candidacy|jobs?|"
    r"hiring\s+(?:manager|team|process|committee)|recruit(?:er|ing)s?|talent\s+(?:acquisition|partner)|"
    r"your\s+application|application\s+for\s+the|applied\s+(?:for|to)|offer\s+letter|employment|"
    r"hire|hiring|join(?:ing)?\s+(?:the|our)\s+team|resume|cv|salary|compensation)\b",
    re.IGNORECASE)

# Words by which a title or subject names a job opening ("... - Treasurer position", "CEO role").
_JOB = re.compile(r"\b(?:roles?|positions?|openings?|vacanc(?:y|ies)|requisition|req\s*#?\s*\d+|r-\d+|candidacy)\b",
                  re.IGNORECASE)
# Purposes no job opening in the title can outweigh: a mock, exit or stay interview is never a hiring one.
_NEVER_HIRING = frozenset({"practice"})

# A job title: a purpose word followed by one of these is a role ("User Research Manager"), or one of
# these followed by "of" and a purpose word ("Director of Admissions", "Head of Podcasts").
_ROLE_NOUN = (r"(?:manager|lead|director|head|vp|chief|researcher|producer|editor|engineer|designer|analyst|"
              r"scientist|counsel(?:l)?or|officer|coordinator|specialist|strategist|writer|host|attorney|"
              r"lawyer|paralegal|associate|consultant|architect|developer|intern|administrator|representative|"
              r"advis[eo]r|technician|executive|assistant|reporter|journalist|correspondent|anchor|recruiter|"
              r"operations|ops|programs?)s?")
_ROLE_AFTER = re.compile(rf"(?:\s+(?!(?:with|the|for|at|and|of|to|a|an|from|on|in|by|between|our|your|my)\b)"
                         rf"[\w&/-]+){{0,2}}?\s+{_ROLE_NOUN}\b", re.IGNORECASE)
_ROLE_BEFORE = re.compile(rf"\b{_ROLE_NOUN}\s+(?:of|for)\s+(?:[\w&-]+\s+){{0,2}}$", re.IGNORECASE)
# A written company name with a legal or corporate ending: "Northbeam Media Group", "Fairbanks Immigration LLP".
_CORPORATE = re.compile(r"\b(?:[A-Z][\w&'-]*\s+){1,4}(?:Group|Inc\.?|LLC|LLP|Ltd\.?|Corp\.?|Corporation|"
                        r"Company|Co\.|Holdings|Studios|Networks?|GmbH|PLC)(?!\w)")
_CAPITALISED_RUN = re.compile(r"[A-Z0-9][\w&'.]*(?:[ -][A-Z0-9][\w&'.]*){0,4}")


# --- where a word is not evidence ----------------------------------------------------------------------

def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def name_spans(text: str, labels: Iterable[str]) -> list[tuple[int, int]]:
    """Where `text` writes a company name: words whose letters spell a domain's label ("Northbeam Media" for
    northbeammedia.com, "WKNV-TV" for wknv-tv.com), or a name with a corporate ending ("... Media Group")."""
    keys = {_alnum(label) for label in labels if len(_alnum(label)) >= 3}
    spans = [(m.start(), m.end()) for m in _CORPORATE.finditer(text)]
    for m in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"[^ -]+", m.group(0)))
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                joined = _alnum(m.group(0)[words[i].start():words[j - 1].end()])
                if joined in keys:
                    spans.append((m.start() + words[i].start(), m.start() + words[j - 1].end()))
                    break
    return spans


def _in_role(text: str, start: int, end: int) -> bool:
    return bool(_ROLE_AFTER.match(text, end) or _ROLE_BEFORE.search(text[max(0, start - 60):start]))


def _in_name(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def find_purpose(text: str, company_labels: Iterable[str] = (), kinds: Iterable[str] | None = None,
                 ) -> tuple[Purpose, str] | None:
    """The first purpose `text` states, with the words that state it; words inside a role title or a
    company's written name do not count."""
    spans = name_spans(text, company_labels)
    wanted = set(kinds) if kinds is not None else None
    for purpose in PURPOSES:
        if wanted is not None and purpose.name not in wanted:
            continue
        for m in purpose.rx.finditer(text):
            if not _in_role(text, m.start(), m.end()) and not _in_name(spans, m.start(), m.end()):
                return purpose, m.group(0)
    return None


def stated_purpose(title: str, company_labels: Iterable[str] = ()) -> tuple[Purpose, str] | None:
    """The purpose a title or subject states, unless the title also names a job opening ("Board interview -
    CEO position"); a practice, exit or stay interview whatever it names."""
    found = find_purpose(title, company_labels)
    if found is None:
        return None
    spans = name_spans(title, company_labels)
    opening = any(not _in_name(spans, m.start(), m.end()) for m in _JOB.finditer(title))
    return None if opening and found[0].name not in _NEVER_HIRING else found


def hiring_words(text: str, company_labels: Iterable[str] = ()) -> str:
    """Words that speak of a job for the user ("the Senior Data Engineer role", "Recruiter"), else ""."""
    spans = name_spans(text, company_labels)
    for m in HIRING.finditer(text):
        if not _in_name(spans, m.start(), m.end()):
            return m.group(0)
    return ""


def employer_named(text: str, own_domains: Iterable[str], company_labels: Iterable[str] = ()) -> str:
    """The user's own employer as `text` writes it ("BrightPath" for brightpath.io), else "". A longer name
    that is a counterpart's ("Acme Robotics" for acmerobotics.com while the user works at acme.com) is not."""
    labels = {_alnum(d.lower().lstrip("@").split(".")[0]) for d in own_domains if d}
    theirs = name_spans(text, [c for c in company_labels if _alnum(c) not in labels])
    for a, b in name_spans(text, labels):
        if _alnum(text[a:b]) in labels and not any(x <= a and b <= y and (x, y) != (a, b) for x, y in theirs):
            return text[a:b]
    return ""
