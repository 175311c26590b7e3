"""Print the requirements of one optional-dependencies extra of pyproject.toml, one argument each (for pip).

``make install-training`` installs the package with ``--no-deps`` and then only ``training``'s list, so a training
room's laptops get what the lessons need without the batch, PDF, cluster and map dependencies.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def requirements(extra: str) -> list[str]:
    extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    if extra not in extras:
        raise SystemExit(f"pyproject.toml has no extra {extra!r}; extras: {', '.join(sorted(extras))}")
    return list(extras[extra])


if __name__ == "__main__":
    # unquoted: make passes the words of a command substitution to pip as they are (no requirement has a space)
    print(" ".join(requirements(sys.argv[1] if len(sys.argv) > 1 else "training")))
