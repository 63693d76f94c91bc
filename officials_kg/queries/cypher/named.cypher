// named TEXT: the persons, events, bodies and posts named TEXT, or bodies also called so.
// The first step of looking a name up; paste into the Neo4j Browser to try it on the seeds.
:param text => '许昌市委宣传部部长';
CALL () {
  MATCH (n:Person {name: $text})
  RETURN n
  UNION
  MATCH (n:Event {name: $text})
  RETURN n
  UNION
  MATCH (n:Organization {name: $text})
  RETURN n
  UNION
  MATCH (n:Organization)
  WHERE $text IN n.aliases
  RETURN n
  UNION
  MATCH (n:Post {label: $text})
  RETURN n
}
RETURN labels(n)[0] AS kind, coalesce(n.name, n.label) AS name,
       coalesce(n.aliases, []) AS aliases, n.id AS id
ORDER BY kind, name, id;
