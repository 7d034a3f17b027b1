"""Briefings generator: curated Markdown records in, French briefing pages out.

The stages, in the order `pipeline.run` calls them, and the folder of each:

    content/  read       files on disk       -> SourceDocument (path, front matter, body)
              drafts     documents           -> those to publish; drafts set aside with their to-do
              validate   SourceDocument      -> typed records (pydantic, schema.py), or Problems
    linked/   link       typed records       -> Site (model.py): every reference resolved, linked both ways
    history/  changes    git log + Site      -> what was added when (Nouveautés)
    pages/    specs      Site                -> PageSpec list: path, template, typed context; one page per address
    output/   render     Site + PageSpecs    -> {page path: Markdown}, with front matter; feeds, data files
              write      rendered files      -> the docs folder, touching only files that changed

Nothing is written unless every stage before `write` succeeded, so a bad edit never
replaces the last good pages. Around the pipeline: `preview/` is the live preview's
remembering version of the stages; `mkdocs/` is the MkDocs plugin that runs the pipeline
before every build and feeds Pagefind; `editors/` holds the `briefings` command (`check`,
`new`, `ingest`). `parallel.py` spreads rendering over the cores; `gc_pause.py` keeps the
cycle collector off while a generation runs.
"""
