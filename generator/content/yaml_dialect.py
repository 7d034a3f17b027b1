"""The YAML dialect of the records: plain data, no surprises.

PyYAML's safe loader follows YAML 1.1, which reads `NO` (Norway) as false and turns
`2025-02-30` into a crash inside the parser instead of a field error. This loader keeps
only `true`/`false` as booleans and leaves dates as text, so every date is checked by the
schema, with the file and field named in the message.

Before anything is built, `_check_shape` reads the parser's events (libyaml, a flat loop:
no recursion) and refuses front matter nested too deep, with too many aliases, or whose
aliases expand to too many values (limits.py): libyaml's composer crashes the process on a
list nested 100,000 deep, and nine aliases of nine aliases of … make the schema check
billions of values. Numbers are refused past a length, before Python converts them.
Merge keys (`<<: *base`) are plain YAML 1.1, which PyYAML's safe loader implements: an
editor repeating a source or a position may use them; a key written in the mapping
itself overrides the merged one, and a key written twice in it is still an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import yaml

from generator.content.limits import NUMBER_LENGTH, YAML_ALIASES, YAML_DEPTH, YAML_VALUES, exceeded


class DuplicateFieldError(yaml.constructor.ConstructorError):
    """A mapping gives the same key twice."""

    def __init__(self, key: str, first: yaml.Mark, second: yaml.Mark) -> None:
        super().__init__(None, first, f"field {key!r} given twice", second)
        self.key = key


class ComplexKeyError(yaml.constructor.ConstructorError):
    """A mapping uses a list or a mapping as a key, where a field name belongs (`[a]: 1`)."""

    def __init__(self, key: yaml.Node) -> None:
        found = "a list" if isinstance(key, yaml.SequenceNode) else "a mapping"
        super().__init__(None, None, f"field names must be plain words: found {found} used as a key", key.start_mark)


class LimitError(yaml.constructor.ConstructorError):
    """The front matter passes one of the limits of limits.py; the problem names it."""

    def __init__(self, problem: str, mark: object) -> None:
        super().__init__(None, None, problem, cast("yaml.Mark | None", mark))  # libyaml's marks have the same fields


_MERGE = "tag:yaml.org,2002:merge"


class _RefuseRepeatedKeys(yaml.constructor.SafeConstructor):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        """Refuse a key given twice: PyYAML would silently keep only the last value.

        A key that is a list or a mapping is refused first: it cannot be a field name, and
        Python cannot even look it up among the keys seen so far. Merge keys are set
        aside and merged afterwards (SafeConstructor's flatten_mapping), so a key written
        in the mapping overrides a merged one instead of counting as given twice.
        """
        seen: dict[object, yaml.Mark] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ComplexKeyError(key_node)
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateFieldError(str(key), seen[key], key_node.start_mark)
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        _check_number(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        _check_number(node)
        return super().construct_yaml_float(node)


def _check_number(node: yaml.ScalarNode) -> None:
    """Refuse a number too long to be a fact before Python converts it (past 4,300 digits, int() raises)."""
    if len(node.value) > NUMBER_LENGTH:
        raise LimitError(exceeded("number length", f"a number of {len(node.value):,} characters"), node.start_mark)


for _tag, _method in (("int", "construct_yaml_int"), ("float", "construct_yaml_float")):
    _RefuseRepeatedKeys.add_constructor(f"tag:yaml.org,2002:{_tag}", getattr(_RefuseRepeatedKeys, _method))


class RecordLoader(_RefuseRepeatedKeys, yaml.SafeLoader):
    """SafeLoader without timestamp resolution, with YAML 1.2 booleans, refusing repeated keys."""


RecordLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

if TYPE_CHECKING:
    _FastParser = yaml.SafeLoader
else:  # libyaml's parser (a C extension PyYAML's wheels ship) is several times faster
    _FastParser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_EventParser = _FastParser
"""Only its events are read, for `_check_shape`."""


class FastRecordLoader(_RefuseRepeatedKeys, _FastParser):
    """RecordLoader's rules on libyaml's parser: the same data, sooner."""

    yaml_implicit_resolvers = RecordLoader.yaml_implicit_resolvers


def load(text: str) -> object:
    """Parse `text` into plain data.

    A syntax error is reported by PyYAML's own parser, whose messages are the ones our
    hints and tests know ("mapping values are not allowed here"); libyaml words them
    differently.
    """
    loader = FastRecordLoader(text)
    try:
        _check_shape(text)
        return loader.get_single_data()
    except LimitError:
        raise
    except yaml.MarkedYAMLError:
        compose(text)  # raises PyYAML's error for bad syntax; a repeated key is not its concern
        raise
    finally:
        loader.dispose()


def compose(text: str) -> yaml.Node | None:
    """Parse `text` into its node tree, which knows the line of every field.

    PyYAML's composer recurses once per level: `load` has checked the depth, and a text
    it did not check still ends in a LimitError, not a RecursionError.
    """
    loader = RecordLoader(text)
    try:
        return loader.get_single_node()
    except RecursionError:
        raise LimitError(exceeded("YAML nesting depth", "lists or mappings nested too deep"), None) from None
    finally:
        loader.dispose()


_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_shape(text: str) -> None:
    """Raise LimitError when the front matter nests too deep or its aliases expand too far.

    One pass over libyaml's events, before any node or value is built. Each open list or
    mapping counts the values it holds, an alias counting as the whole value its anchor
    names, so the count is the size of the data the aliases would expand to. A plain
    value adds one: the size limit on files bounds those, so the count is compared with
    the limit only where it can jump, at an alias and at the end of a collection. Scalars
    come first in the tests: they are most of the events, and this runs on every record.
    """
    parser = _EventParser(text)
    next_event: Callable[[], Any] = parser.get_event  # untyped in PyYAML's stubs; each kind has its fields
    counts: list[int] = [0]  # values in each open collection, the document's at the bottom
    anchors: list[str | None] = [None]
    sizes: dict[str, int] = {}
    aliases = 0
    try:
        while parser.check_event():
            event = next_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                counts[-1] += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                continue
            if kind in _STARTS:
                if len(counts) > YAML_DEPTH:
                    found = "lists or mappings nested too deep"
                    raise LimitError(exceeded("YAML nesting depth", found), event.start_mark)
                counts.append(0)
                anchors.append(event.anchor)
                continue
            if kind in _ENDS:
                size = counts.pop() + 1
                if (anchor := anchors.pop()) is not None:
                    sizes[anchor] = size
            elif kind is yaml.AliasEvent:
                aliases += 1
                if aliases > YAML_ALIASES:
                    raise LimitError(exceeded("YAML aliases", "too many aliases"), event.start_mark)
                size = sizes.get(event.anchor, 1)
            else:
                continue
            counts[-1] += size
            if counts[-1] > YAML_VALUES:
                found = "too many values once the aliases are expanded"
                raise LimitError(exceeded("YAML values", found), event.start_mark)
    finally:
        parser.dispose()
