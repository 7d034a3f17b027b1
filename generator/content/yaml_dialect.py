"""The YAML dialect of the records: plain data, no surprises.

PyYAML's safe loader follows YAML 1.1, which reads `NO` (Norway) as false and turns
`2025-02-30` into a crash inside the parser instead of a field error. This loader keeps
only `true`/`false` as booleans and leaves dates as text, so every date is checked by the
schema, with the file and field named in the message.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml


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


class _RefuseRepeatedKeys(yaml.constructor.SafeConstructor):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        """Refuse a key given twice: PyYAML would silently keep only the last value.

        A key that is a list or a mapping is refused first: it cannot be a field name, and
        Python cannot even look it up among the keys seen so far.
        """
        seen: dict[object, yaml.Mark] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ComplexKeyError(key_node)
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateFieldError(str(key), seen[key], key_node.start_mark)
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


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
        return loader.get_single_data()
    except yaml.MarkedYAMLError:
        compose(text)  # raises PyYAML's error for bad syntax; a repeated key is not its concern
        raise
    finally:
        loader.dispose()


def compose(text: str) -> yaml.Node | None:
    """Parse `text` into its node tree, which knows the line of every field."""
    loader = RecordLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
