// posts PERSON: the posts a person was seen holding, first and last seen, with the evidence.
// reports: how many sentences say so; sentence: the one of them that sorts first (`okg query
// evidence PERSON POST` gives them all).
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
  MATCH (p)-[h:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization)
  CALL (h) {
    UNWIND h.seen AS seen
    RETURN min(seen) AS first_seen, max(seen) AS last_seen
  }
  CALL (h, post) {
    MATCH (:Document)-[s:REPORTS {fact: h.id}]->(post)
    UNWIND s.evidence AS ev
    MATCH (x:Evidence {id: ev})
    RETURN count(x) AS reports, min(x.text) AS sentence
  }
  RETURN post.label AS post, o.name AS organization, first_seen, last_seen, reports, sentence,
         post.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS p
  RETURN p.name AS post, null AS organization, null AS first_seen, null AS last_seen,
         null AS reports,
         reduce(s = size(found) + ' match ' + $person + '; this one is :param person => \'' + p.id + '\'', item IN [p.anchor] + COLLECT { MATCH (p)-[:HOLDS]->(x:Post) RETURN x.label } | s + ' · ' + item) AS sentence,
         p.id AS id
}
RETURN post, organization, first_seen, last_seen, reports, sentence, id
ORDER BY post, id;
