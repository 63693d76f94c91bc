// posts PERSON: the posts a person was seen holding, first and last seen, with the evidence.
// reports: how many sentences say so; sentence: the one of them that sorts first (`okg query
// evidence PERSON POST` gives them all).
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
:param person => 'person/e2aafef16eb49cd6a6e2';
MATCH (:Person {id: $person})-[h:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization)
CALL (h) {
  UNWIND h.seen AS seen
  RETURN min(seen) AS first_seen, max(seen) AS last_seen
}
CALL (h, post) {
  MATCH (:Document)-[s:REPORTS {fact: h.id}]->(post)
  UNWIND s.evidence AS ev
  MATCH (x:Evidence {id: ev})
  RETURN count(x) AS reports, min(x.text) AS sentence
}
RETURN post.label AS post, o.name AS organization, first_seen, last_seen, reports, sentence,
       post.id AS id
ORDER BY post, id;
