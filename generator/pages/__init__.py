"""Stage 4a, the page list: which pages the linked site has, at which address, with what context.

Nothing here renders: `listings` decides how the lists are split into pages (years,
themes, pagination) and what the positions matrix holds.
"""
