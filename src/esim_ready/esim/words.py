"""Problems of this layer as sentences in the interface language (the edge: CLI and TUI)."""

from __future__ import annotations

from esim_ready.esim.activation import Problem
from esim_ready.esim.identifiers import EidProblem
from esim_ready.i18n import t


def problem_text(problem: Problem) -> str:
    """'part 2 (SM-DP+ address): has a ':' (a port?) …'"""
    args = {k: str(v) for k, v in problem.args.items()}
    text = t(f"code.{problem.part}_{problem.code}", **args) if args else t(f"code.{problem.part}_{problem.code}")
    return t("code.problem", part=t(f"code.part_{problem.part}"), text=text)


def eid_text(problem: EidProblem) -> str:
    return t(f"code.eid_{problem.code}", n=problem.length) if problem.code == "length" else t(f"code.eid_{problem.code}")
