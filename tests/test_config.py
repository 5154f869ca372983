"""The plugin's options are checked by MkDocs' own config classes: a bad value is a clear
configuration error naming the option, for the build and the command line alike, never a
traceback."""

from __future__ import annotations

import os
import subprocess
import sys
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


def _extensions(site: FixtureSite, entries: str) -> str:
    """Add ``entries`` (indented list items) at the top of markdown_extensions; the text
    before the change."""
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    assert "markdown_extensions:\n" in text
    site.write(
        "mkdocs.yml", text.replace("markdown_extensions:\n", "markdown_extensions:\n" + entries, 1)
    )
    return text


def _refused_alike(site: FixtureSite, said: str) -> None:
    """``advocacy check`` and ``mkdocs build`` refuse the configuration with the same words."""
    proc = site.check("--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr == f"advocacy: {said}\n"
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert f"advocacy: {said}" in result.log


NAMED = (
    "advocacy.core.model.slugs.toc_slugify, markdown.extensions.toc.slugify, "
    "markdown.extensions.toc.slugify_unicode, material.extensions.emoji.to_svg, "
    "material.extensions.emoji.twemoji, pymdownx.emoji.emojione, pymdownx.emoji.gemoji, "
    "pymdownx.emoji.to_alt, pymdownx.emoji.to_png, pymdownx.emoji.to_png_sprite, "
    "pymdownx.emoji.to_svg, pymdownx.emoji.to_svg_sprite, pymdownx.emoji.twemoji, "
    "pymdownx.superfences.default_validator, pymdownx.superfences.fence_code_format, "
    "pymdownx.superfences.fence_div_format, pymdownx.superfences.highlight_validator"
)


def test_python_name_only_names_a_listed_function(site: FixtureSite) -> None:
    """The toc's slugify is called with every heading: ``shutil.rmtree`` there, even by a
    name under a package a site uses (Material's blog plugin imports it), would delete a
    folder named like one. Only the functions on the list may be named."""
    victim = site.root.parent / "precious"
    (victim / "sub").mkdir(parents=True)
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", body=f"## {victim}\n\nText.\n")
    _extensions(
        site, "  - toc:\n      slugify: !!python/name:material.plugins.blog.plugin.rmtree\n"
    )
    _refused_alike(
        site,
        "mkdocs.yml:20: '!!python/name:material.plugins.blog.plugin.rmtree' is not a function "
        f"a site may name (it is called with the text of every post); these are: {NAMED}.",
    )
    assert victim.is_dir()
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", text.replace("material.plugins.blog.plugin.rmtree", "shutil.rmtree"))
    assert site.check("--lang", "en").stderr.startswith(
        "advocacy: mkdocs.yml:20: '!!python/name:shutil.rmtree' is not a function"
    )


def test_env_and_relative_tags_are_refused(site: FixtureSite) -> None:
    """``!ENV`` would put a variable of HR's computer (a token) into the site or into an
    extension's options (a download's headers)."""
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml", text.replace("site_name: Test Careers", "site_name: !ENV [GH_TOKEN, Careers]")
    )
    _refused_alike(
        site,
        "mkdocs.yml:1: '!ENV' is not allowed: it makes a value of the computer that reads the "
        "file (an environment variable, a folder) part of the site, and a variable may hold a "
        "secret. Write the value itself.",
    )
    site.write("mkdocs.yml", text)
    _extensions(site, "  - pymdownx.snippets:\n      base_path: !relative $config_dir\n")
    assert site.check("--lang", "en").stderr.startswith(
        "advocacy: mkdocs.yml:20: '!relative' is not allowed"
    )


OUTSIDE = "is outside the repository; Markdown extensions read files only from inside it."


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        (
            "  - markdown.extensions.smarty:SmartyExtension\n",
            "mkdocs.yml:19: the Markdown extension 'markdown.extensions.smarty:SmartyExtension' "
            "is not one "
            "advocacy knows to be safe (it runs on every computer that checks a post); a site "
            "may use: abbr, admonition, attr_list,",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: [snippets]\n      url_download: true\n",
            "mkdocs.yml:21: pymdownx.snippets: 'url_download' must be false: a post must never "
            "make the computer that checks it fetch an address (it could send a secret to "
            "anyone). Remove 'url_download'.",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: [snippets]\n"
            "      url_request_headers: {X-Leak: token}\n",
            "mkdocs.yml:21: pymdownx.snippets: 'url_request_headers' is not allowed (snippets "
            "are never downloaded).",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: [snippets]\n"
            "      restrict_base_path: false\n",
            "mkdocs.yml:21: pymdownx.snippets: 'restrict_base_path' must be true: a post must "
            "never include a file from outside the repository, or name one that is missing. "
            "Remove 'restrict_base_path'.",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: ['/']\n",
            f"mkdocs.yml:20: pymdownx.snippets: '/' {OUTSIDE}",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: snippets/../..\n",
            f"mkdocs.yml:20: pymdownx.snippets: 'snippets/../..' {OUTSIDE}",
        ),
        (
            "  - pymdownx.snippets\n",
            "mkdocs.yml:19: pymdownx.snippets: 'base_path': '.' must be a folder inside the "
            "repository, such as 'snippets', not the repository itself (its .git folder may "
            "hold credentials).",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: linked\n",
            "mkdocs.yml:20: pymdownx.snippets: 'base_path': 'linked' goes through a symbolic "
            "link; files are never read through one.",
        ),
        (
            "  - pymdownx.snippets:\n      base_path: snippets\n",
            "mkdocs.yml:20: pymdownx.snippets: 'base_path': 'snippets' holds a symbolic link "
            "('deep/passwd'); files are never read through one (it could lead anywhere on the "
            "machine).",
        ),
        (
            "  - pymdownx.b64:\n      base_path: ~/Pictures\n",
            f"mkdocs.yml:20: pymdownx.b64: '~/Pictures' {OUTSIDE}",
        ),
        (
            "  - pymdownx.emoji:\n      options:\n        custom_icons: [../icons]\n",
            f"mkdocs.yml:21: pymdownx.emoji: '../icons' {OUTSIDE}",
        ),
        ("  - toc:\n      title: /etc/passwd\n", f"mkdocs.yml:20: toc: '/etc/passwd' {OUTSIDE}"),
    ],
)
def test_markdown_extensions_are_held_to_the_repository(
    site: FixtureSite, entries: str, said: str
) -> None:
    """Only known extensions, no downloads, and every path an extension reads inside the
    repository, never through a link: the same for the check (HR's computer, a pull
    request's checkout) and the build."""
    site.write("snippets/deep/note.md", "A note.\n")
    (site.root / "snippets/deep/passwd").symlink_to("/etc/passwd")
    (site.root / "linked").symlink_to(site.root.parent)
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20")
    _extensions(site, entries)
    proc = site.check("--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"advocacy: {said}")
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert f"advocacy: {said}" in result.log


def test_snippets_are_read_from_their_folder_in_the_repository(
    site: FixtureSite, tmp_path: Path
) -> None:
    """A snippets folder inside the repository works, resolved against the repository (not
    the folder the check runs in), and a snippet outside it is an error, not its text."""
    site.write("snippets/note.md", "A note kept in the snippets folder of the site.\n")
    (tmp_path / "secret.md").write_text("SECRET-OUTSIDE\n", encoding="utf-8")
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", body='--8<-- "note.md"\n')
    _extensions(site, "  - pymdownx.snippets:\n      base_path: [snippets]\n")
    result = site.build()
    assert result.returncode == 0, result.log
    page = result.html("blog/2026/11/20/p/")
    assert "A note kept in the snippets folder of the site." in page.get_text()
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", body='--8<-- "../../secret.md"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "advocacy", "check", "--root", str(site.root), "--lang", "en"],
        cwd=tmp_path,
        env={**os.environ, **site.cache_env(), "ADVOCACY_TODAY": "2026-11-28"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "SECRET-OUTSIDE" not in proc.stdout
    assert "(SnippetMissingError). [body-invalid]" in proc.stdout


def test_the_usual_extensions_of_a_material_site_are_allowed(site: FixtureSite) -> None:
    """What Material's documentation sets up (emoji, mermaid fences, highlighting, maths, the
    toc's slugify) passes the check and the build."""
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", body="Text with $x^2$ maths.\n")
    _extensions(
        site,
        "  - toc:\n      permalink: true\n"
        "      slugify: !!python/name:markdown.extensions.toc.slugify\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "  - pymdownx.highlight:\n      anchor_linenums: true\n"
        "  - pymdownx.arithmatex:\n      generic: true\n"
        "  - pymdownx.snippets:\n      base_path: [site_src/snippets]\n",
    )
    proc = site.check("--lang", "en")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    result = site.build()
    assert result.returncode == 0, result.log


def test_an_alias_in_mkdocs_yml_is_refused_before_it_is_expanded(site: FixtureSite) -> None:
    """Nine anchors of ten aliases each are a billion values once expanded: the file is
    refused from its events, never walked."""
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)
    )
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml", laughs + text.replace("  - attr_list\n", "  - toc:\n      title: *a8\n")
    )
    proc = site.run("check", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr == (
        "advocacy: mkdocs.yml:2: the YAML alias '*a0' is not allowed: write the value out in "
        "full (aliases can make a small file endless to read).\n"
    )
