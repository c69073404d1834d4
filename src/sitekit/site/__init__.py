"""The built site: published paths, exports (ICS), templating, Content-Security-Policy, privacy, reproducibility, weight."""
