"""A test per policy rule: a post that breaks it gets exactly that finding at the right line;
a post just inside the rule passes. Messages are asserted word for word."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from PIL import Image

from advocacy.core.checking.run import check_repository
from advocacy.core.model.findings import Report
from advocacy.core.model.site import Site
from conftest import FixtureSite, site_settings

POLICY = """\
company: Kystlinje A/S
disclosure: {da: "Jeg arbejder hos Kystlinje.", en: "I work at Kystlinje."}
hr_logins: [hr-login]
role_mailboxes: [jobs@kystlinje.dk]
approved_organisations:
  - {name: Grøn Fremtid ApS, aliases: [Grøn Fremtid]}
restricted_organisations:
  - {name: Nordhavn Logistik A/S, aliases: [Nordhavn Logistik]}
confidential_terms: [Projekt Fyrtårn]
financial: {next_release: 2027-03-04}
internal_hosts: [intranet.kystlinje.example, kystlinje.atlassian.net]
"""
BODY_LINE = 8  # the first body line of a post written by `body()`


def findings(
    site: FixtureSite, rule: str | None = None, today: str = "2026-11-28", lang: str = "en"
) -> list[tuple[str, str, int | None, str]]:
    _, report = check_repository(site_settings(site.root, today), lang=lang)
    return [
        (f.rule, str(f.severity), f.line, f.message)
        for f in report.sorted()
        if rule is None or f.rule == rule
    ]


def body(site: FixtureSite, text: str, extra: str = "", authors: str = "[mette-hansen]") -> None:
    """A valid post whose body (first line: BODY_LINE) is ``text``; words keep hints quiet."""
    site.write("policy.yml", POLICY)
    site.simple_post(
        "p.md", "A title", "2026-11-20", authors=authors, extra=extra, body=textwrap.dedent(text)
    )


@pytest.fixture
def repo(site: FixtureSite) -> FixtureSite:
    site.author("jonas-berg", "Jonas Berg", team="Sales")
    return site


# -- consent -------------------------------------------------------------------------------


def test_author_without_profile_consent_is_an_error(repo: FixtureSite) -> None:
    repo.author("ole-dam", "Ole Dam", consent={"evidence": "HR-9"})
    body(repo, "We did it.\n", authors="[ole-dam]")
    assert findings(repo, "consent-missing") == [
        (
            "consent-missing",
            "error",
            4,
            "Ole Dam has not given consent to appear on the site: "
            "authors/ole-dam.yml has no current 'profile:' consent.",
        )
    ]


def test_person_without_consent_or_evidence(repo: FixtureSite) -> None:
    body(
        repo,
        "We did it.\n",
        extra=(
            "people:\n"
            "  - name: Lise Holm\n"
            "  - name: Per Lund\n    consent: 2026-11-01\n"
            "  - name: Eva Ravn\n    consent: 2026-11-01\n    evidence: HR-1\n"
        ),
    )
    assert findings(repo, "person-consent-missing") == [
        (
            "person-consent-missing",
            "error",
            7,
            "Lise Holm is in 'people:' without a consent date and evidence.",
        ),
        (
            "person-consent-missing",
            "error",
            8,
            "Per Lund is in 'people:' with a consent date but no 'evidence:'.",
        ),
    ]


def test_expired_and_withdrawn_consent_hold_back_as_warnings(repo: FixtureSite) -> None:
    repo.author(
        "ole-dam",
        "Ole Dam",
        consent={"profile": "2026-01-01", "evidence": "HR-9", "withdrawn": "2026-11-01"},
    )
    body(
        repo,
        "We did it.\n",
        extra=(
            "people:\n  - author: ole-dam\n"
            "  - name: Eva Ravn\n    consent: 2025-11-01\n    evidence: HR-1\n"
            "    expires: 2026-11-27\n"
        ),
    )
    assert findings(repo, "consent-held") == [
        (
            "consent-held",
            "warning",
            7,
            "This post is not published: Ole Dam withdrew consent on 2026-11-01.",
        ),
        (
            "consent-held",
            "warning",
            8,
            "This post is not published: Eva Ravn's consent expired on 2026-11-27.",
        ),
    ]
    assert findings(repo, "consent-held", today="2026-11-26")[0][3].endswith("2026-11-01.")
    assert len(findings(repo, "consent-held", today="2026-10-31")) == 0


def test_colleague_named_in_text_but_not_listed(repo: FixtureSite) -> None:
    body(repo, "I paired with Jonas  Berg all week.\n")
    assert findings(repo, "person-not-listed") == [
        (
            "person-not-listed",
            "warning",
            BODY_LINE,
            "Is Jonas Berg in this post? The name is in the text but not under 'people:'.",
        )
    ]
    body(repo, "I paired with Jonas Berg all week.\n", extra="people:\n  - author: jonas-berg\n")
    assert findings(repo, "person-not-listed") == []


def test_photo_of_colleague_without_photo_consent(repo: FixtureSite) -> None:
    repo.image("media/team.jpg")
    body(
        repo,
        "We did it.\n",
        extra=(
            "people:\n  - author: jonas-berg\n    media: [media/team.jpg]\n"
            "  - author: mette-hansen\n    media: [media/team.jpg]\n"
        ),
    )
    assert findings(repo, "photo-consent-missing") == [
        (
            "photo-consent-missing",
            "error",
            8,
            "Jonas Berg has not given consent to be shown in "
            "photos, but 'media/team.jpg' is listed as showing them.",
        )
    ]


# -- personal data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "message"),
    [
        (
            "Write to mette@kystlinje.dk today.",
            "personal-email",
            "An e-mail address must not be published: 'mette@kystlinje.dk'.",
        ),
        (
            "Write [me](mailto:mette@kystlinje.dk).",
            "personal-email",
            "An e-mail address must not be published: 'mette@kystlinje.dk'.",
        ),
        (
            "Ring 23 45 67 89 efter frokost.",
            "personal-phone",
            "A phone number must not be published: '23 45 67 89'.",
        ),
        (
            "Call +45 2345 6789.",
            "personal-phone",
            "A phone number must not be published: '+45 2345 6789'.",
        ),
        (
            "Call +44 20 7946 0958 in London.",
            "personal-phone",
            "A phone number must not be published: '+44 20 7946 0958'.",
        ),
        (
            "My number is 010203-1234.",
            "personal-cpr",
            "A CPR number must not be published: '010203-1234'.",
        ),
        (
            "Pay to DK50 0040 0440 1162 43.",
            "personal-iban",
            "A bank account number (IBAN) must not be published: 'DK50 0040 0440 1162 43'.",
        ),
        (
            "Card 4111 1111 1111 1111 works.",
            "personal-card",
            "A payment card number must not be published: '4111 1111 1111 1111'.",
        ),
    ],
)
def test_personal_data(repo: FixtureSite, text: str, rule: str, message: str) -> None:
    body(repo, f"We did it.\n{text}\n")
    assert findings(repo) == [(rule, "error", BODY_LINE + 1, message)]


@pytest.mark.parametrize(
    "text",
    [
        "Write to jobs@kystlinje.dk.",  # a role mailbox HR allows
        "We were 2019 2020 in the team.",  # years in a row
        "On 2026-11-20 we shipped.",  # a date
        "The order 320199-1234 is not a date.",  # 32 is no day: not a CPR number
        "DK50 0040 0440 1162 44 fails its checksum.",
        "4111 1111 1111 1112 fails the Luhn check.",
        "See https://twitter.com/x/status/585884382621229056 and [a](https://x.dk/id1210368989).",
        "Code: `max-age=31536000`, transaction #39000946.",
        "Clone git@github.com:org/repo.git or write to jane@example.com.",
        "200 people ate 14 kilos of food.",
        "Mail [us](mailto:jobs@kystlinje.dk).",
    ],
)
def test_personal_data_just_inside(repo: FixtureSite, text: str) -> None:
    body(repo, f"We did it.\n{text}\n")
    assert findings(repo) == []


# -- confidentiality ------------------------------------------------------------------------


def test_restricted_and_approved_organisations(repo: FixtureSite) -> None:
    body(repo, "We visited nordhavn logistik.\nGrøn Fremtid ApS hosted us.\n")
    assert findings(repo) == [
        (
            "organisation-restricted",
            "error",
            BODY_LINE,
            "'Nordhavn Logistik A/S' may not be named: the policy does not list it as approved.",
        )
    ]


def test_unknown_company_name_is_a_warning(repo: FixtureSite) -> None:
    body(repo, "We met Blåbær Data ApS in Vejle.\nKystlinje A/S is us.\n")
    assert findings(repo) == [
        (
            "organisation-unknown",
            "warning",
            BODY_LINE,
            "'Blåbær Data ApS' looks like a company the policy does not list as approved.",
        )
    ]


def test_confidential_terms_with_disguises_and_from_the_environment(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_CONFIDENTIAL_TERMS", "Nordlys, Blue Whale")
    body(
        repo,
        "We did it.\nPROJEKT fyr\u200btårn is going well.\nAbout nordlys.\n"
        "A blue  whale.\nNordlyset is a word.\n",
    )
    assert findings(repo) == [
        (
            "confidential-term",
            "error",
            BODY_LINE + 1,
            "This line contains a confidential term "
            "from HR's list (it starts with 'P', 14 letters).",
        ),
        (
            "confidential-term",
            "error",
            BODY_LINE + 2,
            "This line contains a confidential term "
            "from HR's list (it starts with 'N', 7 letters).",
        ),
        (
            "confidential-term",
            "error",
            BODY_LINE + 3,
            "This line contains a confidential term "
            "from HR's list (it starts with 'B', 9 letters).",
        ),
    ]


def test_confidential_terms_file_outside_the_repository(repo: FixtureSite) -> None:
    secret = repo.root.parent / "terms.txt"
    secret.write_text("# private\nOrion\n", encoding="utf-8")
    body(repo, "Orion ships.\n")
    repo.write("policy.yml", POLICY + f"confidential_terms_file: {secret}\n")
    assert [f[0] for f in findings(repo)] == ["confidential-term"]
    repo.write("policy.yml", POLICY + "confidential_terms_file: /nowhere/terms.txt\n")
    assert findings(repo, "policy-terms-file") == [
        (
            "policy-terms-file",
            "error",
            12,
            "The confidential terms file '/nowhere/terms.txt' "
            "cannot be read, so nothing could be checked against it.",
        )
    ]


def test_financial_figures_before_the_release_date(repo: FixtureSite) -> None:
    body(
        repo,
        "We did it.\nOmsætningen voksede 12 % i år.\nOur revenue is great.\n"
        "Guidance from 18F in the 1980s, version 2.0.\n"
        "A non-profit with 40 million users.\n",
    )
    assert findings(repo) == [
        (
            "financial-figures",
            "error",
            BODY_LINE + 1,
            "'omsætning' with a figure may not be "
            "published before 2027-03-04, when the company publishes its results.",
        )
    ]
    assert findings(repo, today="2027-03-04") == []


# -- safety of the page ---------------------------------------------------------------------

SCRIPT = "The HTML tag <{}> is not allowed in a post: it could run code or load another site."
UNSAFE = "A link or image uses the address '{}', which can run code or hide content."


@pytest.mark.parametrize(
    ("text", "rule", "message"),
    [
        ("<script>alert(1)</script>", "html-dangerous", SCRIPT.format("script")),
        ("<ScRiPt src=x></ScRiPt>", "html-dangerous", SCRIPT.format("script")),
        ("<scr\u200bipt>alert(1)</scr\u200bipt>", "html-dangerous", SCRIPT.format("script")),
        ('<iframe src="https://x.example"></iframe>', "html-dangerous", SCRIPT.format("iframe")),
        (
            '<img src="media/x.jpg" alt="x" onerror="alert(1)">',
            "html-event-handler",
            "The attribute 'onerror' on <img> would run code in the reader's browser.",
        ),
        ("[click](javascript:alert(1))", "unsafe-url", UNSAFE.format("javascript:alert(1)")),
        ("[click](&#106;avascript:alert(1))", "unsafe-url", UNSAFE.format("javascript:alert(1)")),
        (
            '<a href="java&#9;script:alert(1)">x</a>',
            "unsafe-url",
            UNSAFE.format("java\tscript:alert(1)"),
        ),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "unsafe-url", UNSAFE.format("JaVaScRiPt:alert(1)")),
        (
            "[ref]: data:text/html;base64,PHNjcmlwdD4=\n\n[click][ref]",
            "unsafe-url",
            UNSAFE.format("data:text/html;base64,PHNjcmlwdD4="),
        ),
        (
            "Click *here*{: onclick='alert(1)' }",
            "html-event-handler",
            "The attribute 'onclick' on <em> would run code in the reader's browser.",
        ),
        (
            "[click](https://example.com){: onmouseover=alert(1) }",
            "html-event-handler",
            "The attribute 'onmouseover' on <a> would run code in the reader's browser.",
        ),
    ],
)
def test_unsafe_html(repo: FixtureSite, text: str, rule: str, message: str) -> None:
    body(repo, f"We did it.\n{text}\n")
    assert (rule, "error", BODY_LINE + 1, message) in findings(repo)
    assert {f[0] for f in findings(repo)} <= {
        rule,
        "html-dangerous",
        "media-external",
        "media-missing",
        "unsafe-url",
        "image-unreadable",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<marquee>hi</marquee>",
            "The HTML tag <marquee> is left out when the post is published (its text stays).",
        ),
        (
            '<span style="color:red">x</span>',
            "The attribute 'style' on <span> is left out when the post is published.",
        ),
        (
            '<a href="https://example.com" target="_blank" rel="noopener">x</a>',
            "The attribute 'target' on <a> is left out when the post is published.",
        ),
    ],
)
def test_harmless_html_is_tidied_with_a_warning(repo: FixtureSite, text: str, message: str) -> None:
    body(repo, f"We did it.\n{text}\n")
    assert ("html-tidied", "warning", BODY_LINE + 1, message) in findings(repo)
    assert {f[1] for f in findings(repo)} == {"warning"}


@pytest.mark.parametrize(
    "text",
    [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<ѕcrіpt>alert(1)</ѕcrіpt>",  # Cyrillic letters: no tag to Markdown, shown as text
        "[click](java\tscript:alert(1))",  # a tab is no scheme to Markdown: a file that is missing
    ],
)
def test_markup_that_is_text_runs_nothing(repo: FixtureSite, text: str) -> None:
    """Readers see these as the writer typed them; nothing of them runs."""
    body(repo, f"We did it.\n{text}\n")
    assert not [f for f in findings(repo) if f[0] in ("html-dangerous", "unsafe-url")]


def test_safe_html_and_code_pass(repo: FixtureSite) -> None:
    body(
        repo,
        """\
        We did it.
        <figure markdown><figcaption>Our <strong>team</strong></figcaption></figure>
        Use `<script>` tags carefully.

        ```html
        <script>alert(1)</script>
        ```
        <details><summary>More</summary>Text</details>
        """,
    )
    assert findings(repo) == []


# -- links and media ------------------------------------------------------------------------


def test_internal_and_insecure_links(repo: FixtureSite) -> None:
    body(
        repo,
        "We did it.\nSee [the wiki](https://kystlinje.atlassian.net/wiki/x).\n"
        "And <http://example.com/page>.\nOr [safe](https://example.com).\n",
    )
    assert findings(repo) == [
        (
            "link-internal",
            "error",
            BODY_LINE + 1,
            "The link to kystlinje.atlassian.net points "
            "inside the company; readers outside cannot open it and it tells them about our "
            "internal systems.",
        ),
        (
            "link-insecure",
            "warning",
            BODY_LINE + 2,
            "The link 'http://example.com/page' uses http:// without encryption.",
        ),
    ]


def _gps_jpeg(path) -> None:  # type: ignore[no-untyped-def]
    image = Image.new("RGB", (640, 480), "red")
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (55.0, 40.0, 0.0), 3: "E", 4: (12.0, 34.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, exif=exif)


def test_photo_with_gps_position(repo: FixtureSite) -> None:
    _gps_jpeg(repo.root / "media/gps.jpg")
    repo.image("media/clean.jpg")
    body(repo, "We did it.\n![A red square](media/gps.jpg)\n![A wall](media/clean.jpg)\n")
    assert findings(repo) == [
        (
            "media-gps",
            "error",
            BODY_LINE + 1,
            "The photo 'media/gps.jpg' contains the GPS "
            "position where it was taken. It is already public in this repository's history.",
        )
    ]


def test_large_files_and_video_without_captions(repo: FixtureSite) -> None:
    big = repo.root / "media/big.mp4"
    with big.open("wb") as handle:
        handle.write(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")  # MP4's start
        handle.truncate(26 * 1024 * 1024)  # sparse: no real 26 MB written
    body(repo, "We did it.\n", extra="video:\n  src: media/big.mp4\n")
    assert findings(repo) == [
        ("video-captions-missing", "error", 6, "The video has no captions."),
        (
            "media-large",
            "warning",
            7,
            "'media/big.mp4' is 26 MB; the GitHub web editor accepts at most 25 MB.",
        ),
    ]


# -- authenticity and disclosure --------------------------------------------------------------


def test_hype_and_missing_first_person(repo: FixtureSite) -> None:
    words = " ".join(["The team shipped the release on time."] * 12)
    body(repo, f"Amazing, incredible and world-class work.\n{words}\n")
    assert findings(repo) == [
        (
            "authenticity-hype",
            "warning",
            BODY_LINE,
            "The post uses 3 big words (amazing, "
            "incredible, world-class); readers trust plain words more.",
        ),
        (
            "authenticity-voice",
            "warning",
            BODY_LINE,
            "The post never says 'I' or 'we'; it reads like a press release.",
        ),
    ]


def _report(repo: FixtureSite) -> Report:
    """The check's report on the whole repository, as of the tests' day."""
    repo_site = Site(root=repo.root, language="en", today=dt.date(2026, 11, 28))
    return check_repository(repo_site)[1]


def test_copied_text(repo: FixtureSite) -> None:
    shared = "we carried the boxes from the harbour to the canteen before anyone else arrived"
    repo.write("policy.yml", POLICY)
    repo.simple_post("a.md", "One", "2026-11-20", body=f"I think {shared} today.\n")
    repo.simple_post("b.md", "Two", "2026-11-21", body=f"Then {shared} again.\n")
    assert findings(repo, "authenticity-copied") == [
        (
            "authenticity-copied",
            "warning",
            BODY_LINE,
            "Parts of this post are the same as site_src/blog/posts/b.md.",
        ),
        (
            "authenticity-copied",
            "warning",
            BODY_LINE,
            "Parts of this post are the same as site_src/blog/posts/a.md.",
        ),
    ]


def test_copied_text_found_when_one_post_is_checked(repo: FixtureSite) -> None:
    shared = "we carried the boxes from the harbour to the canteen before anyone else arrived"
    repo.write("policy.yml", POLICY)
    for n in range(5):
        repo.simple_post(f"other-{n}.md", f"Other {n}", "2026-11-19", body=f"Story {n}.\n")
    repo.simple_post("a.md", "One", "2026-11-20", body=f"I think {shared} today.\n")
    repo.simple_post("b.md", "Two", "2026-11-21", body=f"Then {shared} again.\n")
    repo_site = Site(root=repo.root, language="en", today=dt.date(2026, 11, 28))
    _, report = check_repository(repo_site, [repo.root / "site_src/blog/posts/b.md"])
    assert [(f.file, f.message) for f in report.findings if f.rule == "authenticity-copied"] == [
        ("site_src/blog/posts/b.md", "Parts of this post are the same as site_src/blog/posts/a.md.")
    ]


def test_copied_text_found_through_the_index_of_a_large_repository(repo: FixtureSite) -> None:
    # More posts than are compared one by one: the index of repeated runs finds the copy,
    # and runs two posts share by chance of a few words do not count.
    shared = "we carried the boxes from the harbour to the canteen before anyone else arrived"
    repo.write("policy.yml", POLICY)
    for n in range(30):
        repo.simple_post(
            f"other-{n}.md",
            f"Other {n}",
            "2026-11-19",
            body=f"Story {n} about the day we tested release {n} of the app together.\n",
        )
    repo.simple_post("a.md", "One", "2026-11-20", body=f"I think {shared} today.\n")
    repo.simple_post("b.md", "Two", "2026-11-21", body=f"Then {shared} again.\n")
    found = [(f.file, f.message) for f in _report(repo).findings if f.rule == "authenticity-copied"]
    assert found == [
        (
            "site_src/blog/posts/a.md",
            "Parts of this post are the same as site_src/blog/posts/b.md.",
        ),
        (
            "site_src/blog/posts/b.md",
            "Parts of this post are the same as site_src/blog/posts/a.md.",
        ),
    ]


def test_share_text_without_disclosure(repo: FixtureSite) -> None:
    body(repo, "We did it.\n", extra='share:\n  text: "Look what we built!"\n')
    assert findings(repo) == [
        (
            "share-disclosure-missing",
            "warning",
            7,
            "The share text does not say that you work "
            'here; the site adds "I work at Kystlinje." at the end.',
        )
    ]
    body(repo, "We did it.\n", extra='share:\n  text: "Look! I work at kystlinje"\n')
    assert findings(repo) == []


# -- severities HR can change ------------------------------------------------------------------


def test_policy_changes_severities_where_allowed(repo: FixtureSite) -> None:
    body(repo, "We did it.\n<http://example.com>\nCall 23 45 67 89.\n<script>x</script>\n")
    repo.write(
        "policy.yml",
        POLICY + "severity:\n  link-insecure: error\n  personal-phone: off"
        "\n  html-dangerous: off\n  authenticity-voice: error\n  no-such-rule: off\n",
    )
    assert findings(repo) == [
        (
            "policy-severity",
            "error",
            17,
            "'severity' names a rule that does not exist: 'no-such-rule'.",
        ),
        # An error in the policy holds every post back: its lists may be incomplete.
        (
            "depends-on-error",
            "error",
            None,
            "This uses policy.yml, which has errors, so it is not published until they are fixed.",
        ),
        (
            "link-insecure",
            "error",
            BODY_LINE + 1,
            "The link 'http://example.com' uses http:// without encryption.",
        ),
        ("html-dangerous", "error", BODY_LINE + 3, SCRIPT.format("script")),
        (  # the home page too
            "depends-on-error",
            "error",
            None,
            "This uses policy.yml, which has errors, so it is not published until they are fixed.",
        ),
    ]


def test_messages_in_danish(repo: FixtureSite) -> None:
    body(repo, "Skriv til mette@kystlinje.dk.\n")
    assert findings(repo, lang="da") == [
        (
            "personal-email",
            "error",
            BODY_LINE,
            "En e-mailadresse må ikke udgives: 'mette@kystlinje.dk'.",
        )
    ]


def test_template_placeholders_are_errors(repo: FixtureSite) -> None:
    repo.write("policy.yml", POLICY)
    repo.post(
        "p.md",
        """
        title: "Din titel"
        date: 2026-11-20
        authors: [mette-hansen]
        description: "[Navn] fortæller om et projekt, vi har leveret, og hvad holdet lærte."
    """,
        "Jeg skrev det selv.\n",
    )
    assert findings(repo, "post-placeholder") == [
        (
            "post-placeholder",
            "error",
            2,
            "The post still has the template's placeholder 'Din titel'.",
        ),
        ("post-placeholder", "error", 5, "The post still has the template's placeholder '[Navn]'."),
    ]


def test_drafts_and_future_posts_are_named(repo: FixtureSite) -> None:
    body(repo, "We did it.\n", extra="draft: true\n")
    assert findings(repo, "post-not-published") == [
        ("post-not-published", "warning", 6, "This post is not published yet: it is a draft.")
    ]
    repo.simple_post("p.md", "A title", "2026-12-24")
    assert findings(repo, "post-not-published") == [
        (
            "post-not-published",
            "warning",
            3,
            "This post is not published yet: it is dated 2026-12-24.",
        )
    ]


def test_tabs_and_curly_quotes_get_their_own_message(repo: FixtureSite) -> None:
    repo.post("p.md", "title: x\npeople:\n\t- author: jonas-berg\n")
    [(rule, _, line, message)] = findings(repo)
    assert (rule, line, message) == (
        "yaml-syntax",
        4,
        "The front matter has a tab character for indentation on this line.",
    )
    repo.post("p.md", "title: “En morgen: havnen”\ndate: 2026-11-20\n")
    [(rule, _, line, message)] = findings(repo, lang="da")
    assert (rule, line) == ("yaml-syntax", 2)
    assert message == (
        "Front matter bruger krumme anførselstegn (“ ”) på denne linje, som "
        "YAML ikke læser som anførselstegn."
    )


# -- people named in full but never asked (issue 15) ---------------------------------------------


def test_full_name_of_someone_unlisted(repo: FixtureSite) -> None:
    body(repo, "We did it.\nSøren Ørsted-Kjær from the harbour showed us around.\n")
    assert findings(repo, "person-unlisted") == [
        (
            "person-unlisted",
            "warning",
            BODY_LINE + 1,
            "Søren Ørsted-Kjær is named on line 9, but is neither an author of the post nor "
            "listed under 'people:'; HR must know that Søren Ørsted-Kjær agreed to be named, or "
            "the name must go.",
        )
    ]
    assert findings(repo, "person-unlisted", lang="da")[0][3] == (
        "Søren Ørsted-Kjær nævnes i linje 9, men er hverken forfatter til indlægget eller står "
        "under 'people:'; HR skal vide, at Søren Ørsted-Kjær har sagt ja til at blive nævnt, "
        "ellers skal navnet ud."
    )
    # Listed under people (in another spelling), or an author anywhere on the site: no finding.
    body(
        repo,
        "We did it.\nSoeren Oersted-Kjaer showed us around, with Mette Hansen.\n",
        extra="people:\n  - name: Søren Ørsted-Kjær\n    consent: 2026-11-01\n    evidence: HR-3\n",
    )
    assert findings(repo, "person-unlisted") == []


def test_unlisted_names_can_be_turned_off_or_made_errors(repo: FixtureSite) -> None:
    body(repo, "We did it.\nAnna van der Berg showed us around.\n")
    repo.write("policy.yml", POLICY + "severity: {person-unlisted: error}\n")
    assert [f[:2] for f in findings(repo, "person-unlisted")] == [("person-unlisted", "error")]
    repo.write("policy.yml", POLICY + "severity: {person-unlisted: off}\n")
    assert findings(repo, "person-unlisted") == []


def test_team_mailbox_the_policy_does_not_list(repo: FixtureSite) -> None:
    body(repo, "We did it.\nAsk presse@kystlinje.dk or anna.berg@kystlinje.dk.\n")
    assert findings(repo, "personal-email") + findings(repo, "mailbox-unlisted") == [
        (
            "personal-email",
            "error",
            BODY_LINE + 1,
            "An e-mail address must not be published: 'anna.berg@kystlinje.dk'.",
        ),
        (
            "mailbox-unlisted",
            "warning",
            BODY_LINE + 1,
            "'presse@kystlinje.dk' looks like a team mailbox, not a person's address, but the "
            "policy does not list it.",
        ),
    ]


def test_link_to_a_page_by_its_web_address(repo: FixtureSite) -> None:
    body(repo, "We did it.\nSee [the team](/team/) and [the plan](/files/plan.pdf).\n")
    assert findings(repo, "link-broken") + findings(repo, "media-outside") == [
        (
            "link-broken",
            "error",
            BODY_LINE + 1,
            "The link '/team/' is an address on the web server, not a page or file in the "
            "repository, so nobody can tell whether it leads anywhere.",
        ),
        (
            "media-outside",
            "error",
            BODY_LINE + 1,
            "The path '/files/plan.pdf' starts with '/', so it points at the web site, not at a "
            "file in the repository.",
        ),
    ]


def test_full_name_in_the_captions_is_reported_on_the_post(repo: FixtureSite) -> None:
    repo.write(
        "media/talk.da.vtt",
        "WEBVTT\n\n00:00.000 --> 00:02.000\nHej, jeg hedder Karen Blixen-Finecke.\n",
    )
    body(
        repo,
        "We did it.\n",
        extra="video:\n  youtube: dQw4w9WgXcQ\n  captions: media/talk.da.vtt\n",
    )
    assert findings(repo, "person-unlisted") == [
        (
            "person-unlisted",
            "warning",
            8,
            "Karen Blixen-Finecke is named on line 8, but is neither an author of the post nor "
            "listed under 'people:'; HR must know that Karen Blixen-Finecke agreed to be named, "
            "or the name must go.",
        )
    ]
