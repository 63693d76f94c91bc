// holders POST-OR-BODY: who holds a post; or, for a body, its posts and their holders.
// POST-OR-BODY is what `okg query` takes: an id, a name, an alias or a part of a name. A name
// of several posts or bodies is not answered: the rows are those, with their context and the
// :param line that picks one.
// Paste into the Neo4j Browser; the example is the body 承德市人大常委会 in the seeds
// (:param post_or_body => '许昌市委宣传部部长' gives a post).
:param post_or_body => 'organization/0ca6645afbb9815ca170';
WITH trim($post_or_body) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Post {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post {label: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post) WHERE n.label = form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name = form
                            OR text IN n.aliases OR form IN n.aliases RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post) WHERE n.label CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS n
  CALL (n) {
    WITH n WHERE n:Post
    RETURN n AS post
    UNION
    MATCH (n:Organization)<-[:POST_IN]-(post:Post)
    RETURN post
  }
  MATCH (p:Person)-[h:HOLDS]->(post)-[:POST_IN]->(o:Organization)
  CALL (h) {
    UNWIND h.seen AS seen
    RETURN min(seen) AS first_seen, max(seen) AS last_seen
  }
  RETURN post.label AS post, o.name AS organization, p.name AS name, p.anchor AS anchor,
         first_seen, last_seen, p.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS n
  RETURN coalesce(n.name, n.label) AS post, null AS organization,
         reduce(s = size(found) + ' match ' + $post_or_body + '; this one is :param post_or_body => \'' + n.id + '\'',
                item IN [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name }
                | s + ' · ' + item) AS name,
         null AS anchor, null AS first_seen, null AS last_seen, n.id AS id
}
RETURN post, organization, name, anchor, first_seen, last_seen, id
ORDER BY post, name, id;
