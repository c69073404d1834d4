#!/usr/bin/env python3
"""Print the bytes a browser loads for built pages and each search index size (the `sitekit-weight` command)."""

import sys

from sitekit.site.weight import main

if __name__ == "__main__":
    sys.exit(main())
