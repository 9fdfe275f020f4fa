"""Make one report per municipality and project, in Dutch and French, fast and safely.

``batch()`` (and ``socprev-kit batch``) plans the reports, checks everything before a report
runs, runs the notebooks on warm kernels (locally or on a Dask cluster) and writes, per report,
the executed notebook and a self-contained HTML page, and per run ``manifest.json``; the index
(``index.html`` and a page per language), ``summary.csv``, ``summary_utf8.csv`` and
``reports.json`` list every report of the output folder, from every run (``store``).

Modules, one job each: ``selection`` (which municipalities and projects), ``planning`` (jobs,
keys), ``parameters`` (the notebooks' parameters, checked), ``inputs`` (the data context the
plan and the kernels share, each report's data version), ``kernel`` (a warm kernel),
``outcome`` (what it gives back for a report), ``engine`` (papermill on it), ``kernelside`` (the
reset run inside the kernel), ``render`` (HTML, headline figures), ``pool`` (N local kernels),
``cluster`` (Dask), ``store`` (atomic files, records, manifest), ``listing`` (every report of the
folder, from every run), ``summary`` (the two summary tables), ``facets`` (what the index filters
a report by), ``journal`` (the run's own temporary files), ``reading`` (the data, read in a
guarded process), ``memory`` (the memory ceiling of each process), ``errors`` and ``texts`` (what
stops a batch, and its words), ``index`` with ``index_rows`` and ``index_texts`` (the index
pages; their script is ``templates/index.js``), ``run``.

Design decisions
----------------
Warm kernels
    A worker starts one ``python3`` kernel, imports every module the report notebooks import and
    runs ``socprev_kit.reports.prepare(data)`` once. Locally the data are prepared once for all
    kernels: the batch reads and validates them (it needs them for the plan) while the kernels
    import, and leaves them in a scratch folder; the first kernel there aggregates them and writes
    the whole context, the others load it (``socprev_kit.reports.sharing``). The largest reports
    (most registrations) go first, so that no kernel waits for a large last one. Each report then
    runs through ``papermill.execute_notebook`` (parameter injection, error banner, run metadata)
    with the ``socprev-warm`` engine, a subclass of papermill's ``NBClientEngine`` that hands
    nbclient the worker's kernel manager (``km=``: nbclient neither starts nor shuts it down) and
    the worker's long-lived client. nbclient would otherwise open a client per notebook and never
    stop its channels (nbclient#348: sockets leak over hundreds of reports), and each new client
    waits for the kernel (0.2 s or more a report). Kernels talk over IPC sockets: no TCP ports to
    race for when many start at once (papermill#239). Local kernels start warming while the batch is
    still being planned.
Isolation
    Before each report the kernel is reset without a restart (``kernelside.reset``, run silently,
    no history): user namespace (``%reset -f``), execution counter back to 1, figures closed,
    ``rcParams``, pandas and NumPy options, warning filters and every ``__warningregistry__``,
    ``sys.path``, ``os.environ`` and the working directory (the notebook's folder, as in
    JupyterLab) are brought back to their state right after warm-up. Imported modules stay: a
    fresh kernel is defined as a freshly started *and warmed* one, so import-time effects match.
    After a failed or timed-out report the kernel is restarted and warmed before the next one.
    Not reset: state hidden inside imported modules (caches must return copies) and random
    generators (a report that wants the same numbers seeds them).
Parallel
    ``jobs`` threads on this machine, each driving its own kernel (the work is in the kernels;
    a thread only waits and exports HTML). ``scheduler``: the same jobs as Dask tasks; each Dask
    worker process keeps one warm kernel; only plain data comes back and the client writes all
    files. Workers must see the data at the same path.
Strict parameters
    ``papermill.inspect_notebook`` gives the declared parameters; the batch passes ``nis_code``
    or ``project_id``, ``data_path`` and ``lang`` plus the user's ``parameters``. Anything
    undeclared, missing or set twice, any unknown municipality (with near names), project,
    province, region, police zone or language stops the batch before it starts, all problems in
    one :class:`~.errors.BatchPlanError`.
Reruns and atomicity
    A report's key hashes the notebook's bytes, its parameters, the kit (version and a hash of
    the package's files) and the data that report uses, not the whole data set: its own rows,
    its projects' and comparison municipalities' rows, the funnel inputs and hidden cells it
    shows, its issues and files (``inputs``; the rule in ``planning``'s docstring). A report is
    skipped when its record says ``ok`` for the same key, and the data version its kernel saw
    is the plan's, and both files exist: a corrected file redoes only the reports it feeds.
    Files are written to a temporary name in the same folder and moved with ``os.replace``; the
    record is removed first and written last. A write that fails (a full disk) removes its
    temporary file and leaves the old file whole.
A bad file, a greedy report
    The batch reads and validates the data in a child process (``reading``) watched for memory
    (``memory_mb``, ``--memory-mb``, ``SOCPREV_LIMIT_KERNEL_MB``) and for time per file
    (``SOCPREV_LIMIT_READ_SECONDS``): a file during which it is stopped or crashes becomes a
    whole-file issue and the others are read again without it; the index, the manifest and the
    terminal name every file not read, and the batch then exits 1. Each report kernel is
    watched for the same memory ceiling: a report over it is stopped and fails alone ("needed
    more than N MB"), and the next report gets a fresh kernel. A kernel that cannot warm up
    leaves its reports to the others; when none can, every report fails with the reason and the
    index is still written. A warm-up that cannot compute a shared part for these data (no
    objectives, too few municipalities for a comparison) leaves it to the reports.
Only its own files
    The temporary names a run uses are written to its journal (``out/.records/.journal``,
    locked while the run lives) before they are created; a run removes only what the journals
    of dead runs list, never a user's file, even one named like the batch's.
Timeouts
    ``timeout`` is a budget per report: nbclient's ``timeout_func`` gives each cell what is left,
    ``interrupt_on_timeout`` interrupts the kernel and the cell fails with ``ReportTimeout``.
Disclosure audit
    Last, ``run.audited`` re-reads every page made or kept with the data of the manifest
    (``socprev_kit.audit``, an independent referee of the suppression) and puts its findings in
    ``BatchResult.disclosure``; a hidden count that can be worked out (or an audit that could
    not run) makes the batch not ``ok``, and the command line says so and exits 1.
Output names
    ``<lang>/municipality_<NIS>.{ipynb,html}`` and ``<lang>/project_<id>``; an id with other
    characters than ``[A-Za-z0-9_-]`` gets a short hash. Never a free-text name.
"""

from ..common.lazy import lazy_names

# Imported on first use: a report kernel imports ``kernelside`` without papermill or nbconvert.
_LAZY = {"batch": ".run", "BatchResult": ".run", "plan": ".planning", "Worker": ".kernel"}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = ["BatchResult", "Worker", "batch", "plan"]
