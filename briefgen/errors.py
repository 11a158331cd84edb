"""Domain errors. The library raises these; the CLI turns them into one line."""


class BriefgenError(Exception):
    """An error the user can act on. `exit_code` is what the CLI exits with."""

    exit_code = 1


class UsageError(BriefgenError):
    """Wrong options, unknown names: exit code 2."""

    exit_code = 2


class ConfigError(UsageError):
    """One or more problems in config.yaml, each as `file:LINE: key.path: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class TemplateError(UsageError):
    """A template that cannot be loaded or rendered, with its name and line."""


class StoreBusyError(BriefgenError):
    """Another briefgen process holds the store."""


class StoreError(UsageError):
    """The store cannot be opened or written: a wrong --store path, a folder that is
    not writable, a file that is no SQLite store, a full disk. Exit code 2."""


class InputError(BriefgenError):
    """An input file that could not be read."""
