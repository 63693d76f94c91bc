// holders POST-OR-BODY: who holds a post; or, for a body, its posts and their holders.
// POST-OR-BODY is what `okg query` takes: an id, a name, an alias or a part of a name. A name
// of several posts or bodies is not answered: the rows are those, with their context and the
// :param line that picks one.
// Paste into the Neo4j Browser; the example is the body 承德市人大常委会 in the seeds
// (:param post_or_body => '许昌市委宣传部部长' gives a post).
:param post_or_body => 'organization/0ca6645afbb9815ca170';
WITH trim($post_or_body) AS text
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
WITH text, form, canon, COLLECT { MATCH (n:Post {id: text}) RETURN n
                      UNION MATCH (n:Organization {id: text}) RETURN n } AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post {label: text}) RETURN n
                      UNION MATCH (n:Organization {name: text}) RETURN n } END AS found
WITH text, form, canon, CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post) WHERE n.label IN [form, canon] RETURN n
                      UNION MATCH (n:Organization) WHERE n.name IN [form, canon]
                            OR any(f IN [text] + [form, canon] WHERE f IN n.aliases) RETURN n } END AS found
WITH CASE WHEN found <> [] THEN found
       ELSE COLLECT { MATCH (n:Post) WHERE n.label CONTAINS form RETURN n
                      UNION MATCH (n:Organization) WHERE n.name CONTAINS form
                            OR any(a IN n.aliases WHERE a CONTAINS form) RETURN n } END AS found
CALL (found) {
  WITH found WHERE size(found) = 1
  UNWIND found AS n
  CALL (n) {
    WITH n WHERE n:Post
    RETURN n AS post
    UNION
    MATCH (n:Organization)<-[:POST_IN]-(post:Post)
    RETURN post
  }
  MATCH (p:Person)-[h:HOLDS]->(post)-[:POST_IN]->(o:Organization)
  CALL (h) {
    UNWIND h.seen AS seen
    RETURN min(seen) AS first_seen, max(seen) AS last_seen
  }
  RETURN post.label AS post, o.name AS organization, p.name AS name, p.anchor AS anchor,
         first_seen, last_seen, p.id AS id
  UNION ALL
  WITH found WHERE size(found) > 1
  UNWIND found AS n
  RETURN coalesce(n.name, n.label) AS post, null AS organization,
         reduce(s = size(found) + ' match ' + $post_or_body + '; this one is :param post_or_body => \'' + n.id + '\'',
                item IN [v IN [n.anchor, n.date, n.type] WHERE v IS NOT NULL] + coalesce(n.places, [])
         + COLLECT { MATCH (n)-[:HOLDS]->(x:Post) RETURN x.label }
         + COLLECT { MATCH (n)-[:PART_OF]->(x:Organization) RETURN 'part of ' + x.name }
         + COLLECT { MATCH (n)<-[:HOLDS]-(x:Person) RETURN x.name }
                | s + ' · ' + item) AS name,
         null AS anchor, null AS first_seen, null AS last_seen, n.id AS id
}
RETURN post, organization, name, anchor, first_seen, last_seen, id
ORDER BY post, name, id;
