"""Read YAML and remember on which line each value starts, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Lines = dict[tuple, int]
"""Maps a path of keys and list indexes, e.g. (0, "input", "applied_on"), to a 1-based line."""


def _record_lines(node: yaml.Node, path: tuple, lines: Lines) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _record_lines(value_node, path + (key_node.value,), lines)
            lines[path + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def load_yaml(path: Path, error_type: type[InputError] = InputError) -> tuple[Any, Lines]:
    """The parsed document and its line map; syntax errors become ``error_type``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise error_type("file", str(path), "give a readable YAML file", problem=f"cannot be read ({err.strerror})") from None
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
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
    finally:
        loader.dispose()
    lines: Lines = {}
    if node is not None:
        _record_lines(node, (), lines)
    return data, lines


def line_of(lines: Lines, path: tuple) -> int | None:
    """The line of ``path`` or of its nearest recorded parent."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
