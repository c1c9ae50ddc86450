"""python -m nmpa_rules: run scenario files, check one decision, list rules and sources."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from .errors import InputError
from .evaluation import evaluate, list_rules, rule_info
from .inputs import parse_date, parse_text
from .scenarios import run_paths
from .sources import sources


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nmpa_rules", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("test", help="run scenario files (or every file under folders)")
    test.add_argument("paths", nargs="+", metavar="PATH")
    check = commands.add_parser("check", help="print one decision with its reasons and sources")
    check.add_argument("rule")
    check.add_argument("--as-of", required=True, metavar="DATE")
    check.add_argument("inputs", nargs="*", metavar="key=value")
    check.add_argument("--json", action="store_true", help="print the decision as JSON")
    listing = commands.add_parser("list", help="show each rule and whether it is in force")
    listing.add_argument("--as-of", required=True, metavar="DATE")
    commands.add_parser("sources", help="list the sources the rules cite")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    # key=value pairs may come before or after --as-of, which argparse alone cannot split.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "check":
        parser.error("unrecognized arguments: " + " ".join(extra))
    try:
        if args.command == "test":
            return _test(args.paths)
        if args.command == "check":
            return _check(args.rule, args.as_of, args.inputs + extra, args.json)
        if args.command == "list":
            return _list(args.as_of)
        return _sources()
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _test(paths: list[str]) -> int:
    results = run_paths(paths)
    for result in results:
        print(("PASS " if result.passed else "FAIL ") + result.scenario.label)
        for problem in result.problems:
            print(f"    {problem}")
        if not result.passed and result.decision is not None:
            for reason in result.decision.reasons:
                mark = {True: "pass", False: "FAIL", None: "info"}[reason.passed]
                print(f"      {mark} {reason.check}: {reason.message}")
    failed = sum(not result.passed for result in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _check(rule_id: str, as_of: str, pairs: list[str], as_json: bool) -> int:
    info = rule_info(rule_id)
    specs = {spec.name: spec for spec in info.inputs}
    inputs = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key:
            raise InputError(pair, pair, "write inputs as key=value", problem="is not a key=value pair")
        inputs[key] = parse_text(specs[key], text) if key in specs else text
    decision = evaluate(rule_id, as_of, **inputs)
    print(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2) if as_json else decision.explain())
    return 0


def _list(as_of: str) -> int:
    on = parse_date("--as-of", as_of)
    for info in list_rules():
        until = info.in_force_until.isoformat() if info.in_force_until else "open-ended"
        state = "in force" if info.in_force_on(on) else "NOT in force"
        print(f"{info.id:<30} {state:<13} ({info.in_force_from.isoformat()} to {until})  {info.title}")
    return 0


def _sources() -> int:
    for item in sources():
        clause = f" -- {item.clause}" if item.clause else ""
        print(f"{item.id:<28} [{item.confidence}] {item.citation()}{clause} <{item.url}>")
    return 0
