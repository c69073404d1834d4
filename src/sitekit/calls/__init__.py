"""The CaRE funding calls: model and statuses (model), pages and announcement (view), ICS and JSON (export)."""
