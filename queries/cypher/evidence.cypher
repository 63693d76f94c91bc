// evidence SUBJECT OBJECT: the sentences behind the facts that link a person or body to another.
// The facts: HOLDS (a post, or any post in a body), PARTICIPATED_IN, ORGANIZED, PART_OF.
// A fact's sentences are those of the documents that report it (REPORTS, docs/model.md).
// Paste into the Neo4j Browser; the example is a person at 许昌市委政法工作会议 in the seeds.
:param subject => 'person/e2aafef16eb49cd6a6e2';
:param object => 'event/5e14b1d3e04864596e34';
CALL () {
  MATCH (:Person {id: $subject})-[r:HOLDS]->(post:Post)
  WHERE post.id = $object OR r.org = $object
  RETURN 'HOLDS' AS fact, post.label AS about, r.id AS id, post AS target
  UNION ALL
  MATCH (:Person {id: $subject})-[r:PARTICIPATED_IN]->(e:Event {id: $object})
  RETURN 'PARTICIPATED_IN' AS fact, e.name AS about, r.id AS id, e AS target
  UNION ALL
  MATCH (:Organization {id: $subject})-[r:ORGANIZED]->(e:Event {id: $object})
  RETURN 'ORGANIZED' AS fact, e.name AS about, r.id AS id, e AS target
  UNION ALL
  MATCH (:Organization {id: $subject})-[r:PART_OF]->(o:Organization {id: $object})
  RETURN 'PART_OF' AS fact, o.name AS about, r.id AS id, o AS target
}
MATCH (d:Document)-[s:REPORTS {fact: id}]->(target)
UNWIND s.evidence AS ev
MATCH (x:Evidence {id: ev})
RETURN fact, about, d.name AS document, x.start AS start, x.end AS end, x.text AS sentence
ORDER BY fact, about, document, start;
