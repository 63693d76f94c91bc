// evidence SUBJECT OBJECT: the sentences behind the facts that link a person or body to another.
// The facts: HOLDS (a post, or any post in a body), PARTICIPATED_IN, ORGANIZED, PART_OF.
// A fact's sentences are those of the documents that report it (REPORTS, docs/model.md).
// Where to open each: the document's address (url: a web page's, null for a file), its path
// (the file okg read; a web archive's page: archive@offset) and, in a PDF, the page (from 1);
// start and end are the sentence's span in the document's text.
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
// a body's long official form as its short one (中共许昌市委员会 → 许昌市委), also in
// an event's name, as okg query rewrites it (graph/names.py, org_name)
WITH text, form, reduce(s = form, r IN reduce(rounds = [], i IN range(1, 8) | rounds + [
         ['pair', '中国共产党', '中共'], ['group', '中共', '', '委', 1],
         ['pair', '人民代表大会常务委员会', '人大常委会'], ['pair', '人民代表大会', '人大'],
         ['pair', '常务委员会', '常委会'], ['group', '人民政治协商会议', '政协', '', 0],
         ['pair', '政治协商会议', '政协'], ['pair', '人民政府', '政府'],
         ['pair', '政法委员会', '政法委'], ['pair', '纪律检查委员会', '纪委'],
         ['pair', '监察委员会', '监委'], ['lead', '中共'],
         ['pair', '县县委', '县委'], ['pair', '区区委', '区委'], ['pair', '市市委', '市委'],
         ['pair', '旗旗委', '旗委'], ['court', '检察院'], ['court', '法院']]) |
       CASE r[0]
         WHEN 'pair' THEN replace(s, r[1], r[2])
         WHEN 'court' THEN replace(replace(s, '人民' + r[1], r[1]), r[1], '人民' + r[1])
         WHEN 'lead' THEN CASE WHEN s STARTS WITH '中共' AND NOT s STARTS WITH '中共中央'
                                    AND substring(s, 3) CONTAINS '委' THEN substring(s, 2) ELSE s END
         ELSE reduce(out = split(s, r[1])[0], part IN split(s, r[1])[1..] | out +
                CASE WHEN part CONTAINS '委员会' AND size(split(part, '委员会')[0]) >= r[4]
                     THEN r[2] + split(part, '委员会')[0] + r[3]
                          + substring(part, size(split(part, '委员会')[0]) + 3)
                     ELSE r[1] + part END)
       END) AS canon
WITH text, form, canon, COLLECT { MATCH (n:Person {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person {name: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name IN [form, canon] RETURN n
                      UNION MATCH (n:Organization) WHERE n.name IN [form, canon]
                            OR any(f IN [text] + [form, canon] WHERE f IN n.aliases) RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Person) WHERE n.name CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS subjects
WITH subjects, trim($object) AS text
WITH subjects, text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
// a body's long official form as its short one (中共许昌市委员会 → 许昌市委), also in
// an event's name, as okg query rewrites it (graph/names.py, org_name)
WITH subjects, text, form, reduce(s = form, r IN reduce(rounds = [], i IN range(1, 8) | rounds + [
         ['pair', '中国共产党', '中共'], ['group', '中共', '', '委', 1],
         ['pair', '人民代表大会常务委员会', '人大常委会'], ['pair', '人民代表大会', '人大'],
         ['pair', '常务委员会', '常委会'], ['group', '人民政治协商会议', '政协', '', 0],
         ['pair', '政治协商会议', '政协'], ['pair', '人民政府', '政府'],
         ['pair', '政法委员会', '政法委'], ['pair', '纪律检查委员会', '纪委'],
         ['pair', '监察委员会', '监委'], ['lead', '中共'],
         ['pair', '县县委', '县委'], ['pair', '区区委', '区委'], ['pair', '市市委', '市委'],
         ['pair', '旗旗委', '旗委'], ['court', '检察院'], ['court', '法院']]) |
       CASE r[0]
         WHEN 'pair' THEN replace(s, r[1], r[2])
         WHEN 'court' THEN replace(replace(s, '人民' + r[1], r[1]), r[1], '人民' + r[1])
         WHEN 'lead' THEN CASE WHEN s STARTS WITH '中共' AND NOT s STARTS WITH '中共中央'
                                    AND substring(s, 3) CONTAINS '委' THEN substring(s, 2) ELSE s END
         ELSE reduce(out = split(s, r[1])[0], part IN split(s, r[1])[1..] | out +
                CASE WHEN part CONTAINS '委员会' AND size(split(part, '委员会')[0]) >= r[4]
                     THEN r[2] + split(part, '委员会')[0] + r[3]
                          + substring(part, size(split(part, '委员会')[0]) + 3)
                     ELSE r[1] + part END)
       END) AS canon
WITH subjects, text, form, canon, COLLECT { MATCH (n:Event {id: text}) RETURN n
                      UNION MATCH (n:Post {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH subjects, text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event {name: text}) RETURN n
                      UNION MATCH (n:Post {label: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH subjects, text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event) WHERE n.name IN [form, canon] RETURN n
                      UNION MATCH (n:Post) WHERE n.label IN [form, canon] RETURN n
                      UNION MATCH (n:Organization) WHERE n.name IN [form, canon]
                            OR any(f IN [text] + [form, canon] WHERE f IN n.aliases) RETURN n } END AS found
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
  RETURN fact, about, d.name AS document, d.url AS url, d.path AS path, x.page AS page,
         x.start AS start, x.end AS end, x.text AS sentence
  UNION ALL
  UNWIND [n IN subjects WHERE size(subjects) > 1 |
            {n: n, line: size(subjects) + ' match ' + $subject + '; this one is :param subject => \'' + n.id + '\''}]
         + [n IN objects WHERE size(objects) > 1 |
            {n: n, line: size(objects) + ' match ' + $object + '; this one is :param object => \'' + n.id + '\''}] AS pick
  WITH pick.n AS n, pick.line AS line
  RETURN null AS fact, coalesce(n.name, n.label) AS about, null AS document, null AS url,
         null AS path, null AS page, null AS start, null AS end, reduce(s = line, item IN [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name }
                             | s + ' · ' + item) AS sentence
}
RETURN fact, about, document, url, path, page, start, end, sentence
ORDER BY fact, about, document, start;
