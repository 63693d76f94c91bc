"""One item (a file, a record, a web archive's page) to its document's batch: extracted or
read, resolved, and checked that both stores can hold it. What goes wrong with one document
comes back as a message, so that the run goes on with the others."""

from __future__ import annotations

from officials_kg.extraction import extract_document
from officials_kg.graph.cypher_statements import INDEXED, MAX_INDEXED_BYTES
from officials_kg.graph.model import GraphBatch
from officials_kg.graph.record_json import read_record
from officials_kg.graph.resolve import resolve_document
from officials_kg.graph.sources import Item, PageAt, RecordAt
from officials_kg.loaders.decode import LoadError
from officials_kg.loaders.inputs import load_source, load_warc_page


def item_batch(item: Item) -> tuple[str, GraphBatch | str]:
    """Where the item is (`str` of its source), and its document's batch, or why there is
    none. Any error of the document's own is that reason, never raised."""
    name, source = item
    where = str(source)
    try:
        if isinstance(source, RecordAt):
            record = read_record(source.read())
        elif isinstance(source, PageAt):
            record = extract_document(load_warc_page(source.path, source.offset))
        else:
            record = extract_document(load_source(source, name))
        batch = resolve_document(record)
        return where, _overlong(batch) or batch
    except LoadError as exc:  # a file that is not text: its reason, as the loaders say it
        return where, str(exc)
    except Exception as exc:  # any bad input is reported and skipped, the run goes on
        return where, f"{type(exc).__name__}: {exc}"


def _overlong(batch: GraphBatch) -> str | None:
    """Why a document cannot be stored: a value longer than a store indexes (a name of
    thousands of characters in a record file), which Neo4j would refuse in the write of
    the document's whole batch."""
    for node in batch.nodes.values():
        for key, value in node.props.items():
            if (node.label, key) not in INDEXED or not isinstance(value, str):
                continue
            size = len(value.encode("utf-8"))
            if size > MAX_INDEXED_BYTES:
                return (
                    f"a {node.label} {key} of {size:,} bytes, longer than the stores index "
                    f"({MAX_INDEXED_BYTES:,} bytes): the document is left out"
                )
    return None
