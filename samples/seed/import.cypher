// The sample graph from its CSV files (samples/seed/csv/, neo4j-admin headers), in one atomic
// bulk import: the same graph as graph.cypher builds, without its index and constraint.
// The paths are relative to the working directory, so run it from the repository's root:
//
//   kg sample.db -f samples/seed/import.cypher
//
// Node files carry their labels in a :LABEL column (Product;Chip is two labels), relationship
// files their types in a :TYPE column; :START_ID / :END_ID refer to the :ID of the node files.
CALL kg.import({
  nodes: ['samples/seed/csv/organizations.csv', 'samples/seed/csv/people.csv',
          'samples/seed/csv/products.csv', 'samples/seed/csv/events.csv'],
  relationships: ['samples/seed/csv/deals.csv', 'samples/seed/csv/makers.csv',
                  'samples/seed/csv/people_relations.csv', 'samples/seed/csv/announcements.csv']
});
