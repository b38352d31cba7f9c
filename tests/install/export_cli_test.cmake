# Run by ctest (tests/install/CMakeLists.txt) with -P: `kg export` on the sample graph in every
# format, from the command line, with its help and errors (DESIGN.md §7, docs/export.md).
#   -DKG=<the kg binary> -DKG_SOURCE_DIR=<source tree> -DWORK_DIR=<scratch directory>

# Runs a command; `expected_rc` is its exit status. Sets `out` and `err` in the caller.
function(kg_run expected_rc)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT rc STREQUAL "${expected_rc}")
    message(FATAL_ERROR "exit status ${rc}, expected ${expected_rc}:\n${ARGN}\nstdout: ${o}\nstderr: ${e}")
  endif()
  set(out "${o}" PARENT_SCOPE)
  set(err "${e}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  string(FIND "${text}" "${pattern}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${pattern}\" in:\n${text}")
  endif()
endfunction()

function(expect_not text pattern)
  string(FIND "${text}" "${pattern}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "did not expect \"${pattern}\" in:\n${text}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(db ${WORK_DIR}/sample.db)
kg_run(0 ${KG} ${db} -f ${KG_SOURCE_DIR}/samples/seed/graph.cypher --format csv)

kg_run(0 ${KG} export --help)
expect("${out}" "usage: kg export DB_DIR")
expect("${out}" "csv|jsonl|cypher|dot")

# Every format.
kg_run(0 ${KG} export ${db} --format csv --out ${WORK_DIR}/csv)
expect("${out}" "exported 14 nodes and 23 relationships to ")
foreach(format jsonl cypher dot)
  kg_run(0 ${KG} export ${db} --format ${format} --out ${WORK_DIR}/sample.${format})
  expect("${out}" "exported 14 nodes and 23 relationships to ${WORK_DIR}/sample.${format}")
endforeach()

# The CSV files import back, the script re-runs, each to 14 nodes and 23 relationships.
file(GLOB node_files ${WORK_DIR}/csv/nodes*.csv)
file(GLOB rel_files ${WORK_DIR}/csv/relationships*.csv)
list(JOIN node_files "', '" node_list)
list(JOIN rel_files "', '" rel_list)
kg_run(0 ${KG} ${WORK_DIR}/from_csv.db --format csv
  -c "CALL kg.import({nodes: ['${node_list}'], relationships: ['${rel_list}']})")
kg_run(0 ${KG} ${WORK_DIR}/from_jsonl.db --format csv
  -c "CALL kg.import({jsonl: '${WORK_DIR}/sample.jsonl'})")
kg_run(0 ${KG} ${WORK_DIR}/from_cypher.db -f ${WORK_DIR}/sample.cypher --format csv)
set(count "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r")
foreach(copy from_csv from_jsonl from_cypher)
  kg_run(0 ${KG} ${WORK_DIR}/${copy}.db -c "${count}" --format csv)
  expect("${out}" "14,23")
endforeach()

# A query's subgraph, to stdout; the report goes to stderr.
kg_run(0 ${KG} export ${db} --format dot --out -
  --query "MATCH p = (:Company {name: $name})-[:BUYS]->() RETURN p" --param "name => 'AWS'")
expect("${out}" "digraph kg {")
expect("${out}" "Blackwell")
expect_not("${out}" "Trainium2")
expect("${err}" "exported 6 nodes and 5 relationships to stdout")

# Errors: clear, with exit status 2 for the command line and 1 for a failed export.
kg_run(2 ${KG} export ${db} --format xml --out ${WORK_DIR}/x.xml)
expect("${err}" "unknown format 'xml' (csv, jsonl, cypher, dot)")
kg_run(2 ${KG} export ${db} --format dot)
expect("${err}" "give --out PATH")
kg_run(2 ${KG} export)
expect("${err}" "DB_DIR is missing")
kg_run(1 ${KG} export ${db} --format dot --out ${WORK_DIR}/no/such/dir/x.dot)
expect("${err}" "kg export: IOError: cannot write ${WORK_DIR}/no/such/dir/x.dot")
expect("${err}" "does not exist")
kg_run(1 ${KG} export ${db} --format csv --out ${WORK_DIR}/csv)
expect("${err}" "not empty")
kg_run(1 ${KG} export ${WORK_DIR}/missing.db --format dot --out ${WORK_DIR}/m.dot)
expect("${err}" "cannot open ${WORK_DIR}/missing.db")
if(EXISTS ${WORK_DIR}/missing.db)
  message(FATAL_ERROR "kg export created the graph it was to export")
endif()
kg_run(1 ${KG} export ${db} --format dot --out ${WORK_DIR}/q.dot --query "MATCH (n) RETURN nope")
expect("${err}" "kg export: ")

# Graphviz draws the DOT file, when it is installed.
find_program(DOT dot)
if(DOT)
  kg_run(0 ${DOT} -Tsvg ${WORK_DIR}/sample.dot -o ${WORK_DIR}/sample.svg)
else()
  message(STATUS "Graphviz's dot is not installed: sample.dot is not drawn")
endif()

file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "export CLI test passed")
