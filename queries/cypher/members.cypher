// members BODY: the people holding posts in a body or in the bodies under it, with those posts.
// Paste into the Neo4j Browser; the example is 许昌市委 (with its 宣传部 and 统战部) in the seeds.
:param body => 'organization/c07c725da767dfa5f739';
MATCH (:Organization {id: $body})<-[:PART_OF*0..]-(:Organization)<-[:POST_IN]-(post:Post)
MATCH (p:Person)-[:HOLDS]->(post)
RETURN p.name AS name, p.anchor AS anchor, collect(DISTINCT post.label) AS posts, p.id AS id
ORDER BY name, id;
