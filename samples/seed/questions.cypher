// Questions to ask the sample graph (load samples/seed/graph.cypher first).

// What does AWS buy?
MATCH (:Company {name: 'AWS'})-[b:BUYS]->(p:Product)
RETURN p.name AS product, b.purpose AS purpose, b.units AS units
ORDER BY product;

// Who licenses technology from whom, and for how much?
MATCH (licensor)-[l:LICENSES]->(licensee)
RETURN licensor.name AS licensor, licensee.name AS licensee, l.value_usd AS value_usd;

// Which chips come to AWS through Nvidia? (made by Nvidia, bought by AWS)
MATCH (:Company {name: 'Nvidia'})-[:MAKES]->(chip:Chip)<-[:BUYS]-(:Company {name: 'AWS'})
RETURN chip.name AS chip ORDER BY chip;

// When do the deliveries run, and who said so?
MATCH (supplier)-[s:SUPPLIES]->(customer)
RETURN supplier.name AS supplier, customer.name AS customer, s.units AS units,
       s.valid_from AS from_year, s.valid_to AS to_year, s.source AS source;

// Who works for Nvidia, in which role?
MATCH (p:Person)-[w:WORKS_FOR]->(:Company {name: 'Nvidia'})
RETURN p.name AS person, w.role AS role ORDER BY person;

// Which of AWS's purchases are not made by Nvidia?
MATCH (:Company {name: 'AWS'})-[:BUYS|USES]->(p:Product)
WHERE NOT (:Company {name: 'Nvidia'})-[:MAKES]->(p)
RETURN p.name AS product;

// How is Groq connected to AWS? (the shortest chain of relations, either direction)
MATCH path = shortestPath((:Company {name: 'Groq'})-[*..4]-(:Company {name: 'AWS'}))
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS hops;

// The sources behind every relation of AWS.
MATCH (:Company {name: 'AWS'})-[r]-(other)
RETURN type(r) AS relation, other.name AS other, r.source AS source
ORDER BY relation, other;

// Which companies are most central to the AI-chip supply chain? (betweenness on the supply-chain
// relations among companies and products, direction ignored; docs/algorithms.md)
CALL algo.betweenness({labels: ['Company', 'Product'],
                       types: ['SUPPLIES', 'BUYS', 'MAKES', 'DESIGNED', 'LICENSES', 'USES', 'OWNS'],
                       direction: 'both'})
YIELD node, score
WHERE node:Company
RETURN node.name AS company, score ORDER BY score DESC, company;
