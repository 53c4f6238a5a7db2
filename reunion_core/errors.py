"""Errors the core raises, each with a message a person can act on."""


class ReunionError(Exception):
    """Base for every error Take Two shows to a person instead of a traceback."""


class ValidationError(ReunionError):
    """Input that cannot be saved as it is: nothing was written."""


class StoreLocked(ReunionError):
    """The data file is held by another Take Two (or another program)."""


class StoreUnreadable(ReunionError):
    """The file at the data path is damaged, or not a Take Two database; it was not touched."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class StoreTooNew(StoreUnreadable):
    """The file was written by a newer Take Two; it was not touched."""


class NotFound(ReunionError):
    """The entry asked for no longer exists."""


class ImportRefused(ReunionError):
    """An import file that is not a Take Two export, is damaged, or is from a newer version."""


class FileProblem(ReunionError):
    """The data file could not be moved, copied or removed; nothing was changed."""


class ChangedElsewhere(ReunionError):
    """The entry was changed in another window since it was opened for editing; nothing was written."""


class JournalLocked(ReunionError):
    """The journal has a passphrase and is locked: nothing of it can be read until it is opened."""


class WrongPassphrase(ReunionError):
    """The passphrase given does not open this journal (or this export); nothing was shown or changed."""


class Tampered(StoreUnreadable):
    """In a journal with a passphrase, a value that should be sealed is not, or does not open: it was
    changed outside Take Two (or damaged on disk), so it is never shown as the person's own."""
