#include "query/values/comparison.hpp"

#include <cmath>
#include <functional>

namespace kg::query {

Tri tri_not(Tri a) {
  if (a == Tri::kNull) return Tri::kNull;
  return a == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

Tri tri_and(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kTrue;
}

Tri tri_or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kFalse;
}

Tri tri_xor(Tri a, Tri b) {
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return to_tri(a != b);
}

Value tri_value(Tri t) {
  if (t == Tri::kNull) return Value();
  return Value(t == Tri::kTrue);
}

namespace {

// Exact comparison of two numbers; kUnordered when either is NaN.
Cmp compare_numbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) {
    int64_t x = a.as_int(), y = b.as_int();
    return x < y ? Cmp::kLess : (x > y ? Cmp::kGreater : Cmp::kEqual);
  }
  if (a.is_float() && b.is_float()) {
    double x = a.as_float(), y = b.as_float();
    if (std::isnan(x) || std::isnan(y)) return Cmp::kUnordered;
    return x < y ? Cmp::kLess : (x > y ? Cmp::kGreater : Cmp::kEqual);
  }
  // int vs float: compare exactly, not through a rounding conversion of the int.
  bool swapped = a.is_float();
  int64_t i = swapped ? b.as_int() : a.as_int();
  double d = swapped ? a.as_float() : b.as_float();
  Cmp c;
  if (std::isnan(d)) return Cmp::kUnordered;
  if (d >= 9223372036854775808.0) {
    c = Cmp::kLess;
  } else if (d < -9223372036854775808.0) {
    c = Cmp::kGreater;
  } else {
    double whole = std::floor(d);
    auto di = static_cast<int64_t>(whole);
    if (i < di) {
      c = Cmp::kLess;
    } else if (i > di) {
      c = Cmp::kGreater;
    } else {
      c = whole == d ? Cmp::kEqual : Cmp::kLess;  // i == floor(d) < d
    }
  }
  if (swapped && c != Cmp::kEqual) c = c == Cmp::kLess ? Cmp::kGreater : Cmp::kLess;
  return c;
}

Cmp from_int(int c) { return c < 0 ? Cmp::kLess : (c > 0 ? Cmp::kGreater : Cmp::kEqual); }

}  // namespace

Tri equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) return to_tri(compare_numbers(a, b) == Cmp::kEqual);
  if (a.type() != b.type()) return Tri::kFalse;
  switch (a.type()) {
    case ValueType::kBool:
      return to_tri(a.as_bool() == b.as_bool());
    case ValueType::kString:
      return to_tri(a.as_string() == b.as_string());
    case ValueType::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (size_t i = 0; i < x.size(); ++i) {
        Tri e = equals(x[i], y[i]);
        if (e == Tri::kFalse) return Tri::kFalse;
        if (e == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case ValueType::kMap: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi) {
        if (xi->first != yi->first) return Tri::kFalse;
      }
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi) {
        Tri e = equals(xi->second, yi->second);
        if (e == Tri::kFalse) return Tri::kFalse;
        if (e == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case ValueType::kNode:
      return to_tri(a.as_node().id == b.as_node().id);
    case ValueType::kRelationship:
      return to_tri(a.as_relationship().id == b.as_relationship().id);
    case ValueType::kPath: {
      const Path& x = a.as_path();
      const Path& y = b.as_path();
      if (x.nodes.size() != y.nodes.size()) return Tri::kFalse;
      for (size_t i = 0; i < x.nodes.size(); ++i)
        if (x.nodes[i].id != y.nodes[i].id) return Tri::kFalse;
      for (size_t i = 0; i < x.relationships.size(); ++i)
        if (x.relationships[i].id != y.relationships[i].id) return Tri::kFalse;
      return Tri::kTrue;
    }
    default:
      return Tri::kFalse;
  }
}

std::optional<Cmp> compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return compare_numbers(a, b);
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case ValueType::kBool:
      return from_int(int(a.as_bool()) - int(b.as_bool()));
    case ValueType::kString:
      return from_int(a.as_string().compare(b.as_string()));
    case ValueType::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        auto c = compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != Cmp::kEqual) return c;
      }
      return from_int(x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0));
    }
    default:
      return std::nullopt;
  }
}

namespace {

// Rank of a value's kind in ORDER BY's ascending order.
int order_rank(const Value& v) {
  switch (v.type()) {
    case ValueType::kMap:
      return 0;
    case ValueType::kNode:
      return 1;
    case ValueType::kRelationship:
      return 2;
    case ValueType::kList:
      return 3;
    case ValueType::kPath:
      return 4;
    case ValueType::kString:
      return 5;
    case ValueType::kBool:
      return 6;
    case ValueType::kInt:
    case ValueType::kFloat:
      return 7;
    case ValueType::kNull:
      return 8;
  }
  return 9;
}

int sign(int64_t v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

int order_lists(const List& x, const List& y) {
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    int c = order(x[i], y[i]);
    if (c != 0) return c;
  }
  return sign(static_cast<int64_t>(x.size()) - static_cast<int64_t>(y.size()));
}

}  // namespace

int order(const Value& a, const Value& b) {
  int ra = order_rank(a), rb = order_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::kNull:
      return 0;
    case ValueType::kBool:
      return int(a.as_bool()) - int(b.as_bool());
    case ValueType::kInt:
    case ValueType::kFloat: {
      bool an = a.is_float() && std::isnan(a.as_float());
      bool bn = b.is_float() && std::isnan(b.as_float());
      if (an || bn) return int(an) - int(bn);
      Cmp c = compare_numbers(a, b);
      if (c != Cmp::kEqual) return static_cast<int>(c);
      return int(a.is_float()) - int(b.is_float());  // 1 before 1.0: a stable, total order
    }
    case ValueType::kString:
      return sign(a.as_string().compare(b.as_string()));
    case ValueType::kList:
      return order_lists(a.as_list(), b.as_list());
    case ValueType::kMap: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      auto xi = x.begin();
      auto yi = y.begin();
      for (; xi != x.end() && yi != y.end(); ++xi, ++yi) {
        if (int c = sign(xi->first.compare(yi->first)); c != 0) return c;
        if (int c = order(xi->second, yi->second); c != 0) return c;
      }
      return sign(static_cast<int64_t>(x.size()) - static_cast<int64_t>(y.size()));
    }
    case ValueType::kNode: {
      auto x = to_underlying(a.as_node().id), y = to_underlying(b.as_node().id);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case ValueType::kRelationship: {
      auto x = to_underlying(a.as_relationship().id), y = to_underlying(b.as_relationship().id);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case ValueType::kPath: {
      const Path& x = a.as_path();
      const Path& y = b.as_path();
      for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        auto p = to_underlying(x.nodes[i].id), q = to_underlying(y.nodes[i].id);
        if (p != q) return p < q ? -1 : 1;
        if (i < x.relationships.size() && i < y.relationships.size()) {
          auto r = to_underlying(x.relationships[i].id), s = to_underlying(y.relationships[i].id);
          if (r != s) return r < s ? -1 : 1;
        }
      }
      return sign(static_cast<int64_t>(x.nodes.size()) - static_cast<int64_t>(y.nodes.size()));
    }
  }
  return 0;
}

bool equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) {
    bool an = a.is_float() && std::isnan(a.as_float());
    bool bn = b.is_float() && std::isnan(b.as_float());
    if (an || bn) return an && bn;
    return compare_numbers(a, b) == Cmp::kEqual;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!equivalent(x[i], y[i])) return false;
      return true;
    }
    case ValueType::kMap: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi)
        if (xi->first != yi->first || !equivalent(xi->second, yi->second)) return false;
      return true;
    }
    default:
      return equals(a, b) == Tri::kTrue;
  }
}

namespace {

size_t mix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)); }

}  // namespace

size_t hash(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return 0x51ed;
    case ValueType::kBool:
      return v.as_bool() ? 0x7a3 : 0x7a2;
    case ValueType::kInt:
    case ValueType::kFloat: {
      // Equivalent numbers hash alike: hash the double value (ints beyond 2^53 that share a
      // double collide, which is allowed).
      double d = v.as_number();
      if (std::isnan(d)) return 0x7ff8;
      if (d == 0) d = 0.0;
      return std::hash<double>()(d);
    }
    case ValueType::kString:
      return std::hash<std::string>()(v.as_string());
    case ValueType::kList: {
      size_t h = 0x1157;
      for (const Value& e : v.as_list()) h = mix(h, hash(e));
      return h;
    }
    case ValueType::kMap: {
      size_t h = 0x3a9;
      for (const auto& [k, e] : v.as_map()) h = mix(mix(h, std::hash<std::string>()(k)), hash(e));
      return h;
    }
    case ValueType::kNode:
      return mix(0x40de, to_underlying(v.as_node().id));
    case ValueType::kRelationship:
      return mix(0x4e1, to_underlying(v.as_relationship().id));
    case ValueType::kPath: {
      size_t h = 0x9a7;
      for (const Node& n : v.as_path().nodes) h = mix(h, to_underlying(n.id));
      for (const Relationship& r : v.as_path().relationships) h = mix(h, to_underlying(r.id));
      return h;
    }
  }
  return 0;
}

size_t RowHash::operator()(const std::vector<Value>& row) const {
  size_t h = row.size();
  for (const Value& v : row) h = mix(h, hash(v));
  return h;
}

bool RowEquivalent::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!equivalent(a[i], b[i])) return false;
  return true;
}

}  // namespace kg::query
