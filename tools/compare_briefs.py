"""Compare two folders of HTML reports: the same files, the same visible text, the same chart images (pixels).

    python tools/compare_briefs.py OLD_DIR NEW_DIR

Every ``*.html`` under OLD_DIR is matched with the same relative path under NEW_DIR. Visible text is the page's text
without scripts, styles and whitespace differences; images are the embedded PNG/SVG charts, compared as decoded
pixels (PNG) or bytes (SVG). Prints one line per difference and a summary; exits 1 when anything differs.
"""

from __future__ import annotations

import base64
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
from PIL import Image


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.images: list[bytes] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        src = dict(attrs).get("src") or ""
        if tag == "img" and src.startswith("data:"):
            self.images.append(base64.b64decode(src.split(",", 1)[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read_page(path: Path) -> tuple[str, list[bytes]]:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(page.text)).strip(), page.images


def same_image(a: bytes, b: bytes) -> bool:
    if a == b:
        return True
    try:
        pa, pb = (np.asarray(Image.open(io.BytesIO(x)).convert("RGBA")) for x in (a, b))
    except OSError:
        return False
    return pa.shape == pb.shape and bool((pa == pb).all())


def compare(old: Path, new: Path) -> list[str]:
    problems = []
    old_pages = {p.relative_to(old) for p in old.rglob("*.html")}
    new_pages = {p.relative_to(new) for p in new.rglob("*.html")}
    problems += [f"only in {old}: {p}" for p in sorted(old_pages - new_pages)]
    problems += [f"only in {new}: {p}" for p in sorted(new_pages - old_pages)]
    images = 0
    for rel in sorted(old_pages & new_pages):
        (text_a, imgs_a), (text_b, imgs_b) = read_page(old / rel), read_page(new / rel)
        images += len(imgs_a)
        if text_a != text_b:
            at = next(i for i, (x, y) in enumerate(zip(text_a + "\0", text_b + "\0", strict=False)) if x != y)
            near = slice(max(at - 40, 0), at + 40)
            problems.append(f"{rel}: text differs at {at}: {text_a[near]!r} vs {text_b[near]!r}")
        if len(imgs_a) != len(imgs_b):
            problems.append(f"{rel}: {len(imgs_a)} images vs {len(imgs_b)}")
        problems += [
            f"{rel}: image {i + 1} differs"
            for i, (a, b) in enumerate(zip(imgs_a, imgs_b, strict=False))
            if not same_image(a, b)
        ]
    print(f"{len(old_pages & new_pages)} pages and {images} images compared; {len(problems)} difference(s)")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = compare(Path(argv[0]), Path(argv[1]))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
