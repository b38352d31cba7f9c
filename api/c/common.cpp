// The C API's functions that belong to no handle: versions, names, kg_free.
#include <cstdlib>

#include "api/c/c_api.hpp"
#include "kg/kg.hpp"

// kg.h repeats kg::StatusCode's and kg::ValueType's numbers; they must agree.
#define KG_SAME(c, cpp) static_assert(static_cast<int>(c) == static_cast<int>(cpp))
KG_SAME(KG_SYNTAX_ERROR, kg::StatusCode::kSyntaxError);
KG_SAME(KG_PROCEDURE_ERROR, kg::StatusCode::kProcedureError);
KG_SAME(KG_IO_ERROR, kg::StatusCode::kIOError);
KG_SAME(KG_NOT_SUPPORTED, kg::StatusCode::kNotSupported);
KG_SAME(KG_INTERRUPTED, kg::StatusCode::kInterrupted);
KG_SAME(KG_TYPE_BOOL, kg::ValueType::kBool);
KG_SAME(KG_TYPE_MAP, kg::ValueType::kMap);
KG_SAME(KG_TYPE_PATH, kg::ValueType::kPath);
#undef KG_SAME

extern "C" {

const char* kg_version(void) { return kg::version(); }

const char* kg_code_name(kg_code code) {
  // status_code_name returns views of string literals, so .data() is NUL-terminated.
  switch (code) {
    case KG_OK:
    case KG_SYNTAX_ERROR:
    case KG_SEMANTIC_ERROR:
    case KG_TYPE_ERROR:
    case KG_ARGUMENT_ERROR:
    case KG_ARITHMETIC_ERROR:
    case KG_ENTITY_NOT_FOUND:
    case KG_PARAMETER_MISSING:
    case KG_CONSTRAINT_VERIFICATION_FAILED:
    case KG_CONSTRAINT_VALIDATION_FAILED:
    case KG_PROCEDURE_ERROR:
    case KG_IO_ERROR:
    case KG_CORRUPTION:
    case KG_BUSY:
    case KG_INVALID_ARGUMENT:
    case KG_NOT_FOUND:
    case KG_NOT_SUPPORTED:
    case KG_INTERNAL:
    case KG_INTERRUPTED:
      return kg::status_code_name(static_cast<kg::StatusCode>(code)).data();
  }
  return "Unknown";
}

const char* kg_value_type_name(kg_value_type type) {
  if (type < KG_TYPE_NULL || type > KG_TYPE_PATH) return "Unknown";
  return kg::value_type_name(static_cast<kg::ValueType>(type)).data();
}

void kg_free(void* ptr) { std::free(ptr); }

}  // extern "C"
