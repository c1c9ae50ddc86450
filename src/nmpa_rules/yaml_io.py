"""Read YAML safely and remember on which line each value starts, for error messages.

Scenario files may be written by anyone, so every file is read within fixed bounds before
anything is built from it:

- at most ``MAX_FILE_BYTES`` bytes, which must be UTF-8 text;
- at most ``MAX_NODES`` values once every alias (``*name``) is expanded, so that a few
  hundred bytes of nested aliases cannot stand for millions of values;
- values nested at most ``MAX_DEPTH`` deep, counting through aliases;
- no alias to a value that contains the alias itself (a recursive alias);
- no mapping key given twice, and no unquoted number longer than ``MAX_DIGITS`` digits.

The bounds are checked on the parser's event stream, which holds one event at a time, so a
file is refused after reading at most ``MAX_FILE_BYTES`` and ``MAX_NODES`` events.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 30
MAX_DIGITS = 300
_LONG_NUMBER = re.compile(r"[-+]?[0-9][0-9_:]*")

Lines = dict[tuple, int]
"""Maps a path of keys and list indexes, e.g. (0, "input", "applied_on"), to a 1-based line."""


class _Bounds:
    """Counts the values a document stands for, aliases expanded, as its events go by."""

    def __init__(self, fail):
        self.fail = fail
        self.total = 0
        # Per anchor: (values, depth) of the anchored value, once it is complete.
        self.anchored: dict[str, tuple[int, int]] = {}
        # Per open collection: [anchor, values so far, deepest child depth, start mark].
        self.open: list[list] = []

    def _add(self, values: int, depth: int, mark) -> None:
        self.total += values
        if self.total > MAX_NODES:
            self.fail(mark, f"stands for more than {MAX_NODES} values once its aliases are expanded", "is too big")
        if len(self.open) + depth > MAX_DEPTH:
            self.fail(mark, f"values may be nested at most {MAX_DEPTH} deep, aliases included", "is nested too deep")
        if self.open:
            parent = self.open[-1]
            parent[1] += values
            parent[2] = max(parent[2], depth)

    def see(self, event: yaml.Event) -> None:
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchored:
                if any(entry[0] == event.anchor for entry in self.open):
                    self.fail(mark, "an alias may not point into the value that contains it", "is a recursive alias")
                self.fail(mark, "define an anchor (&name) before its alias (*name)", "is an undefined alias")
            values, depth = self.anchored[event.anchor]
            self._add(values, depth, mark)
        elif isinstance(event, yaml.ScalarEvent):
            self._add(1, 1, mark)
            if not event.style and len(event.value) > MAX_DIGITS and _LONG_NUMBER.fullmatch(event.value):
                # Reading it would take time that grows with the square of its length.
                self.fail(mark, f"a number has at most {MAX_DIGITS} digits; quote it to make it text", "is too long a number")
            if event.anchor:
                self.anchored[event.anchor] = (1, 1)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self._add(1, 1, mark)
            self.open.append([event.anchor, 1, 0, mark])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, values, child_depth, start = self.open.pop()
            if self.open:
                # The collection's own 1 was counted when it opened; its children were added
                # to it as they came and now count towards its parent too.
                self.open[-1][1] += values - 1
                self.open[-1][2] = max(self.open[-1][2], child_depth + 1)
            if anchor:
                self.anchored[anchor] = (values, child_depth + 1)
        elif isinstance(event, yaml.DocumentStartEvent) and self.total:
            self.fail(mark, "a file holds one YAML document", "has a second document")


def _read_text(path: Path, error_type: type[InputError]) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise error_type("file", str(path), "give a readable YAML file", problem=f"cannot be read ({err.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise error_type(
            "file", str(path), f"a file may have at most {MAX_FILE_BYTES} bytes; split it", problem="is too large",
            file=str(path),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise error_type(
            "file", data[err.start : err.start + 4], "save the file as UTF-8 text", problem="is not UTF-8 text",
            file=str(path), line=line,
        ) from None


def load_yaml(path: Path, error_type: type[InputError] = InputError) -> tuple[Any, Lines]:
    """The parsed document and its line map; anything wrong becomes ``error_type``."""
    text = _read_text(path, error_type)

    def fail(mark, allowed: str, problem: str) -> None:
        raise error_type("yaml", None if mark is None else _snippet(text, mark), allowed, problem=problem,
                         file=str(path), line=mark.line + 1 if mark else None)

    try:
        bounds = _Bounds(fail)
        for event in yaml.parse(text, Loader=Loader):
            bounds.see(event)
        loader = Loader(text)
        lines: Lines = {}
        try:
            node = loader.get_single_node()
            if node is not None:
                # Before construction, which merges "<<" keys into the mapping nodes themselves.
                _record_lines(node, (), lines, fail)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except InputError:
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise error_type(
            "yaml",
            (err.problem or "syntax error").strip(),
            "fix the YAML syntax",
            problem="is a YAML syntax error",
            file=str(path),
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as err:
        raise error_type("yaml", str(err), "fix the YAML syntax", problem="is a YAML error", file=str(path)) from None
    except ValueError as err:  # e.g. an unquoted impossible date such as 2025-02-30
        raise error_type("yaml", str(err), "quote the value or correct it", problem="cannot be read as a YAML value", file=str(path)) from None
    return data, lines


def _snippet(text: str, mark) -> str:
    return text[mark.index : mark.index + 40].split("\n", 1)[0]


def _record_lines(node: yaml.Node, path: tuple, lines: Lines, fail) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            # Only a plain key names a field; any other key is reported by whoever reads the data.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key != "<<":
                if key in seen:
                    fail(key_node.start_mark, "give each key once in a mapping", "is a key given twice")
                seen.add(key)
            _record_lines(value_node, path + (key,), lines, fail)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, fail)


def line_of(lines: Lines, path: tuple) -> int | None:
    """The line of ``path`` or of its nearest recorded parent."""
    while path not in lines and path:
        path = path[:-1]
    try:
        return lines.get(path)
    except TypeError:  # a path through a key that is not hashable
        return None
