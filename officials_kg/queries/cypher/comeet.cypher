// comeet PERSON: the people who took part in the most events with a person, most shared first.
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
  MATCH (p)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(o:Person)
  WHERE o <> p
  RETURN o.name AS name, o.anchor AS anchor, count(DISTINCT e) AS shared,
         collect(DISTINCT e.name) AS events, o.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS p
  RETURN p.name AS name, p.anchor AS anchor, null AS shared,
         [size(found) + ' match ' + $person + '; this one is :param person => \'' + p.id + '\''] + [p.anchor] + COLLECT { MATCH (p)-[:HOLDS]->(x:Post) RETURN x.label } AS events,
         p.id AS id
}
RETURN name, anchor, shared, events, id
ORDER BY shared DESC, name, id;
