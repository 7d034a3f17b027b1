"""The live preview: a session that remembers the last generation and redoes only what an edit touches."""
