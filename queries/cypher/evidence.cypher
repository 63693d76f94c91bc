// evidence SUBJECT OBJECT: the sentences behind the facts that link a person or body to another.
// The facts: HOLDS (a post, or any post in a body), PARTICIPATED_IN, ORGANIZED, PART_OF.
// A fact's sentences are those of the documents that report it (REPORTS, docs/model.md).
// SUBJECT and OBJECT are what `okg query` takes: an id, a name, an alias or a part of a name.
// A name of several entities is not answered: the rows are those, with their context and the
// :param line that picks one.
// Paste into the Neo4j Browser; the example is a person at 许昌市委政法工作会议 in the seeds.
:param subject => 'person/e2aafef16eb49cd6a6e2';
:param object => 'event/5e14b1d3e04864596e34';
WITH trim($subject) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Person {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person {name: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name = form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name = form
                            OR text IN n.aliases OR form IN n.aliases RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS subjects
WITH subjects, trim($object) AS text
WITH subjects, text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH subjects, text, form, COLLECT { MATCH (n:Event {id: text}) RETURN n
                      UNION MATCH (n:Post {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH subjects, text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event {name: text}) RETURN n
                      UNION MATCH (n:Post {label: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH subjects, text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event) WHERE n.name = form RETURN n
                      UNION MATCH (n:Post) WHERE n.label = form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name = form
                            OR text IN n.aliases OR form IN n.aliases RETURN n } END AS found
WITH subjects, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event) WHERE n.name CONTAINS form RETURN n
                      UNION MATCH (n:Post) WHERE n.label CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS objects
CALL (subjects, objects) {
  WITH subjects, objects WHERE size(subjects) = 1 AND size(objects) = 1
  WITH subjects[0] AS a, objects[0].id AS object
  CALL (a, object) {
    MATCH (a:Person)-[r:HOLDS]->(post:Post)
    WHERE post.id = object OR r.org = object
    RETURN 'HOLDS' AS fact, post.label AS about, r.id AS id, post AS target
    UNION ALL
    MATCH (a:Person)-[r:PARTICIPATED_IN]->(e:Event {id: object})
    RETURN 'PARTICIPATED_IN' AS fact, e.name AS about, r.id AS id, e AS target
    UNION ALL
    MATCH (a:Organization)-[r:ORGANIZED]->(e:Event {id: object})
    RETURN 'ORGANIZED' AS fact, e.name AS about, r.id AS id, e AS target
    UNION ALL
    MATCH (a:Organization)-[r:PART_OF]->(o:Organization {id: object})
    RETURN 'PART_OF' AS fact, o.name AS about, r.id AS id, o AS target
  }
  MATCH (d:Document)-[s:REPORTS {fact: id}]->(target)
  UNWIND s.evidence AS ev
  MATCH (x:Evidence {id: ev})
  RETURN fact, about, d.name AS document, x.start AS start, x.end AS end, x.text AS sentence
  UNION ALL
  UNWIND [n IN subjects WHERE size(subjects) > 1 |
            {n: n, line: size(subjects) + ' match ' + $subject + '; this one is :param subject => \'' + n.id + '\''}]
         + [n IN objects WHERE size(objects) > 1 |
            {n: n, line: size(objects) + ' match ' + $object + '; this one is :param object => \'' + n.id + '\''}] AS pick
  WITH pick.n AS n, pick.line AS line
  RETURN null AS fact, coalesce(n.name, n.label) AS about, null AS document, null AS start,
         null AS end, reduce(s = line, item IN [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name }
                             | s + ' · ' + item) AS sentence
}
RETURN fact, about, document, start, end, sentence
ORDER BY fact, about, document, start;
