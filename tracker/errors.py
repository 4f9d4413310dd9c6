"""One error tree for the whole of tracker, grouped by what the caller can do about it.

    TrackerError                        # default message = the class docstring
    ├── UsageError                      # the command line is wrong (exit 2)
    ├── ConfigError                     # the config file or an environment variable is wrong
    ├── FetchError                      # a feed or page could not be fetched
    │   ├── FeedGoneError               #   410 Gone
    │   ├── RateLimitedError            #   429/503 with Retry-After (retry_after_s)
    │   └── TooLargeError               #   body over the size cap
    ├── ParseError
    │   ├── FeedParseError              # not a feed at all
    │   └── ExtractError                # no article text in a page
    ├── RuleError(file, rule, msg)      # a temporal rule file is invalid
    ├── StoreError
    │   ├── MigrationError
    │   └── NotFoundError               # unknown feed, event, follow-up
    ├── DaemonError                     # e.g. a second daemon on one SQLite file
    └── DigestError
        └── SmtpError

Library errors (httpx, SQLAlchemy, smtplib) are translated in the one module that calls the
library. The CLI prints `Error: <message>` on one line and exits 1 (2 for UsageError).
"""
from __future__ import annotations


class TrackerError(Exception):
    """Something went wrong in tracker."""

    exit_code = 1

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class UsageError(TrackerError):
    """The command line is not valid."""

    exit_code = 2


class ConfigError(TrackerError):
    """The configuration is not valid."""


class FetchError(TrackerError):
    """A feed or page could not be fetched."""


class FeedGoneError(FetchError):
    """The server says the feed is gone for good (410)."""


class RateLimitedError(FetchError):
    """The server asks us to come back later."""

    def __init__(self, message: str | None = None, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class TooLargeError(FetchError):
    """The response is larger than the size cap."""


class ParseError(TrackerError):
    """A document could not be parsed."""


class FeedParseError(ParseError):
    """The document is not a feed that can be read."""


class ExtractError(ParseError):
    """No article text could be extracted from the page."""


class RuleError(TrackerError):
    """A temporal rule file is not valid."""

    def __init__(self, file: str, rule: str, msg: str) -> None:
        super().__init__(f"{file}: rule {rule!r}: {msg}")
        self.file, self.rule, self.msg = file, rule, msg


class StoreError(TrackerError):
    """The database could not be used."""


class MigrationError(StoreError):
    """The database schema could not be brought up to date."""


class NotFoundError(StoreError):
    """No such item."""


class DaemonError(TrackerError):
    """The daemon cannot run."""


class DigestError(TrackerError):
    """The digest could not be built or sent."""


class SmtpError(DigestError):
    """The mail server did not accept the digest."""
