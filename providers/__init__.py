"""Mailbox providers, looked up by the config's `provider` name and imported only when used, so that a
Maildir run never imports the Google or Microsoft libraries."""

from __future__ import annotations

import importlib

from agent.core.errors import ConfigError

# name -> "module:factory"; the factory has the signature of base.ProviderFactory
_REGISTRY = {
    "maildir": "providers.maildir:open_provider",
    "imap": "providers.imap:open_provider",
    "gmail": "providers.gmail:open_provider",
    "outlook": "providers.outlook:open_provider",
}

NAMES = tuple(_REGISTRY)


def factory(name: str):
    """The factory for provider `name`; ConfigError naming the key when there is none."""
    target = _REGISTRY.get(name)
    if target is None:
        raise ConfigError(f"account.provider = {name!r} is not known; use one of: {', '.join(NAMES)}")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise ConfigError(f"account.provider = {name!r} is not available in this version") from exc
        raise
    return getattr(module, attr)
