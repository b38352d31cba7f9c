// The one catch-all of each public entry point: kg code does not throw, but the standard library
// can (std::bad_alloc), and nothing may escape into an application or across the C ABI.
#pragma once

#include <exception>
#include <string>

#include "kg/status.hpp"

namespace kg::api {

// Runs `f` and returns its Status or Result; an exception becomes kInternal.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return Status::internal(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return Status::internal("unexpected exception");
  }
}

}  // namespace kg::api
