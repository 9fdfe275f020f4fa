"""``python -m socprev_kit.cli``: the ``socprev-kit`` command."""

import sys

from .program import main

sys.exit(main())
