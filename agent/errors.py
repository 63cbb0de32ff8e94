"""The agent's exceptions, grouped by what the caller does about them.

- ``ConfigError``: stop and tell the user which key or file to fix.
- ``AuthError``: stop and tell the user to check their credentials.
- ``TransientError``: retry later, with backoff and jitter.
- ``SendRefused``: the server refused a message for good; mark the draft
  failed, keep it, and say why.
- ``ScenarioError``: a replay scenario cannot be read.

Library exceptions are translated into these at the adapter boundary
(``raise ... from exc``); nothing above the adapters catches library types.
"""

from __future__ import annotations


class AgentError(Exception):
    """Base of every error the agent raises on purpose."""


class ConfigError(AgentError):
    """The configuration is missing, malformed or names an unknown key."""


class AuthError(AgentError):
    """The server refused the credentials."""


class TransientError(AgentError):
    """A network or server problem that may pass: retry later."""


class SendRefused(AgentError):
    """The server refused a message permanently."""


class ScenarioError(AgentError):
    """A replay scenario directory cannot be read."""
