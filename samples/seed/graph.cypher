// The sample knowledge graph: the Nvidia–AWS GPU deal of March 2026, from the news article in
// ../shared/seed/nvidia-aws-gpu-deal.txt. Every relation carries its `source`; dates are the
// years the article gives (deliveries 2025–2027).
//
//   kg sample.db -f samples/seed/graph.cypher
//   kg sample.db -f samples/seed/questions.cypher

CREATE CONSTRAINT company_name IF NOT EXISTS FOR (c:Company) REQUIRE c.name IS UNIQUE;
CREATE INDEX product_name IF NOT EXISTS FOR (p:Product) ON (p.name);

CREATE
  (nvidia:Company {name: 'Nvidia', ticker: 'NVDA', kind: 'chipmaker'}),
  (amazon:Company {name: 'Amazon', ticker: 'AMZN'}),
  (aws:Company {name: 'AWS', full_name: 'Amazon Web Services', kind: 'cloud provider'}),
  (groq:Company {name: 'Groq', kind: 'AI chip developer'}),
  (reuters:Organization {name: 'Reuters', kind: 'news agency'}),
  (buck:Person {name: 'Ian Buck', role: 'VP'}),
  (huang:Person {name: 'Jensen Huang', role: 'CEO'}),
  (blackwell:Product:Chip {name: 'Blackwell', kind: 'GPU architecture'}),
  (rubin:Product:Chip {name: 'Rubin', kind: 'GPU architecture', status: 'forthcoming'}),
  (lpu:Product:Chip {name: 'Groq inference processor', kind: 'inference processor'}),
  (spectrum:Product {name: 'Spectrum-X', kind: 'networking'}),
  (connectx:Product {name: 'ConnectX', kind: 'networking'}),
  (trainium:Product:Chip {name: 'Trainium2', kind: 'AI processor'}),
  (gtc:Event {name: 'GTC 2026', year: 2026}),

  (nvidia)-[:SUPPLIES {units: 1000000, valid_from: 2025, valid_to: 2027, confidence: 0.9,
                       source: 'Reuters, Ian Buck, 2026-03-19'}]->(aws),
  (aws)-[:BUYS {units: 1000000, valid_from: 2025, valid_to: 2027,
                source: 'Reuters, Ian Buck, 2026-03-19'}]->(blackwell),
  (aws)-[:BUYS {valid_from: 2025, valid_to: 2027, note: 'upon its release',
                source: 'Reuters, Ian Buck, 2026-03-19'}]->(rubin),
  (aws)-[:BUYS {purpose: 'inference', source: 'Reuters, Ian Buck, 2026-03-19'}]->(lpu),
  (aws)-[:BUYS {purpose: 'networking', source: 'Reuters, Ian Buck, 2026-03-19'}]->(spectrum),
  (aws)-[:BUYS {purpose: 'networking', source: 'Reuters, Ian Buck, 2026-03-19'}]->(connectx),
  (aws)-[:DEPLOYS {chip_types: 7, purpose: 'inference', source: 'Reuters, Ian Buck, 2026-03-19'}]->(nvidia),
  (nvidia)-[:LICENSES {value_usd: 17000000000, source: 'Invest Alpha Pro, 2026-03-19'}]->(groq),
  (nvidia)-[:MAKES {source: 'Invest Alpha Pro, 2026-03-19'}]->(blackwell),
  (nvidia)-[:MAKES {source: 'Invest Alpha Pro, 2026-03-19'}]->(rubin),
  (nvidia)-[:MAKES {unveiled: 2026, source: 'Invest Alpha Pro, 2026-03-19'}]->(lpu),
  (nvidia)-[:MAKES {source: 'Invest Alpha Pro, 2026-03-19'}]->(spectrum),
  (nvidia)-[:MAKES {source: 'Invest Alpha Pro, 2026-03-19'}]->(connectx),
  (groq)-[:DESIGNED {source: 'Invest Alpha Pro, 2026-03-19'}]->(lpu),
  (amazon)-[:OWNS {source: 'Invest Alpha Pro, 2026-03-19'}]->(aws),
  (amazon)-[:MAKES {source: 'Invest Alpha Pro, 2026-03-19'}]->(trainium),
  (aws)-[:USES {purpose: 'training', source: 'Invest Alpha Pro, 2026-03-19'}]->(trainium),
  (buck)-[:WORKS_FOR {role: 'VP', source: 'Reuters, 2026-03-19'}]->(nvidia),
  (huang)-[:WORKS_FOR {role: 'CEO', source: 'Invest Alpha Pro, 2026-03-19'}]->(nvidia),
  (buck)-[:SPOKE_TO {date: '2026-03-19', source: 'Reuters, 2026-03-19'}]->(reuters),
  (huang)-[:FORECASTS {market_usd: 1000000000000, valid_from: 2025, valid_to: 2027,
                       subject: 'Blackwell and Rubin', source: 'Invest Alpha Pro, 2026-03-19'}]->(nvidia),
  (nvidia)-[:ANNOUNCED_AT {source: 'Invest Alpha Pro, 2026-03-19'}]->(gtc),
  (aws)-[:ANNOUNCED_AT {source: 'Invest Alpha Pro, 2026-03-19'}]->(gtc);
