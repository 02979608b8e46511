"""Judgments about addresses and names: free mail, applicant-tracking systems, machine and role
addresses, registrable domains, company names from domains, first names for greetings.

Pure functions over strings and `agent.core.model.Person`; the lists are module constants so that a
reader (or a test) can see exactly what is recognised.
"""

from __future__ import annotations

import re

from agent.core.model import Person

# Free-mail providers: a counterpart here tells us nothing about the company (B5).
FREE_MAIL: frozenset[str] = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
    "aol.com", "proton.me", "pm.me", "protonmail.com", "protonmail.ch", "fastmail.com", "fastmail.fm",
    "hey.com", "zoho.com", "zohomail.com", "mail.com", "gmx.net", "gmx.de", "gmx.com", "web.de",
    "t-online.de", "mail.ru", "qq.com", "163.com", "126.com", "naver.com", "hanmail.net",
    "rediffmail.com", "tutanota.com", "tuta.io", "posteo.de", "ymail.com", "rocketmail.com",
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "btinternet.com", "orange.fr", "free.fr",
    "laposte.net", "libero.it", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "duck.com",
})
# Providers that exist under many country domains (hotmail.co.uk, yahoo.fr, gmx.at, yandex.ru, ...).
FREE_MAIL_NAMES: frozenset[str] = frozenset({"hotmail", "yahoo", "gmx", "yandex", "outlook", "live", "ymail"})

# Applicant-tracking, recruiting-scheduling and interview platforms, by domain (subdomains match).
ATS_DOMAINS: dict[str, str] = {
    "greenhouse.io": "Greenhouse", "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever", "hire.lever.co": "Lever",
    "ashbyhq.com": "Ashby", "ashbyhq-mail.com": "Ashby",
    "myworkday.com": "Workday", "workday.com": "Workday", "myworkdayjobs.com": "Workday",
    "smartrecruiters.com": "SmartRecruiters", "icims.com": "iCIMS", "goodtime.io": "GoodTime",
    "gem.com": "Gem", "workable.com": "Workable", "workablemail.com": "Workable", "jobvite.com": "Jobvite",
    "bamboohr.com": "BambooHR", "teamtailor.com": "Teamtailor", "teamtailor-mail.com": "Teamtailor",
    "recruitee.com": "Recruitee", "personio.de": "Personio", "personio.com": "Personio",
    "rippling.com": "Rippling", "hirevue.com": "HireVue", "modernloop.io": "ModernLoop",
    "paradox.ai": "Paradox", "yello.co": "Yello", "taleo.net": "Taleo", "successfactors.com": "SuccessFactors",
    "successfactors.eu": "SuccessFactors", "jazzhr.com": "JazzHR", "applytojob.com": "JazzHR",
    "breezy.hr": "Breezy HR", "pinpointhq.com": "Pinpoint", "comeet.co": "Comeet", "comeet.com": "Comeet",
    "recruiterbox.com": "Recruiterbox", "freshteam.com": "Freshteam", "zohorecruit.com": "Zoho Recruit",
    "homerun.co": "Homerun", "manatal.com": "Manatal", "dover.com": "Dover",
    "karat.com": "Karat", "hackerrank.com": "HackerRank", "codesignal.com": "CodeSignal",
    "coderpad.io": "CoderPad", "brighthire.ai": "BrightHire",
    # Generic schedulers: a signal only together with recruiting words (see GENERIC_SCHEDULERS).
    "calendly.com": "Calendly", "cal.com": "Cal.com", "doodle.com": "Doodle",
    "acuityscheduling.com": "Acuity Scheduling", "youcanbook.me": "YouCanBookMe", "savvycal.com": "SavvyCal",
    "chilipiper.com": "Chili Piper", "zcal.co": "zcal", "meetings.hubspot.com": "HubSpot Meetings",
    "scheduler.zoom.us": "Zoom Scheduler",
}
GENERIC_SCHEDULERS: frozenset[str] = frozenset({
    "Calendly", "Cal.com", "Doodle", "Acuity Scheduling", "YouCanBookMe", "SavvyCal", "Chili Piper", "zcal",
    "HubSpot Meetings", "Zoom Scheduler",
})
# Words that name a system in a PRODID ("-//Greenhouse Software//...", "-//GoodTime//...").
_PRODID_NAMES: dict[str, str] = {
    "greenhouse": "Greenhouse", "lever": "Lever", "ashby": "Ashby", "workday": "Workday",
    "smartrecruiters": "SmartRecruiters", "icims": "iCIMS", "goodtime": "GoodTime", "gem": "Gem",
    "calendly": "Calendly", "modernloop": "ModernLoop", "paradox": "Paradox", "jobvite": "Jobvite",
    "workable": "Workable", "teamtailor": "Teamtailor", "recruitee": "Recruitee", "hirevue": "HireVue",
    "taleo": "Taleo", "successfactors": "SuccessFactors", "comeet": "Comeet", "yello": "Yello",
}

# Second-level public suffixes: "acme.co.uk" is registrable, "co.uk" is not.
TWO_LEVEL_SUFFIXES: frozenset[str] = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "com.au", "net.au", "org.au", "edu.au",
    "co.jp", "ne.jp", "or.jp", "ac.jp", "com.br", "net.br", "org.br", "co.in", "net.in", "org.in", "firm.in",
    "co.nz", "org.nz", "co.za", "com.mx", "com.sg", "com.hk", "com.tr", "co.kr", "com.cn", "com.tw",
    "co.il", "com.ar", "com.co", "co.id", "com.my", "com.ph", "com.vn", "co.th", "com.ua", "com.eg",
    "com.sa", "com.pk", "com.ng", "co.ke", "com.pl", "com.es", "com.pt", "co.at", "or.at", "com.pe",
})
# Second-level labels that, under a two-letter country code, are a public suffix too.
_GENERIC_SECOND_LEVEL: frozenset[str] = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "ne", "or"})

# Local parts of addresses no human reads (B6). Matched after removing a "+tag".
_MACHINE_LOCAL = re.compile(
    r"^(?:no[-_.]?reply.*|do[-_.]?not[-_.]?reply.*|notifications?|calendar[-_.]?notifications?|"
    r"mailer[-_.]?daemon|postmaster|bounces?.*|calendar|scheduler|scheduling|invites?|invitations?|"
    r"automated|auto[-_.]?(?:reply|confirm)|robot|daemon)$")
# Calendar systems' own addresses: group and resource calendars, the unknown organizer.
_MACHINE_DOMAINS: tuple[str, ...] = ("calendar.google.com", "bounces.google.com")

# Shared recruiting mailboxes (B6: an organizer at one of these is a coordinator, not an interviewer).
ROLE_LOCAL_PARTS: frozenset[str] = frozenset({
    "recruiting", "recruiter", "recruiters", "recruitment", "talent", "talentacquisition", "talentteam",
    "recruitingteam", "careers", "career", "jobs", "job", "hiring", "hr", "people", "peopleops", "staffing",
    "interviews", "candidates",
})

# Titles before a name ("Dr. Priya Shah"): never a first name.
HONORIFICS: frozenset[str] = frozenset({
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "madam", "dame",
})
# Words that make a display name a team or a system rather than a person.
_NON_PERSON_WORDS: frozenset[str] = frozenset({
    "team", "recruiting", "recruitment", "talent", "careers", "hiring", "jobs", "notifications",
    "notification", "calendar", "noreply", "no-reply", "support", "hr", "scheduling", "scheduler",
    "greenhouse", "lever", "ashby", "workday", "calendly", "goodtime", "info", "admin", "people",
    # organisations' words: "Lumen Health Recruiting", "Vantage Cloud Interviews", "Acme Software Inc"
    "interviews", "candidate", "candidates", "career", "services", "software", "systems", "solutions",
    "technologies", "labs", "inc", "llc", "ltd", "gmbh", "corp", "group", "consulting", "agency", "staffing",
    "insurance", "bank", "hospital", "clinic", "dental", "university", "college", "expo", "committee",
    "office", "department", "desk", "mailbox", "newsletter", "payroll", "accounts", "billing",
})


def _split(email: str) -> tuple[str, str]:
    local, _, domain = email.strip().lower().rpartition("@")
    return local, domain


def _domain_of(domain_or_email: str) -> str:
    return domain_or_email.strip().lower().rpartition("@")[2].rstrip(".")


def registrable_domain(domain: str) -> str:
    """The domain a company registers: "mail.acme.com" -> "acme.com", "hr.acme.co.uk" -> "acme.co.uk"."""
    labels = [p for p in _domain_of(domain).split(".") if p]
    if len(labels) <= 2:
        return ".".join(labels)
    tail = ".".join(labels[-2:])
    two_level = tail in TWO_LEVEL_SUFFIXES or (len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL)
    return ".".join(labels[-3:] if two_level else labels[-2:])


def _company_label(domain: str) -> str:
    """The label before the public suffix: "acme-robotics" for "jobs.acme-robotics.co.uk"."""
    return registrable_domain(domain).split(".")[0]


def is_free_mail(domain: str) -> bool:
    """True for a free-mail provider's domain (or an address at one)."""
    d = _domain_of(domain)
    reg = registrable_domain(d)
    return d in FREE_MAIL or reg in FREE_MAIL or _company_label(d) in FREE_MAIL_NAMES


def ats_name(domain_or_email: str) -> str:
    """The applicant-tracking or scheduling system behind a domain or address ("Greenhouse"), else ""."""
    labels = _domain_of(domain_or_email).split(".")
    for i in range(len(labels) - 1):
        name = ATS_DOMAINS.get(".".join(labels[i:]))
        if name:
            return name
    return ""


def ats_in_prodid(prodid: str) -> str:
    """The system named in an iCalendar PRODID ("-//GoodTime.io//Calendar//EN" -> "GoodTime"), else ""."""
    for word in re.findall(r"[a-z]+", prodid.lower()):
        if word in _PRODID_NAMES:
            return _PRODID_NAMES[word]
    return ""


def is_generic_scheduler(name: str) -> bool:
    """True when a system name from `ats_name` is a general-purpose scheduler (Calendly, Doodle, ...)."""
    return name in GENERIC_SCHEDULERS


def company_from_domain(domain: str) -> str:
    """A company name guessed from its domain: "acme-robotics.com" -> "Acme Robotics"; "" for free mail
    and applicant-tracking domains."""
    d = _domain_of(domain)
    if not d or "." not in d or is_free_mail(d) or ats_name(d) or is_machine_address("x@" + d):
        return ""
    label = _company_label(d)
    words = [w for w in re.split(r"[-_]+", label) if w]
    return " ".join(w.upper() if len(w) <= 2 else w.capitalize() for w in words)


def _local_base(local: str) -> str:
    return local.split("+", 1)[0]


def is_machine_address(email: str) -> bool:
    """True for addresses no person reads: no-reply, notifications, bounces, calendar and scheduler
    mailboxes, Google group/resource calendars."""
    local, domain = _split(email)
    if not local:
        return False
    if any(domain == d or domain.endswith("." + d) for d in _MACHINE_DOMAINS):
        return True
    return bool(_MACHINE_LOCAL.match(_local_base(local)))


def is_role_address(email: str) -> bool:
    """True for a shared recruiting mailbox: recruiting@, talent@, careers@, jobs@, hr@, ..."""
    local, _ = _split(email)
    return re.sub(r"[-_.0-9]", "", _local_base(local)) in ROLE_LOCAL_PARTS


def _clean_name(name: str) -> str:
    """Strip quotes, an embedded address, "via X" and "| X" tails, parenthesised notes and honorifics."""
    n = re.sub(r"<[^>]*>|\S+@\S+", " ", name)
    n = n.replace('"', " ").strip().strip("'`")
    n = re.split(r"\s+(?:via|from|at)\s+|\s*[|/]\s*", n, maxsplit=1)[0]
    n = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", n)
    n = " ".join(n.split()).strip(" ,;-")
    if "," in n:  # "López, Ana" -> "Ana López"; a trailing ", PhD" is a suffix, not a first name
        last, _, first = n.partition(",")
        first = first.strip()
        if first and not re.fullmatch(r"(?i)(phd|md|jr\.?|sr\.?|ii|iii|mba|esq\.?)", first):
            n = f"{first} {last.strip()}"
        else:
            n = last.strip()
    words = n.split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _looks_like_person(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return bool(words) and not any(w in _NON_PERSON_WORDS for w in words) and not any(
        c.isdigit() for c in name)


def _name_from_local(email: str) -> str:
    """"ana.lopez@" -> "Ana Lopez": only when the local part looks like first.last."""
    local, _ = _split(email)
    if is_machine_address(email) or is_role_address(email):
        return ""
    parts = re.split(r"[._-]", _local_base(local))
    if len(parts) < 2 or not all(re.fullmatch(r"[a-z]{2,}", p) for p in parts[:2]):
        return ""
    return " ".join(p.capitalize() for p in parts[:2])


def display_name(person: Person) -> str:
    """The person's name fit to show or greet: cleaned display name, else first.last from the address."""
    name = _clean_name(person.name)
    if name and _looks_like_person(name):
        return name
    return _name_from_local(person.email)


def first_name(person: Person) -> str:
    """The first name to greet a person by ("Dr. Priya Shah" -> "Priya", "López, Ana" -> "Ana"), else ""."""
    name = display_name(person)
    return name.split()[0] if name else ""
