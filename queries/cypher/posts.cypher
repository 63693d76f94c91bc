// posts PERSON: the posts a person was seen holding, first and last seen, with the evidence.
// Paste into the Neo4j Browser; the example is 张飞 of 许昌市 in the seeds.
:param person => 'person/e2aafef16eb49cd6a6e2';
MATCH (:Person {id: $person})-[h:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization)
CALL (h) {
  UNWIND h.seen AS seen
  RETURN min(seen) AS first_seen, max(seen) AS last_seen
}
RETURN post.label AS post, o.name AS organization, first_seen, last_seen,
       COLLECT { UNWIND h.evidence AS ev MATCH (x:Evidence {id: ev}) RETURN x.text } AS evidence,
       post.id AS id
ORDER BY post, id;
