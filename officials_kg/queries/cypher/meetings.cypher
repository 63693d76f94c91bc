// meetings PERSON: the events a person took part in, with their dates and the person's roles.
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
// PERSON is what `okg query` takes: an id, a name, an alias or a part of a name
// (:param person => '张三'). A name of several persons is not answered: the rows are those
// persons, with their context and the :param line that picks one.
:param person => 'person/e2aafef16eb49cd6a6e2';
WITH trim($person) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Person {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person {name: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name = form RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS p
  MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  RETURN e.date AS date, e.name AS event, e.type AS type, r.roles AS roles, e.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS p
  RETURN null AS date, p.name AS event, null AS type,
         [size(found) + ' match ' + $person + '; this one is :param person => \'' + p.id + '\''] + [p.anchor] + COLLECT { MATCH (p)-[:HOLDS]->(x:Post) RETURN x.label } AS roles,
         p.id AS id
}
RETURN date, event, type, roles, id
ORDER BY date, event, id;
