"""The plan cache: a plan and its interviews as bytes in the state store, read back only as the planner's
own data types, so that a damaged or altered cache cannot run code. A run whose inputs did not change
reuses the last plan (runner, `State.plan_cache`)."""

from __future__ import annotations

import io
import pickle
from zoneinfo import ZoneInfo

from agent.core.lifecycle import Plan
from agent.core.model import Interview

_PICKLE_MODULES = {"agent.core.model", "agent.core.lifecycle", "agent.core.replies", "agent.core.briefing",
                   "agent.core.self_notes",
                   "datetime", "zoneinfo", "zoneinfo._zoneinfo"}
_PICKLE_BUILTINS = {"set", "frozenset", "tuple", "list", "dict"}


class _PlanUnpickler(pickle.Unpickler):
    """Loads only the planner's own data types: a damaged or altered cache cannot run code."""

    def find_class(self, module: str, name: str):
        if module == "builtins" and name == "getattr":
            return _zoneinfo_getattr  # how a ZoneInfo pickles itself: getattr(ZoneInfo, "_unpickle")
        if module in _PICKLE_MODULES or (module == "builtins" and name in _PICKLE_BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a plan")


def _zoneinfo_getattr(obj: object, name: str) -> object:
    if obj is ZoneInfo and name == "_unpickle":
        return ZoneInfo._unpickle  # type: ignore[attr-defined]
    raise pickle.UnpicklingError(f"getattr({obj!r}, {name!r}) is not part of a plan")


def dump(result: Plan, interviews: dict[str, Interview]) -> bytes:
    """A plan and its interviews as bytes for the state store's plan cache."""
    return pickle.dumps((result, interviews), protocol=pickle.HIGHEST_PROTOCOL)


def load(data: bytes) -> tuple[Plan, dict[str, Interview]] | None:
    """What dump_plan wrote, or None when it cannot be read back (another version, damage)."""
    try:
        result, interviews = _PlanUnpickler(io.BytesIO(data)).load()
    except Exception:
        return None
    return (result, interviews) if isinstance(result, Plan) and isinstance(interviews, dict) else None
