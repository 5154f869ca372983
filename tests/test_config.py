"""The plugin's options are checked by MkDocs' own config classes: a bad value is a clear
configuration error naming the option, for the build and the command line alike, never a
traceback."""

from __future__ import annotations

import pytest

from conftest import FixtureSite


def _options(site: FixtureSite, extra: str) -> None:
    """Give the plugin ``extra`` options, in place of any it had of the same name."""
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    assert "  - advocacy:\n" in text
    key = extra.split(":", 1)[0]
    text = "".join(x for x in text.splitlines(keepends=True) if not x.startswith(key + ":"))
    site.write("mkdocs.yml", text.replace("  - advocacy:\n", "  - advocacy:\n" + extra, 1))


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("      per_page: 0\n", "0 is not allowed: use a number from 1 to 100."),
        ("      per_page: ten\n", "per_page"),
        ("      feed_size: -1\n", "-1 is not allowed: use a number from 1 to 500."),
        (
            "      timezone: Europe/Aarhus\n",
            "'Europe/Aarhus' is not a time zone: write it like 'Europe/Copenhagen'.",
        ),
        (
            "      cards:\n        background: red\n",
            "'red' is not a colour: write it as #rrggbb, for example '#0e4d64'.",
        ),
        (
            "      cards:\n        logo: media/brand/missing.png\n",
            "The file 'media/brand/missing.png' does not exist.",
        ),
        (
            "      cards:\n        logo: ../outside.png\n",
            "'../outside.png' must be a path in the repository, like 'media/brand/logo.png', to a "
            ".png/.jpg/.jpeg file.",
        ),
    ],
)
def test_a_bad_option_is_a_configuration_error(site: FixtureSite, extra: str, said: str) -> None:
    site.author("mette-hansen", "Mette Hansen")
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20")
    _options(site, extra)
    result = site.build()
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert said in result.log
    assert "Config value 'plugins'" in result.log or "Aborted with" in result.log
    proc = site.check()
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert said in proc.stderr


def test_a_symbolic_link_is_no_card_logo(site: FixtureSite) -> None:
    site.image("media/brand/real.png")
    (site.root / "media/brand/logo.png").symlink_to(site.root / "media/brand/real.png")
    _options(site, "      cards:\n        logo: media/brand/logo.png\n")
    result = site.build()
    assert result.returncode == 1
    assert (
        "'media/brand/logo.png' is not a plain file (a symbolic link or a folder is never used)."
    ) in result.log
