"""Every post rule; importing this package registers them all, in this order."""

from advocacy.core.checking.rules import (  # noqa: F401  (imported to register their rules)
    authenticity,
    confidential,
    consent,
    content,
    html_safety,
    images,
    links,
    media,
    personal_data,
)
from advocacy.core.checking.rules.registry import RULE_INFO, RULES, RuleInfo, describe, rule

__all__ = ["RULES", "RULE_INFO", "RuleInfo", "describe", "rule"]
