"""Write the hostile corpus into a folder, one subfolder per case, with a README of what each is.

``python tests/data/make_hostile.py OUT [NAME ...]``. The tests build each case in a scratch
folder instead (``tests/test_hostile.py``); this is for a person who wants to try one by hand:
``socprev-kit validate OUT/<case>/<path>``. Some cases are hostile on purpose (a link to
``/dev/zero``, a named pipe, a compression bomb): read the README before opening them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import all_cases  # noqa: E402


def main(out: str, *names: str) -> None:
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    lines = ["# Hostile corpus\n", "| case | topic | path | what it is |", "|---|---|---|---|"]
    for name, c in all_cases().items():
        if names and name not in names:
            continue
        folder = root / name
        folder.mkdir()
        built = c.build(folder)
        lines.append(f"| {name} | {c.topic} | {built.path} | {' '.join(c.note.split())} |")
    (root / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} cases written to {root}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*sys.argv[1:])
