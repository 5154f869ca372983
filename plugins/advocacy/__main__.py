"""``python -m advocacy``."""

import sys

from advocacy.cli.main import main

sys.exit(main())
