// libFuzzer's entry point for one target: KG_FUZZ_ENTRY names its kg::fuzz::run_* function
// (tests/fuzz/CMakeLists.txt compiles this file once per target).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kg::fuzz::KG_FUZZ_ENTRY(data, size);
  return 0;
}
