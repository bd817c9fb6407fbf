"""One family of errors, each with a message a non-programmer can act on."""


class StoryLensError(Exception):
    """Base class: `str(error)` is a one-line message for the user.

    Messages say what was wrong, what is allowed, and what to do next.
    """

    code = "storylens-error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInputError(StoryLensError):
    """The file or pasted text cannot become an article."""

    code = "bad-input"


class DuplicateArticleError(StoryLensError):
    """The article is already in the store (same text or a near copy)."""

    code = "duplicate"


class StoreError(StoryLensError):
    """The store on disk cannot be opened or written."""

    code = "store"


class ModelUnavailableError(StoryLensError):
    """The embedding model named in settings cannot be loaded offline."""

    code = "model-unavailable"


class SettingsError(StoryLensError):
    """A setting (environment variable) has a value StoryLens cannot use."""

    code = "settings"
