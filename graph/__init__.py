"""The graph: resolved persons, bodies, posts and events, in an embedded RDF store or Neo4j.

vocab (the schema as data, docs/model.md in prose) · model (nodes and links with content ids) ·
names (canonical names) · resolve (records → nodes, same-name decisions) · store (the
interface both stores implement, open_store) · embedded (pyoxigraph) · neo4j_store (the
driver and its transactions) with cypher_statements (what it sends, made without a server) ·
to_networkx · ingest (files → records → batches → a store), with its parts: sources (files
to items), record_json, item_batch (one document resolved), workers (the extraction
processes), batching, report.
"""
