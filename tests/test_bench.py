"""The benchmark corpus is deterministic and valid: same arguments, same bytes, no errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, TODAY


def _generate(out: Path, posts: int = 6) -> dict[str, str]:
    subprocess.run([sys.executable, str(REPO / "bench/corpus.py"), "--posts", str(posts),
                    "--out", str(out)], check=True, capture_output=True)
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_corpus_is_deterministic_and_passes_the_check(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a")
    assert first == _generate(tmp_path / "b")
    assert sum(name.endswith(".md") and "/posts/" in name for name in first) == 6
    env = {**os.environ, "ADVOCACY_TODAY": TODAY, "ADVOCACY_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.run([sys.executable, "-m", "advocacy", "check"], cwd=tmp_path / "a",
                          env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
