"""Every rule is declared once, in both languages, and documented on the policy page.

The rules are found by importing every module of the core (a rule is declared next to its
check, wherever that is), so a rule added anywhere is walked here without being listed.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import advocacy.core
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import LANGUAGES, RULES, Rule, declare
from advocacy.core.reading.policy import Policy
from advocacy.core.review.policy_page import policy_markdown
from conftest import FixtureSite

PLUGINS = Path(advocacy.core.__file__).parent.parent


def _import_core() -> None:
    for module in pkgutil.walk_packages(advocacy.core.__path__, "advocacy.core."):
        importlib.import_module(module.name)


_import_core()
ALL = sorted(RULES.values(), key=lambda r: r.id)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_core_declares_the_rules_it_reports() -> None:
    # The product's whole catalogue: far more than a handful, and the reading rules too.
    ids = {r.id for r in ALL}
    assert len(ids) >= 60
    assert {
        "unreadable",
        "yaml-syntax",
        "front-matter",
        "schema-type",
        "symlink",
        "media-missing",
        "author-unknown",
        "consent-missing",
        "html-dangerous",
        "personal-cpr",
        "policy-severity",
    } <= ids


@pytest.mark.parametrize("declared", ALL, ids=lambda r: r.id)
def test_each_rule_is_complete_in_both_languages(declared: Rule) -> None:
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", declared.id)
    assert isinstance(declared.severity, Severity)
    if declared.severity is Severity.ERROR:
        assert declared.can_block
    for lang in LANGUAGES:
        assert declared.summary[lang].strip().endswith((".", ")")), (lang, declared.summary)
    assert declared.summary["en"] != declared.summary["da"]
    assert declared.id in declared.messages
    for key, texts in declared.messages.items():
        assert set(texts) == set(LANGUAGES), key
        en_message, en_fix = texts["en"]
        da_message, da_fix = texts["da"]
        assert en_message.strip() and en_fix.strip() and da_message.strip() and da_fix.strip()
        assert en_message != da_message or not _letters(en_message), key
        # The same values fill both languages: a placeholder one language lacks is a value
        # the other would never show.
        assert _fields(en_message + en_fix) == _fields(da_message + da_fix), key


def _letters(text: str) -> str:
    return re.sub(r"\{[^}]*\}|[^A-Za-z]", "", text)


@pytest.mark.parametrize("declared", ALL, ids=lambda r: r.id)
def test_every_message_is_filled(declared: Rule) -> None:
    values = {name: f"<{name}>" for name in declared.placeholders()}
    for key in declared.messages:
        for lang in LANGUAGES:
            finding = declared.finding(lang, "site_src/blog/posts/x.md", 3, key, **values)
            assert isinstance(finding, Finding)
            assert finding.rule == declared.id and finding.severity is declared.severity
            for text in (finding.message, finding.fix):
                assert "{" not in text.replace("{<", "") and "}" not in text.replace(">}", "")
            # Values given in both languages are shown in the reader's.
            localized = declared.finding(
                lang,
                "x.md",
                None,
                key,
                **{name: {"en": "EN-VALUE", "da": "DA-VALUE"} for name in values},
            )
            shown = localized.message + localized.fix
            other = "DA-VALUE" if lang == "en" else "EN-VALUE"
            assert other not in shown


def test_an_id_is_declared_once() -> None:
    first = ALL[0]
    with pytest.raises(ValueError, match="declared twice"):
        declare(Rule(first.id, first.severity, first.summary, first.messages))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_policy_page_lists_every_rule(lang: str) -> None:
    page = policy_markdown(Policy(), "Acme", lang)
    missing = [r.id for r in ALL if f"- {r.summary[lang]}" not in page]
    assert missing == []


def test_policy_off_leaves_only_fixed_rules_on_the_page() -> None:
    policy = Policy(severity={r.id: "off" for r in ALL})
    page = policy_markdown(policy, "Acme", "en")
    shown = {r.id for r in ALL if f"- {r.summary['en']}" in page}
    assert shown == {r.id for r in ALL if not r.adjustable}


def test_findings_are_made_only_from_declarations() -> None:
    """A ``Finding(...)`` written by hand would skip the declared severity and texts: only
    the rule object makes them (and the caches, which restore what a rule made)."""
    allowed = {"core/model/rules.py", "core/cache/reads.py", "core/cache/findings.py"}
    offenders = []
    for path in sorted(PLUGINS.rglob("*.py")):
        rel = path.relative_to(PLUGINS.parent).as_posix().removeprefix("advocacy/")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Finding"
                and rel not in allowed
            ):
                offenders.append(f"{rel}:{node.lineno}")
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "replace"
                and any(k.arg in ("rule", "message") for k in node.keywords)
            ):
                offenders.append(f"{rel}:{node.lineno} (replace)")
    assert offenders == []


@pytest.mark.parametrize("declared", [r for r in ALL if r.hint], ids=lambda r: r.id)
def test_advice_for_imported_posts_is_in_both_languages(declared: Rule) -> None:
    assert set(declared.hint) == set(LANGUAGES)
    assert declared.hint["en"] != declared.hint["da"]


def test_an_imported_post_hears_what_to_do_with_an_old_post(site: FixtureSite) -> None:
    import json

    site.simple_post(
        "2026-11-20-old.md",
        "An old story",
        "2016-03-04",
        body='<iframe src="https://player.example.org/1"></iframe>\n\nOur day.\n',
        extra="aliases: [/2016/03/04/an-old-story.html]",
    )
    site.simple_post(
        "2026-11-21-new.md",
        "A new story",
        "2026-11-21",
        body='<iframe src="https://player.example.org/1"></iframe>\n\nOur day.\n',
    )
    proc = site.check("--format", "json")
    fixes = {
        f["file"].rsplit("/", 1)[1]: f["fix"]
        for f in json.loads(proc.stdout)["findings"]
        if f["rule"] == "html-dangerous"
    }
    assert fixes["2026-11-21-new.md"] == (
        "Remove it. Posts are text, photos and video; anything else is added by the site's "
        "maintainers."
    )
    assert fixes["2026-11-20-old.md"] == (
        "Remove it. Posts are text, photos and video; anything else is added by the site's "
        "maintainers. Old posts often embed players, forms or trackers: replace the embed "
        "with a link to what it showed. This post came from the old site: fix it here, or add "
        "'draft: true' to keep it off the site until someone has time; its old address works "
        "again once it is published."
    )


def _module_rules() -> dict[str, dict[str, Rule]]:
    """For each core module: the rules it can name (its own and those it imports)."""
    out = {}
    for info in pkgutil.walk_packages(advocacy.core.__path__, "advocacy.core."):
        module = importlib.import_module(info.name)
        out[info.name] = {
            name: value for name, value in vars(module).items() if isinstance(value, Rule)
        }
    return out


def test_every_message_key_the_code_names_belongs_to_its_rule() -> None:
    """``RULE.finding(lang, file, line, "key")``, ``checker.report(RULE, path, "key")`` and
    ``Invalid(RULE, "key")`` with a key the rule does not have would fail only when that
    finding is made: every such literal is looked up here, and so is every (rule, key)
    pair a module keeps in a table."""
    problems = []
    for name, rules in _module_rules().items():
        module = importlib.import_module(name)
        path = Path(module.__file__ or "")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            pairs: list[tuple[ast.expr, ast.expr]] = []
            if isinstance(func, ast.Attribute) and func.attr == "finding" and len(node.args) >= 4:
                pairs.append((func.value, node.args[3]))
            if isinstance(func, ast.Attribute) and func.attr == "report" and len(node.args) >= 3:
                pairs.append((node.args[0], node.args[2]))
            if getattr(func, "id", None) == "Invalid" and len(node.args) >= 2:
                pairs.append((node.args[0], node.args[1]))
            for target, key in pairs:
                if (
                    isinstance(target, ast.Name)
                    and target.id in rules
                    and isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and (key.value not in rules[target.id].messages)
                ):
                    problems.append(f"{name}:{node.lineno} {target.id} has no {key.value!r}")
        for value in vars(module).values():
            if isinstance(value, dict):
                for item in value.values():
                    if (
                        isinstance(item, tuple)
                        and len(item) == 2
                        and isinstance(item[0], Rule)
                        and item[1] is not None
                        and item[1] not in item[0].messages
                    ):
                        problems.append(f"{name}: {item[0].id} has no {item[1]!r}")
    assert problems == []
