"""The benchmark corpus is deterministic and valid: same arguments, same bytes, no errors.

Every post has its own cover photo, drawn or taken from the photo cache with the same
bytes; the process-tree memory sampler sees memory held by child processes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from conftest import REPO, TODAY

sys.path.insert(0, str(REPO / "bench"))
import measure  # bench/ is a folder of scripts, not a package


def _generate(out: Path, cache: str, posts: int = 6, layout: str = "advocacy") -> dict[str, str]:
    env = {**os.environ, "ADVOCACY_BENCH_PHOTO_CACHE": cache}
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench/corpus.py"),
            "--posts",
            str(posts),
            "--out",
            str(out),
            "--layout",
            layout,
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_corpus_is_deterministic_and_passes_the_check(tmp_path: Path) -> None:
    cache = str(tmp_path / "photos")
    first = _generate(tmp_path / "a", cache)  # draws every photo into the empty cache
    assert len(list((tmp_path / "photos").glob("*.jpg"))) == 6
    assert first == _generate(tmp_path / "b", cache)  # photos from the cache
    assert first == _generate(tmp_path / "c", "off")  # photos drawn again, no cache
    assert sum(name.endswith(".md") and "/posts/" in name for name in first) == 6
    env = {**os.environ, "ADVOCACY_TODAY": TODAY, "ADVOCACY_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.run(
        [sys.executable, "-m", "advocacy", "check"],
        cwd=tmp_path / "a",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_post_has_its_own_photo_in_both_layouts(tmp_path: Path) -> None:
    cache = str(tmp_path / "photos")
    ours = _generate(tmp_path / "ours", cache, posts=8)
    theirs = _generate(tmp_path / "theirs", cache, posts=8, layout="material")
    covers = {name: digest for name, digest in ours.items() if name.startswith("media/bench/")}
    assert len(covers) == len(set(covers.values())) == 8
    assert {f"docs/{name}": digest for name, digest in covers.items()} == {
        name: digest for name, digest in theirs.items() if name.startswith("docs/media/bench/")
    }
    with Image.open(tmp_path / "ours/media/bench/1.jpg") as photo:
        assert (photo.format, photo.size) == ("JPEG", (1600, 900))
    assert (tmp_path / "ours/media/bench/1.jpg").stat().st_size > 100_000  # photo-like


def test_peak_memory_counts_child_processes(tmp_path: Path) -> None:
    child = "import time; b = b'y' * (150 << 20); time.sleep(0.6)"
    parent = (
        "import subprocess, sys; b = b'x' * (150 << 20); "
        f"subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    )
    result = measure.run([sys.executable, "-c", parent], tmp_path, dict(os.environ))
    assert result.largest_mb < 250 < min(result.peak_mb, result.pss_mb), result
    assert result.returncode == 0 and result.seconds >= 0.6
