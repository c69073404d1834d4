"""The HAS certification criteria: model (model), catalogue and pages (view), self-assessment CSV (export)."""
