// attendees MEETING: who took part in a meeting, with their roles, the date and the evidence.
// Paste into the Neo4j Browser; the example is 许昌市委政法工作会议 of 2023-02-17 in the seeds.
:param meeting => 'event/5e14b1d3e04864596e34';
MATCH (e:Event {id: $meeting})<-[r:PARTICIPATED_IN]-(p:Person)
RETURN p.name AS name, p.anchor AS anchor, r.roles AS roles, e.date AS date,
       COLLECT {
         MATCH (:Document)-[s:REPORTS {fact: r.id}]->(e)
         UNWIND s.evidence AS ev
         MATCH (x:Evidence {id: ev})
         RETURN x.text
       } AS evidence,
       p.id AS id
ORDER BY name, id;
