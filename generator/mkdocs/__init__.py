"""MkDocs integration: the plugin's hooks, the preview's file watching and Pagefind's search index."""
