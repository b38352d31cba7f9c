# Run by ctest (tests/install/CMakeLists.txt) with -P: installs the build tree into
# WORK_DIR/prefix and checks what is there: the library, the headers (each compiles alone and
# includes only installed headers), the kg binary (it exports), the CMake package and kg.pc.
# Then builds samples/embed (find_package(kg), kg::kg) and samples/c (pkg-config, through CMake
# and through a plain `cc $(pkg-config --cflags --libs kg)`) against that prefix alone, runs
# them on the sample CSV files and checks what they print.

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  string(FIND "${text}" "${pattern}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${pattern}\" in:\n${text}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

run("cmake --install" ${CMAKE_COMMAND} --install ${KG_BUILD_DIR} --prefix ${prefix})

# LIBDIR: the build's CMAKE_INSTALL_LIBDIR ("lib", or "lib64" on some systems).
foreach(f
    bin/kg
    include/kg/kg.h
    include/kg/kg.hpp
    include/kg/export.hpp
    include/kg/import.hpp)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "${f} is not installed")
  endif()
endforeach()
file(GLOB libs ${prefix}/${LIBDIR}/libkg.so*)
file(GLOB configs ${prefix}/${LIBDIR}/cmake/kg/kgConfig.cmake)
file(GLOB pcs ${prefix}/${LIBDIR}/pkgconfig/kg.pc)
if(NOT libs OR NOT configs OR NOT pcs)
  message(FATAL_ERROR "the library, its CMake package or kg.pc is not installed in ${prefix}")
endif()

# The installed headers stand alone: each includes only installed headers (kg/...) and the
# standard library, and compiles by itself against the prefix (kg.h also as C).
file(GLOB headers RELATIVE ${prefix}/include ${prefix}/include/kg/*)
set(self_contained ${WORK_DIR}/headers)
file(MAKE_DIRECTORY ${self_contained})
foreach(h ${headers})
  file(STRINGS ${prefix}/include/${h} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line ${includes})
    string(REGEX REPLACE ".*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" inc "${line}")
    if(NOT EXISTS ${prefix}/include/${inc})
      message(FATAL_ERROR "the installed ${h} includes \"${inc}\", which is not installed")
    endif()
  endforeach()
  # A library's header (<rocksdb/db.h>, <boost/...>) would make applications need that library's
  # headers too.
  file(STRINGS ${prefix}/include/${h} system_includes REGEX "^[ \t]*#[ \t]*include[ \t]*<[^>]*/")
  foreach(line ${system_includes})
    if(NOT line MATCHES "<kg/")
      message(FATAL_ERROR "the installed ${h} includes another library's header: ${line}")
    endif()
  endforeach()
  string(MAKE_C_IDENTIFIER ${h} id)
  file(WRITE ${self_contained}/${id}.cpp "#include <${h}>\n#include <${h}>\nint main() {}\n")
  run("compiling ${h} alone" ${CXX_COMPILER} -std=c++20 -fsyntax-only -Wall -Werror
      -I${prefix}/include ${self_contained}/${id}.cpp)
endforeach()
file(WRITE ${self_contained}/kg_h.c "#include <kg/kg.h>\nint main(void) { return 0; }\n")
run("compiling kg/kg.h as C" ${C_COMPILER} -std=c99 -pedantic -fsyntax-only -Wall -Werror
    -I${prefix}/include ${self_contained}/kg_h.c)

# The samples see the installed prefix and the system, not this source or build tree.
set(common
  -G ${GENERATOR}
  -DCMAKE_PREFIX_PATH=${prefix}
  -DCMAKE_C_COMPILER=${C_COMPILER}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  -DCMAKE_BUILD_TYPE=Release)
if(EXTRA_FLAGS)
  list(APPEND common "-DCMAKE_C_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}"
       "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
endif()
set(csv ${KG_SOURCE_DIR}/samples/seed/csv)

run("configuring samples/embed" ${CMAKE_COMMAND} -S ${KG_SOURCE_DIR}/samples/embed
    -B ${WORK_DIR}/embed ${common})
run("building samples/embed" ${CMAKE_COMMAND} --build ${WORK_DIR}/embed)
run("kg_embed" ${WORK_DIR}/embed/kg_embed ${WORK_DIR}/embed.db ${csv})
expect("${last_output}" "imported 14 nodes and 23 relationships")
expect("${last_output}" "Blackwell, 1000000 units, 2025-2027")
expect("${last_output}" "What does Amazon make? Trainium2;")
expect("${last_output}" "A typo: SyntaxError at 1:26")
# A second run finds the graph and does not import again.
run("kg_embed again" ${WORK_DIR}/embed/kg_embed ${WORK_DIR}/embed.db ${csv})
string(FIND "${last_output}" "imported" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "kg_embed imported into a graph that had the sample already")
endif()

run("configuring samples/c" ${CMAKE_COMMAND} -S ${KG_SOURCE_DIR}/samples/c -B ${WORK_DIR}/c
    ${common})
run("building samples/c" ${CMAKE_COMMAND} --build ${WORK_DIR}/c)
run("kg_c_sample" ${WORK_DIR}/c/kg_c_sample ${WORK_DIR}/c.db ${csv})
expect("${last_output}" "imported 14 nodes and 23 relationships")
expect("${last_output}" "Blackwell, 1000000 units")
expect("${last_output}" "What does Nvidia make? Blackwell; ConnectX; Groq inference processor;")
expect("${last_output}" "(SyntaxError, line 1, column 26)")

# samples/c without CMake, as its comment says: cc main.c $(pkg-config --cflags --libs kg).
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(pc_env ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig)
  run("pkg-config kg" ${pc_env} ${PKG_CONFIG} --cflags --libs kg)
  string(STRIP "${last_output}" pc_flags)
  separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
  expect("${last_output}" "-lkg")
  run("cc samples/c/main.c $(pkg-config ...)" ${C_COMPILER} -std=c11 ${EXTRA_FLAGS}
      ${KG_SOURCE_DIR}/samples/c/main.c ${pc_flags}
      -Wl,-rpath,${prefix}/${LIBDIR} -o ${WORK_DIR}/kg_c_plain)
  run("kg_c_plain" ${WORK_DIR}/kg_c_plain ${WORK_DIR}/c_plain.db ${csv})
  expect("${last_output}" "imported 14 nodes and 23 relationships")
else()
  message(STATUS "pkg-config is not installed: samples/c is not built without CMake")
endif()

# The installed kg binary runs, and exports.
run("kg export" ${prefix}/bin/kg export ${WORK_DIR}/embed.db --format dot
    --out ${WORK_DIR}/sample.dot)
expect("${last_output}" "exported 14 nodes and 23 relationships")
file(READ ${WORK_DIR}/sample.dot dot)
expect("${dot}" "label=\"AWS\\n:Company\"")

# The installed kg binary runs.
run("kg --version" ${prefix}/bin/kg ${WORK_DIR}/embed.db -c "MATCH (n) RETURN count(n) AS n"
    --format csv)
expect("${last_output}" "14")

file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "install test passed")
