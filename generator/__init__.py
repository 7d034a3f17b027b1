"""Briefings generator: curated Markdown records in, French briefing pages out.

The pipeline is one module per stage, called in order by `pipeline.generate`:

    read      files on disk      -> SourceDocument (path, front matter, body)
    validate  SourceDocument     -> typed records (pydantic), or Problems
    link      typed records      -> Site (model.py): every reference resolved, linked both ways
    render    Site + templates   -> {page path: Markdown text}, with page_meta's front matter;
              feeds.py and open_data.py add the Atom feeds and the JSON/CSV data files
    write     rendered pages     -> the docs folder, touching only files that changed

Nothing is written unless every stage before `write` succeeded, so a bad edit never
replaces the last good pages. `listings.py` splits long lists into pages of their own;
`incremental.py` redoes only what an edit touched, for the live preview.

Around the pipeline, the editors' commands (`cli.py`): `check` runs read → link and then
`lint.py`'s warnings; `new` fills in `skeletons/`; `ingest` (the `ingest/` package) turns a
captured article into a draft, which `drafts.py` keeps off the site until it is finished.
"""
