"""Stage 4a, the page list: which pages the linked site has, at which address, with what context.

Nothing here renders. `specs` lists the pages in a fixed order, each with its template and
its typed context (`contexts`); `paging` splits long lists into numbered pages, `themes`
groups articles by tag, `matrix` keeps the positions page to a readable size, and
`addresses` refuses two pages at one address.
"""
