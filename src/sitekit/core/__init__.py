"""Shared foundations: problems, YAML with lines, schema types, untrusted text, dates, the build date, caches."""
