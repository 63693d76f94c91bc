// graph MEETING: a meeting, the people who took part and the posts and bodies they hold, for
// the Browser's graph view. Load the style first (queries/okg.grass, docs/neo4j.md).
// MEETING is what `okg query` takes: an id, a name, an alias or a part of a name
// (:param meeting => '市委政法工作会议'). A name of several events draws those events alone:
// click one for its properties, then set :param meeting to its id.
// Paste into the Neo4j Browser; the example is 许昌市委政法工作会议 of 2023-02-17 in the seeds.
:param meeting => 'event/5e14b1d3e04864596e34';
WITH trim($meeting) AS text
WITH text, reduce(s = normalize(text, NFKC), r IN [[' ', ''], ['\t', ''], ['\n', ''],
       ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['「', '"'], ['」', '"'],
       ['•', '·'], ['・', '·'], ['‧', '·'], ['∙', '·'], ['⋅', '·']] | replace(s, r[0], r[1])) AS form
WITH text, form, COLLECT { MATCH (n:Event {id: text}) RETURN n } AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event {name: text}) RETURN n } END AS found
WITH text, form, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event) WHERE n.name = form RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Event) WHERE n.name CONTAINS form RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS e
  MATCH path = (e)<-[:PARTICIPATED_IN]-(:Person)-[:HOLDS]->(:Post)-[:POST_IN]->(:Organization)
  RETURN path
  UNION ALL
  WITH found WHERE size(found) = 1
  UNWIND found AS e
  MATCH path = (e)<-[:PARTICIPATED_IN]-(:Person)
  RETURN path
  UNION ALL
  UNWIND found AS e
  MATCH path = (e)
  RETURN path
}
RETURN path;
