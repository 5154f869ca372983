"""The plugin's options are checked by MkDocs' own config classes: a bad value is a clear
configuration error naming the option, for the build and the command line alike, never a
traceback."""

from __future__ import annotations

from pathlib import Path

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


# -- mkdocs.yml is read safely before MkDocs reads it -----------------------------------------


def _config_refused(site: FixtureSite, marker: Path) -> str:
    """Every command that reads mkdocs.yml refuses it with exit 2 and runs none of its code."""
    said = ""
    for command in (("check",), ("rules",), ("consent",), ("traces", "mette-hansen")):
        proc = site.run(*command, "--lang", "en")
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        said = proc.stderr.strip()
    assert not marker.exists()
    return said


def test_hooks_in_mkdocs_yml_are_refused_before_they_run(site: FixtureSite) -> None:
    marker = site.root.parent / "hook-ran"
    site.write("hook.py", f"open({str(marker)!r}, 'w').write('ran')\n")
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", text + "hooks:\n  - hook.py\n")
    line = text.count("\n") + 1
    assert _config_refused(site, marker) == (
        f"advocacy: mkdocs.yml:{line}: 'hooks' names Python files that MkDocs runs when it "
        "reads the configuration; advocacy never runs a repository's code. Remove 'hooks' "
        "(what the site needs belongs in the advocacy plugin)."
    )


def test_an_inherited_file_is_read_as_safely_as_mkdocs_yml(site: FixtureSite) -> None:
    marker = site.root.parent / "inherit-ran"
    site.write(
        "base.yml",
        f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", "INHERIT: base.yml\n" + text)
    said = _config_refused(site, marker)
    assert said.startswith("advocacy: base.yml:2: the tag 'tag:yaml.org,2002:python/object/apply")
    # hooks in the parent are refused too
    site.write("base.yml", "hooks:\n  - hook.py\n")
    assert _config_refused(site, marker).startswith("advocacy: base.yml:1: 'hooks' names")


@pytest.mark.parametrize(
    ("inherit", "said"),
    [
        (
            "../outside.yml",
            "advocacy: mkdocs.yml: '../outside.yml' is outside the repository; the "
            "configuration is read only from files inside it.",
        ),
        (
            "linked.yml",
            "advocacy: mkdocs.yml: 'linked.yml' is a symbolic link; the configuration is never "
            "read through a link (it could lead anywhere on the machine). Use a plain file.",
        ),
    ],
)
def test_inherit_stays_inside_the_repository(site: FixtureSite, inherit: str, said: str) -> None:
    outside = site.root.parent / "outside.yml"
    outside.write_text("site_name: Elsewhere\n", encoding="utf-8")
    (site.root / "linked.yml").symlink_to(outside)
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", f"INHERIT: {inherit}\n" + text)
    assert _config_refused(site, site.root.parent / "nothing") == said


def test_a_module_of_the_repository_is_never_imported(site: FixtureSite) -> None:
    """``python -m advocacy`` puts the current folder on sys.path: a Markdown extension or a
    ``!!python/name:`` that names a file of the repository is not found there."""
    marker = site.root.parent / "module-ran"
    site.write("evilext.py", f"open({str(marker)!r}, 'w').write('ran')\n")
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", text + "markdown_extensions:\n  - evilext\n")
    proc = site.check("--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "evilext" in proc.stderr and not marker.exists()
    site.write("mkdocs.yml", text + "extra:\n  x: !!python/name:evilext.run\n")
    proc = site.check("--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not marker.exists()


def test_python_name_only_names_the_packages_a_site_uses(site: FixtureSite) -> None:
    """The toc's slugify is called with every heading: ``shutil.rmtree`` there would delete
    a folder named like one."""
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        text + "extra:\n  slug: !!python/name:shutil.rmtree\n",
    )
    proc = site.check("--lang", "en")
    assert proc.returncode == 2
    line = text.count("\n") + 2
    assert proc.stderr == (
        f"advocacy: mkdocs.yml:{line}: '!!python/name:shutil.rmtree' names a function outside "
        "the packages a site uses (advocacy, markdown, pymdownx, material).\n"
    )
