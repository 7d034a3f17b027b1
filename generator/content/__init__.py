"""Stages 1-3, the content: read the record files, validate each, link them into one model.

`read` splits each file into YAML (in the records' own dialect, `yaml_dialect`) and body;
`drafts` sets aside the articles an editor is still working on; `validate` checks each
record against its `schema`; `link` resolves every reference and builds the `model` the
pages are rendered from. Every stage collects `errors.Problem`s instead of stopping.
`kinds` names each kind of record's folders, schema and id rule once, for every stage;
`schema_doc` writes content/SCHEMA.md from the schema (`briefings schema`).
"""
