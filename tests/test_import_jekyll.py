"""``advocacy import jekyll``: a small Jekyll site written for the tests (Liquid, lenient
YAML, odd file names, drafts, duplicates), and the real 18F archive imported in full."""

# ruff: noqa: E501  (the fixtures hold long lines, as real archives do)

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from PIL import Image

from advocacy.cli.main import main
from advocacy.core.importing.convert.frontmatter import parse_when, to_site_time
from conftest import TODAY, FixtureSite

POSTS = "site_src/blog/posts"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "18f"


def write(root: Path, rel: str, text: str, newline: str = "\n") -> Path:
    """A file below ``root`` from indented text (``newline="\\r\\n"`` for Windows files)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(textwrap.dedent(text).lstrip("\n").replace("\n", newline).encode("utf-8"))
    return path


def make_jekyll_site(root: Path) -> Path:
    """A Jekyll site with every template form the importer converts."""
    write(
        root,
        "_config.yml",
        """
        title: Acme Engineering
        url: https://blog.acme.example
        baseurl: /blog
        permalink: /:categories/:year/:month/:day/:title/
        timezone: America/New_York
    """,
    )
    write(
        root,
        "_authors/mette-hansen.md",
        """
        ---
        name: mette-hansen
        full_name: Mette Hansen
        role: Backend developer
        team: Payments
        city: Aarhus
        ---
        Mette builds our payment system.
    """,
    )
    write(
        root,
        "_data/authors.yml",
        """
        jonas:
          name: Jonas Berg
          github: jberg
    """,
    )
    write(
        root,
        "_posts/2016-03-04-first-post.md",
        """
        ---
        title: "First post: hello from Acme"
        date: "2016-03-04 10:00:00 -0500"
        authors: [mette-hansen]
        excerpt: "<p>A short note from the payments team about what we build and why we build it in the open.</p>"
        categories: [Projects, Events]
        tags: ideas open-source ideas
        image: /assets/img/cover.png
        image_alt: The payments team at work
        redirect_from: [/old-first/]
        ---

        Welcome to {{ site.title }}.

        {% include image.html url="/assets/img/a.png" description="A whiteboard" caption="Our plan" %}

        {% include youtube.html id="dQw4w9WgXcQ" %}

        Read [the second post]({% post_url 2016-05-01-second-post %}) or
        [again]({% link _posts/2016-05-01-second-post.md %}) or
        [by its old address]({{ site.url }}{{ site.baseurl }}/2016/05/01/second-post/).

        ![Sketch]({{ site.baseurl }}/assets/img/b.png)

        {% raw %}Write {{ page.title }} to show a title.{% endraw %}

        {% highlight ruby %}
        puts "hi"
        {% endhighlight %}

        <p>A <em>raw</em> paragraph.</p>

        {% include svg/logo.svg %}

        {{ "mette" | team_link }} wrote this.
    """,
    )
    for name in ("cover", "a", "b"):
        (root / "assets/img").mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (900, 500), "teal").save(root / f"assets/img/{name}.png")
    # Lenient YAML: a byte-order mark, blank lines before ---, CRLF, a tab, a duplicate key.
    path = write(
        root,
        "_posts/2016-05-01-second-post.md",
        """
        ---
        title: A draft title
        title: The second post
        date: 2016-05-01
        author: jonas
        tags:
        \t- second
        ---
        This second post is about nothing in particular, but it is long enough to describe.
    """,
        newline="\r\n",
    )
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n" + path.read_bytes())
    write(
        root,
        "_posts/2017-01-02-we’re-hiring.md",
        """
        ---
        title: “Hiring: now”
        authors: [jonas, mette-hansen, nobody-known]
        expires: 2018-01-01
        ---
        We are hiring three people for the payments team in Aarhus this spring, apply now.
    """,
    )
    write(
        root,
        "events/_posts/2016-03-04-first-post.md",
        """
        ---
        title: Another first post
        authors: [mette-hansen]
        published: false
        ---
        Same date and name as the other first post, in the events category folder of the site.
    """,
    )
    draft = write(
        root,
        "_drafts/a-draft.md",
        """
        ---
        title: A draft
        authors: [mette-hansen]
        ---
        A draft without a date: the file's time is the only one there is, so it is used here.
    """,
    )
    os.utime(draft, (1_700_000_000, 1_700_000_000))  # 2023-11-14 22:13 UTC
    return root


@pytest.fixture
def jekyll(tmp_path: Path) -> tuple[FixtureSite, Path]:
    """The Jekyll site and an empty repository to import it into."""
    return FixtureSite(tmp_path / "repo"), make_jekyll_site(tmp_path / "jekyll")


def run_import(repo: FixtureSite, source: Path, *extra: str) -> int:
    """``advocacy import jekyll SOURCE --into REPO``."""
    return main(["import", "jekyll", str(source), "--into", str(repo.root), *extra])


def read(repo: FixtureSite, rel: str) -> tuple[dict[str, object], str]:
    """A written post's front matter and body."""
    _, head, body = (repo.root / rel).read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def test_liquid_post(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    assert run_import(repo, source) == 0
    front, body = read(repo, f"{POSTS}/2016/2016-03-04-first-post.md")
    assert front == {
        "title": "First post: hello from Acme",
        "date": dt.datetime(2016, 3, 4, 16, 0),  # 10:00 at -05:00 is 16:00 in Copenhagen
        "authors": ["mette-hansen"],
        "description": "A short note from the payments team about what we build and why we "
        "build it in the open.",
        "language": "en",
        "categories": ["Projects"],
        "tags": ["ideas", "open-source", "Events"],
        "image": "media/imported/assets/img/cover.png",
        "image_alt": "The payments team at work",
        "video": {"youtube": "dQw4w9WgXcQ"},
        "aliases": ["/projects/events/2016/03/04/first-post/", "/old-first/"],
    }
    media = "../../../../media/imported/assets/img"
    assert body == textwrap.dedent(f"""
        Welcome to Acme Engineering.

        ![A whiteboard]({media}/a.png)

        _Our plan_

        Read [the second post](2016-05-01-second-post.md) or
        [again](2016-05-01-second-post.md) or
        [by its old address](2016-05-01-second-post.md).

        ![Sketch]({media}/b.png)

        Write {{{{ page.title }}}} to show a title.

        ```ruby
        puts "hi"
        ```

        A *raw* paragraph.

        {{% include svg/logo.svg %}}

        {{{{ "mette" | team_link }}}} wrote this.
    """)


def test_lenient_yaml_and_odd_file_names(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    run_import(repo, source)
    front, body = read(repo, f"{POSTS}/2016/2016-05-01-second-post.md")
    assert front["title"] == "The second post"  # the last of two title: lines
    assert front["authors"] == ["jonas"]
    assert front["tags"] == ["second"]
    assert front["date"] == dt.date(2016, 5, 1)
    assert "\r" not in body
    hiring, _ = read(repo, f"{POSTS}/2017/2017-01-02-were-hiring.md")
    assert hiring == {
        "title": "“Hiring: now”",
        "date": dt.date(2017, 1, 2),
        "authors": ["jonas", "mette-hansen", "nobody-known"],
        "description": "We are hiring three people for the payments team in Aarhus this "
        "spring, apply now.",
        "language": "en",
        "expires": dt.date(2018, 1, 1),
        "aliases": ["/2017/01/02/we-re-hiring/"],  # Jekyll's :title keeps word breaks
    }


def test_duplicates_drafts_and_file_times(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    run_import(repo, source)
    other, _ = read(repo, f"{POSTS}/2016/2016-03-04-first-post-2.md")
    assert other["title"] == "Another first post"
    assert other["draft"] is True and "aliases" not in other
    draft, _ = read(repo, f"{POSTS}/2023/2023-11-14-a-draft.md")
    assert draft["date"] == dt.datetime(2023, 11, 14, 23, 13, 20) and draft["draft"] is True


def test_authors(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    run_import(repo, source, "--language", "da")
    authors = {
        p.stem: yaml.safe_load(p.read_text("utf-8")) for p in (repo.root / "authors").glob("*.yml")
    }
    assert authors == {
        "mette-hansen": {
            "name": "Mette Hansen",
            "role": "Backend developer",
            "team": "Payments",
            "location": "Aarhus",
            "bio": {"da": "Mette builds our payment system."},
        },
        "jonas": {
            "name": "Jonas Berg",
            "role": "Unknown (imported)",
            "team": "Unknown (imported)",
            "github": ["jberg"],
        },
        "nobody-known": {
            "name": "nobody-known",
            "role": "Unknown (imported)",
            "team": "Unknown (imported)",
        },
    }


def test_report(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    run_import(repo, source)
    report = (repo.root / "import-report.md").read_text(encoding="utf-8")
    lines = report.splitlines()
    for row in (
        "| Posts imported | 5 |",
        "| – of which drafts | 2 |",
        "| – of which expired | 1 |",
        "| Authors (files in authors/) | 3 |",
        "| Files copied to media/ | 3 |",
    ):
        assert row in lines, row
    first = report.split("### `site_src/blog/posts/2016/2016-03-04-first-post.md`\n")[1]
    assert first.split("\n###")[0].strip().splitlines()[2:] == [
        "- Template code left as it is: `{% include svg/logo.svg %}`",
        '- Template code left as it is: `{{ "mette" | team_link }}`',
        "- The youtube video dQw4w9WgXcQ is now the post's `video:` field; it needs captions",
        "- Category 'Events' is not one of the site's categories: kept as a tag",
    ]
    second = report.split("### `site_src/blog/posts/2016/2016-05-01-second-post.md`\n")[1]
    assert second.split("\n###")[0].strip().splitlines()[2:] == [
        "- Front matter repaired: byte-order mark",
        "- Front matter repaired: blank lines before the front matter",
        "- Front matter repaired: tabs or trailing spaces",
        "- Front matter repaired: duplicate key 'title' (the last one is used)",
        "- Description made from the first paragraph: check that it reads well",
    ]
    duplicate = report.split("### `site_src/blog/posts/2016/2016-03-04-first-post-2.md`\n")[1]
    assert (
        "- Another post has the same date and slug: renamed to 'first-post-2'"
        in duplicate.split("\n###")[0].splitlines()
    )
    nobody = report.split("### `authors/nobody-known.yml`\n")[1].split("\n###")[0]
    assert (
        "- The source has no record for 'nobody-known': the name is the id; write the real name"
    ) in nobody.splitlines()


def test_imported_posts_pass_the_schema(jekyll: tuple[FixtureSite, Path]) -> None:
    repo, source = jekyll
    run_import(repo, source)
    proc = repo.check("--format", "json")
    assert "Traceback" not in proc.stderr, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    bad = [
        f
        for f in findings
        if f["rule"].startswith(("schema-", "yaml-", "front-matter"))
        and not _is_aliases(repo.root, f)
    ]
    assert not bad, bad


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (dt.date(2016, 3, 2), dt.date(2016, 3, 2)),
        ("2016-03-02", dt.date(2016, 3, 2)),
        ("2019-12-3", dt.date(2019, 12, 3)),
        ("2014-05-14T11:02:00-04:00", dt.datetime(2014, 5, 14, 17, 2)),
        ("2016-03-04 10:00:00 -0500", dt.datetime(2016, 3, 4, 16, 0)),
        ("2014-05-14 11:02 EDT", dt.datetime(2014, 5, 14, 17, 2)),
        ("2016-03-02T10:00:00.000Z", dt.datetime(2016, 3, 2, 11, 0)),
        ("2015-06-12 10:00", dt.datetime(2015, 6, 12, 10, 0)),  # no zone: the site's
        ("2015-06-12 00:00:00", dt.date(2015, 6, 12)),  # midnight: a date
        ("2016-03-01T23:00:00Z", dt.date(2016, 3, 2)),  # midnight in Copenhagen
        ("June 12, 2015", dt.date(2015, 6, 12)),
        ("12. juni 2015", dt.date(2015, 6, 12)),
        ("2016-05-19 (optional)", dt.date(2016, 5, 19)),
        ("Wed, 02 Oct 2002 13:00:00 GMT", dt.datetime(2002, 10, 2, 15, 0)),
    ],
)
def test_dates_in_every_form(written: object, expected: dt.date) -> None:
    copenhagen = ZoneInfo("Europe/Copenhagen")
    parsed = parse_when(written)
    assert parsed is not None
    assert to_site_time(parsed, copenhagen, copenhagen) == expected


def test_no_posts_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site").mkdir()
    assert run_import(FixtureSite(tmp_path / "repo"), tmp_path / "site") == 2
    assert "is not a Jekyll site" in capsys.readouterr().err


def _is_aliases(root: Path, finding: dict[str, object]) -> bool:
    """Until the plugin reads ``aliases:``, the check calls it an unknown field: allowed."""
    if finding["rule"] != "schema-unknown-field" or not isinstance(finding["line"], int):
        return False
    lines = (root / str(finding["file"])).read_text(encoding="utf-8").splitlines()
    return lines[finding["line"] - 1].startswith("aliases:")


# --- the 18F archive ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    """The whole 18F archive imported once into a fresh repository."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the 18F test corpus is not at {CORPUS}; CI must have it")
        pytest.skip(f"the 18F test corpus is not at {CORPUS}; these tests need it")
    repo = FixtureSite(tmp_path_factory.mktemp("import18f") / "repo")
    code = main(
        [
            "import",
            "jekyll",
            str(CORPUS),
            "--into",
            str(repo.root),
            "--permalink",
            "/:year/:month/:day/:title/",
            "--old-url",
            "https://18f.gsa.gov",
            "--timezone",
            "America/New_York",
            "--language",
            "en",
        ]
    )
    assert code == 0
    return repo


def test_corpus_counts(corpus: FixtureSite) -> None:
    report = (corpus.root / "import-report.md").read_text(encoding="utf-8")
    lines = report.splitlines()
    assert "| Posts imported | 508 |" in lines
    assert "| Posts not imported | 0 |" in lines
    assert "| – of which drafts | 1 |" in lines
    assert "| Authors (files in authors/) | 273 |" in lines
    assert len(list((corpus.root / POSTS).rglob("*.md"))) == 508
    assert len(list((corpus.root / "authors").glob("*.yml"))) == 273
    items = int(re.search(r"\| Items for a human \| (\d+) \|", report).group(1))  # type: ignore[union-attr]
    assert 2_000 < items < 6_000
    kinds = dict(re.findall(r"^\| ([a-z][^|]+?) \| (\d+) \|$", report, re.M))
    assert 700 < int(kinds["pictures not found"]) < 1_000  # the corpus has no images
    assert 300 < int(kinds["template code left"]) < 600  # 18F's own team_link, team_photo
    assert int(kinds["videos moved to video:"]) >= 10


def test_corpus_posts_fit_the_contract(corpus: FixtureSite) -> None:
    authors = {p.stem for p in (corpus.root / "authors").glob("*.yml")}
    for path in (corpus.root / POSTS).rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        assert isinstance(front["date"], dt.date), path
        assert path.name.startswith(f"{front['date']:%Y-%m-%d}-"), path
        assert 50 <= len(front["description"]) <= 160, path
        assert front["authors"] and set(front["authors"]) <= authors, path
        assert "consent" not in front
    hello = corpus.root / POSTS / "2014/2014-03-19-hello-world-we-are-18f.md"
    front = yaml.safe_load(hello.read_text(encoding="utf-8").split("---\n")[1])
    assert front["date"] == dt.datetime(2014, 3, 19, 10, 14, 29)
    assert front["aliases"] == ["/2014/03/19/hello-world-we-are-18f/"]
    tocking = corpus.root / POSTS / "2015/2015-05-21-tockingtime.md"
    assert yaml.safe_load(tocking.read_text(encoding="utf-8").split("---\n")[1])["aliases"] == [
        "/2015/05/21/tockingtime/",
        "/2015/05/21/TockingTime/",
    ]


def test_corpus_passes_the_schema(corpus: FixtureSite) -> None:
    proc = corpus.check("--format", "json", today=TODAY)
    assert "Traceback" not in proc.stderr, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    bad = [
        f
        for f in findings
        if f["rule"].startswith(("schema-", "yaml-", "front-matter"))
        and not _is_aliases(corpus.root, f)
        and not _writers_words(corpus.root, f)
    ]
    assert not bad, bad[:5]


def _writers_words(root: Path, finding: dict[str, object]) -> bool:
    """A finding about a title or alt text as its writer wrote it (HTML in a title, an alt
    text of 591 characters): the importer never edits words, so the check must say it."""
    if not isinstance(finding["line"], int):
        return False
    lines = (root / str(finding["file"])).read_text(encoding="utf-8").splitlines()
    return lines[finding["line"] - 1].startswith(("title:", "image_alt:"))


def test_links_in_the_source_are_never_followed(
    jekyll: tuple[FixtureSite, Path], tmp_path: Path
) -> None:
    """A post, an author or a picture that is a symbolic link (it could be any file on the
    machine) is not read; the report says so, and the rest is imported."""
    repo, source = jekyll
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: SALARY-LIST\n---\nSALARY-LIST of everyone.\n", "utf-8")
    (source / "_posts/2016-01-01-leak.md").symlink_to(secret)
    (source / "_authors/eve.md").symlink_to(secret)
    assert run_import(repo, source) == 0
    written = [
        p.read_text("utf-8") for p in repo.root.rglob("*.md") if p.name != "import-report.md"
    ]
    assert written and not any("SALARY-LIST" in t for t in written)
    report = (repo.root / "import-report.md").read_text(encoding="utf-8")
    assert (
        "- Author record eve.md could not be read: _authors/eve.md is a symbolic link, which "
        "is never followed"
    ) in report.splitlines()
    assert (
        "- Could not be imported: _posts/2016-01-01-leak.md is a symbolic link, which is never "
        "followed"
    ) in report.splitlines()
