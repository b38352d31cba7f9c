// A small supply-chain graph for the query tests (loaded with `load tests/queries/data/companies.cypher`).
// Companies and products; `;` ends a statement, also inside this comment's neighbours only.
CREATE (:Company {name: 'AWS', founded: 2006}),
       (:Company {name: 'Microsoft', founded: 1975}),
       (:Company {name: 'Nvidia', founded: 1993}),
       (:Company {name: 'Groq', founded: 2016}),
       (:Company {name: 'TSMC', founded: 1987}),
       (:Product {name: 'Blackwell'}),
       (:Product {name: 'H100'}),
       (:Product {name: 'Trainium'});

/* Relationships: who buys, makes, supplies and licenses what. */
MATCH (aws:Company {name: 'AWS'}), (b:Product {name: 'Blackwell'}), (t:Product {name: 'Trainium'})
CREATE (aws)-[:BUYS {units: 1000000}]->(b), (aws)-[:MAKES]->(t);

MATCH (ms:Company {name: 'Microsoft'}), (b:Product {name: 'Blackwell'}), (h:Product {name: 'H100'})
CREATE (ms)-[:BUYS {units: 500000}]->(b), (ms)-[:BUYS {units: 200000}]->(h);

MATCH (nv:Company {name: 'Nvidia'}), (b:Product {name: 'Blackwell'}), (h:Product {name: 'H100'}),
      (groq:Company {name: 'Groq'}), (tsmc:Company {name: 'TSMC'})
CREATE (nv)-[:MAKES]->(b), (nv)-[:MAKES]->(h), (nv)-[:LICENSES {source: 'press; release'}]->(groq),
       (tsmc)-[:SUPPLIES {since: 2016}]->(nv);

// A self-loop: a claim a company makes about itself.
MATCH (groq:Company {name: 'Groq'})
CREATE (groq)-[:CITES {source: 'blog', confidence: 0.5}]->(groq)
