"""Business-day arithmetic (B14): Monday to Friday count, the weekend does not."""

from __future__ import annotations

from datetime import date, timedelta


def business_days_after(day: date, n: int) -> date:
    """The day `n` business days (Mon-Fri) after `day`; `day` itself never counts (B14)."""
    current = day
    remaining = n
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current

