"""Helpers of scripts/bench: a mailbox generator and the measuring harness."""
