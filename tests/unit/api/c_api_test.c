/* The C API (include/kg/kg.h), from C: compiled as C11 and linked against the shared library, as a
 * C application is. Each test_* function is one ctest (c_api:<function>); run
 * `kg_c_api_test [name]` for one or all. A failed CHECK prints file:line and the expression and
 * fails the test; the test goes on to its end so that every handle is released. */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/kg.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#define CHECK_STR(actual, expected)                                                         \
  do {                                                                                      \
    const char* a_ = (actual);                                                              \
    const char* e_ = (expected);                                                            \
    if (a_ == NULL || strcmp(a_, e_) != 0) {                                                \
      fprintf(stderr, "%s:%d: CHECK_STR failed: %s is \"%s\", expected \"%s\"\n", __FILE__, \
              __LINE__, #actual, a_ ? a_ : "(null)", e_);                                   \
      ++failures;                                                                           \
    }                                                                                       \
  } while (0)

/* ---- a temporary directory per test --------------------------------------------------------- */

static char temp_dir[256];

static void make_temp_dir(void) {
  const char* base = getenv("TMPDIR");
  snprintf(temp_dir, sizeof temp_dir, "%s/kg_c_api_XXXXXX", base && *base ? base : "/tmp");
  if (mkdtemp(temp_dir) == NULL) {
    perror("mkdtemp");
    exit(2);
  }
}

static int remove_entry(const char* path, const struct stat* sb, int flag, struct FTW* ftw) {
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static void remove_temp_dir(void) { nftw(temp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

static const char* temp_path(const char* name) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", temp_dir, name);
  return path;
}

/* Opens a fresh graph and a connection on it. */
static void open_graph(kg_database** db, kg_connection** conn) {
  char* err = NULL;
  kg_code code = kg_database_open(temp_path("graph"), NULL, db, &err);
  if (code != KG_OK) {
    fprintf(stderr, "open failed: %s\n", err ? err : "?");
    kg_free(err);
    exit(2);
  }
  CHECK(err == NULL);
  CHECK(kg_connection_open(*db, conn, NULL) == KG_OK);
}

static void close_graph(kg_database* db, kg_connection* conn) {
  kg_connection_close(conn);
  kg_database_close(db);
}

/* Runs a statement that must succeed. */
static void run(kg_connection* conn, const char* statement) {
  kg_result* r = NULL;
  kg_code code = kg_connection_query(conn, statement, NULL, &r);
  if (code != KG_OK) fprintf(stderr, "%s\n  failed: %s\n", statement, kg_result_error_message(r));
  CHECK(code == KG_OK);
  kg_result_destroy(r);
}

/* ---- tests ---------------------------------------------------------------------------------- */

static void test_names_and_version(void) {
  CHECK(strlen(kg_version()) >= 5);
  CHECK_STR(kg_code_name(KG_OK), "OK");
  CHECK_STR(kg_code_name(KG_SYNTAX_ERROR), "SyntaxError");
  CHECK_STR(kg_code_name(KG_BUSY), "Busy");
  CHECK_STR(kg_code_name((kg_code)999), "Unknown");
  CHECK_STR(kg_value_type_name(KG_TYPE_RELATIONSHIP), "RELATIONSHIP");
  kg_free(NULL);
}

static void test_open_failures_report_code_and_message(void) {
  /* A regular file where the graph's directory should be. */
  FILE* f = fopen(temp_path("not_a_graph"), "w");
  CHECK(f != NULL);
  if (f) {
    fputs("hello", f);
    fclose(f);
  }
  kg_database* db = (kg_database*)1;
  char* err = NULL;
  kg_code code = kg_database_open(temp_path("not_a_graph"), NULL, &db, &err);
  CHECK(code != KG_OK);
  CHECK(db == NULL);
  CHECK(err != NULL && strlen(err) > 0);
  kg_free(err);

  /* Missing, and not to be created. */
  kg_options* options = kg_options_create();
  kg_options_set_create_if_missing(options, 0);
  code = kg_database_open(temp_path("missing"), options, &db, NULL);
  CHECK(code == KG_NOT_FOUND);
  CHECK(db == NULL);
  kg_options_destroy(options);

  /* NULL arguments are errors, not crashes. */
  err = NULL;
  CHECK(kg_database_open(NULL, NULL, &db, &err) == KG_INVALID_ARGUMENT);
  CHECK(err != NULL);
  kg_free(err);
  kg_connection* conn = NULL;
  CHECK(kg_connection_open(NULL, &conn, NULL) == KG_INVALID_ARGUMENT);
  CHECK(conn == NULL);
  kg_database_close(NULL);
  kg_connection_close(NULL);
  kg_result_destroy(NULL);
  kg_prepared_statement_destroy(NULL);
}

static void test_query_with_parameters_and_typed_getters(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);

  kg_params* p = kg_params_create();
  kg_params_set_string(p, "name", "AWS");
  kg_params_set_int(p, "units", 1000000);
  kg_params_set_float(p, "share", 0.5);
  kg_params_set_bool(p, "active", 1);
  kg_result* r = NULL;
  CHECK(kg_connection_query(conn,
                            "CREATE (:Company {name: $name, units: $units, share: $share, "
                            "active: $active, missing: $nothing})",
                            p, &r) == KG_PARAMETER_MISSING);
  CHECK(kg_result_error_code(r) == KG_PARAMETER_MISSING);
  kg_result_destroy(r);

  kg_params_set_null(p, "nothing");
  CHECK(kg_connection_query(conn,
                            "CREATE (:Company {name: $name, units: $units, share: $share, "
                            "active: $active, missing: $nothing})",
                            p, &r) == KG_OK);
  CHECK(kg_result_counter(r, KG_NODES_CREATED) == 1);
  CHECK(kg_result_counter(r, KG_PROPERTIES_SET) == 4);
  CHECK(strstr(kg_result_summary(r), "created 1 node") != NULL);
  CHECK_STR(kg_result_error_message(r), "");
  kg_result_destroy(r);

  kg_params_clear(p);
  kg_params_set_string(p, "name", "AWS");
  CHECK(kg_connection_query(conn,
                            "MATCH (c:Company {name: $name}) RETURN c.name AS name, c.units, "
                            "c.share, c.active, c.missing",
                            p, &r) == KG_OK);
  CHECK(kg_result_column_count(r) == 5);
  CHECK_STR(kg_result_column_name(r, 0), "name");
  CHECK_STR(kg_result_column_name(r, 1), "c.units");
  CHECK(kg_result_column_name(r, 5) == NULL);
  CHECK(kg_result_row_count(r) == 1);

  /* Before the first row there is nothing to get. */
  int64_t i = -1;
  CHECK(kg_result_get_int(r, 1, &i) == KG_INVALID_ARGUMENT);
  CHECK(kg_result_get_value(r, 0) == NULL);

  CHECK(kg_result_next(r) == 1);
  const char* s = NULL;
  CHECK(kg_result_get_string(r, 0, &s) == KG_OK);
  CHECK_STR(s, "AWS");
  CHECK(kg_result_type(r, 1) == KG_TYPE_INT);
  CHECK(kg_result_get_int(r, 1, &i) == KG_OK);
  CHECK(i == 1000000);
  /* Integers and floats are distinct. */
  double d = -1;
  CHECK(kg_result_get_float(r, 1, &d) == KG_TYPE_ERROR);
  CHECK(d == -1);
  CHECK(kg_result_get_float(r, 2, &d) == KG_OK);
  CHECK(d == 0.5);
  int b = 0;
  CHECK(kg_result_get_bool(r, 3, &b) == KG_OK);
  CHECK(b == 1);
  CHECK(kg_result_is_null(r, 4));
  CHECK(kg_result_type(r, 4) == KG_TYPE_NULL);
  CHECK(kg_result_get_string(r, 4, &s) == KG_TYPE_ERROR);
  CHECK(kg_result_get_int(r, 9, &i) == KG_INVALID_ARGUMENT);
  CHECK(kg_result_next(r) == 0);
  CHECK(kg_result_get_int(r, 1, &i) == KG_INVALID_ARGUMENT);
  CHECK(kg_result_next(r) == 0);

  /* The cursor starts over. */
  kg_result_reset(r);
  CHECK(kg_result_next(r) == 1);
  CHECK(kg_result_get_int(r, 1, &i) == KG_OK);
  kg_result_destroy(r);

  kg_params_destroy(p);
  close_graph(db, conn);
}

static void test_errors_carry_kind_detail_and_position(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);

  kg_result* r = NULL;
  CHECK(kg_connection_query(conn, "MATCH (c)\nRETURN x", NULL, &r) == KG_SYNTAX_ERROR);
  CHECK(r != NULL);
  CHECK(kg_result_error_code(r) == KG_SYNTAX_ERROR);
  CHECK_STR(kg_result_error_detail(r), "UndefinedVariable");
  CHECK(kg_result_error_line(r) == 2);
  CHECK(kg_result_error_column(r) == 8);
  CHECK(strstr(kg_result_error_message(r), "SyntaxError at 2:8") == kg_result_error_message(r));
  CHECK(kg_result_column_count(r) == 0);
  CHECK(kg_result_next(r) == 0);
  kg_result_destroy(r);

  /* A failed statement changes nothing. */
  CHECK(kg_connection_query(conn, "CREATE (:A) WITH 1 AS x RETURN 1 / 0", NULL, &r) ==
        KG_ARITHMETIC_ERROR);
  kg_result_destroy(r);
  CHECK(kg_connection_query(conn, "MATCH (n) RETURN count(n)", NULL, &r) == KG_OK);
  int64_t n = -1;
  CHECK(kg_result_next(r) && kg_result_get_int(r, 0, &n) == KG_OK && n == 0);
  kg_result_destroy(r);

  /* NULL arguments still give a result to destroy. */
  CHECK(kg_connection_query(conn, NULL, NULL, &r) == KG_INVALID_ARGUMENT);
  CHECK(r != NULL);
  CHECK(kg_result_error_code(r) == KG_INVALID_ARGUMENT);
  kg_result_destroy(r);
  CHECK(kg_connection_query(conn, "RETURN 1", NULL, NULL) == KG_INVALID_ARGUMENT);

  close_graph(db, conn);
}

static void test_prepared_statements_run_with_new_parameters(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);
  run(conn, "UNWIND range(1, 5) AS i CREATE (:N {i: i, name: 'n' + toString(i)})");

  kg_prepared_statement* stmt = NULL;
  CHECK(kg_connection_prepare(conn, "MATCH (n:N) WHERE n.i >= $min RETURN n.name ORDER BY n.i",
                              &stmt) == KG_OK);
  CHECK(kg_prepared_statement_error_code(stmt) == KG_OK);
  CHECK_STR(kg_prepared_statement_error_message(stmt), "");
  kg_params* p = kg_params_create();
  for (int64_t min = 1; min <= 5; ++min) {
    kg_params_set_int(p, "min", min);
    kg_result* r = NULL;
    CHECK(kg_prepared_statement_execute(stmt, p, &r) == KG_OK);
    CHECK(kg_result_row_count(r) == (size_t)(6 - min));
    const char* first = NULL;
    CHECK(kg_result_next(r) && kg_result_get_string(r, 0, &first) == KG_OK);
    char expected[8];
    snprintf(expected, sizeof expected, "n%d", (int)min);
    CHECK_STR(first, expected);
    kg_result_destroy(r);
  }
  /* Without its parameter the execution fails, and the statement stays usable. */
  kg_result* r = NULL;
  CHECK(kg_prepared_statement_execute(stmt, NULL, &r) == KG_PARAMETER_MISSING);
  kg_result_destroy(r);
  kg_prepared_statement_destroy(stmt);

  /* A statement that does not parse holds its error; every execution returns it. */
  CHECK(kg_connection_prepare(conn, "MATCH (n RETURN n", &stmt) == KG_SYNTAX_ERROR);
  CHECK(stmt != NULL);
  CHECK(kg_prepared_statement_error_code(stmt) == KG_SYNTAX_ERROR);
  CHECK(strstr(kg_prepared_statement_error_message(stmt), "SyntaxError") != NULL);
  CHECK(kg_prepared_statement_execute(stmt, p, &r) == KG_SYNTAX_ERROR);
  CHECK(kg_result_error_code(r) == KG_SYNTAX_ERROR);
  kg_result_destroy(r);
  kg_prepared_statement_destroy(stmt);

  kg_params_destroy(p);
  close_graph(db, conn);
}

static void test_lists_maps_and_strings(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);

  kg_params* p = kg_params_create();
  int64_t ints[] = {1, 2, 3};
  double floats[] = {1.5, -0.0};
  const char* strings[] = {"a", NULL, "c"};
  kg_params_set_int_list(p, "ints", ints, 3);
  kg_params_set_float_list(p, "floats", floats, 2);
  kg_params_set_string_list(p, "strings", strings, 3);
  kg_params_set_string_n(p, "nul", "a\0b", 3);
  kg_result* r = NULL;
  CHECK(kg_connection_query(conn,
                            "RETURN $ints AS ints, $floats AS floats, $strings AS strings, "
                            "{k: 1, a: 'x'} AS m, $nul AS nul, size($nul) AS len",
                            p, &r) == KG_OK);
  CHECK(kg_result_next(r));

  const kg_value* ints_v = kg_result_get_value(r, 0);
  CHECK(kg_value_get_type(ints_v) == KG_TYPE_LIST);
  CHECK(kg_value_list_size(ints_v) == 3);
  int64_t i = 0;
  CHECK(kg_value_get_int(kg_value_list_get(ints_v, 2), &i) == KG_OK && i == 3);
  CHECK(kg_value_list_get(ints_v, 3) == NULL);
  /* Views are stable: asking twice gives the same one. */
  CHECK(kg_result_get_value(r, 0) == ints_v);
  CHECK(kg_value_list_get(ints_v, 1) == kg_value_list_get(ints_v, 1));

  const kg_value* floats_v = kg_result_get_value(r, 1);
  double d = 0;
  CHECK(kg_value_get_float(kg_value_list_get(floats_v, 1), &d) == KG_OK);
  CHECK(d == 0.0 && signbit(d));

  const kg_value* strings_v = kg_result_get_value(r, 2);
  CHECK(kg_value_get_type(kg_value_list_get(strings_v, 1)) == KG_TYPE_NULL);
  char* text = kg_value_to_string(strings_v);
  CHECK_STR(text, "['a', null, 'c']");
  kg_free(text);

  const kg_value* m = kg_result_get_value(r, 3);
  CHECK(kg_value_get_type(m) == KG_TYPE_MAP);
  CHECK(kg_value_map_size(m) == 2);
  CHECK_STR(kg_value_map_key(m, 0), "a"); /* key order */
  CHECK_STR(kg_value_map_key(m, 1), "k");
  CHECK(kg_value_map_key(m, 2) == NULL);
  CHECK(kg_value_get_int(kg_value_map_get(m, "k"), &i) == KG_OK && i == 1);
  CHECK(kg_value_map_get(m, "nope") == NULL);
  const char* s = NULL;
  CHECK(kg_value_get_string(kg_value_map_value(m, 0), &s, NULL) == KG_OK);
  CHECK_STR(s, "x");

  size_t len = 0;
  CHECK(kg_value_get_string(kg_result_get_value(r, 4), &s, &len) == KG_OK);
  CHECK(len == 3 && memcmp(s, "a\0b", 3) == 0);
  CHECK(kg_result_get_int(r, 5, &i) == KG_OK && i == 3);

  /* Wrong types are errors, never crashes. */
  CHECK(kg_value_get_int(m, &i) == KG_TYPE_ERROR);
  CHECK(kg_value_list_size(m) == 0);
  CHECK(kg_value_node_label(m, 0) == NULL);
  CHECK(kg_value_relationship_type(ints_v) == NULL);
  CHECK(kg_value_path_node(ints_v, 0) == NULL);

  /* A value from a result is a parameter of the next statement. */
  kg_params* p2 = kg_params_create();
  kg_params_set_value(p2, "v", ints_v);
  kg_result* r2 = NULL;
  CHECK(kg_connection_query(conn, "RETURN reduce(s = 0, x IN $v | s + x) AS sum", p2, &r2) ==
        KG_OK);
  CHECK(kg_result_next(r2) && kg_result_get_int(r2, 0, &i) == KG_OK && i == 6);
  kg_result_destroy(r2);
  kg_params_destroy(p2);

  kg_result_destroy(r);
  kg_params_destroy(p);
  close_graph(db, conn);
}

static void test_nodes_relationships_and_paths(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);
  run(conn,
      "CREATE (:Company {name: 'AWS'})-[:BUYS {units: 1000000}]->"
      "(:Product:Chip {name: 'Blackwell'})");

  kg_result* r = NULL;
  CHECK(kg_connection_query(conn,
                            "MATCH p = (c:Company)-[b:BUYS]->(x) RETURN c, b, x, p, id(c), id(x)",
                            NULL, &r) == KG_OK);
  CHECK(kg_result_next(r));
  int64_t c_id = -1, x_id = -1;
  CHECK(kg_result_get_int(r, 4, &c_id) == KG_OK);
  CHECK(kg_result_get_int(r, 5, &x_id) == KG_OK);

  const kg_value* c = kg_result_get_value(r, 0);
  CHECK(kg_value_get_type(c) == KG_TYPE_NODE);
  uint64_t id = 0;
  CHECK(kg_value_get_id(c, &id) == KG_OK && id == (uint64_t)c_id);
  CHECK(kg_value_node_label_count(c) == 1);
  CHECK_STR(kg_value_node_label(c, 0), "Company");
  const char* s = NULL;
  CHECK(kg_value_get_string(kg_value_map_get(c, "name"), &s, NULL) == KG_OK);
  CHECK_STR(s, "AWS");

  const kg_value* b = kg_result_get_value(r, 1);
  CHECK(kg_value_get_type(b) == KG_TYPE_RELATIONSHIP);
  CHECK_STR(kg_value_relationship_type(b), "BUYS");
  uint64_t start = 0, end = 0;
  CHECK(kg_value_relationship_start(b, &start) == KG_OK && start == (uint64_t)c_id);
  CHECK(kg_value_relationship_end(b, &end) == KG_OK && end == (uint64_t)x_id);
  int64_t units = 0;
  CHECK(kg_value_get_int(kg_value_map_get(b, "units"), &units) == KG_OK && units == 1000000);
  CHECK(kg_value_relationship_start(c, &start) == KG_TYPE_ERROR);

  const kg_value* x = kg_result_get_value(r, 2);
  CHECK(kg_value_node_label_count(x) == 2);

  const kg_value* path = kg_result_get_value(r, 3);
  CHECK(kg_value_get_type(path) == KG_TYPE_PATH);
  CHECK(kg_value_path_length(path) == 1);
  const kg_value* first = kg_value_path_node(path, 0);
  CHECK(kg_value_get_type(first) == KG_TYPE_NODE);
  CHECK(kg_value_get_id(first, &id) == KG_OK && id == (uint64_t)c_id);
  CHECK(kg_value_path_node(path, 2) == NULL);
  const kg_value* rel = kg_value_path_relationship(path, 0);
  CHECK(kg_value_get_type(rel) == KG_TYPE_RELATIONSHIP);
  CHECK_STR(kg_value_relationship_type(rel), "BUYS");
  CHECK(kg_value_path_relationship(path, 1) == NULL);
  char* text = kg_value_to_string(first);
  CHECK_STR(text, "(:Company {name: 'AWS'})");
  kg_free(text);

  /* A node from a result as a parameter. */
  kg_params* p = kg_params_create();
  kg_params_set_value(p, "node", first);
  kg_result* r2 = NULL;
  CHECK(kg_connection_query(conn, "RETURN $node.name AS name", p, &r2) == KG_OK);
  CHECK(kg_result_next(r2) && kg_result_get_string(r2, 0, &s) == KG_OK);
  CHECK_STR(s, "AWS");
  kg_result_destroy(r2);
  kg_params_destroy(p);

  /* Results outlive their connection and database. */
  close_graph(db, conn);
  CHECK_STR(kg_value_relationship_type(b), "BUYS");
  kg_result_destroy(r);
}

static void test_null_values_and_null_handles(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);

  kg_result* r = NULL;
  CHECK(kg_connection_query(conn, "RETURN null AS n, [1, null] AS l, {a: null} AS m", NULL, &r) ==
        KG_OK);
  CHECK(kg_result_next(r));
  /* A null cell: every typed getter says KG_TYPE_ERROR and leaves *out alone. */
  int b = 7;
  int64_t i = 7;
  double d = 7;
  const char* s = "unchanged";
  CHECK(kg_result_is_null(r, 0));
  CHECK(kg_result_type(r, 0) == KG_TYPE_NULL);
  CHECK(kg_result_get_bool(r, 0, &b) == KG_TYPE_ERROR && b == 7);
  CHECK(kg_result_get_int(r, 0, &i) == KG_TYPE_ERROR && i == 7);
  CHECK(kg_result_get_float(r, 0, &d) == KG_TYPE_ERROR && d == 7);
  CHECK(kg_result_get_string(r, 0, &s) == KG_TYPE_ERROR);
  CHECK_STR(s, "unchanged");
  const kg_value* n = kg_result_get_value(r, 0);
  CHECK(n != NULL);
  CHECK(kg_value_get_type(n) == KG_TYPE_NULL);
  CHECK(kg_value_get_int(n, &i) == KG_TYPE_ERROR);
  char* text = kg_value_to_string(n);
  CHECK_STR(text, "null");
  kg_free(text);
  /* Nulls inside lists and maps. */
  const kg_value* l = kg_result_get_value(r, 1);
  CHECK(kg_value_list_size(l) == 2);
  CHECK(kg_value_get_type(kg_value_list_get(l, 1)) == KG_TYPE_NULL);
  const kg_value* m = kg_result_get_value(r, 2);
  CHECK(kg_value_map_get(m, "a") != NULL);
  CHECK(kg_value_get_type(kg_value_map_get(m, "a")) == KG_TYPE_NULL);
  /* A NULL out pointer is an argument error, not a crash. */
  CHECK(kg_result_get_int(r, 0, NULL) == KG_INVALID_ARGUMENT);
  CHECK(kg_value_get_string(l, NULL, NULL) == KG_INVALID_ARGUMENT);
  kg_result_destroy(r);

  /* NULL handles: neutral answers, never crashes. */
  CHECK(kg_result_error_code(NULL) == KG_INVALID_ARGUMENT);
  CHECK_STR(kg_result_error_message(NULL), "");
  CHECK(kg_result_next(NULL) == 0);
  CHECK(kg_result_column_count(NULL) == 0);
  CHECK(kg_result_row_count(NULL) == 0);
  CHECK(kg_result_get_int(NULL, 0, &i) == KG_INVALID_ARGUMENT);
  CHECK(kg_result_get_value(NULL, 0) == NULL);
  CHECK(kg_value_get_type(NULL) == KG_TYPE_NULL);
  CHECK(kg_value_get_int(NULL, &i) == KG_INVALID_ARGUMENT);
  CHECK(kg_value_list_size(NULL) == 0);
  CHECK(kg_value_map_get(NULL, "a") == NULL);
  CHECK(kg_value_to_string(NULL) == NULL);
  CHECK(kg_prepared_statement_error_code(NULL) == KG_INVALID_ARGUMENT);
  kg_prepared_statement* stmt = NULL;
  CHECK(kg_connection_prepare(NULL, "RETURN 1", &stmt) == KG_INVALID_ARGUMENT);
  CHECK(stmt != NULL);
  CHECK(kg_prepared_statement_execute(stmt, NULL, &r) == KG_INVALID_ARGUMENT);
  kg_result_destroy(r);
  kg_prepared_statement_destroy(stmt);
  kg_params_set_int(NULL, "x", 1);
  kg_params_destroy(NULL);
  kg_connection_interrupt(NULL);
  close_graph(db, conn);
}

static int file_contains(const char* path, const char* text) {
  static char buf[8192];
  FILE* f = fopen(path, "rb");
  if (f == NULL) return 0;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return strstr(buf, text) != NULL;
}

static void test_export_formats_and_errors(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);
  run(conn,
      "CREATE (:Company {name: 'AWS \"x\"'})-[:BUYS {units: 5}]->(:Product {name: 'Blackwell'}), "
      "(:Company {name: 'Groq'})");

  kg_export_summary summary;
  memset(&summary, 0, sizeof summary);
  char* err = NULL;
  char dot[512];
  snprintf(dot, sizeof dot, "%s", temp_path("g.dot"));
  CHECK(kg_database_export(db, KG_EXPORT_DOT, dot, NULL, NULL, &summary, &err) == KG_OK);
  CHECK(err == NULL);
  CHECK(summary.nodes == 3 && summary.relationships == 1);
  CHECK(file_contains(dot, "label=\"AWS \\\"x\\\"\\n:Company\""));

  /* A query's subgraph, with parameters. */
  kg_params* p = kg_params_create();
  kg_params_set_int(p, "units", 5);
  char jsonl[512];
  snprintf(jsonl, sizeof jsonl, "%s", temp_path("g.jsonl"));
  CHECK(kg_database_export(db, KG_EXPORT_JSONL, jsonl,
                           "MATCH p = ()-[:BUYS {units: $units}]->() RETURN p", p, &summary,
                           NULL) == KG_OK);
  CHECK(summary.nodes == 2 && summary.relationships == 1);
  CHECK(file_contains(jsonl, "\"label\":\"BUYS\""));
  kg_params_destroy(p);

  char csv[512];
  snprintf(csv, sizeof csv, "%s", temp_path("csv"));
  CHECK(kg_database_export(db, KG_EXPORT_CSV, csv, NULL, NULL, NULL, NULL) == KG_OK);
  CHECK(file_contains(temp_path("csv/nodes_Company.csv"), ":ID,:LABEL,name:string"));

  /* Errors: code and message. */
  CHECK(kg_database_export(db, KG_EXPORT_CSV, csv, NULL, NULL, NULL, &err) == KG_INVALID_ARGUMENT);
  CHECK(err != NULL && strstr(err, "not empty") != NULL);
  kg_free(err);
  err = NULL;
  CHECK(kg_database_export(db, KG_EXPORT_DOT, temp_path("no/such/dir/g.dot"), NULL, NULL, NULL,
                           &err) == KG_IO_ERROR);
  CHECK(err != NULL && strstr(err, "does not exist") != NULL);
  kg_free(err);
  CHECK(kg_database_export(db, (kg_export_format)9, dot, NULL, NULL, NULL, NULL) ==
        KG_INVALID_ARGUMENT);
  CHECK(kg_database_export(db, KG_EXPORT_DOT, dot, "MATCH (n) RETURN nope", NULL, NULL, NULL) !=
        KG_OK);
  CHECK(kg_database_export(NULL, KG_EXPORT_DOT, dot, NULL, NULL, NULL, NULL) ==
        KG_INVALID_ARGUMENT);
  CHECK(kg_database_export(db, KG_EXPORT_DOT, NULL, NULL, NULL, NULL, NULL) == KG_INVALID_ARGUMENT);
  close_graph(db, conn);
}

static void test_transactions_and_reopening(void) {
  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);
  run(conn, "BEGIN");
  run(conn, "CREATE (:T {v: 1})");
  run(conn, "ROLLBACK");
  run(conn, "BEGIN");
  run(conn, "CREATE (:T {v: 2})");
  run(conn, "COMMIT");
  close_graph(db, conn);

  kg_options* options = kg_options_create();
  kg_options_set_create_if_missing(options, 0);
  kg_options_set_sync_writes(options, 0);
  kg_options_set_block_cache_bytes(options, 8u << 20);
  kg_options_set_record_cache_bytes(options, 0);
  kg_options_set_busy_timeout_ms(options, 100);
  CHECK(kg_database_open(temp_path("graph"), options, &db, NULL) == KG_OK);
  kg_options_destroy(options);
  CHECK(kg_connection_open(db, &conn, NULL) == KG_OK);
  kg_result* r = NULL;
  CHECK(kg_connection_query(conn, "MATCH (t:T) RETURN collect(t.v) AS vs", NULL, &r) == KG_OK);
  CHECK(kg_result_next(r));
  char* text = kg_value_to_string(kg_result_get_value(r, 0));
  CHECK_STR(text, "[2]");
  kg_free(text);
  kg_result_destroy(r);
  close_graph(db, conn);
}

#ifdef KG_TEST_IMPORT
static void write_file(const char* name, const char* text) {
  FILE* f = fopen(temp_path(name), "w");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs(text, f);
  fclose(f);
}

static void test_import_csv(void) {
  write_file("companies.csv", ":ID,name:string,founded:int\naws,\"AWS\",2006\nnv,Nvidia,1993\n");
  write_file("buys.csv", ":START_ID,:END_ID,units:int\naws,nv,1000000\n");
  write_file("bad.csv", ":START_ID,:END_ID\naws,nobody\n");
  char companies[512], buys[512], bad[512];
  snprintf(companies, sizeof companies, "%s", temp_path("companies.csv"));
  snprintf(buys, sizeof buys, "%s", temp_path("buys.csv"));
  snprintf(bad, sizeof bad, "%s", temp_path("bad.csv"));

  kg_database* db;
  kg_connection* conn;
  open_graph(&db, &conn);

  /* A dangling :END_ID fails the whole import, which leaves the graph as it was. */
  kg_import_options* o = kg_import_options_create();
  kg_import_options_add_nodes(o, "Company", companies);
  kg_import_options_add_relationships(o, "BUYS", bad);
  char* err = NULL;
  CHECK(kg_database_import(db, o, NULL, &err) == KG_INVALID_ARGUMENT);
  CHECK(err != NULL && strstr(err, "bad.csv") != NULL);
  kg_free(err);
  kg_import_options_destroy(o);

  o = kg_import_options_create();
  kg_import_options_add_nodes(o, "Company", companies);
  kg_import_options_add_relationships(o, "BUYS", buys);
  kg_import_summary summary;
  memset(&summary, 0, sizeof summary);
  err = NULL;
  kg_code code = kg_database_import(db, o, &summary, &err);
  if (code != KG_OK) fprintf(stderr, "import failed: %s\n", err ? err : "?");
  CHECK(code == KG_OK);
  CHECK(err == NULL);
  CHECK(summary.nodes == 2);
  CHECK(summary.relationships == 1);
  kg_import_options_destroy(o);

  kg_result* r = NULL;
  CHECK(kg_connection_query(conn,
                            "MATCH (a:Company)-[b:BUYS]->(n:Company) RETURN a.name, b.units, "
                            "n.founded",
                            NULL, &r) == KG_OK);
  CHECK(kg_result_row_count(r) == 1);
  const char* s = NULL;
  int64_t units = 0, founded = 0;
  CHECK(kg_result_next(r));
  CHECK(kg_result_get_string(r, 0, &s) == KG_OK);
  CHECK_STR(s, "AWS");
  CHECK(kg_result_get_int(r, 1, &units) == KG_OK && units == 1000000);
  CHECK(kg_result_get_int(r, 2, &founded) == KG_OK && founded == 1993);
  kg_result_destroy(r);
  close_graph(db, conn);
}
#endif

/* ---- the runner ----------------------------------------------------------------------------- */

struct test_case {
  const char* name;
  void (*fn)(void);
};

#define TEST(fn) \
  { #fn, fn }
static const struct test_case tests[] = {
    TEST(test_names_and_version),
    TEST(test_open_failures_report_code_and_message),
    TEST(test_query_with_parameters_and_typed_getters),
    TEST(test_errors_carry_kind_detail_and_position),
    TEST(test_prepared_statements_run_with_new_parameters),
    TEST(test_lists_maps_and_strings),
    TEST(test_nodes_relationships_and_paths),
    TEST(test_null_values_and_null_handles),
    TEST(test_export_formats_and_errors),
    TEST(test_transactions_and_reopening),
#ifdef KG_TEST_IMPORT
    TEST(test_import_csv),
#endif
};

int main(int argc, char** argv) {
  const char* only = argc > 1 ? argv[1] : NULL;
  int ran = 0;
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; ++i) {
    if (only != NULL && strcmp(only, tests[i].name) != 0) continue;
    int before = failures;
    make_temp_dir();
    tests[i].fn();
    remove_temp_dir();
    printf("%s %s\n", failures == before ? "ok  " : "FAIL", tests[i].name);
    ++ran;
  }
  if (ran == 0) {
    fprintf(stderr, "no test named %s\n", only ? only : "");
    return 2;
  }
  return failures == 0 ? 0 : 1;
}
