#!/usr/bin/env python3
"""Record the fingerprint of each kit's current version in kits/versions.yml (the `sitekit-kit-versions` command)."""

import sys
from pathlib import Path

from sitekit.kits.versions import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parents[1]))
