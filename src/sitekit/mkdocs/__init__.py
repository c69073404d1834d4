"""The MkDocs adapter: the sitekit plugin and its features, the only part of the package that imports mkdocs."""
