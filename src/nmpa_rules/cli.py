"""python -m nmpa_rules: run scenario files, check one decision, list rules and sources.

``check``, ``list`` and ``sources`` speak English or, with ``--lang zh``, Chinese: labels, reasons,
warnings and messages are translated; rule ids, input names, values, dates and document numbers
stay as they are. Bad input exits with status 2 and one "error:" line per problem, every problem at once;
a failing scenario exits 1. Scenario files are untrusted input and are read within fixed
bounds (see `test --help`): per file at most 1,000,000 bytes of UTF-8, 100,000 values with
aliases expanded, nesting 30 deep and numbers of 300 digits; per run at most 100 files,
2,000,000 bytes and 1000 cases. benchmarks/bench_hostile_inputs.py measures the time and
memory of the worst files. Output never fails on the terminal's encoding: characters it
cannot show are written as backslash escapes.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from typing import Sequence

from .errors import InputError, one_line, raise_all
from .evaluation import list_rules
from .inputs import parse_date
from .scenarios import MAX_CASES, MAX_FILES, MAX_RUN_BYTES, iter_results
from .sources import sources
from .translation import ENGLISH, LANGUAGES, T, check_language, translate
from .typed import decide_typed
from .yaml_io import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

MAX_SHOWN_ERRORS = 50
"""A run with more problems prints this many and counts the rest."""

_TEST_HELP = (
    f"run scenario files (or every .yaml/.yml file under folders); each file at most {MAX_FILE_BYTES} bytes "
    f"and {MAX_NODES} values with aliases expanded, nested at most {MAX_DEPTH} deep; "
    f"at most {MAX_FILES} files, {MAX_RUN_BYTES} bytes and {MAX_CASES} cases per run"
)


@functools.cache  # building it costs more than a check; it is never changed after
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nmpa_rules", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("test", help=_TEST_HELP, description=_TEST_HELP)
    test.add_argument("paths", nargs="+", metavar="PATH")
    check = commands.add_parser(
        "check",
        help="print one decision with its reasons and sources",
        description="Print one decision. Give each input once as key=value; every bad input is reported at once. "
        "Dates and numbers may use full-width digits (２０２５-０１-０１, ５).",
    )
    check.add_argument("rule")
    check.add_argument("--as-of", required=True, metavar="DATE")
    check.add_argument("inputs", nargs="*", metavar="key=value")
    check.add_argument("--json", action="store_true", help="print the decision as JSON")
    listing = commands.add_parser("list", help="show each rule and whether it is in force")
    listing.add_argument("--as-of", required=True, metavar="DATE")
    listed = commands.add_parser("sources", help="list the sources the rules cite")
    for command in (check, listing, listed):
        command.add_argument("--lang", default=ENGLISH, metavar="CODE",
                             help="the language of the output: " + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items()))
    return parser


def use_safe_output() -> None:
    """Characters the output encoding lacks become backslash escapes instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    # key=value pairs may come before or after --as-of, which argparse alone cannot split.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "check":
        parser.error("unrecognized arguments: " + " ".join(extra))
    language = getattr(args, "lang", ENGLISH)
    try:
        check_language(language)
    except ValueError as err:
        print("error: " + one_line(str(err)), file=sys.stderr)
        return 2
    try:
        if args.command == "test":
            return _test(args.paths)
        if args.command == "check":
            return _check(args.rule, args.as_of, args.inputs + extra, args.json, language)
        if args.command == "list":
            return _list(args.as_of, language)
        return _sources(language)
    except InputError as err:
        _print_errors(err, language)
        return 2
    except RecursionError:
        print("error: " + translate(T("the input is nested too deeply to read"), language), file=sys.stderr)
        return 2
    except MemoryError:
        print("error: " + translate(T("the input needs more memory than this machine has"), language), file=sys.stderr)
        return 2


def _print_errors(err: InputError, language: str = ENGLISH) -> None:
    problems = err.problems
    for problem in problems[:MAX_SHOWN_ERRORS]:
        # A message never spans lines: a file name that holds a newline is shown escaped.
        print("error: " + one_line(problem.message(language)), file=sys.stderr)
    if len(problems) > MAX_SHOWN_ERRORS:
        more = T("... and {count} more problems", count=len(problems) - MAX_SHOWN_ERRORS)
        print("error: " + translate(more, language), file=sys.stderr)


def _test(paths: list[str]) -> int:
    count = failed = 0
    # One result at a time: a long run holds one decision in memory, not all of them.
    for result in iter_results(paths):
        count += 1
        failed += not result.passed
        print(("PASS " if result.passed else "FAIL ") + one_line(result.scenario.label))
        for problem in result.problems:
            print(f"    {one_line(problem)}")
        if not result.passed and result.decision is not None:
            for reason in result.decision.reasons:
                mark = {True: "pass", False: "FAIL", None: "info"}[reason.passed]
                print(f"      {mark} {reason.check}: {reason.message}")
    print(f"{count - failed} passed, {failed} failed")
    return 1 if failed else 0


def _check(rule_id: str, as_of: str | list, pairs: list[str], as_json: bool, language: str = ENGLISH) -> int:
    # argparse hands over [] for a value that is exactly "--" (--as-of=--); that was the text.
    typed = {"as_of": as_of if isinstance(as_of, str) else "--"}
    problems: list[InputError] = []
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key:
            problems.append(InputError(pair, pair, T("write inputs as key=value"), problem=T("is not a key=value pair")))
        elif key in typed:
            problems.append(InputError(key, text, T("give each input once"), problem=T("is given twice")))
        else:
            typed[key] = text
    try:
        decision = decide_typed(rule_id, typed)
    except InputError as err:
        problems.extend(err.problems)
    raise_all(problems)
    shown = json.dumps(decision.to_dict(language), ensure_ascii=False, indent=2) if as_json else decision.explain(language)
    print(shown)
    return 0


def _list(as_of: str, language: str = ENGLISH) -> int:
    on = parse_date("--as-of", as_of)
    for info in list_rules():
        until = info.in_force_until.isoformat() if info.in_force_until else translate(T("open-ended"), language)
        state = translate(T("in force") if info.in_force_on(on) else T("NOT in force"), language)
        span = translate(T("({start} to {end})", start=info.in_force_from.isoformat(), end=until), language)
        print(f"{info.id:<30} {state:<13} {span}  {translate(info.title, language)}")
    return 0


def _sources(language: str = ENGLISH) -> int:
    for item in sources():
        clause = f" -- {translate(item.clause, language)}" if item.clause else ""
        print(f"{item.id:<28} [{item.confidence}] {translate(item.citation(), language)}{clause} <{item.url}>")
    return 0
