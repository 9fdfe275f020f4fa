"""nbval of the training notebooks: the widgets are static (a PNG and HTML, not widget model
ids), so that ``pytest --nbval notebooks/training`` compares the same outputs the build stored.
The kernels nbval starts inherit this environment."""

import os

os.environ["SOCPREV_KIT_STATIC"] = "1"
