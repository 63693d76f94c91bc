// graph PERSON: a person's posts, with their bodies, and events, for the Browser's graph view.
// Load the style first (queries/okg.grass, docs/neo4j.md) for captions and colours.
// PERSON is what `okg query` takes: an id, a name, an alias or a part of a name
// (:param person => '张三'). A name of several persons draws those persons alone: click one
// for its properties, then set :param person to its id.
// Paste into the Neo4j Browser; the example is a person of 许昌市 in the seeds.
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
  MATCH path = (p)-[:HOLDS]->(:Post)-[:POST_IN]->(:Organization)
  RETURN path
  UNION ALL
  WITH found WHERE size(found) = 1
  UNWIND found AS p
  MATCH path = (p)-[:PARTICIPATED_IN]->(:Event)
  RETURN path
  UNION ALL
  UNWIND found AS p
  MATCH path = (p)
  RETURN path
}
RETURN path;
