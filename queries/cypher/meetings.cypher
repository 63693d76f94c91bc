// meetings PERSON: the events a person took part in, with their dates and the person's roles.
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
:param person => 'person/e2aafef16eb49cd6a6e2';
MATCH (:Person {id: $person})-[r:PARTICIPATED_IN]->(e:Event)
RETURN e.date AS date, e.name AS event, e.type AS type, r.roles AS roles, e.id AS id
ORDER BY date, event, id;
