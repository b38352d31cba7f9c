# What `cmake --install BUILD_DIR [--prefix PREFIX]` puts under the prefix (DESIGN.md §5):
#   lib/libkg.so*                  the library: C++ and C APIs and every layer below (kg_shared)
#   include/kg/*.hpp, kg.h         the public headers
#   bin/kg                         the command line
#   lib/cmake/kg/                  the CMake package: find_package(kg) → kg::kg
#   lib/pkgconfig/kg.pc            for pkg-config (C programs, Makefiles)
# tests/install/ builds samples/embed and samples/c against such a prefix.
include(CMakePackageConfigHelpers)

set(KG_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/kg)

install(TARGETS kg_shared EXPORT kgTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS kg_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kg DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${KG_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kgConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kgConfig.cmake INSTALL_DESTINATION ${KG_INSTALL_CMAKEDIR})
# 0.x: a new minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kgConfig.cmake ${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
  DESTINATION ${KG_INSTALL_CMAKEDIR})

# kg.pc finds the prefix from its own place (${pcfiledir}), so `cmake --install --prefix P`
# works for any P, not only the CMAKE_INSTALL_PREFIX configured here.
file(RELATIVE_PATH KG_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" KG_PC_TO_PREFIX "${KG_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/kg.pc.in ${PROJECT_BINARY_DIR}/kg.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kg.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
