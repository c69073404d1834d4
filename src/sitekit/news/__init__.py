"""News posts: model, authors and publication dates (model), list, feeds and post pages (view)."""
