// attendees MEETING: who took part in a meeting, with their roles, the date and the evidence.
// MEETING is what `okg query` takes: an id, a name, an alias or a part of a name
// (:param meeting => '市委政法工作会议'). A name of several events is not answered: the rows
// are those events, with their context and the :param line that picks one.
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
  MATCH (e)<-[r:PARTICIPATED_IN]-(p:Person)
  RETURN p.name AS name, p.anchor AS anchor, r.roles AS roles, e.date AS date,
         COLLECT {
           MATCH (:Document)-[s:REPORTS {fact: r.id}]->(e)
           UNWIND s.evidence AS ev
           MATCH (x:Evidence {id: ev})
           RETURN x.text
         } AS evidence,
         p.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS e
  RETURN e.name AS name, null AS anchor, null AS roles, e.date AS date,
         [size(found) + ' match ' + $meeting + '; this one is :param meeting => \'' + e.id + '\''] + [v IN [e.date, e.type] WHERE v IS NOT NULL] + coalesce(e.places, []) AS evidence,
         e.id AS id
}
RETURN name, anchor, roles, date, evidence, id
ORDER BY name, id;
