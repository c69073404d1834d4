"""The Markdown pages of docs/: front matter, sources checked before the build, links, markers, generated stubs."""
