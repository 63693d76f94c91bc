// comeet PERSON: the people who took part in the most events with a person, most shared first.
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
:param person => 'person/e2aafef16eb49cd6a6e2';
MATCH (p:Person {id: $person})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(o:Person)
WHERE o <> p
RETURN o.name AS name, o.anchor AS anchor, count(DISTINCT e) AS shared,
       collect(DISTINCT e.name) AS events, o.id AS id
ORDER BY shared DESC, name, id;
