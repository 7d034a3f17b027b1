"""`briefings ingest`: turn a raw captured article into a draft record for an editor.

The flow mirrors the generator's: `capture.py` reads the file (or `fetch.py` the page at
an address, whose date, host and words `address.py` reads), `plain_text.py` or
`html_page.py` separates the article from the page around it, `dates.py`, `language.py`
and `entities.py` make their guesses, `draft.py` gathers them and `record.py` writes the
draft as YAML front matter in which every guess carries a review comment. Nothing here
writes prose: the summary is the editor's to write.
"""
