"""The company's name as the company writes it, tied to its domain (B5).

A company signs "Pinecrest Insurance" while mailing from pinecrestins.com, "Hartwell & Finch LLP" from
hartwellfinch.co.uk, "Cedar Point Medical Center" from cedarpointmed.com. This module collects the names
written around an interview (titles, subjects, bodies, signatures, display names such as "Megan Ross |
Halcyon Travel" or "Ridgeway Logistics via SmartRecruiters") and keeps those that spell the domain's label:
read word by word, each word gives the label its first letter and maybe more of its letters in order
("Stonebridge Health Partners" -> stonebridge+h+p, "Falkenberg Maschinenbau" -> falkenberg+mb), "&" and
"and" may be left out ("Pebble & Pine" -> pebbleandpine or pebblepine). The written name then runs on to
the end of its capitalised words ("Granite Peak Software" for granitepeak.io) but stops before a role, a
team word or a date ("Meridian Rail Recruiting" -> "Meridian Rail"). The most often and most plainly
written form wins; a legal form ("GmbH", "Inc.", "LLP") is left off when the company also writes its name
without it. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from agent.core.companies import INTERVIEW, ROLE_START
from agent.core.text import without_accents

# Words that end a company name written before them: a team, a mailbox, a calendar, a place ("Meridian Rail
# Recruiting", "Fernhill Interviews", "The Pebble & Pine Team", "Acme Robotics HQ").
_UNIT_WORDS = frozenset({
    "team", "teams", "recruiting", "recruitment", "recruiter", "recruiters", "talent", "careers", "career",
    "hiring", "jobs", "hr", "people", "interview", "interviews", "calendar", "calendars", "scheduling",
    "scheduler", "notifications", "notification", "noreply", "no-reply", "office", "offices", "admin",
    "hq", "headquarters", "campus", "building", "lobby", "room", "reception",
})
_CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "today", "tomorrow",
})
# Lower-case words that join the words of one name ("Bank of America", "Pebble and Pine").
_CONNECTORS = frozenset({"&", "+", "and", "of", "the", "de", "du", "des", "la", "le", "del", "und", "y", "e"})
# Lower-case words that separate names as a comma does ("Ridgeway Logistics via SmartRecruiters").
_SEPARATORS = frozenset({"via", "at", "@", "with", "for", "from", "to", "on", "in", "by"})
# Abbreviations that keep their full stop inside a name ("Lowtide Coffee Co.").
_ABBREVIATIONS = frozenset({"co", "inc", "ltd", "corp", "bros", "st", "mt", "intl", "assn", "llc", "plc", "dept"})
# Legal forms, left off as a person writes a company's name in a note ("Falkenberg Maschinenbau GmbH" ->
# "Falkenberg Maschinenbau"); "Co." and "Company" are often part of the name people use ("Lowtide Coffee Co.")
# and are left off only when the company also writes its name without them.
_LEGAL_FORM = re.compile(
    r"(?:\s*,)?\s+(?:inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|llp|l\.l\.p\.|lp|plc|p\.l\.c\.|"
    r"gmbh(?:\s*&\s*co\.?\s*kg)?|ag|se|kg|s\.a\.|sa|s\.a\.s\.|sas|s\.p\.a\.|spa|s\.r\.l\.|srl|b\.v\.|bv|n\.v\.|nv|"
    r"a/s|ab|oy|pty\.?(?:\s+ltd\.?)?|corp\.?|corporation)$", re.IGNORECASE)
_COMPANY_WORD = re.compile(r"(?:\s*,)?\s+(?:co\.?|company)$", re.IGNORECASE)
_OPENERS = "([{\"'“‘<«"
_CLOSERS = ")]}\"'”’>»,;:!?"


@dataclass(frozen=True)
class _Token:
    text: str  # as written, the full stop of an abbreviation kept
    starts_unit: bool  # a boundary (line start, punctuation, separator) comes right before it
    ends_unit: bool  # a boundary comes right after it


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Letters and digits only, lower case, accents removed: "Hélène & Co." -> "heleneco"."""
    return _NOT_ALNUM.sub("", without_accents(text).lower())


def domain_label(registrable: str) -> str:
    """The label a company registers, folded: "northgate-ai.com" -> "northgateai"."""
    return fold(registrable.split(".")[0]) if registrable else ""


def _tokens(line: str) -> list[_Token]:
    """One line as words, each marked where punctuation, a dash or a separator word bounds it."""
    out: list[_Token] = []
    boundary = True
    for raw in line.split():
        word = raw.lstrip(_OPENERS)
        if word != raw:
            boundary = True
        stripped = word.rstrip(_CLOSERS)
        ends = stripped != word
        word = stripped
        if word.endswith(".") and not (fold(word) in _ABBREVIATIONS or re.fullmatch(r"(?:\w\.){2,}", word)):
            word, ends = word.rstrip("."), True
        if not word or not re.search(r"\w|&|\+", word) or word.lower() in _SEPARATORS:
            boundary = True  # "-", "|", "<>", "via", "at": a name never runs across them
            if out:
                out[-1] = _Token(out[-1].text, out[-1].starts_unit, True)
            continue
        out.append(_Token(word, boundary, ends))
        boundary = ends
    if out:  # a line's end bounds its last word
        out[-1] = _Token(out[-1].text, out[-1].starts_unit, True)
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or (word[:1].islower() and any(c.isupper() for c in word[1:]))


@lru_cache(maxsize=512)
def _runs(text: str) -> tuple[tuple[_Token, ...], ...]:
    """Runs of capitalised words (with "&", "of", "and" inside), never across a boundary."""
    return tuple(tuple(run) for run in _find_runs(text) if run)


def _find_runs(text: str) -> Iterable[list[_Token]]:
    for line in text.splitlines():
        run: list[_Token] = []
        for tok in _tokens(line):
            if run and tok.starts_unit:
                yield _trim(run)
                run = []
            if _capitalised(tok.text) or (run and tok.text.lower() in _CONNECTORS):
                run.append(tok)
            elif run:
                yield _trim(run)
                run = []
            if run and tok.ends_unit:
                yield _trim(run)
                run = []
        if run:
            yield _trim(run)


def _trim(run: list[_Token]) -> list[_Token]:  # no connector at the end
    while run and run[-1].text.lower() in _CONNECTORS:
        run = run[:-1]
    return run


def _covers(label: str, words: Sequence[str]) -> int:
    """How many of `words` spell `label` from its start (see the module docstring), 0 when they don't."""
    def step(pos: int, i: int) -> int:
        if pos == len(label):
            return i
        if i == len(words):
            return 0
        letters = fold(words[i])
        if words[i].lower() in _CONNECTORS:  # "&" and "and" may be spelled or left out
            spelled = "and" if letters in {"", "and"} else letters
            if label.startswith(spelled, pos) and (found := step(pos + len(spelled), i + 1)):
                return found
            return step(pos, i + 1) if i > 0 else 0
        if not letters or letters[0] != label[pos] or words[i].lower() in _UNIT_WORDS | _CALENDAR_WORDS:
            return 0
        # the word gives a beginning of itself ("Pinecrest Insurance" -> pinecrestins) ...
        ends = [pos + n for n in range(1, len(letters) + 1) if label.startswith(letters[:n], pos)]
        for end in reversed(ends):
            if (found := step(end, i + 1)):
                return found
        # ... or, as the label's last word, its first letter and later ones in order (Maschinenbau -> mb)
        j = pos + 1
        for c in letters[1:]:
            if j < len(label) and label[j] == c:
                j += 1
        return i + 1 if j == len(label) else 0

    return step(0, 0) if label else 0


def _stops_name(words: Sequence[str], k: int) -> bool:
    """True when the written name cannot go on at words[k]: a team word, a day, a role or interview phrase."""
    w = words[k].lower()
    rest = " ".join(words[k:])
    return (w in _UNIT_WORDS or w in _CALENDAR_WORDS or bool(INTERVIEW.match(rest))
            or bool(ROLE_START.match(rest)))


def _forms(label: str, text: str) -> Iterable[tuple[str, bool]]:
    """Each written name in `text` that spells `label`, and whether it stands alone (a whole line, title
    segment, signature line or display-name part) rather than inside a sentence."""
    for run in _runs(text):
        words = [t.text for t in run]
        for i in range(len(words)):
            if not fold(words[i]).startswith(label[0]):
                continue
            n = _covers(label, words[i:])
            if not n:
                continue
            end = i + n
            while end < len(words) and not _stops_name(words, end):
                end += 1
            while end > i + n and words[end - 1].lower() in _CONNECTORS:
                end -= 1
            alone = run[i].starts_unit and end == len(run) and run[-1].ends_unit
            yield " ".join(words[i:end]), alone
            break


def without_legal_form(name: str) -> str:
    """"Acme Robotics, Inc." -> "Acme Robotics"; the name itself when nothing is left."""
    return _LEGAL_FORM.sub("", name).strip() or name


def written_name(registrable: str, texts: Iterable[str]) -> str:
    """The company name written in `texts` for the domain `registrable` ("pinecrestins.com" ->
    "Pinecrest Insurance"), or "" when no text writes it."""
    label = domain_label(registrable)
    if len(label) < 2:
        return ""
    scores: dict[str, int] = {}
    variants: dict[str, set[str]] = {}
    order: dict[str, int] = {}
    for text in texts:
        for form, alone in _forms(label, text or ""):
            form = without_legal_form(form)
            key = _COMPANY_WORD.sub("", form).strip() or form
            scores[key] = scores.get(key, 0) + (2 if alone else 1)
            variants.setdefault(key, set()).add(form)
            order.setdefault(key, len(order))
    if not scores:
        return ""
    key = max(scores, key=lambda k: (scores[k], len(k.split()), -order[k]))
    # "Lowtide Coffee Co." unless the company also writes "Lowtide Coffee"
    return key if key in variants[key] else min(variants[key], key=len)
