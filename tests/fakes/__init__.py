"""Loopback fakes of the cloud mail services (Gmail + Google Calendar here; Graph in its own files).

Each fake serves a Maildir++ tree as an account's mailbox, checks every request against the service's
published API description, and can start standalone (`python -m tests.fakes.<name> --maildir DIR`).
"""
