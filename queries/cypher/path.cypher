// path PERSON OTHER: the shortest chain of shared events, posts and bodies between two people.
// At most 12 links (PARTICIPATED_IN, HOLDS, POST_IN, either way); of several chains as short,
// the one whose list of node ids sorts first.
// Paste into the Neo4j Browser; the example goes between two persons of 许昌市 in the seeds.
:param person => 'person/a3f56a7f22efdb812932';
:param other => 'person/39b61a52201ad5f82539';
MATCH (a:Person {id: $person}), (b:Person {id: $other})
WHERE a <> b
MATCH chain = allShortestPaths((a)-[:PARTICIPATED_IN|HOLDS|POST_IN*..12]-(b))
WITH chain ORDER BY [n IN nodes(chain) | n.id] LIMIT 1
UNWIND range(0, length(chain)) AS step
WITH step, nodes(chain)[step] AS n
RETURN step, labels(n)[0] AS kind, coalesce(n.name, n.label) AS name, n.date AS date, n.id AS id
ORDER BY step;
