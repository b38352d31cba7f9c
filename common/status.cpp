#include "kg/status.hpp"

namespace kg {

std::string_view status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kSyntaxError:
      return "SyntaxError";
    case StatusCode::kSemanticError:
      return "SemanticError";
    case StatusCode::kTypeError:
      return "TypeError";
    case StatusCode::kArgumentError:
      return "ArgumentError";
    case StatusCode::kArithmeticError:
      return "ArithmeticError";
    case StatusCode::kEntityNotFound:
      return "EntityNotFound";
    case StatusCode::kParameterMissing:
      return "ParameterMissing";
    case StatusCode::kConstraintVerificationFailed:
      return "ConstraintVerificationFailed";
    case StatusCode::kConstraintValidationFailed:
      return "ConstraintValidationFailed";
    case StatusCode::kProcedureError:
      return "ProcedureError";
    case StatusCode::kIOError:
      return "IOError";
    case StatusCode::kCorruption:
      return "Corruption";
    case StatusCode::kBusy:
      return "Busy";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kNotFound:
      return "NotFound";
    case StatusCode::kNotSupported:
      return "NotSupported";
    case StatusCode::kInternal:
      return "InternalError";
    case StatusCode::kInterrupted:
      return "Interrupted";
  }
  return "UnknownError";
}

std::string Status::to_string() const {
  if (ok()) return "OK";
  std::string s(status_code_name(code_));
  if (pos_.known()) s += " at " + std::to_string(pos_.line) + ":" + std::to_string(pos_.column);
  s += ": ";
  s += message_;
  return s;
}

Status Status::with_context(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_, pos_, detail_);
}

}  // namespace kg
