"""Problems of this layer as sentences in the interface language (the edge: CLI and TUI)."""

from __future__ import annotations

from esim_ready.esim.activation import Problem
from esim_ready.i18n import t
from esim_ready.problems import Problem as EidProblem


def problem_text(problem: Problem) -> str:
    """'part 2 (SM-DP+ address): has a ':' (a port?) …'"""
    args = {k: str(v) for k, v in problem.args.items()}
    text = t(f"code.{problem.part}_{problem.code}", **args) if args else t(f"code.{problem.part}_{problem.code}")
    return t("code.problem", part=t(f"code.part_{problem.part}"), text=text)


def eid_text(problem: EidProblem) -> str:
    """What is wrong with an EID (esim.identifiers.check_eid), without its place."""
    return problem.bare().words()
