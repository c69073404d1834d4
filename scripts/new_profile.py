#!/usr/bin/env python3
"""Write an establishment's own profile from an example and name it in mkdocs.yml (the `sitekit-profile` command)."""

import sys
from pathlib import Path

from sitekit.profile.new import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parents[1]))
