"""Allow `python -m generator`."""

import sys

from generator.editors.cli import main

sys.exit(main())
