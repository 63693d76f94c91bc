// timeline PERSON: a person's posts (first and last seen) and events, in date order.
// An undated event stands at the date of its first report.
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
:param person => 'person/e2aafef16eb49cd6a6e2';
MATCH (p:Person {id: $person})
CALL (p) {
  MATCH (p)-[h:HOLDS]->(post:Post)
  CALL (h) {
    UNWIND h.seen AS seen
    RETURN min(seen) AS date, max(seen) AS until
  }
  RETURN date, until, 'post' AS kind, post.label AS name, [] AS roles, post.id AS id
  UNION ALL
  MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  CALL (r) {
    UNWIND r.seen AS seen
    RETURN min(seen) AS reported
  }
  RETURN coalesce(e.date, reported) AS date, null AS until, 'event' AS kind, e.name AS name,
         r.roles AS roles, e.id AS id
}
RETURN date, until, kind, name, roles, id
ORDER BY date, kind, name, id;
