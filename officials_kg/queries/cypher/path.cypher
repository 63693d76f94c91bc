// path PERSON OTHER: the shortest chain of shared events, posts and bodies between two people.
// At most 12 links (PARTICIPATED_IN, HOLDS, POST_IN, either way); of several chains as short,
// the one whose list of node ids sorts first.
// PERSON and OTHER are what `okg query` takes: an id, a name, an alias or a part of a name
// (:param person => '张三'). A name of several persons is not answered: the rows are those
// persons, with their context and the :param line that picks one.
// Paste into the Neo4j Browser; the example goes between two persons of 许昌市 in the seeds.
:param person => 'person/a3f56a7f22efdb812932';
:param other => 'person/39b61a52201ad5f82539';
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
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n } END AS people
WITH people, trim($other) AS text
WITH people, text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH people, text, form, COLLECT { MATCH (n:Person {id: text}) RETURN n } AS found
WITH people, text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person {name: text}) RETURN n } END AS found
WITH people, text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name = form RETURN n } END AS found
WITH people, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n } END AS others
CALL (people, others) {
  WITH people, others WHERE size(people) = 1 AND size(others) = 1
  WITH people[0] AS a, others[0] AS b
  WHERE a <> b
  MATCH chain = allShortestPaths((a)-[:PARTICIPATED_IN|HOLDS|POST_IN*..12]-(b))
  WITH chain ORDER BY [n IN nodes(chain) | n.id] LIMIT 1
  UNWIND range(0, length(chain)) AS step
  WITH step, nodes(chain)[step] AS n
  RETURN step, labels(n)[0] AS kind, coalesce(n.name, n.label) AS name, n.date AS date,
         n.id AS id
  UNION ALL
  UNWIND [n IN people WHERE size(people) > 1 |
            {n: n, line: size(people) + ' match ' + $person + '; this one is :param person => \'' + n.id + '\''}]
         + [n IN others WHERE size(others) > 1 |
            {n: n, line: size(others) + ' match ' + $other + '; this one is :param other => \'' + n.id + '\''}] AS pick
  WITH pick.n AS p, pick.line AS line
  RETURN null AS step, 'Person' AS kind, p.name AS name,
         reduce(s = line, item IN [p.anchor] + COLLECT { MATCH (p)-[:HOLDS]->(x:Post) RETURN x.label } | s + ' · ' + item) AS date,
         p.id AS id
}
RETURN step, kind, name, date, id
ORDER BY step, name, id;
