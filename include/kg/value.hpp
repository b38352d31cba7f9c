// kg::Value: a typed value of the property-graph model (DESIGN.md §1).
//
// Property values are null, boolean, 64-bit integer, 64-bit float, string, list and map; query
// results may also hold nodes, relationships and paths. Integers and floats are distinct types:
// Value(1) and Value(1.0) are different values and print differently ("1" and "1.0").
//
// Thread-safety: a plain value type; const access from several threads is safe.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kg/types.hpp"

namespace kg {

class Value;
using List = std::vector<Value>;
// Maps keep their keys sorted, so a map prints the same way every time.
using Map = std::map<std::string, Value, std::less<>>;

struct Node {
  NodeId id{};
  std::vector<std::string> labels;
  Map properties;
};

struct Relationship {
  RelId id{};
  std::string type;
  NodeId start{};
  NodeId end{};
  Map properties;
};

// nodes.size() == relationships.size() + 1; relationships[i] joins nodes[i] and nodes[i + 1] in
// either direction (its start/end say which).
struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;
};

// The order of the enumerators is the order of the alternatives in Value's variant.
// The numeric values are part of the C API's ABI: DO NOT RENUMBER.
enum class ValueType : uint8_t {
  kNull = 0,
  kBool = 1,
  kInt = 2,
  kFloat = 3,
  kString = 4,
  kList = 5,
  kMap = 6,
  kNode = 7,
  kRelationship = 8,
  kPath = 9,
};

// "NULL", "BOOLEAN", "INTEGER", "FLOAT", "STRING", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH".
std::string_view value_type_name(ValueType type);

class Value {
 public:
  Value() = default;        // null
  Value(std::nullptr_t) {}  // NOLINT: implicit by design
  Value(bool b) : v_(b) {}  // NOLINT
  template <std::integral I>
  requires(!std::same_as<I, bool>) Value(I i) : v_(static_cast<int64_t>(i)) {}  // NOLINT
  template <std::floating_point F>
  Value(F f) : v_(static_cast<double>(f)) {}         // NOLINT
  Value(std::string s) : v_(std::move(s)) {}         // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}  // NOLINT
  Value(const char* s) : v_(std::string(s)) {}       // NOLINT
  Value(List l) : v_(std::move(l)) {}                // NOLINT
  Value(Map m) : v_(std::move(m)) {}                 // NOLINT
  Value(Node n) : v_(std::move(n)) {}                // NOLINT
  Value(Relationship r) : v_(std::move(r)) {}        // NOLINT
  Value(Path p) : v_(std::move(p)) {}                // NOLINT

  ValueType type() const { return static_cast<ValueType>(v_.index()); }
  bool is_null() const { return type() == ValueType::kNull; }
  bool is_bool() const { return type() == ValueType::kBool; }
  bool is_int() const { return type() == ValueType::kInt; }
  bool is_float() const { return type() == ValueType::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == ValueType::kString; }
  bool is_list() const { return type() == ValueType::kList; }
  bool is_map() const { return type() == ValueType::kMap; }
  bool is_node() const { return type() == ValueType::kNode; }
  bool is_relationship() const { return type() == ValueType::kRelationship; }
  bool is_path() const { return type() == ValueType::kPath; }

  // Typed access. REQUIRES: the value has that type (checked only by an assertion in debug builds).
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  // An int or a float as a double. REQUIRES: is_number().
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  List& as_list() { return std::get<List>(v_); }
  const Map& as_map() const { return std::get<Map>(v_); }
  Map& as_map() { return std::get<Map>(v_); }
  const Node& as_node() const { return std::get<Node>(v_); }
  const Relationship& as_relationship() const { return std::get<Relationship>(v_); }
  const Path& as_path() const { return std::get<Path>(v_); }

  // A readable rendering: strings bare at the top level and quoted inside lists and maps
  // (`AWS`, `['a', 'b']`), floats always with a '.' or exponent (`1.0`, `1e+20`, `NaN`,
  // `Infinity`), maps as `{k: v}`, nodes as `(:Label {k: v})`, relationships as `[:TYPE {k: v}]`,
  // paths as `<(...)-[...]->(...)>`, null as `null`.
  std::string to_string() const;
  // Like to_string(), but strings are quoted as Cypher literals: `'AWS'`.
  std::string to_literal() const;

  // Identity, not Cypher equality: same type and same contents. 1 != 1.0; floats compare by their
  // bits (0.0 != -0.0) except that every NaN equals every NaN; null == null. Nodes and
  // relationships compare by all their fields.
  friend bool operator==(const Value& a, const Value& b);

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map, Node, Relationship,
               Path>
      v_;
};

bool operator==(const Node& a, const Node& b);
bool operator==(const Relationship& a, const Relationship& b);
bool operator==(const Path& a, const Path& b);

// The shortest decimal text that reads back as exactly `d`, always with a '.' or an exponent, or
// "NaN", "Infinity", "-Infinity".
std::string format_float(double d);

}  // namespace kg
