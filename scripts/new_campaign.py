#!/usr/bin/env python3
"""Write next year's October campaign from templates/campaign.yml (the `sitekit-campaign` command)."""

import sys
from pathlib import Path

from sitekit.campaigns.new import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parents[1]))
