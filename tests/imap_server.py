"""A throwaway Dovecot IMAP server on 127.0.0.1 for the IMAP tests (providers.md section 5).

One server per pytest session, in a private temp root (its own base_dir, state_dir and instance name, so
it never meets a system Dovecot), plaintext login on loopback (Dovecot counts loopback as secured), plus STARTTLS on
the same port and implicit TLS on `tls_port` with a self-signed certificate (`cert_file`) for the TLS tests,
mail stored as Maildir under `<root>/mail/<user>` owned by `nobody` (Dovecot refuses uid 0). Each test
gets its own user (`add_user`): the passwd-file is re-read by Dovecot when it changes, so users can be
added while the server runs.

XOAUTH2 / OAUTHBEARER logins are checked by Dovecot itself: an oauth2 passdb (2.3; 2.4 has an `oauth2 {}`
block instead) asks `introspection` (tests/oauth_introspection.py, an RFC 7662 endpoint on loopback started
and stopped with the server) whether the bearer token is active for the user. Password logins never
reach it (the passdb is limited to the OAuth mechanisms).

Needs the `dovecot` binary (Debian: `apt-get install dovecot-imapd`) and root, because the mail processes
switch to `nobody`.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.oauth_introspection import IntrospectionServer

HOW_TO_ENABLE = ("the IMAP tests need Dovecot and root: run them as root with dovecot-imapd installed "
                 "(`apt-get install -y --no-install-recommends dovecot-imapd`), or use scripts/test, which "
                 "installs it")


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie (a zombie has an empty cmdline)."""
    try:
        return bool(Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return False


def _self_signed_certificate(cert_path: Path, key_path: Path) -> None:
    """A throwaway certificate for 127.0.0.1 and localhost (cryptography comes with msal)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)


class DovecotUnavailable(RuntimeError):
    """Dovecot cannot be started here; the message says how to enable the tests."""


def free_port() -> int:
    """A port nobody listens on: bind port 0, read what the kernel chose, release it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dovecot_version() -> str | None:
    exe = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    if exe is None:
        return None
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


class DovecotServer:
    """A running Dovecot: `host`, `port`, `add_user()`, `kill_sessions(user)`, `log()`, `stop()`."""

    host = "127.0.0.1"

    def __init__(self, *, log_commands: bool = False) -> None:
        """`log_commands`: Dovecot logs every IMAP command it finishes ("Command finished: ..."), for
        counting a client's commands on the server side (scripts/bench_imap.py)."""
        self.log_commands = log_commands
        self.root = Path()
        self.port = 0
        self.tls_port = 0
        self.cert_file = Path()
        self.pid = 0
        self.users_file = Path()
        self.introspection = IntrospectionServer()
        self._pool: list[tuple[str, str]] = []

    # -- lifecycle -----------------------------------------------------------------------------------

    def start(self) -> DovecotServer:
        version = dovecot_version()
        if version is None:
            raise DovecotUnavailable("dovecot is not installed; " + HOW_TO_ENABLE)
        if os.geteuid() != 0:
            raise DovecotUnavailable("not running as root; " + HOW_TO_ENABLE)
        self.port = free_port()
        self.tls_port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="imaptest-"))
        self.root.chmod(0o755)  # the login and mail processes run as dovenull / nobody
        for sub in ("mail", "run", "state"):
            (self.root / sub).mkdir()
        nobody = pwd.getpwnam("nobody")
        nogroup = grp.getgrgid(nobody.pw_gid).gr_name
        os.chown(self.root / "mail", nobody.pw_uid, nobody.pw_gid)
        self.users_file = self.root / "users"
        self.users_file.write_text("")
        self.cert_file = self.root / "cert.pem"
        _self_signed_certificate(self.cert_file, self.root / "key.pem")
        self.introspection.start()
        (self.root / "dovecot-oauth2.conf.ext").write_text(self._oauth2_ext())
        conf = self.root / "dovecot.conf"
        conf.write_text(self._config(version, nogroup))
        check = subprocess.run(["dovecot", "-c", str(conf), "-n"], capture_output=True, text=True, check=False)
        if check.returncode != 0:
            self._cleanup()
            raise RuntimeError(f"dovecot rejected the test config: {check.stderr.strip()}")
        # The daemon inherits stdout/stderr: hand it files, not pipes, or reading them never ends.
        with open(self.root / "start.log", "wb") as out:
            done = subprocess.run(["dovecot", "-c", str(conf)], stdin=subprocess.DEVNULL, stdout=out,
                                  stderr=subprocess.STDOUT, check=False)
        if done.returncode != 0:
            message = (self.root / "start.log").read_text(errors="replace").strip()
            self._cleanup()
            raise RuntimeError(f"dovecot did not start: {message}")
        pid_file = self.root / "run" / "master.pid"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if pid_file.exists() and pid_file.read_text().strip():
                try:
                    with socket.create_connection((self.host, self.port), timeout=1):
                        self.pid = int(pid_file.read_text().strip())
                        return self
                except OSError:
                    pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not listen on {self.host}:{self.port}; see {self.root}/dovecot.log")

    def _oauth2_ext(self) -> str:
        """Dovecot 2.3's oauth2 passdb settings: RFC 7662 introspection by POST, the user named by
        `username`, and only tokens answered `"active": true` accepted."""
        return (f"introspection_mode = post\nintrospection_url = {self.introspection.url}\n"
                f"username_attribute = username\nactive_attribute = active\nactive_value = true\n")

    def _config(self, version: str, nogroup: str) -> str:
        root = self.root
        if version.startswith("2.3"):
            auth = f"""mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = {root}/users
  mechanisms = plain login
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/dovecot-oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid=nobody gid={nogroup} home={root}/mail/%u
}}"""
            head, kw = "", "address"
            tls = f"ssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem"
        else:  # 2.4 syntax is incompatible with 2.3
            auth = f"""mail_driver = maildir
mail_path = ~/Maildir
passdb passwd-file {{
  passwd_file_path = {root}/users
}}
# 2.4: the OAuth mechanisms check tokens through these settings, without a passdb (untested here:
# this machine has 2.3).
oauth2 {{
  introspection_mode = post
  introspection_url = {self.introspection.url}
  username_attribute = username
  active_attribute = active
  active_value = true
}}
userdb static {{
  fields {{
    uid = nobody
    gid = {nogroup}
    home = {root}/mail/%{{user}}
  }}
}}"""
            head, kw = "dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n", "listen"
            tls = f"ssl_server_cert_file = {root}/cert.pem\nssl_server_key_file = {root}/key.pem"
        # Drafts and Sent carry their SPECIAL-USE flags but are not auto-created: each test mailbox
        # creates them, so a test can also take them away.
        return f"""{head}protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = imaptest-{self.port}
log_path = {root}/dovecot.log
ssl = yes
{tls}
auth_mechanisms = plain login xoauth2 oauthbearer
# Tests refuse logins on purpose: answer them at once, not after the default 2 s, and keep no per-IP
# penalty (anvil-auth-penalty off, as Dovecot documents) that would delay the next test's logins.
auth_failure_delay = 0
verbose_proctitle = yes
{"log_debug = event=imap_command_finished" if self.log_commands else ""}
{auth}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
  }}
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  inet_listener imap {{
    {kw} = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    {kw} = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
"""

    def stop(self) -> None:
        """Stop the master by its PID, wait for it, and remove the root."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            self.pid = 0
        self._cleanup()

    def _cleanup(self) -> None:
        self.introspection.stop()
        if self.root != Path() and self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)

    # -- users ---------------------------------------------------------------------------------------

    def add_user(self) -> tuple[str, str]:
        """A fresh user with its own empty mailbox; returns (username, password)."""
        if not self._pool:
            self._grow_pool()
        return self._pool.pop(0)

    def _grow_pool(self, count: int = 100) -> None:
        # Dovecot looks at the passwd-file at most once per second (then re-reads it when it changed),
        # so users are written in batches, and a batch is handed out only once that second is over.
        batch = [(f"u{secrets.token_hex(5)}", secrets.token_urlsafe(12)) for _ in range(count)]
        with open(self.users_file, "a", encoding="utf-8") as handle:
            handle.writelines(f"{name}:{{PLAIN}}{password}::::::\n" for name, password in batch)
        time.sleep(1.1)
        self._pool.extend(batch)

    def mail_dir(self, user: str) -> Path:
        return self.root / "mail" / user / "Maildir"

    def session_pids(self, user: str) -> list[int]:
        """PIDs of the imap processes serving `user` (verbose_proctitle shows "imap [user ip ...]")."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\x00", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if "imap [" in title and f"[{user} " in title and "imap-login" not in title:
                pids.append(int(entry.name))
        return pids

    def kill_sessions(self, user: str) -> int:
        """Kill every imap process serving `user`, as a crash or a network cut would. Returns how many."""
        pids = self.session_pids(user)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5  # gone, and so its end of the socket closed
        while time.monotonic() < deadline and any(_running(pid) for pid in pids):
            time.sleep(0.02)
        return len(pids)

    def log(self) -> str:
        try:
            return (self.root / "dovecot.log").read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
