"""The editors' commands: `briefings` (cli), `check`, the lints, `new` skeletons and `ingest`."""
