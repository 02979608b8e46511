"""Message-IDs as the providers compare them: one spelling for a header's value, and the value read from
a message's header block. Every provider looks drafts up by Message-ID (find_draft, draft_status,
delete_draft), so they must all normalise it the same way.
"""

from __future__ import annotations

from email.parser import BytesHeaderParser
from email.policy import compat32


def norm_mid(value: str | None) -> str:
    """A Message-ID without white space, in angle brackets ("a@b" and " <a@b>" both give "<a@b>")."""
    text = "".join(str(value or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


def bare_mid(value: str) -> str:
    """A Message-ID without white space or angle brackets, as search queries take it ("a@b")."""
    return "".join(value.split()).strip("<>")


def is_message_id(value: str) -> bool:
    """True for a Message-ID in angle brackets ("<a@b>"); False for a draft ref, which never has that shape
    (`Provider.delete_draft` takes either)."""
    text = value.strip()
    return text.startswith("<") and text.endswith(">")


def header_message_id(raw: bytes) -> str:
    """The normalised Message-ID of a message or of its header block alone, "" when it has none."""
    end = raw.find(b"\r\n\r\n")
    end = raw.find(b"\n\n") if end < 0 else end
    head = raw if end < 0 else raw[:end + 2]
    value = BytesHeaderParser(policy=compat32).parsebytes(head).get("Message-ID")
    return norm_mid(str(value)) if value else ""
