"""`python -m reliability` is the `reliability` command."""

import sys

from reliability.cli import main

sys.exit(main())
