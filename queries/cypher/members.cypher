// members BODY: the people holding posts in a body or in the bodies under it, with those posts.
// BODY is what `okg query` takes: an id, a name, an alias (中共许昌市委员会) or a part of a
// name. A name of several bodies is not answered: the rows are those bodies, with their
// context and the :param line that picks one.
// Paste into the Neo4j Browser; the example is 许昌市委 (with its 宣传部 and 统战部) in the seeds.
:param body => 'organization/c07c725da767dfa5f739';
WITH trim($body) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization) WHERE n.name = form
                            OR text IN n.aliases OR form IN n.aliases RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS o
  MATCH (o)<-[:PART_OF*0..]-(:Organization)<-[:POST_IN]-(post:Post)
  MATCH (p:Person)-[:HOLDS]->(post)
  RETURN p.name AS name, p.anchor AS anchor, collect(DISTINCT post.label) AS posts, p.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS o
  RETURN o.name AS name, null AS anchor,
         [size(found) + ' match ' + $body + '; this one is :param body => \'' + o.id + '\'']
         + coalesce(o.places, [])
         + COLLECT { MATCH (o)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name } AS posts,
         o.id AS id
}
RETURN name, anchor, posts, id
ORDER BY name, id;
