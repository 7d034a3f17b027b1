"""Stages 1-2, the content: read the record files and validate each.

`read` reads only regular files inside content/ (`files`), within the `limits`, and splits
each into YAML (in the records' own dialect, `yaml_dialect`) and body; `drafts` sets aside
the articles an editor is still working on; `validate` checks each record against its
`schema` and its texts (`texts`: control and invisible characters, deep HTML). Every stage
collects `errors.Problem`s instead of stopping. `kinds` names each kind of record's
folders, schema and id rule once, for every stage; `dates` is the partial date they share.
Linking the records into one model is generator/linked/.
"""
