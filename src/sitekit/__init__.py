"""Pure logic of the site kit: loaders, models and renderers that never import mkdocs."""
