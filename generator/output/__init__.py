"""Stages 4b-5, the output: render pages, feeds and data files, then write them all at once.

`render` runs the Jinja templates with the helpers and filters of `helpers`, `markup`
(escaping data, rendering editors' Markdown) and `labels`; `front_matter` adds what MkDocs
and the theme read; `feeds` and `open_data` make the Atom feeds and the data downloads;
`write` swaps them into the docs folder only once everything rendered.
"""
