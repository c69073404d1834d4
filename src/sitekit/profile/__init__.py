"""The publishing establishment's profile: identity, site, contacts; its palette, page markers and contact block."""
