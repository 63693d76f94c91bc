// holders POST-OR-BODY: who holds a post; or, for a body, its posts and their holders.
// Paste into the Neo4j Browser; the example is the body 承德市人大常委会 in the seeds
// (the post 许昌市委宣传部部长 is post/4adb35c84f1ae899f5dd).
:param post_or_body => 'organization/0ca6645afbb9815ca170';
CALL () {
  MATCH (post:Post {id: $post_or_body})
  RETURN post
  UNION
  MATCH (:Organization {id: $post_or_body})<-[:POST_IN]-(post:Post)
  RETURN post
}
MATCH (p:Person)-[h:HOLDS]->(post)-[:POST_IN]->(o:Organization)
CALL (h) {
  UNWIND h.seen AS seen
  RETURN min(seen) AS first_seen, max(seen) AS last_seen
}
RETURN post.label AS post, o.name AS organization, p.name AS name, p.anchor AS anchor,
       first_seen, last_seen, p.id AS id
ORDER BY post, name, id;
