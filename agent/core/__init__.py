"""The judgment, pure: detection, people and companies, dates, replies, the lifecycle, composing drafts.

Plain data in, plain data out, one clock handed in; no file, socket, process or database access
(`tests/unit/test_architecture.py` holds it to that). The shell around it (`agent/`) does the I/O.
"""
