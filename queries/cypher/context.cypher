// context ENTITY: what tells an entity from others of its name.
// A person's anchor and posts, an event's date, type and places, a body's places and the
// bodies it is part of, a post's holders.
// Paste into the Neo4j Browser; the example is 许昌市委宣传部 in the seeds.
:param entity => 'organization/77bffda537bfd3f09eb4';
CALL () {
  MATCH (p:Person {id: $entity})
  RETURN [p.anchor] + COLLECT { MATCH (p)-[:HOLDS]->(post:Post) RETURN post.label } AS context
  UNION ALL
  MATCH (e:Event {id: $entity})
  RETURN [x IN [e.date, e.type] WHERE x IS NOT NULL] + coalesce(e.places, []) AS context
  UNION ALL
  MATCH (o:Organization {id: $entity})
  RETURN coalesce(o.places, []) +
         COLLECT { MATCH (o)-[:PART_OF]->(w:Organization) RETURN 'part of ' + w.name } AS context
  UNION ALL
  MATCH (post:Post {id: $entity})
  RETURN COLLECT { MATCH (post)<-[:HOLDS]-(p:Person) RETURN p.name } AS context
}
RETURN context;
