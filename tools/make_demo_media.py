#!/usr/bin/env python3
"""Draw the demo images for the Kystlinje A/S example blog.

Writes original, illustrative pictures (no photographs) into ``media/2026/``
(1600x900 covers), ``media/authors/`` (600x600 stylised portraits) and
``media/brand/`` (the company's logo and favicon as SVG, a PNG logo for share cards
in the repository's own DejaVu font, the entry page's hero and one picture per
team). Needs only Pillow. The output is deterministic: every scene uses its own
fixed random seed, so running the script twice gives the same files.
The drawing code lives in the ``demo_media`` package next to this script.

    python3 tools/make_demo_media.py            # writes into the repository
    python3 tools/make_demo_media.py --out DIR  # writes into DIR/media/...
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from demo_media import write_all

ROOT = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line, draw every picture and list the files with their sizes."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT,
        help="folder that receives media/ (default: the repository)",
    )
    args = parser.parse_args(argv)
    written = write_all(args.out)
    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        print(f"{size / 1024:7.1f} KB  {path.relative_to(args.out)}")
    print(f"{total / 1024:7.1f} KB  total")


if __name__ == "__main__":
    main()
