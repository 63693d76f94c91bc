// context ENTITY: what tells an entity from others of its name.
// A person's anchor and posts, an event's date, type and places, a body's places and the
// bodies it is part of, a post's holders.
// ENTITY is what `okg query` takes: an id, a name, an alias or a part of a name. A name of
// several entities gives a row for each, led by the :param line that picks it.
// Paste into the Neo4j Browser; the example is 许昌市委宣传部 in the seeds.
:param entity => 'organization/77bffda537bfd3f09eb4';
WITH trim($entity) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Person {id: text}) RETURN n
                      UNION MATCH (n:Event {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n
                      UNION MATCH (n:Post {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person {name: text}) RETURN n
                      UNION MATCH (n:Event {name: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n
                      UNION MATCH (n:Post {label: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name = form RETURN n
                      UNION MATCH (n:Event) WHERE n.name = form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name = form
                            OR text IN n.aliases OR form IN n.aliases RETURN n
                      UNION MATCH (n:Post) WHERE n.label = form RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n
                      UNION MATCH (n:Event) WHERE n.name CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n
                      UNION MATCH (n:Post) WHERE n.label CONTAINS form RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS n
  RETURN [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name } AS context
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS n
  RETURN [size(found) + ' match ' + $entity + '; this one is :param entity => \'' + n.id + '\'',
          labels(n)[0] + ' ' + coalesce(n.name, n.label)]
         + [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name } AS context
}
RETURN context;
