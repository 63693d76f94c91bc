"""officials-kg: a knowledge graph of officials, bodies and meetings from Chinese government
and party news, installed as this one package.

Its parts: `loaders` (documents read from text, web pages, PDFs and web archives),
`extraction` (a document's records), `graph` (the stores, ingest and exports), `queries`
(the canned queries), `lexicons` (the data tables), `evaluation` (records scored against
gold) and `cli` (the `okg` command). One top-level name, so that it installs beside any
other package called `graph` or `queries` and changes neither (tests/test_install.py).

The repository's top-level graph/, loaders/, queries/, lexicons/, extraction/ and
evaluation/ are links to these folders, where the design and the docs show them.
"""
