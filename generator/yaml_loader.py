"""The YAML dialect of the records: plain data, no surprises.

PyYAML's safe loader follows YAML 1.1, which reads `NO` (Norway) as false and turns
`2025-02-30` into a crash inside the parser instead of a field error. This loader keeps
only `true`/`false` as booleans and leaves dates as text, so every date is checked by the
schema, with the file and field named in the message.
"""

from __future__ import annotations

import re

import yaml


class RecordLoader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution and with YAML 1.2 booleans."""


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
