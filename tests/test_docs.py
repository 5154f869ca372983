"""The adopters' documents stay true: the contract's copy is the team's contract plus the
kit's additions, and every command and plugin option is in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.cli.main import build_parser
from advocacy.mkdocs_plugin.config import AdvocacyConfig

REPO = Path(__file__).resolve().parents[1]
CONTRACT = REPO / "docs" / "contract.md"
SHARED = REPO.parent / "shared" / "design" / "contract.md"


@pytest.mark.skipif(not SHARED.is_file(), reason="the team's contract is not beside the repo")
def test_the_copy_starts_with_the_contract_unchanged() -> None:
    assert CONTRACT.read_text("utf-8").startswith(SHARED.read_text("utf-8"))


def test_every_command_and_option_is_documented() -> None:
    text = CONTRACT.read_text("utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    missing = [name for name in commands if f"advocacy {name}" not in text]
    options = [name for name, _ in AdvocacyConfig._schema]
    missing += [f"option {name}" for name in options if f"`{name}`" not in text]
    assert missing == []
