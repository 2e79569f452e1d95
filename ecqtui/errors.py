"""The one exception a command raises to stop with a message instead of a traceback."""


class CommandError(Exception):
    """Stop the command: print ``message`` to stderr and exit with ``code``."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code
