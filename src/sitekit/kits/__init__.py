"""The awareness kits: model (model), printed PDFs (print), archives and kits.json (package), pages (view)."""
