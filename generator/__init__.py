"""Briefings generator: curated Markdown records in, French briefing pages out.

The pipeline is one module per stage, called in order by `pipeline.generate`:

    read      files on disk      -> SourceDocument (path, front matter, body)
    validate  SourceDocument     -> typed records (pydantic), or Problems
    link      typed records      -> Site (model.py): every reference resolved, linked both ways
    render    Site + templates   -> {page path: Markdown text}, with page_meta's front matter;
              feeds.py and open_data.py add the Atom feeds and the JSON/CSV data files
    write     rendered pages     -> the docs folder, touching only files that changed

Nothing is written unless every stage before `write` succeeded, so a bad edit never
replaces the last good pages.
"""
