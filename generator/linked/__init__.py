"""Stage 3, the linked model: every reference resolved, linked both ways, and what an edit of each part invalidates.

`link` builds the `model` from the validated records; `invalidation` declares, beside the
model, what a change to each field or attribute means for the live preview.
"""
