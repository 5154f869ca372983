"""Every check; importing this package registers them all, in this order."""

from advocacy.core.checking.registry import CHECKS, RULES, Check, Rule, check, rule
from advocacy.core.checking.rules import (  # noqa: F401  (imported to register their rules)
    authenticity,
    confidential,
    consent,
    content,
    media,
    personal_data,
    safety,
    video,
)

__all__ = ["CHECKS", "RULES", "Check", "Rule", "check", "rule"]
