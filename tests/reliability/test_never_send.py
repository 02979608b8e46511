"""B19, the never-send guarantee, over every provider: nothing is sent, replied, forwarded, moved, flagged
or deleted, and the Graph scopes never include Mail.Send.

Two sides:
- static: the source of agent/ and providers/ is read as Python syntax trees; a call, an import or a path
  that could send, move or delete mail fails the test unless it is on the short, explained allow-lists
  below (the refusal lists themselves, files the agent made: a draft's temp file, its own secret files;
  and per provider the one function that deletes the agent's own draft, B25, with the calls it may make).
- dynamic: scenarios replay over every provider with every request recorded (IMAP through the proxy,
  Graph and Gmail in their fakes, $batch items included); each request must be on the allow-list of
  tests/reliability/recorders.py. The crash and fault tests record and check the same way.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import ClassVar

import pytest

from tests.reliability import figures
from tests.reliability.recorders import GMAIL_ALLOWED, GraphRecorder, attach, forbidden_imap
from tests.reliability.recorders import seen as seen_count
from tests.reliability.world import MAILBOXES, own_ids
from tests.scenarios import harness

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted([*REPO.glob("agent/**/*.py"), *REPO.glob("providers/**/*.py")])

# Calls that send or change mail: Gmail/Graph client methods, imaplib/imapclient commands, smtplib.
SEND_LIKE_CALLS = {"send", "sendmail", "send_message", "sendMail", "trash", "untrash", "batchDelete", "batchModify",
                   "modify", "move", "expunge", "uid_expunge", "add_flags", "set_flags", "remove_flags",
                   "add_gmail_labels", "remove_gmail_labels", "set_gmail_labels", "delete_messages", "delete_folder",
                   "rename_folder", "forward", "createForward", "store", "delete", "import_", "insert"}
# IMAP command names passed as strings (imaplib's uid("STORE", ...), _simple_command("EXPUNGE")).
IMAP_VERBS = {"STORE", "EXPUNGE", "MOVE", "COPY", "DELETE", "RENAME", "UID STORE", "UID EXPUNGE", "UID MOVE",
              "UID COPY", "+FLAGS", "-FLAGS", "FLAGS", "\\Deleted"}
# API paths that send or move: Graph actions, Gmail methods.
SEND_LIKE_PATH = re.compile(r"/(send|sendMail|reply|replyAll|forward|createForward|move|copy|trash|untrash|modify|"
                            r"batchModify|batchDelete|permanentDelete)\b", re.IGNORECASE)
SEND_LIKE_WORDS = {"send", "sendMail", "reply", "replyAll", "forward", "move", "copy", "trash", "modify",
                   "batchDelete", "batchModify", "permanentDelete"}
SMTP_MODULES = ("smtplib", "smtpd", "aiosmtplib", "aiosmtpd")
# File operations in the providers, each on a file the agent itself made.
FILE_OPS = {"rename", "replace", "remove", "unlink", "rmdir", "rmtree", "move"}
FILE_OPS_ALLOWED = {
    ("providers/maildir_files.py", "write_new"): "renames its own new file (a draft) from tmp/ to cur/",
    ("providers/maildir_files.py", "_discard_tmp"): "removes its own half-written file (a draft) from tmp/",
    ("providers/imap_secrets.py", "store_password"): "removes its own stale password file",
    ("providers/secret_files.py", "write_private"): ("replaces (or on failure removes its temporary copy of) "
                                                      "the agent's own token, cache, password or config file"),
    ("agent/demo.py", "_write"): "builds the demo's own sample Maildir in a temp folder",
    ("agent/demo.py", "send_drafts"): "the demo playing the user's mail client in its own sample Maildir",
}
# Deleting the agent's own draft (B25): per provider one function, and in it only the calls named (by the
# end of the called expression, or the verb passed), each after the checks that make the target the
# agent's draft in Drafts (the contract suite tests them).
OWN_DRAFT_DELETES = {
    ("providers/maildir_drafts.py", "delete_draft"): ({"os.unlink"}, "removes a file of the Drafts folder flagged D "
                                                                  "(named by Message-ID: carrying exactly it)"),
    ("providers/imap_drafts.py", "delete_draft"): ({"client.add_flags", "client.uid_expunge"},
                                                   "flags \\Deleted and UID EXPUNGEs those UIDs alone, in Drafts, each "
                                                   "flagged \\Draft (named by Message-ID: carrying exactly it)"),
    ("providers/gmail.py", "delete_draft"): ({"drafts().delete"},
                                             "drafts.delete: a draft id names a draft and nothing else"),
    ("providers/outlook_http.py", "delete_message"): ({"DELETE"}, "DELETE me/messages/{id} of an item "
                                                                  "outlook_drafts.delete_draft read back in Drafts "
                                                                  "with isDraft; the client refuses every other "
                                                                  "DELETE"),
}
# Assignments whose values are refusal lists (the words they hold are what is refused).
REFUSAL_NAMES = re.compile(r"FORBIDDEN|REFUSED|NEVER")


def scan(source: str, name: str) -> list[str]:
    """Every send-like construct in one module's source, as "file:line what"."""
    tree = ast.parse(source)
    problems: list[str] = []
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def enclosing(node: ast.AST) -> str:
        while node in parents:
            node = parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node.name
        return ""

    def in_refusal_list(node: ast.AST) -> bool:
        while node in parents:
            node = parents[node]
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                return any(isinstance(t, ast.Name) and REFUSAL_NAMES.search(t.id) for t in targets)
            if isinstance(node, ast.Compare):  # `if last in {...}` / `method == "DELETE"`: a check, not a call
                return True
        return False

    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    def deletes_own_draft(node: ast.AST, what: str) -> bool:
        allowed = OWN_DRAFT_DELETES.get((name, enclosing(node)), (set(), ""))[0]
        return any(what == a or what.endswith("." + a) for a in allowed)

    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module
                                                    else [])
            if any(m.split(".")[0] in SMTP_MODULES for m in mods):
                problems.append(f"{where} imports an SMTP module: {mods}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            called = ast.unparse(node.func)
            if attr in SEND_LIKE_CALLS and not deletes_own_draft(node, called):
                problems.append(f"{where} calls .{attr}(): {ast.unparse(node)[:120]}")
            receiver = ast.unparse(node.func.value)
            is_file_op = attr in FILE_OPS and (receiver in ("os", "shutil") or attr in ("unlink", "rmdir", "rename"))
            if is_file_op and (name, enclosing(node)) not in FILE_OPS_ALLOWED and not deletes_own_draft(node, called):
                problems.append(f"{where} {receiver}.{attr}() in {enclosing(node) or 'module'}: a file operation "
                                f"on mail? (allow-list it with the reason if it only touches the agent's own files)")
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.upper() in IMAP_VERBS \
                        and not deletes_own_draft(node, arg.value):
                    problems.append(f"{where} passes the IMAP verb {arg.value!r}: {ast.unparse(node)[:120]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if in_refusal_list(node):
                continue
            if SEND_LIKE_PATH.search(node.value) or node.value in SEND_LIKE_WORDS:
                problems.append(f"{where} names a send/move endpoint: {node.value[:80]!r}")
    return problems


def test_b19_no_source_line_can_send_move_or_delete_mail() -> None:
    assert len(SOURCES) > 20
    problems = [p for path in SOURCES
                for p in scan(path.read_text(encoding="utf-8"), path.relative_to(REPO).as_posix())]
    figures.put("never_send", "source_files_scanned", len(SOURCES))
    assert not problems, "B19: send-like code:\n" + "\n".join(problems)


@pytest.mark.parametrize("snippet", [
    "service.users().drafts().send(userId='me', body={'id': d}).execute()",
    "service.users().messages().send(userId='me', body=b).execute()",
    "import smtplib",
    "client.post(f'{base}/me/messages/{mid}/send')",
    "graph.json('POST', 'me/sendMail', body=b)",
    "imap.uid('STORE', uid, '+FLAGS', '(\\\\Deleted)')",
    "client.move([uid], 'Archive')",
    "client.expunge()",
    "os.unlink(path_of_a_received_mail)",
    "graph.json('POST', f'me/messages/{key}/forward')",
])
def test_b19_the_scanner_catches_each_kind_of_send(snippet: str) -> None:
    """The static check is not vacuous: each of these would fail it."""
    assert scan(f"def f():\n    {snippet}\n", "providers/new.py")


@pytest.mark.parametrize(("where", "snippet"), [
    ("providers/imap_drafts.py", "def delete_draft(client):\n    client.expunge()"),  # a plain EXPUNGE
    ("providers/imap_drafts.py", "def lookup(client):\n    client.add_flags([1], [DELETED])"),  # elsewhere
    ("providers/maildir.py", "def delete_draft(path):\n    os.unlink(path)"),  # another module
    ("providers/gmail.py", "def delete_draft(gmail):\n    gmail.users().messages().delete(id=m)"),
    ("providers/gmail.py", "def delete_draft(gmail):\n    gmail.users().messages().trash(id=m)"),
    ("providers/outlook_http.py", "def request(self):\n    self.request('DELETE', path)"),
])
def test_b19_deleting_is_allowed_only_where_the_agents_own_draft_is_deleted(where: str, snippet: str) -> None:
    """The allow-list for deleting the agent's drafts is precise: the same call elsewhere, or another
    call in the same function, still fails the check."""
    assert scan(snippet + "\n", where)


def test_b19_graph_scopes_never_include_mail_send_and_gmail_never_asks_send_or_modify() -> None:
    from providers import gmail_auth, outlook_auth

    graph = [s.lower() for s in outlook_auth.GRAPH_SCOPES]
    assert not [s for s in graph if "send" in s or s.endswith((".shared", "mail.readwrite.all"))]
    assert any(s.endswith("/mail.readwrite") for s in graph)  # drafts need it; nothing more
    for calendars in ([], ["primary"], ["work@group.calendar.google.com"]):
        scopes = gmail_auth.scopes_for(calendars)
        assert not [s for s in scopes if s.rstrip("/").endswith(("gmail.send", "gmail.modify", "mail.google.com",
                                                                  "gmail.insert"))], scopes


def test_b19_the_request_checks_catch_each_kind_of_send() -> None:
    commands = ["A1 UID STORE 4 +FLAGS (\\Seen)", "A2 APPEND INBOX (\\Seen) {120}", "A3 EXPUNGE", "A4 UID MOVE 3 Trash",
                "A5 COPY 1 Archive", "A6 DELETE Drafts", "A7 SELECT INBOX", "A8 UID FETCH 1 (BODY[])",
                "A9 APPEND Drafts () {10}", "B1 SELECT Drafts", "B2 UID STORE 7 +FLAGS.SILENT (\\Deleted)",
                "B3 UID EXPUNGE 7"]
    assert forbidden_imap(commands) == commands[:9] + commands[10:]  # SELECT Drafts alone changes nothing
    # A delete checked, when it was sent, to touch the agent's own drafts alone is allowed; nothing else.
    assert forbidden_imap(commands, allowed={10, 11}) == commands[:9]
    assert forbidden_imap(["A1 EXAMINE INBOX", "A2 UID FETCH 1:* (BODY.PEEK[HEADER] RFC822.SIZE)",
                           "A3 APPEND Drafts (\\Draft \\Seen) \"17-Nov-2026 17:00:00 -0500\" {120} "]) == []
    assert "gmail.users.messages.send" not in GMAIL_ALLOWED and "gmail.users.drafts.send" not in GMAIL_ALLOWED

    class Fake:
        violations: ClassVar[list[str]] = []

    layer = GraphRecorder.__new__(GraphRecorder)
    layer.fake = Fake()
    layer.requests = [("POST", "me/messages/AAk=/send"), ("POST", "me/sendMail"), ("DELETE", "me/messages/AAk="),
                      ("POST", "me/messages/AAk=/move"), ("POST", "me/messages/AAk=/createForward")]
    assert len(layer.forbidden()) == 5


# -- every request of a replay, every provider ---------------------------------------------------------------
NEVER_SEND_SCENARIOS = ("14_b16_b18_rejection_before_date", "22_b18_ats_rejection_ack_to_contact",
                        "28_b2_b3_cancelled_invitation", "33_b21_header_injection_in_invitation")
CHOSEN = [f for f in harness.discover() if figures.long_run() or f.name in NEVER_SEND_SCENARIOS]


@pytest.mark.parametrize("kind", sorted(MAILBOXES))
@pytest.mark.parametrize("folder", CHOSEN, ids=[f.name for f in CHOSEN])
def test_b19_every_request_of_a_replay_is_read_or_draft_only(folder: Path, kind: str, tmp_path: Path,
                                                             request: pytest.FixtureRequest) -> None:
    scenario = harness.load(folder)
    mailbox = MAILBOXES[kind](request, tmp_path / "mail")
    seen, layer, stop = attach(kind, mailbox, own=own_ids(tmp_path))  # the agent's earlier briefings (B25)
    try:
        failures = harness.Replay(scenario, seen, tmp_path / "agent").play()  # its B19 snapshot check included
        forbidden = layer.forbidden()
        scopes = list(getattr(layer, "scopes", []))
    finally:
        stop()
        mailbox.close()
    figures.add("never_send", "requests_checked", seen_count(layer))
    figures.add("never_send", "replays", 1)
    assert kind == "maildir" or seen_count(layer) > 0
    assert not forbidden, f"B19: {forbidden}"
    assert not [s for s in scopes if "send" in s.lower()], scopes
    assert not failures, "\n".join(map(str, failures))


# -- deleting: the agent's own drafts alone -----------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(MAILBOXES))
def test_b19_the_recorders_allow_deleting_an_own_twin_and_catch_any_other_delete(kind: str, tmp_path: Path,
                                                                                request: pytest.FixtureRequest) -> None:
    import providers
    from tests.providers.contract import draft

    own, foreign = "<0f3a9c2b7d1e4f5a6b7c8d9e0f1a2b3c@example.net>", "<written-by-the-user@example.net>"
    mailbox = MAILBOXES[kind](request, tmp_path / "mail")
    seen, layer, stop = attach(kind, mailbox, own=lambda: {own})
    opened: list = []
    try:
        def provider():
            opened.append(providers.factory(seen.account()["provider"])(
                {**seen.account(), "_tz": "UTC"}, config_dir=str(tmp_path), state_dir=str(tmp_path)))
            return opened[-1]

        first, second, users = (provider().create_draft(draft(mid), message_id=mid, reply_to=None)
                                for mid in (own, own, foreign))
        assert provider().delete_draft(second) is True  # a twin of the agent's own draft (B20)
        assert layer.forbidden() == []
        assert provider().delete_draft(users) is True  # the provider would; the recorder must catch it (B19)
        caught = layer.forbidden()
    finally:
        for p in opened:
            p.close()
        stop()
        mailbox.close()
    assert caught, "a delete of a draft the agent did not make went unnoticed"
    assert first
