/* kg_c_sample: an application that embeds kg through its C API (kg/kg.h).
 *
 *   kg_c_sample GRAPH_DIR CSV_DIR
 *
 * Opens (or creates) the graph in GRAPH_DIR; when it is empty, imports the sample graph from the
 * CSV files in CSV_DIR (samples/seed/csv); then asks it questions with parameters, once with
 * kg_connection_query and many times with a prepared statement. */
#include <stdio.h>

#include "kg/kg.h"

static const char* const kNodeFiles[] = {"organizations.csv", "people.csv", "products.csv",
                                         "events.csv"};
static const char* const kRelationshipFiles[] = {"deals.csv", "makers.csv", "people_relations.csv",
                                                 "announcements.csv"};

/* Imports the seed graph's CSV files in one atomic step. */
static kg_code import_sample(kg_database* db, const char* dir) {
  char path[1024];
  kg_import_options* options = kg_import_options_create();
  for (size_t i = 0; i < sizeof kNodeFiles / sizeof kNodeFiles[0]; ++i) {
    snprintf(path, sizeof path, "%s/%s", dir, kNodeFiles[i]);
    kg_import_options_add_nodes(options, NULL, path); /* labels from the :LABEL column */
  }
  for (size_t i = 0; i < sizeof kRelationshipFiles / sizeof kRelationshipFiles[0]; ++i) {
    snprintf(path, sizeof path, "%s/%s", dir, kRelationshipFiles[i]);
    kg_import_options_add_relationships(options, NULL, path); /* types from :TYPE */
  }
  kg_import_summary summary;
  char* err = NULL;
  kg_code code = kg_database_import(db, options, &summary, &err);
  if (code == KG_OK)
    printf("imported %llu nodes and %llu relationships\n", (unsigned long long)summary.nodes,
           (unsigned long long)summary.relationships);
  else
    fprintf(stderr, "import failed: %s\n", err);
  kg_free(err);
  kg_import_options_destroy(options);
  return code;
}

/* The number of nodes in the graph, or -1 after an error. */
static long long count_nodes(kg_connection* conn) {
  kg_result* r;
  int64_t n = -1;
  if (kg_connection_query(conn, "MATCH (n) RETURN count(n)", NULL, &r) == KG_OK &&
      kg_result_next(r))
    kg_result_get_int(r, 0, &n);
  else
    fprintf(stderr, "%s\n", kg_result_error_message(r));
  kg_result_destroy(r); /* also after an error */
  return n;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: kg_c_sample GRAPH_DIR CSV_DIR\n");
    return 2;
  }
  printf("kg %s\n", kg_version());

  kg_database* db;
  char* err = NULL;
  if (kg_database_open(argv[1], NULL, &db, &err) != KG_OK) {
    fprintf(stderr, "cannot open %s: %s\n", argv[1], err);
    kg_free(err);
    return 1;
  }
  kg_connection* conn;
  kg_connection_open(db, &conn, NULL);
  int status = 1;

  long long nodes = count_nodes(conn);
  if (nodes < 0 || (nodes == 0 && import_sample(db, argv[2]) != KG_OK)) goto done;

  /* A query with a parameter. */
  kg_params* params = kg_params_create();
  kg_params_set_string(params, "company", "AWS");
  kg_result* r;
  if (kg_connection_query(conn,
                          "MATCH (:Company {name: $company})-[b:BUYS]->(p:Product) "
                          "RETURN p.name AS product, b.units AS units ORDER BY product",
                          params, &r) != KG_OK) {
    fprintf(stderr, "%s\n", kg_result_error_message(r));
    kg_result_destroy(r);
    kg_params_destroy(params);
    goto done;
  }
  printf("What does AWS buy?\n");
  while (kg_result_next(r)) {
    const char* product;
    int64_t units;
    kg_result_get_string(r, 0, &product);
    if (kg_result_get_int(r, 1, &units) == KG_OK) /* KG_TYPE_ERROR when null */
      printf("  %s, %lld units\n", product, (long long)units);
    else
      printf("  %s\n", product);
  }
  kg_result_destroy(r);

  /* A prepared statement, run with new parameters. */
  kg_prepared_statement* makes;
  if (kg_connection_prepare(conn,
                            "MATCH (:Company {name: $company})-[:MAKES]->(p) "
                            "RETURN p.name ORDER BY p.name",
                            &makes) != KG_OK) {
    fprintf(stderr, "%s\n", kg_prepared_statement_error_message(makes));
    kg_prepared_statement_destroy(makes);
    kg_params_destroy(params);
    goto done;
  }
  const char* companies[] = {"Nvidia", "Amazon", "Groq"};
  for (size_t i = 0; i < 3; ++i) {
    kg_params_set_string(params, "company", companies[i]);
    if (kg_prepared_statement_execute(makes, params, &r) == KG_OK) {
      printf("What does %s make?", companies[i]);
      while (kg_result_next(r)) {
        const char* name;
        if (kg_result_get_string(r, 0, &name) == KG_OK) printf(" %s;", name);
      }
      printf(kg_result_row_count(r) == 0 ? " nothing\n" : "\n");
    }
    kg_result_destroy(r);
  }
  kg_prepared_statement_destroy(makes);
  kg_params_destroy(params);

  /* Errors carry their kind and position. */
  kg_connection_query(conn, "MATCH (c:Company) RETURN nme", NULL, &r);
  printf("A typo: %s (%s, line %u, column %u)\n", kg_result_error_message(r),
         kg_code_name(kg_result_error_code(r)), kg_result_error_line(r), kg_result_error_column(r));
  kg_result_destroy(r);
  status = 0;

done:
  kg_connection_close(conn);
  kg_database_close(db);
  return status;
}
