#!/usr/bin/env python3
"""Check the site's data, deadlines, prose dates, freshness, translations and links (the `sitekit-validate` command)."""

import sys
from pathlib import Path

from sitekit.checks.cli import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parents[1]))
