"""Confidential terms, restricted organisations and personal data in disguise: joined,
hyphenated, inflected, spelled as an address or a file name, written with look-alike
characters, and in every text the site publishes (attributes, table-of-contents labels, a
page's address, teams.yml)."""

from __future__ import annotations

import json

import pytest

from advocacy.core.checking.rules.personal_data import find_personal_data
from advocacy.core.model.textnorm import fold, term_pattern
from conftest import FixtureSite

POLICY = (
    "hr_logins: [hr-login]\n"
    "confidential_terms: [Projekt Fyrtårn]\n"
    "restricted_organisations:\n  - name: Nordhavn Logistik A/S\n"
    "    aliases: [Nordhavn Logistik]\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "#ProjektFyrtårn",
        "Projekt-Fyrtårn",
        "Projekt\u2011Fyrtårn",
        "projekt_fyrtarn.jpg",
        "projekt-fyrtaarn-kickoff",
        "Projekt Fyrtårns plan",
        "Projekt Fyrtårnet",
    ],
)
def test_a_term_is_found_joined_hyphenated_and_inflected(text: str) -> None:
    patterns = [term_pattern(f) for f in ("projekt fyrtårn", "projekt fyrtaarn", "projekt fyrtarn")]
    assert any(p.search(fold(text)) for p in patterns)


@pytest.mark.parametrize(
    "text", ["projektfyrtårnsvej", "et projekt, fyrtårnsbyen", "aprojekt fyrtårn"]
)
def test_a_term_is_not_found_inside_other_words(text: str) -> None:
    assert not term_pattern("Projekt Fyrtårn").search(fold(text))


@pytest.mark.parametrize("text", ["fyrer", "fyre", "fyrre", "affyr", "fyr_"])
def test_a_one_word_term_keeps_to_its_own_word(text: str) -> None:
    assert bool(term_pattern("Fyr").search(fold(text))) == (text == "fyr_")


@pytest.mark.parametrize(
    "text",
    [
        "NordhavnLogistik",
        "Nordhavn Logistiks chauffører",
        "nordhavnlogistik.dk",
        "Nordhavn-Logistik",
    ],
)
def test_an_organisation_is_found_joined_and_in_the_genitive(text: str) -> None:
    assert term_pattern("Nordhavn Logistik").search(fold(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("skriv til jonas.privat@gmail.com", "email"),
        ("kort 4111.1111.1111.1111 tak", "card"),
        ("cpr 010190/1234 tak", "cpr"),
        ("cpr 020295-1237 tak", "cpr"),
        ("ring 20.30.40.50 nu", "phone"),
        ("ring (+45) 86 12 34 56 nu", "phone"),
    ],
)
def test_personal_data_with_other_separators(text: str, kind: str) -> None:
    assert [f[0] for f in find_personal_data(text, [])] == [kind]


def test_an_ip_address_is_not_a_phone_number() -> None:
    assert find_personal_data("the server at 10.20.30.40 answered", []) == []


def _findings(site: FixtureSite) -> list[tuple[str, int | None, str]]:
    proc = site.check("--format", "json")
    return [(f["file"], f["line"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]


def test_disguised_terms_names_and_numbers_in_a_post_are_errors(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY)
    site.author("mette-hansen", "Mette Hansen")
    site.image("media/projekt-fyrtarn-kickoff.jpg")
    site.simple_post(
        "2026-11-20-autumn.md",
        "An autumn in the harbour",
        "2026-11-20",
        body=(
            "Our team spent the autumn moving the booking system to the new platform.\n\n"
            "![The whiteboard](../../../media/projekt-fyrtarn-kickoff.jpg)\n\n"
            "We drove for NordhavnLogistik all winter long, with every truck we had.\n\n"
            "Write to jonas.privat\uff20gmail.com if you want to know more about it.\n\n"
            '<ol start="20304050"><li>is my private mobile, after six</li></ol>\n'
        ),
    )
    found = _findings(site)
    post = "site_src/blog/posts/2026-11-20-autumn.md"
    lines = {(line, rule) for file, line, rule in found if file == post}
    assert (10, "confidential-term") in lines  # the picture's file name
    assert (12, "organisation-restricted") in lines
    assert (14, "personal-email") in lines
    assert (16, "personal-phone") in lines


def test_a_toc_label_and_a_page_address_are_judged(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY)
    site.author("mette-hansen", "Mette Hansen")
    site.write(
        "site_src/moving.md",
        "---\ntitle: Moving\n---\n\nWe moved the booking system to the new platform.\n\n"
        '## Planning {: data-toc-label="Projekt Fyrtårn" }\n\nWe made a list of every job.\n',
    )
    site.write(
        "site_src/Nordhavn Logistik/life.md",
        "---\ntitle: Life at the harbour\n---\n\nWe made a list of every job.\n",
    )
    found = _findings(site)
    assert ("site_src/moving.md", 7, "confidential-term") in found
    assert ("site_src/Nordhavn Logistik/life.md", None, "organisation-restricted") in found


def test_teams_texts_are_judged_by_every_text_rule(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY + "internal_hosts: [intranet.example.dk]\n")
    site.author("jonas-berg", "Jonas Berg", team="Sales")
    site.simple_post("2026-11-20-a.md", "Selling trucks", "2026-11-20", authors="[jonas-berg]")
    site.write(
        "teams.yml",
        "Sales:\n"
        "  description:\n"
        '    en: "We sell Projekt Fyrtårn to Nordhavn Logistik."\n'
        '    da: "Ring til os på 20 30 40 50 eller jonas.privat@gmail.com."\n'
        "  jobs: https://intranet.example.dk/jobs\n",
    )
    found = _findings(site)
    assert ("teams.yml", 3, "confidential-term") in found
    assert ("teams.yml", 3, "organisation-restricted") in found
    assert ("teams.yml", 4, "personal-phone") in found
    assert ("teams.yml", 4, "personal-email") in found
    assert ("teams.yml", 5, "link-internal") in found
    result = site.build()
    assert result.returncode == 1
    assert "teams.yml:3: error:" in result.log


def test_the_look_alike_table_is_unicodes() -> None:
    """core/model/confusables.txt is Unicode's confusables list as the package gives it
    (kept as a small file: the list itself would cost every build 15 MB)."""
    from advocacy.core.model import textnorm

    kept = {k: v for k, v in textnorm._confusables().items() if k not in textnorm._COMMON}
    derived = textnorm.confusables_from_unicode()
    assert {k: v for k, v in derived.items() if k not in textnorm._COMMON} == kept
    assert len(derived) > 1000
