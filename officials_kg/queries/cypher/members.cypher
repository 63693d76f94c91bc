// members BODY: the people holding posts in a body or in the bodies under it, with those posts.
// BODY is what `okg query` takes: an id, a name, an alias (中共许昌市委员会) or a part of a
// name. A name of several bodies is not answered: the rows are those bodies, with their
// context and the :param line that picks one.
// Paste into the Neo4j Browser; the example is 许昌市委 (with its 宣传部 and 统战部) in the seeds.
:param body => 'organization/c07c725da767dfa5f739';
WITH trim($body) AS text
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
WITH text, form, canon, COLLECT { MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization) WHERE n.name IN [form, canon]
                            OR any(f IN [text] + [form, canon] WHERE f IN n.aliases) RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS o
  MATCH (o)<-[:PART_OF*0..]-(:Organization)<-[:POST_IN]-(post:Post)
  MATCH (p:Person)-[:HOLDS]->(post)
  RETURN p.name AS name, p.anchor AS anchor, collect(DISTINCT post.label) AS posts, p.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS o
  RETURN o.name AS name, null AS anchor,
         [size(found) + ' match ' + $body + '; this one is :param body => \'' + o.id + '\'']
         + coalesce(o.places, [])
         + COLLECT { MATCH (o)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name } AS posts,
         o.id AS id
}
RETURN name, anchor, posts, id
ORDER BY name, id;
