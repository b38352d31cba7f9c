/* kg.h: the C API of kg, an embedded knowledge-graph database (DESIGN.md §5).
 *
 * A thin layer over the C++ API (kg/kg.hpp) so that any language can bind kg. Link with -lkg
 * (pkg-config kg) or kg::kg (CMake find_package(kg)).
 *
 *   kg_database* db;
 *   kg_connection* conn;
 *   kg_result* r;
 *   char* err = NULL;
 *   if (kg_database_open("graph.db", NULL, &db, &err) != KG_OK) { puts(err); kg_free(err); }
 *   kg_connection_open(db, &conn, NULL);
 *   kg_params* p = kg_params_create();
 *   kg_params_set_string(p, "name", "AWS");
 *   if (kg_connection_query(conn, "MATCH (c {name: $name})-[:BUYS]->(x) RETURN x.name", p, &r)
 *       != KG_OK)
 *     puts(kg_result_error_message(r));
 *   while (kg_result_next(r)) {
 *     const char* name;
 *     if (kg_result_get_string(r, 0, &name) == KG_OK) puts(name);
 *   }
 *   kg_result_destroy(r);
 *   kg_params_destroy(p);
 *   kg_connection_close(conn);
 *   kg_database_close(db);
 *
 * Conventions, for every function below:
 *
 *  - Return codes. A function that can fail returns a kg_code: KG_OK (0) on success, else the
 *    kind of failure. The numbers are those of kg::StatusCode and are part of the ABI: they are
 *    never renumbered, only appended to.
 *
 *  - Handles are opaque. Each is made by one function and released by the one its type's comment
 *    names (kg_database_close, kg_connection_close, kg_result_destroy, ...); every release
 *    function accepts NULL. A handle must outlive the handles made from it (a database its
 *    connections, a connection its prepared statements); results and values do not depend on
 *    anything once made.
 *
 *  - Errors. Results and prepared statements carry their own error: kg_connection_query,
 *    kg_prepared_statement_execute and kg_connection_prepare store a handle in their out
 *    parameter even when they fail, and that handle must be destroyed all the same (as
 *    duckdb_query does). Other functions that fail store NULL in their handle out parameter and,
 *    when their `errmsg` argument is not NULL, a message in *errmsg to free with kg_free (NULL on
 *    success).
 *
 *  - Strings. Strings passed in are UTF-8, NUL-terminated and copied when kept. Strings returned
 *    as `const char*` are borrowed: they stay valid as long as the handle they came from. Strings
 *    returned as `char*` are the caller's: free them with kg_free.
 *
 *  - Values (kg_value) are borrowed views into a result: valid until kg_result_destroy.
 *
 *  - Nothing throws or aborts across this API; a failure inside kg that no code foresaw
 *    becomes KG_INTERNAL.
 *
 *  - Thread-safety: as in C++. A database may be shared by threads; a connection, its prepared
 *    statements and results are used by one thread at a time (kg_connection_interrupt excepted).
 */
#ifndef KG_KG_H_
#define KG_KG_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define KG_EXPORT __attribute__((visibility("default")))
#else
#define KG_EXPORT
#endif

/* ---- codes, versions, memory ---------------------------------------------------------------- */

/* The kinds of failure: kg::StatusCode's values. DO NOT RENUMBER, only append. */
typedef enum kg_code {
  KG_OK = 0,
  KG_SYNTAX_ERROR = 1,
  KG_SEMANTIC_ERROR = 2,
  KG_TYPE_ERROR = 3,
  KG_ARGUMENT_ERROR = 4,
  KG_ARITHMETIC_ERROR = 5,
  KG_ENTITY_NOT_FOUND = 6,
  KG_PARAMETER_MISSING = 7,
  KG_CONSTRAINT_VERIFICATION_FAILED = 8,
  KG_CONSTRAINT_VALIDATION_FAILED = 9,
  KG_PROCEDURE_ERROR = 10,
  KG_IO_ERROR = 20,
  KG_CORRUPTION = 21,
  KG_BUSY = 22,
  KG_INVALID_ARGUMENT = 23,
  KG_NOT_FOUND = 24,
  KG_NOT_SUPPORTED = 25,
  KG_INTERNAL = 26,
  KG_INTERRUPTED = 27
} kg_code;

/* The types of values: kg::ValueType's values. DO NOT RENUMBER, only append. */
typedef enum kg_value_type {
  KG_TYPE_NULL = 0,
  KG_TYPE_BOOL = 1,
  KG_TYPE_INT = 2,
  KG_TYPE_FLOAT = 3,
  KG_TYPE_STRING = 4,
  KG_TYPE_LIST = 5,
  KG_TYPE_MAP = 6,
  KG_TYPE_NODE = 7,
  KG_TYPE_RELATIONSHIP = 8,
  KG_TYPE_PATH = 9
} kg_value_type;

/* "MAJOR.MINOR.PATCH" of the library (not of this header). */
KG_EXPORT const char* kg_version(void);
/* The name users see for a code: "SyntaxError", "IOError", ...; "Unknown" for other numbers. */
KG_EXPORT const char* kg_code_name(kg_code code);
/* "NULL", "INTEGER", "NODE", ... */
KG_EXPORT const char* kg_value_type_name(kg_value_type type);
/* Frees what a kg function returned as "free with kg_free". NULL is allowed. */
KG_EXPORT void kg_free(void* ptr);

/* ---- database ------------------------------------------------------------------------------- */

/* Options for kg_database_open; NULL options mean the defaults. Destroy with
 * kg_options_destroy. The setters mirror kg::Options' fields (kg/options.hpp). */
typedef struct kg_options kg_options;
KG_EXPORT kg_options* kg_options_create(void);
KG_EXPORT void kg_options_destroy(kg_options* options);
/* Default 1: create the graph when the directory is missing or empty (else KG_NOT_FOUND). */
KG_EXPORT void kg_options_set_create_if_missing(kg_options* options, int value);
/* Default 1: sync the write-ahead log on every commit. */
KG_EXPORT void kg_options_set_sync_writes(kg_options* options, int value);
/* Default 512 MiB: the block cache, filled as blocks are read (see kg/options.hpp). */
KG_EXPORT void kg_options_set_block_cache_bytes(kg_options* options, uint64_t bytes);
/* Default 384 MiB: index lookups, node records and adjacency lists kept for the next reads, 0 for
 * none (see kg/options.hpp). */
KG_EXPORT void kg_options_set_record_cache_bytes(kg_options* options, uint64_t bytes);
/* Default 5000: how long a writer waits for another before KG_BUSY. */
KG_EXPORT void kg_options_set_busy_timeout_ms(kg_options* options, uint32_t ms);

/* An open graph. Close with kg_database_close, after its connections. */
typedef struct kg_database kg_database;

/* Opens (creating it when missing, by default) the graph in directory `path`.
 * Errors: KG_INVALID_ARGUMENT (not a kg graph), KG_BUSY (locked by another process),
 * KG_NOT_FOUND, KG_IO_ERROR, KG_CORRUPTION. */
KG_EXPORT kg_code kg_database_open(const char* path, const kg_options* options,
                                   kg_database** out_db, char** errmsg);
KG_EXPORT void kg_database_close(kg_database* db);

/* ---- connections and queries ---------------------------------------------------------------- */

/* Runs Cypher on a database; see kg::Connection. Close with kg_connection_close, after its
 * prepared statements (results may outlive it). */
typedef struct kg_connection kg_connection;

KG_EXPORT kg_code kg_connection_open(kg_database* db, kg_connection** out_conn, char** errmsg);
/* Rolls back a transaction that BEGIN opened and not yet ended. */
KG_EXPORT void kg_connection_close(kg_connection* conn);
/* Asks the running statement to stop (it fails with KG_INTERRUPTED). Callable from another
 * thread or a signal handler. */
KG_EXPORT void kg_connection_interrupt(kg_connection* conn);

/* Parameters for $name in a statement: a map from names to values. Setting a name again
 * replaces its value. Destroy with kg_params_destroy. */
typedef struct kg_params kg_params;
typedef struct kg_value kg_value;

KG_EXPORT kg_params* kg_params_create(void);
KG_EXPORT void kg_params_destroy(kg_params* params);
KG_EXPORT void kg_params_clear(kg_params* params);
KG_EXPORT void kg_params_set_null(kg_params* params, const char* name);
KG_EXPORT void kg_params_set_bool(kg_params* params, const char* name, int value);
KG_EXPORT void kg_params_set_int(kg_params* params, const char* name, int64_t value);
KG_EXPORT void kg_params_set_float(kg_params* params, const char* name, double value);
KG_EXPORT void kg_params_set_string(kg_params* params, const char* name, const char* value);
/* A string of `length` bytes (it may hold NUL bytes). */
KG_EXPORT void kg_params_set_string_n(kg_params* params, const char* name, const char* value,
                                      size_t length);
KG_EXPORT void kg_params_set_int_list(kg_params* params, const char* name, const int64_t* values,
                                      size_t count);
KG_EXPORT void kg_params_set_float_list(kg_params* params, const char* name, const double* values,
                                        size_t count);
KG_EXPORT void kg_params_set_string_list(kg_params* params, const char* name,
                                         const char* const* values, size_t count);
/* A copy of a value from a result (a node, a list, ...). */
KG_EXPORT void kg_params_set_value(kg_params* params, const char* name, const kg_value* value);

/* What a statement returned; see "results" below. Destroy with kg_result_destroy. */
typedef struct kg_result kg_result;

/* Runs one statement (a trailing ';' is allowed) with `params` (NULL for none). Stores a result
 * in *out_result even when the statement failed, and returns its code: the result then holds the
 * error (kg_result_error_message) and the graph is as it was before. */
KG_EXPORT kg_code kg_connection_query(kg_connection* conn, const char* statement,
                                      const kg_params* params, kg_result** out_result);

/* ---- prepared statements -------------------------------------------------------------------- */

/* A statement parsed and planned once, run many times. Destroy with
 * kg_prepared_statement_destroy, before its connection is closed. */
typedef struct kg_prepared_statement kg_prepared_statement;

/* Stores a statement in *out_stmt even when it does not parse or plan; the statement then holds
 * the error and every execution returns it. Returns the statement's code. */
KG_EXPORT kg_code kg_connection_prepare(kg_connection* conn, const char* statement,
                                        kg_prepared_statement** out_stmt);
KG_EXPORT kg_code kg_prepared_statement_error_code(const kg_prepared_statement* stmt);
/* "" when the statement prepared; else as kg_result_error_message. */
KG_EXPORT const char* kg_prepared_statement_error_message(const kg_prepared_statement* stmt);
/* Like kg_connection_query. */
KG_EXPORT kg_code kg_prepared_statement_execute(kg_prepared_statement* stmt,
                                                const kg_params* params, kg_result** out_result);
KG_EXPORT void kg_prepared_statement_destroy(kg_prepared_statement* stmt);

/* ---- results -------------------------------------------------------------------------------- */

KG_EXPORT void kg_result_destroy(kg_result* result);

/* The error of a failed statement, KG_OK otherwise. */
KG_EXPORT kg_code kg_result_error_code(const kg_result* result);
/* The whole error as people read it, "SemanticError at 1:18: Variable `x` not defined"; "" when
 * the statement succeeded. */
KG_EXPORT const char* kg_result_error_message(const kg_result* result);
/* The openCypher detail code ("UndefinedVariable") or "". */
KG_EXPORT const char* kg_result_error_detail(const kg_result* result);
/* The 1-based line and column of the error in the statement; 0 when it has none. */
KG_EXPORT uint32_t kg_result_error_line(const kg_result* result);
KG_EXPORT uint32_t kg_result_error_column(const kg_result* result);

KG_EXPORT size_t kg_result_column_count(const kg_result* result);
/* The name of column `column` (the RETURN alias or expression text); NULL when out of range. */
KG_EXPORT const char* kg_result_column_name(const kg_result* result, size_t column);
KG_EXPORT size_t kg_result_row_count(const kg_result* result);
/* What the statement changed, "created 2 nodes, set 3 properties", or "". */
KG_EXPORT const char* kg_result_summary(const kg_result* result);
/* Counts of what the statement changed. */
typedef enum kg_counter {
  KG_NODES_CREATED = 0,
  KG_NODES_DELETED = 1,
  KG_RELATIONSHIPS_CREATED = 2,
  KG_RELATIONSHIPS_DELETED = 3,
  KG_PROPERTIES_SET = 4,
  KG_LABELS_ADDED = 5,
  KG_LABELS_REMOVED = 6
} kg_counter;
KG_EXPORT uint64_t kg_result_counter(const kg_result* result, kg_counter counter);

/* Rows are read with a cursor that starts before the first row: kg_result_next moves it to the
 * next row and returns 1, or returns 0 after the last. kg_result_reset moves it back before the
 * first row. */
KG_EXPORT int kg_result_next(kg_result* result);
KG_EXPORT void kg_result_reset(kg_result* result);

/* Typed getters of the current row's column `column`. They return KG_OK and store the value, or
 * KG_TYPE_ERROR when the value has another type (a null included: test with kg_result_is_null),
 * or KG_INVALID_ARGUMENT when there is no current row or no such column; *out is then left as
 * it was. Integers and floats are distinct: kg_result_get_float fails on an integer. */
KG_EXPORT kg_value_type kg_result_type(const kg_result* result, size_t column);
KG_EXPORT int kg_result_is_null(const kg_result* result, size_t column);
KG_EXPORT kg_code kg_result_get_bool(const kg_result* result, size_t column, int* out);
KG_EXPORT kg_code kg_result_get_int(const kg_result* result, size_t column, int64_t* out);
KG_EXPORT kg_code kg_result_get_float(const kg_result* result, size_t column, double* out);
/* A borrowed NUL-terminated string (see kg_value_get_string for its length). */
KG_EXPORT kg_code kg_result_get_string(const kg_result* result, size_t column, const char** out);
/* The value itself, for lists, maps, nodes, relationships and paths; NULL when there is no
 * current row or no such column. */
KG_EXPORT const kg_value* kg_result_get_value(const kg_result* result, size_t column);

/* ---- values --------------------------------------------------------------------------------- */

/* Borrowed from their result. Getters return KG_OK or KG_TYPE_ERROR as the result's do. */
KG_EXPORT kg_value_type kg_value_get_type(const kg_value* value);
KG_EXPORT kg_code kg_value_get_bool(const kg_value* value, int* out);
KG_EXPORT kg_code kg_value_get_int(const kg_value* value, int64_t* out);
KG_EXPORT kg_code kg_value_get_float(const kg_value* value, double* out);
/* *out is NUL-terminated; *out_length (when not NULL) is its length in bytes. */
KG_EXPORT kg_code kg_value_get_string(const kg_value* value, const char** out, size_t* out_length);
/* The value as kg prints it ("AWS", "[1, 2]", "(:Company {name: 'AWS'})"). Free with kg_free. */
KG_EXPORT char* kg_value_to_string(const kg_value* value);

/* Lists: the number of elements (0 for other types) and element `i` (NULL when out of range). */
KG_EXPORT size_t kg_value_list_size(const kg_value* value);
KG_EXPORT const kg_value* kg_value_list_get(const kg_value* value, size_t i);

/* Maps, and the properties of nodes and relationships: the number of entries (0 for other
 * types), the key and value of entry `i` in key order (NULL when out of range; O(i)), and the
 * value of a key (NULL when absent). */
KG_EXPORT size_t kg_value_map_size(const kg_value* value);
KG_EXPORT const char* kg_value_map_key(const kg_value* value, size_t i);
KG_EXPORT const kg_value* kg_value_map_value(const kg_value* value, size_t i);
KG_EXPORT const kg_value* kg_value_map_get(const kg_value* value, const char* key);

/* Nodes and relationships: the stored id (what Cypher's id() returns). */
KG_EXPORT kg_code kg_value_get_id(const kg_value* value, uint64_t* out);
/* A node's labels: how many, and label `i` (NULL when out of range or not a node). */
KG_EXPORT size_t kg_value_node_label_count(const kg_value* value);
KG_EXPORT const char* kg_value_node_label(const kg_value* value, size_t i);
/* A relationship's type (NULL when not a relationship) and the ids of its start and end nodes. */
KG_EXPORT const char* kg_value_relationship_type(const kg_value* value);
KG_EXPORT kg_code kg_value_relationship_start(const kg_value* value, uint64_t* out);
KG_EXPORT kg_code kg_value_relationship_end(const kg_value* value, uint64_t* out);
/* A path's length in relationships, its node `i` (0..length) and relationship `i`
 * (0..length-1); NULL when out of range or not a path. */
KG_EXPORT size_t kg_value_path_length(const kg_value* value);
KG_EXPORT const kg_value* kg_value_path_node(const kg_value* value, size_t i);
KG_EXPORT const kg_value* kg_value_path_relationship(const kg_value* value, size_t i);

/* ---- import --------------------------------------------------------------------------------- */

/* What kg_database_import reads (see kg::ImportOptions). Destroy with
 * kg_import_options_destroy. */
typedef struct kg_import_options kg_import_options;

KG_EXPORT kg_import_options* kg_import_options_create(void);
KG_EXPORT void kg_import_options_destroy(kg_import_options* options);
/* A CSV file of nodes in neo4j-admin's format (`:ID`, `:LABEL`, `name:type` columns). `labels`
 * ("Company" or "Product:Chip", NULL for none) are given to every node of the file besides
 * those of its :LABEL column. */
KG_EXPORT void kg_import_options_add_nodes(kg_import_options* options, const char* labels,
                                           const char* file);
/* A CSV file of relationships (`:START_ID`, `:END_ID`, `:TYPE`, property columns); `type`
 * (NULL for none) applies when the file has no :TYPE column. */
KG_EXPORT void kg_import_options_add_relationships(kg_import_options* options, const char* type,
                                                   const char* file);
KG_EXPORT void kg_import_options_add_jsonl(kg_import_options* options, const char* file);
KG_EXPORT void kg_import_options_add_ntriples(kg_import_options* options, const char* file);
/* Defaults ',', ';' and '"'. */
KG_EXPORT void kg_import_options_set_delimiter(kg_import_options* options, char delimiter);
KG_EXPORT void kg_import_options_set_array_delimiter(kg_import_options* options, char delimiter);
KG_EXPORT void kg_import_options_set_quote(kg_import_options* options, char quote);
/* Default 0: skip (and count) what would otherwise fail the import. */
KG_EXPORT void kg_import_options_set_skip_bad_relationships(kg_import_options* options, int skip);
KG_EXPORT void kg_import_options_set_skip_duplicate_nodes(kg_import_options* options, int skip);
/* Called now and then while the import runs, on the importing thread. */
typedef void (*kg_import_progress_fn)(void* user_data, const char* phase, uint64_t rows,
                                      uint64_t bytes_read, uint64_t bytes_total);
KG_EXPORT void kg_import_options_set_progress(kg_import_options* options, kg_import_progress_fn fn,
                                              void* user_data);

/* What an import did. */
typedef struct kg_import_summary {
  uint64_t nodes;
  uint64_t relationships;
  uint64_t properties;
  uint64_t skipped_nodes;
  uint64_t skipped_relationships;
  uint64_t bytes_read;
  double seconds;
} kg_import_summary;

/* Imports every file of `options` in one atomic step: on failure the graph is as it was.
 * `summary` may be NULL. Errors: KG_INVALID_ARGUMENT "file:line: reason" for bad input,
 * KG_NOT_FOUND for a missing file, KG_BUSY when a write transaction is open, KG_IO_ERROR. */
KG_EXPORT kg_code kg_database_import(kg_database* db, const kg_import_options* options,
                                     kg_import_summary* summary, char** errmsg);

/* ---- export --------------------------------------------------------------------------------- */

/* The formats of kg_database_export (docs/export.md). DO NOT RENUMBER, only append. */
typedef enum kg_export_format {
  KG_EXPORT_CSV = 0,    /* a directory of CSV files in the importer's format */
  KG_EXPORT_JSONL = 1,  /* one JSON object per node and relationship */
  KG_EXPORT_CYPHER = 2, /* a Cypher script that recreates the graph */
  KG_EXPORT_DOT = 3,    /* Graphviz DOT, for pictures */
  /* Not a format: makes the enum int-sized, so that a caller's out-of-range value is an error
     reported by kg_database_export rather than undefined behaviour in C++. */
  KG_EXPORT_FORMAT_MAX_ = 0x7fffffff
} kg_export_format;

/* What an export wrote. */
typedef struct kg_export_summary {
  uint64_t nodes;
  uint64_t relationships;
} kg_export_summary;

/* Writes the graph, or with `query` (NULL for none) only the nodes, relationships and paths it
 * returns and the end nodes of its relationships, to `out`: a directory for KG_EXPORT_CSV
 * (created when missing, refused when not empty), a file for the others ("-" for stdout).
 * `params` (NULL for none) are the query's parameters; `summary` may be NULL. On failure nothing
 * is left half-written. Errors: KG_INVALID_ARGUMENT (no or wrong output), KG_IO_ERROR (a path
 * that cannot be written), KG_NOT_SUPPORTED (a value the format cannot hold, such as a map in
 * CSV), and the query's own errors. */
KG_EXPORT kg_code kg_database_export(kg_database* db, kg_export_format format, const char* out,
                                     const char* query, const kg_params* params,
                                     kg_export_summary* summary, char** errmsg);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KG_KG_H_ */
