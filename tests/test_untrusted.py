"""The repository is untrusted: links, files the check did not judge, committed caches,
withdrawal that cannot fail open, bombs and limits."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from advocacy.core.cache.store import BuildCache, CacheError
from conftest import FixtureSite, assert_no_warnings

POST = "site_src/blog/posts/2026-11-20-p.md"


def _findings(site: FixtureSite) -> list[tuple[str, str, str]]:
    proc = site.check("--format", "json")
    assert "Traceback" not in proc.stderr, proc.stderr
    return [(f["rule"], f["file"], f["severity"]) for f in json.loads(proc.stdout)["findings"]]


def _post(site: FixtureSite, body: str = "Words of my own.\n", extra: str = "") -> None:
    site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", body=body, extra=extra)


# -- symbolic links and files nobody judged ---------------------------------------------------


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("site_src/leak.md", "../policy.yml"),  # a page that is really the policy
        ("site_src/blog/posts/other", "/etc"),  # a folder of posts that is elsewhere
        ("media/a.jpg", "/etc/passwd"),
        ("authors/evil.yml", "mette-hansen.yml"),
    ],
)
def test_symlinks_are_refused_and_never_followed(site: FixtureSite, link: str, target: str) -> None:
    site.write("policy.yml", "confidential_terms: [Projekt Fyrtårn]\n")
    _post(site)
    path = site.root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    assert ("symlink", link, "error") in _findings(site)
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    # Even in hold mode (publish what has no error) nothing of the link's target is copied.
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_ON_ERROR": "hold",
        "ADVOCACY_TODAY": "2026-11-28",
        "NO_MKDOCS_2_WARNING": "1",
    }
    out = site.root.parent / "held-site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(
        p.read_text("utf-8", "replace")
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".md", ".yml", ".txt")
    )
    assert "Fyrtårn" not in text and "root:x:0:0" not in text
    assert not list(out.rglob("leak*")) and not (out / "authors").exists()


def test_files_in_docs_dir_that_are_not_pages_are_refused(site: FixtureSite) -> None:
    site.write("site_src/evil.html", "<script>alert(1)</script>")
    site.write("site_src/x.js", "alert(1)")
    _post(site)
    found = _findings(site)
    assert ("docs-file-refused", "site_src/evil.html", "error") in found
    assert ("docs-file-refused", "site_src/x.js", "error") in found


def test_an_author_photo_is_a_picture_under_media(site: FixtureSite) -> None:
    site.write("policy.yml", "confidential_terms: [Projekt Fyrtårn]\n")
    for photo, rule in (
        ("../policy.yml", "media-outside"),
        ("../../etc/passwd", "media-outside"),
        ("media/notes.txt", "image-unreadable"),
    ):
        site.write("media/notes.txt", "not a picture")
        site.write(
            "authors/ole-dam.yml",
            "name: Ole Dam\nrole: Developer\nteam: IT\n"
            f"photo: {photo}\nconsent: {{profile: 2026-01-10, photo: 2026-01-10, "
            "evidence: HR-1}\n",
        )
        site.simple_post("2026-11-20-p.md", "A story", "2026-11-20", authors="[ole-dam]")
        assert (rule, "authors/ole-dam.yml", "error") in _findings(site), photo


@pytest.mark.parametrize(
    ("name", "data", "rule"),
    [
        ("media/phone.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image-format"),
        ("media/photo.jfif", None, None),  # a JPEG by its bytes: processed, never copied
        (
            "media/logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "file-refused",
        ),
        ("media/report.pdf", b"%PDF-1.4\n%...", "file-refused"),
    ],
)
def test_linked_files_are_processed_or_refused_never_copied(
    site: FixtureSite, name: str, data: bytes | None, rule: str | None
) -> None:
    if data is None:
        (site.root / "media").mkdir(exist_ok=True)
        Image.new("RGB", (900, 600), "teal").save(site.root / name, "JPEG")
    else:
        site.write(name, "")
        (site.root / name).write_bytes(data)
    _post(site, body=f"Words of my own: [the file]({name}).\n")
    found = _findings(site)
    if rule is None:
        assert found == []
        result = site.build()
        assert result.returncode == 0, result.log
        assert_no_warnings(result)
        link = result.html("blog/2026/11/20/p/").select_one(".adv-post__body a")
        assert link["href"].endswith("-900.jpg")  # the processed picture, not the original
        assert not list(result.site.rglob("*.jfif"))
    else:
        assert (rule, POST, "error") in found, found
        assert site.build().returncode == 1


# -- caches -----------------------------------------------------------------------------------


def test_a_committed_cache_is_an_error_and_never_read(site: FixtureSite) -> None:
    _post(site)
    site.write(".cache/advocacy/reads/ab/" + "ab" * 32 + ".json", '{"x": 1}')
    (site.root / ".cache/advocacy/reads.pickle").write_bytes(b"\x80\x04cos\nsystem\n.")
    site.write(".cache/advocacy/images/../../../../escape.json", "{}")
    subprocess.run(["git", "init", "-q"], cwd=site.root, check=True)
    subprocess.run(["git", "add", "-f", "."], cwd=site.root, check=True)
    found = _findings(site)
    assert ("cache-committed", ".cache/advocacy/reads.pickle", "error") in found
    result = site.build()
    assert result.returncode == 1 and "cache-committed" in result.log


def test_cache_names_are_checked_before_they_are_followed(tmp_path: Path) -> None:
    store = BuildCache(tmp_path / "cache", b"s" * 32)
    with pytest.raises(CacheError):
        store.path("images", "../../etc/passwd")
    with pytest.raises(CacheError):
        store.member("images", "../x.webp")
    with pytest.raises(CacheError):
        store.path("pickles", "a" * 64)
    assert store.key("a", "b") != BuildCache(tmp_path / "cache", b"t" * 32).key("a", "b")
    entry = store.path("html", store.key("x"))
    entry.parent.mkdir(parents=True)
    entry.write_text('{"v": 1, "html": 5}')
    assert store.read_json("html", store.key("x"), lambda d: isinstance(d["html"], str)) is None


def test_the_default_cache_is_outside_the_work_tree(site: FixtureSite) -> None:
    _post(site)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCACY_CACHE")}
    env["XDG_CACHE_HOME"] = str(site.root.parent / "xdg-cache")
    env["XDG_CONFIG_HOME"] = str(site.root.parent / "xdg-config")
    proc = subprocess.run(
        [sys.executable, "-m", "advocacy", "check"],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert not (site.root / ".cache").exists()
    assert list((site.root.parent / "xdg-cache" / "advocacy").glob("repo-*"))
    secret = site.root.parent / "xdg-config" / "advocacy" / "cache-secret"
    assert secret.stat().st_mode & 0o077 == 0  # the user's own


# -- withdrawal never fails open -----------------------------------------------------------


@pytest.mark.parametrize(
    "consent",
    [
        {"profile": "2026-01-10", "evidence": "HR-1", "withdrawen": "2026-11-01"},  # misspelled
        {"profile": "2026-01-10", "evidence": "HR-1", "withdrawn": "2026-13-01"},  # not a date
        {"profile": "2026-01-10", "evidence": "HR-1", "withdrawn": "yesterday"},
    ],
)
def test_unreadable_consent_holds_the_person_back_and_the_build_runs(
    site: FixtureSite, consent: dict[str, str]
) -> None:
    site.author("ole-dam", "Ole Dam", consent=consent)
    site.simple_post("2026-11-20-p.md", "Ole's story", "2026-11-20", authors="[ole-dam]")
    found = _findings(site)
    assert ("consent-unreadable", "authors/ole-dam.yml", "warning") in found
    assert ("consent-held", POST, "warning") in found
    result = site.build()
    assert result.returncode == 0, result.log
    assert "Ole Dam" not in result.all_text()
    assert not (result.site / "blog/author/ole-dam").exists()


def test_a_deleted_author_file_takes_their_posts_down(site: FixtureSite) -> None:
    site.author("ole-dam", "Ole Dam")
    site.simple_post("2026-11-20-p.md", "Ole's story", "2026-11-20", authors="[ole-dam]")
    assert site.build().returncode == 0
    (site.root / "authors/ole-dam.yml").unlink()
    assert ("author-unknown", POST, "warning") in _findings(site)
    result = site.build()
    assert result.returncode == 0, result.log
    assert "Ole's story" not in result.all_text()


def test_traces_lists_every_file_that_holds_a_person(site: FixtureSite) -> None:
    site.author("ole-dam", "Ole Dam", photo=True)
    site.image("media/team.jpg")
    site.simple_post(
        "2026-11-20-p.md",
        "Ole's story",
        "2026-11-20",
        authors="[ole-dam]",
        body="![The team](media/team.jpg)\n",
    )
    site.simple_post(
        "2026-11-21-q.md", "Mette's story", "2026-11-21", body="I worked with Ole Dam.\n"
    )
    proc = site.run("traces", "ole-dam", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[4:9] == [
        "- `authors/ole-dam.yml`: author file",
        "- `media/authors/ole-dam.jpg`: photo",
        "- `media/team.jpg`: a file in their post",
        "- `site_src/blog/posts/2026-11-20-p.md`: post by them",
        "- `site_src/blog/posts/2026-11-21-q.md`: names them in the text",
    ]
    assert "withdrawn: 2026-11-28" in proc.stdout and "git filter-repo" in proc.stdout
    assert site.run("traces", "nobody").returncode == 2


# -- bombs and limits ------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("where", ["post", "author", "policy"])
def test_an_alias_bomb_is_refused_in_bounded_time_and_memory(site: FixtureSite, where: str) -> None:
    if where == "post":
        site.write("site_src/blog/posts/bomb.md", "---\n" + BOMB + "title: x\n---\nText\n")
    elif where == "author":
        site.write("authors/bomb.yml", BOMB + "name: Bo Mb\n")
    else:
        site.write("policy.yml", BOMB)
    start = time.monotonic()
    proc = site.check("--format", "json")
    assert time.monotonic() - start < 20
    assert proc.returncode == 1, proc.stderr
    assert any(
        f["rule"] == "yaml-syntax" and "anchor" in f["message"]
        for f in json.loads(proc.stdout)["findings"]
    )
    usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    assert usage < 600_000


def test_limits_on_titles_tags_and_nesting(site: FixtureSite) -> None:
    tags = ", ".join(f"t{n}" for n in range(20))
    site.simple_post(
        "2026-11-20-p.md",
        "x" * 200,
        "2026-11-20",
        extra=f"tags: [{tags}, '!!!', Code Review, code-review]\n",
        body="> " * 60 + "deep\n",
    )
    rules = {(r, s) for r, _, s in _findings(site)}
    assert {("schema-type", "error"), ("schema-limit", "error"), ("body-invalid", "error")} <= rules


def test_names_and_titles_cannot_inject_into_logs_or_reports(site: FixtureSite) -> None:
    name = "2026-11-20-a\n::error file=x::owned.md"
    site.write(f"site_src/blog/posts/{name}", "---\ntitle: x\n---\n")
    for fmt in ("text", "github", "markdown"):
        out = site.check("--format", fmt).stdout
        assert not any(line.startswith("::error file=x") for line in out.splitlines()), fmt


def test_a_post_linking_to_a_post_with_errors_is_told_it_waits(site: FixtureSite) -> None:
    site.simple_post(
        "2026-11-20-broken.md",
        "A broken story",
        "2026-11-20",
        body="<script>alert(1)</script>\n\nWords.\n",
    )
    site.simple_post(
        "2026-11-21-linking.md",
        "A linking story",
        "2026-11-21",
        body="Words of my own.\n\nRead [the other one](2026-11-20-broken.md).\n",
    )
    site.simple_post(
        "2026-11-22-chain.md",
        "A chain",
        "2026-11-22",
        body="Words of my own.\n\nSee [this](2026-11-21-linking.md).\n",
    )
    proc = site.check("--format", "json")
    waits = [
        (f["file"].rsplit("/", 1)[1], f["line"], f["message"])
        for f in json.loads(proc.stdout)["findings"]
        if f["rule"] == "depends-on-error"
    ]
    assert waits == [
        (
            "2026-11-21-linking.md",
            10,
            "This uses site_src/blog/posts/2026-11-20-broken.md, which "
            "has errors, so it is not published until they are fixed.",
        ),
        (
            "2026-11-22-chain.md",
            10,
            "This uses site_src/blog/posts/2026-11-21-linking.md, which "
            "has errors, so it is not published until they are fixed.",
        ),
    ]
    out = site.root.parent / "held-site"
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_TODAY": "2026-11-28",
        "ADVOCACY_ON_ERROR": "hold",
    }
    held = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert held.returncode == 0, held.stderr
    assert not (out / "blog/2026/11/21/linking").exists()
    assert not (out / "blog/2026/11/22/chain").exists()


# -- the policy fails closed ------------------------------------------------------------------


def _hold_build(site: FixtureSite) -> tuple[int, Path]:
    out = site.root.parent / "held-site"
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_TODAY": "2026-11-28",
        "ADVOCACY_ON_ERROR": "hold",
        "NO_MKDOCS_2_WARNING": "1",
    }
    held = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in held.stderr, held.stderr
    return held.returncode, out


POLICY = "confidential_terms: [Projekt Fyrtårn]\nhr_logins: [hr]\n"


@pytest.mark.parametrize(
    "policy",
    [
        POLICY.encode() + b"severity: [\n",  # a YAML slip
        POLICY.encode() + b"hr_logins: [hr]\n",  # a key twice
        POLICY.encode("latin-1"),  # saved by an editor as Latin-1
        POLICY.encode() + b"confidential_term: [Nordlys]\n",  # a key it does not know
        POLICY.encode() + b"confidential_terms_file: /dev/zero\n",
    ],
)
def test_a_policy_with_errors_holds_back_every_post_and_page(
    site: FixtureSite, policy: bytes
) -> None:
    """With an error in the policy its deny-lists cannot be trusted to be whole: nothing is
    published, neither by the strict build nor in hold mode, and the check says why."""
    (site.root / "policy.yml").write_bytes(policy)
    _post(site, "We worked on Projekt Fyrtårn all autumn.\n")
    site.write("site_src/about.md", "# About\n\nProjekt Fyrtårn, the page.\n")
    found = _findings(site)
    assert any(f[1] == "policy.yml" and f[2] == "error" for f in found), found
    assert ("depends-on-error", POST, "error") in found
    assert ("depends-on-error", "site_src/about.md", "error") in found
    assert site.build().returncode == 1
    code, out = _hold_build(site)
    assert code == 0
    assert not (out / "blog/2026/11/20/p").exists() and not (out / "about").exists()
    text = "\n".join(
        p.read_text("utf-8", "replace") for p in out.rglob("*") if p.suffix in (".html", ".xml")
    )
    assert "Fyrtårn" not in text


def test_an_unknown_policy_field_is_an_error(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY + "confidential_term: [Nordlys]\nfinancial:\n  term: [x]\n")
    proc = site.check("--format", "json", "--lang", "en")
    said = [
        (f["line"], f["rule"], f["severity"], f["message"])
        for f in json.loads(proc.stdout)["findings"]
        if f["file"] == "policy.yml"
    ]
    assert said == [
        (
            3,
            "policy-unknown-field",
            "error",
            "Unknown field 'confidential_term' in the policy: did you mean 'confidential_terms'? "
            "Nothing is published while the policy has errors.",
        ),
        (
            5,
            "policy-unknown-field",
            "error",
            "Unknown field 'term' in the policy: did you mean 'terms'? Nothing is published "
            "while the policy has errors.",
        ),
    ]


@pytest.mark.parametrize(
    ("terms_file", "message"),
    [
        (
            "/dev/zero",
            "The confidential terms file '/dev/zero' is not a plain file (a folder or a "
            "device), so nothing could be checked against it.",
        ),
        (
            "big.txt",
            "The confidential terms file 'big.txt' is larger than 1 MB, so it was not read and "
            "nothing could be checked against it.",
        ),
        (
            "linked.txt",
            "The confidential terms file 'linked.txt' is reached through a symbolic link inside "
            "the repository, which is never followed, so nothing could be checked against it.",
        ),
    ],
)
def test_the_terms_file_is_a_small_plain_file(
    site: FixtureSite, terms_file: str, message: str
) -> None:
    site.write("big.txt", "Nordlys\n" * 200_000)
    (site.root.parent / "terms.txt").write_text("Nordlys\n", encoding="utf-8")
    (site.root / "linked.txt").symlink_to(site.root.parent / "terms.txt")
    site.write("policy.yml", POLICY + f"confidential_terms_file: {terms_file}\n")
    started = time.monotonic()
    proc = site.check("--format", "json", "--lang", "en")
    assert time.monotonic() - started < 60 and "Traceback" not in proc.stderr
    said = [
        (f["rule"], f["message"])
        for f in json.loads(proc.stdout)["findings"]
        if f["file"] == "policy.yml"
    ]
    assert said == [("policy-terms-file", message)]


@pytest.mark.parametrize("name", ["policy.yml", "teams.yml"])
def test_the_policy_and_the_teams_file_are_never_read_through_a_link(
    site: FixtureSite, name: str
) -> None:
    outside = site.root.parent / "outside.yml"
    outside.write_text(
        'IT:\n  description:\n    en: "SECRET_TOKEN read through a link"\n', encoding="utf-8"
    )
    (site.root / name).symlink_to(outside)
    _post(site)
    assert ("symlink", name, "error") in _findings(site)
    result = site.build()
    assert result.returncode == 1
    assert "SECRET_TOKEN" not in result.all_text()


# -- hold mode: a picture with an error is left out, never a reason to abort the takedown ----


def _bad_photo(kind: str) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    if kind == "animated":
        frames = [Image.new("RGB", (800, 800), c) for c in ("red", "blue")]
        frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    elif kind == "text":
        return b"not a photo at all\n"
    elif kind == "heic":
        return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1" + b"\x00" * 100
    else:
        Image.new("1", (30000, 30000)).save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["animated", "text", "heic", "bomb"])
def test_a_broken_author_photo_never_aborts_the_hold_build(site: FixtureSite, kind: str) -> None:
    site.author("mette-hansen", "Mette Hansen", photo=True)
    (site.root / "media/authors/mette-hansen.jpg").write_bytes(_bad_photo(kind))
    _post(site)
    strict = site.build()
    assert strict.returncode == 1 and "Traceback" not in strict.log
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_ON_ERROR": "hold",
        "ADVOCACY_TODAY": "2026-11-28",
        "NO_MKDOCS_2_WARNING": "1",
    }
    out = site.root.parent / "held-site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").is_file()
    assert "media/authors/mette-hansen.jpg is left out of the site (" in proc.stderr
    assert not [p for p in out.rglob("mette-hansen*") if p.suffix != ".html" and p.is_file()]
