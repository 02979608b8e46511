"""Mail text made safe and readable: untrusted strings cleaned of control, zero-width and bidi characters
(B21), HTML bodies turned into plain text, and the quoted earlier mail cut from a reply (B15).

Pure string functions, shared by MIME parsing (`mime`), iCalendar parsing (`invitations`), the providers
that read calendar APIs, and the drafts (`compose`, through the stricter `safe_line`).
"""

from __future__ import annotations

import re
import unicodedata
import warnings

# ---------------------------------------------------------------- control characters


def _drop_char(c: str) -> bool:
    # Cc: C0/C1 controls (CR, LF, ESC...); Cf: zero-width, bidi overrides/isolates, BOM, soft hyphen.
    return unicodedata.category(c) in ("Cc", "Cf")


_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # Cc below 128 except tab and line feed
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LINE_BREAKS = re.compile(r"[\t\r\n\x85]")


def _drop_non_ascii(match: re.Match[str]) -> str:
    c = match.group()
    return "" if _drop_char(c) else c


def _drop_controls(s: str) -> str:
    """`s` without Cc and Cf characters, tab and line feed excepted. Per character only beyond ASCII."""
    s = _ASCII_CONTROLS.sub("", s)
    return s if s.isascii() else _NON_ASCII.sub(_drop_non_ascii, s)


def without_accents(s: str) -> str:
    """The text with its accents taken off, for comparing names as people type them: "García" -> "Garcia"."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean_text(s: str) -> str:
    """One line of display text (a name, a subject): control, zero-width and bidi-control characters
    removed, line breaks and runs of whitespace folded to single spaces, ends trimmed (B21)."""
    # Line breaks become spaces first, so that "a\r\nb" stays two words once controls are dropped.
    return " ".join(_drop_controls(_LINE_BREAKS.sub(" ", s)).split())


# Beyond what display text loses, a draft's words also lose surrogates, private-use and unassigned code
# points, and NEL (U+0085), which display text turns into a space.
_DRAFT_ONLY_DROPS = ("Cs", "Co", "Cn")


def _drop_draft_only(match: re.Match[str]) -> str:
    c = match.group()
    return "" if c == "\x85" or unicodedata.category(c) in _DRAFT_ONLY_DROPS else c


def safe_line(value: str, limit: int = 0) -> str:
    """One line of untrusted text made safe for a draft's header or sentence: `clean_text`, stricter (see
    `_DRAFT_ONLY_DROPS`), with RFC 2047 encoded-word openers ("=?") broken up so that a header folder can
    never decode them into new header lines, and cut to `limit` characters at a word boundary when given."""
    value = value or ""
    text = clean_text(value if value.isascii() else _NON_ASCII.sub(_drop_draft_only, value))
    # Python's header folder decodes "=?charset?q?...?=" it finds in a value and may write the decoded
    # CR/LF as real line breaks; with the "=?" broken up there is no encoded word left to decode.
    while "=?" in text:
        text = text.replace("=?", "= ?")
    if limit and len(text) > limit:
        cut = text[:limit]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-")
    return text


def clean_multiline(s: str) -> str:
    """Body text: line breaks normalised to \\n, tabs kept, other control, zero-width and bidi-control
    characters removed, non-breaking spaces made plain."""
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = s.replace("\xa0", " ")
    return _drop_controls(s)


# ---------------------------------------------------------------- HTML to text

_BLOCK_TAGS = ("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "pre", "hr")
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre"}
_QUOTE_SELECTORS = ("blockquote", "div.gmail_quote", "div.yahoo_quoted", "div#divRplyFwdMsg",
                    "div#appendonsend")


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body: scripts, styles and quoted blocks removed, one line per
    block element and <br>."""
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        # bs4 warns when markup looks like a file name or XML; mail is often both. Not our concern.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup(["script", "style", "head", "title", "noscript"]):
            tag.decompose()
        for selector in _QUOTE_SELECTORS:
            for tag in soup.select(selector):
                if selector == "div#appendonsend":  # Outlook: the quoted mail follows this marker
                    for sibling in list(tag.find_next_siblings()):
                        sibling.decompose()
                tag.decompose()
        for br in soup.find_all("br"):
            br.replace_with("\n")
        for tag in soup.find_all(_BLOCK_TAGS):
            tag.insert_after("\n\n" if tag.name in _PARAGRAPH_TAGS else "\n")
        text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------- quoted mail

_WROTE_END = re.compile(r"(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev)\s*:\s*$", re.IGNORECASE)
_WROTE_START = re.compile(r"^\s*(on|am|le|el|il|op|den|em)\s", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|"
                       r"forwarded message)\s*-{2,}\s*$", re.IGNORECASE)
_BEGIN_FORWARDED = re.compile(r"^\s*begin\s+forwarded\s+message\s*:\s*$", re.IGNORECASE)  # Apple Mail
# An Outlook-style header block of the quoted mail, in the languages mail clients write it in.
_HEADER_FROM = re.compile(r"^\s*\**(from|von|de|da|van|från|fra|od)\s*:\**\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\**(sent|date|gesendet|datum|envoyé|enviado(?:\s+el)?|fecha|inviato|data|"
                          r"verzonden|skickat|sendt|to|an|à|para|a|aan|till|til|subject|betreff|objet|asunto|"
                          r"oggetto|onderwerp|ämne|emne|cc)\s*:", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")


def strip_quoted(text: str) -> str:
    """The mail's own text: lines quoted with ">" removed, and everything from an attribution
    ("On ... wrote:", "-----Original Message-----", an Outlook From:/Sent: block) onward cut off.
    An "On ... wrote:" followed by ">" lines only loses those lines (bottom-posted replies)."""
    lines = text.split("\n")
    cut = _cut_index(lines)
    if cut is not None:
        start, width = cut
        after = lines[start + width:]
        # After "On ... wrote:" with ">" lines below, the text after them is new: keep it.
        bottom_posted = _is_wrote(lines, start) and _next_is_quoted(after)
        lines = lines[:start] + after if bottom_posted else lines[:start]
    kept = [line for line in lines if not line.lstrip().startswith(">")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _cut_index(lines: list[str]) -> tuple[int, int] | None:
    """(index, number of lines) of the first attribution, if any."""
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        if _is_wrote(lines, i):
            return (i, 1 if _WROTE_END.search(line) else 2)
        if _ORIGINAL.match(line) or _BEGIN_FORWARDED.match(line):
            return (i, 1)
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in lines[i + 1:i + 4]):
            return (i, 1)
        if _UNDERSCORES.match(line) and any(_HEADER_FROM.match(n) for n in lines[i + 1:i + 3]):
            return (i, 1)
    return None


def _is_wrote(lines: list[str], i: int) -> bool:
    line = lines[i]
    if not _WROTE_START.match(line):
        return False
    if _WROTE_END.search(line):
        return True
    # Gmail wraps long attributions: "On Mon, ... Megan One <\nxxx@gmail.com> wrote:"
    return i + 1 < len(lines) and bool(_WROTE_END.search(lines[i + 1])) and len(line) < 200


def _next_is_quoted(after: list[str]) -> bool:
    for line in after:
        if line.strip():
            return line.lstrip().startswith(">")
    return False
