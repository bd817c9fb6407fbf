"""`python -m lib.cli`."""

import sys

from lib.cli import main

sys.exit(main())
