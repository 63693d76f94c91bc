// find TEXT: the persons, events, bodies and posts whose name (or a body's alias) has TEXT in it.
// The last step of looking a name up; paste into the Neo4j Browser to try it on the seeds.
:param text => '市委政法工作会议';
CALL () {
  MATCH (n:Person)
  WHERE n.name CONTAINS $text
  RETURN n
  UNION
  MATCH (n:Event)
  WHERE n.name CONTAINS $text
  RETURN n
  UNION
  MATCH (n:Organization)
  WHERE n.name CONTAINS $text OR any(alias IN n.aliases WHERE alias CONTAINS $text)
  RETURN n
  UNION
  MATCH (n:Post)
  WHERE n.label CONTAINS $text
  RETURN n
}
RETURN labels(n)[0] AS kind, coalesce(n.name, n.label) AS name,
       coalesce(n.aliases, []) AS aliases, n.id AS id
ORDER BY kind, name, id;
