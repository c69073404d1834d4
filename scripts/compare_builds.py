#!/usr/bin/env python3
"""Compare two builds of the site, file by file and family by family (`make properdocs-check`)."""

import sys
from pathlib import Path

from sitekit.checks.compare import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parents[1]))
