// kg::Status and kg::Result<T>: errors are values in kg; no kg function throws.
//
// A Status is a code, an optional openCypher detail code (e.g. "UndefinedVariable"), a message and
// an optional source position. A Result<T> holds either a T or a non-ok Status; its member names
// follow std::expected (has_value, value, error) so it can be replaced by it once the project moves
// to C++23.
//
// Thread-safety: plain values; const access from several threads is safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace kg {

// What kind of failure a Status reports. The first group are openCypher's error types (the TCK's
// vocabulary); the second are storage and API conditions.
// The numeric values are part of the C API's ABI: DO NOT RENUMBER, only append.
enum class StatusCode : int {
  kOk = 0,
  kSyntaxError = 1,
  kSemanticError = 2,
  kTypeError = 3,
  kArgumentError = 4,
  kArithmeticError = 5,
  kEntityNotFound = 6,
  kParameterMissing = 7,
  kConstraintVerificationFailed = 8,
  kConstraintValidationFailed = 9,
  kProcedureError = 10,
  kIOError = 20,
  kCorruption = 21,
  kBusy = 22,
  kInvalidArgument = 23,
  kNotFound = 24,
  kNotSupported = 25,
  kInternal = 26,
  kInterrupted = 27,
};

// The name of a code as users see it: "SyntaxError", "IOError", ...
std::string_view status_code_name(StatusCode code);

// A 1-based position in a statement or a file. Line 0 means "no position".
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
  bool known() const { return line != 0; }
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message, SourcePos pos = {}, std::string detail = {})
      : code_(code), message_(std::move(message)), detail_(std::move(detail)), pos_(pos) {}

  static Status ok_status() { return Status(); }
  static Status syntax_error(SourcePos pos, std::string msg, std::string detail = {}) {
    return Status(StatusCode::kSyntaxError, std::move(msg), pos, std::move(detail));
  }
  static Status semantic_error(SourcePos pos, std::string msg, std::string detail = {}) {
    return Status(StatusCode::kSemanticError, std::move(msg), pos, std::move(detail));
  }
  static Status type_error(SourcePos pos, std::string msg, std::string detail = {}) {
    return Status(StatusCode::kTypeError, std::move(msg), pos, std::move(detail));
  }
  static Status constraint_violation(std::string msg) {
    return Status(StatusCode::kConstraintVerificationFailed, std::move(msg));
  }
  static Status io_error(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status busy(std::string msg) { return Status(StatusCode::kBusy, std::move(msg)); }
  static Status invalid_argument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status not_found(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status not_supported(std::string msg) {
    return Status(StatusCode::kNotSupported, std::move(msg));
  }
  static Status internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // openCypher's detail code ("UndefinedVariable", ...) or empty.
  const std::string& detail() const { return detail_; }
  SourcePos pos() const { return pos_; }

  // "SemanticError at 1:18: Variable `x` not defined", or "OK".
  std::string to_string() const;

  // Itself; lets code treat a Status and a Result<T> alike.
  const Status& status() const { return *this; }

  // A copy with `context + ": "` put in front of the message.
  Status with_context(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string detail_;
  SourcePos pos_;
};

// A value or the Status that explains why there is none.
// REQUIRES: a Result is never built from an ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}         // NOLINT: implicit
  Result(Status status) : v_(std::in_place_index<1>, std::move(status)) {}  // NOLINT: implicit
  // From anything a T can be made of (a Clause from a Match, ...).
  template <typename U>
  requires(!std::is_same_v<std::decay_t<U>, T> && !std::is_same_v<std::decay_t<U>, Status> &&
           std::is_constructible_v<T, U&&>) Result(U&& value)
      : v_(std::in_place_index<0>, T(std::forward<U>(value))) {}  // NOLINT
  // From a Result of a type a T can be made of.
  template <typename U>
  requires(!std::is_same_v<U, T> && std::is_constructible_v<T, U&&>)
      Result(Result<U>&& other)  // NOLINT
      : v_(other.has_value()
               ? std::variant<T, Status>(std::in_place_index<0>, T(std::move(other).value()))
               : std::variant<T, Status>(std::in_place_index<1>, other.error())) {}

  bool has_value() const { return v_.index() == 0; }
  bool ok() const { return has_value(); }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error, or an ok Status when there is a value.
  Status status() const { return has_value() ? Status() : std::get<1>(v_); }
  // REQUIRES: !has_value().
  const Status& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

#define KG_CONCAT_INNER_(a, b) a##b
#define KG_CONCAT_(a, b) KG_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define KG_TRY(expr)                                 \
  do {                                               \
    ::kg::Status kg_try_status_ = (expr);            \
    if (!kg_try_status_.ok()) return kg_try_status_; \
  } while (0)

// `lhs = value of expr`, or returns its error from the enclosing function.
#define KG_ASSIGN_OR_RETURN(lhs, expr) \
  KG_ASSIGN_OR_RETURN_IMPL_(KG_CONCAT_(kg_result_, __LINE__), lhs, expr)
#define KG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.has_value()) return tmp.error();       \
  lhs = std::move(tmp).value()
