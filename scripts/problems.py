"""A problem found in the data, located by file, line and column, and how it is reported."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is, what was there, and what was expected."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""
    value: str | None = None
    expected: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(f"column {self.field!r}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f"value {shown!r}")
        return ": ".join(parts) + f": expected {self.expected}"


def report(problems: list[Problem]) -> str:
    """All problems, sorted by place, and a count."""
    lines = [str(p) for p in sorted(set(problems))]
    lines.append(f"{len(set(problems))} problem(s) found." if problems else "No problems found.")
    return "\n".join(lines)


class Stop(Exception):
    """A step cannot go on: its message says why and what to do, after the problems that stopped it."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []
