"""Problems of this layer as sentences in the interface language (the edge: CLI and TUI)."""

from __future__ import annotations

from esim_ready.i18n import t
from esim_ready.problems import Problem


def problem_text(problem: Problem) -> str:
    """'part 2 (SM-DP+ address): has a ':' (a port?) …': an activation code's problem
    (esim.activation.check), named by its part."""
    return t("code.problem", part=t(f"code.part_{problem.field}"), text=problem.bare().words())


def eid_text(problem: Problem) -> str:
    """What is wrong with an EID (esim.identifiers.check_eid), without its place."""
    return problem.bare().words()
