#include "engine/storage/value_codec.hpp"

#include <bit>

#include "engine/storage/coding.hpp"

namespace kg::engine::values {

using coding::put_u64be;
using coding::put_u8;
using coding::put_varint;
using coding::Reader;

void append_value(std::string& out, const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      put_u8(out, static_cast<uint8_t>(ValueTag::kNull));
      return;
    case ValueType::kBool:
      put_u8(out, static_cast<uint8_t>(value.as_bool() ? ValueTag::kTrue : ValueTag::kFalse));
      return;
    case ValueType::kInt:
      put_u8(out, static_cast<uint8_t>(ValueTag::kInt));
      put_varint(out, coding::zigzag(value.as_int()));
      return;
    case ValueType::kFloat:
      put_u8(out, static_cast<uint8_t>(ValueTag::kFloat));
      put_u64be(out, std::bit_cast<uint64_t>(value.as_float()));
      return;
    case ValueType::kString:
      put_u8(out, static_cast<uint8_t>(ValueTag::kString));
      put_varint(out, value.as_string().size());
      out.append(value.as_string());
      return;
    case ValueType::kList:
      put_u8(out, static_cast<uint8_t>(ValueTag::kList));
      put_varint(out, value.as_list().size());
      for (const Value& e : value.as_list()) append_value(out, e);
      return;
    case ValueType::kMap:
      put_u8(out, static_cast<uint8_t>(ValueTag::kMap));
      put_varint(out, value.as_map().size());
      for (const auto& [k, e] : value.as_map()) {
        put_varint(out, k.size());
        out.append(k);
        append_value(out, e);
      }
      return;
  }
}

namespace {

Status truncated(std::string_view what) {
  return Status::corruption("malformed " + std::string(what) + " in a stored value");
}

Result<Value> decode_at_depth(Reader& r, int depth) {
  if (depth > kMaxDepth) return Status::corruption("stored value nested too deeply");
  auto tag = r.u8();
  if (!tag) return truncated("value tag");
  switch (static_cast<ValueTag>(*tag)) {
    case ValueTag::kNull:
      return Value();
    case ValueTag::kFalse:
      return Value(false);
    case ValueTag::kTrue:
      return Value(true);
    case ValueTag::kInt: {
      auto v = r.varint();
      if (!v) return truncated("integer");
      return Value(coding::unzigzag(*v));
    }
    case ValueTag::kFloat: {
      auto v = r.u64be();
      if (!v) return truncated("float");
      return Value(std::bit_cast<double>(*v));
    }
    case ValueTag::kString: {
      auto n = r.varint();
      if (!n) return truncated("string length");
      auto bytes = r.bytes(*n);
      if (!bytes) return truncated("string");
      return Value(std::string(*bytes));
    }
    case ValueTag::kList: {
      auto n = r.varint();
      if (!n || *n > r.remaining()) return truncated("list length");
      List list;
      list.reserve(*n);
      for (uint64_t i = 0; i < *n; ++i) {
        KG_ASSIGN_OR_RETURN(Value e, decode_at_depth(r, depth + 1));
        list.push_back(std::move(e));
      }
      return Value(std::move(list));
    }
    case ValueTag::kMap: {
      auto n = r.varint();
      if (!n || *n > r.remaining()) return truncated("map size");
      Map map;
      for (uint64_t i = 0; i < *n; ++i) {
        auto len = r.varint();
        if (!len) return truncated("map key length");
        auto key = r.bytes(*len);
        if (!key) return truncated("map key");
        KG_ASSIGN_OR_RETURN(Value e, decode_at_depth(r, depth + 1));
        map.emplace(std::string(*key), std::move(e));
      }
      return Value(std::move(map));
    }
  }
  return Status::corruption("unknown value tag " + std::to_string(*tag) + " in a stored value");
}

// Moves past one encoded value without building it.
Status skip_at_depth(Reader& r, int depth) {
  if (depth > kMaxDepth) return Status::corruption("stored value nested too deeply");
  auto tag = r.u8();
  if (!tag) return truncated("value tag");
  switch (static_cast<ValueTag>(*tag)) {
    case ValueTag::kNull:
    case ValueTag::kFalse:
    case ValueTag::kTrue:
      return Status();
    case ValueTag::kInt:
      if (!r.varint()) return truncated("integer");
      return Status();
    case ValueTag::kFloat:
      if (!r.u64be()) return truncated("float");
      return Status();
    case ValueTag::kString: {
      auto len = r.varint();
      if (!len || !r.bytes(*len)) return truncated("string");
      return Status();
    }
    case ValueTag::kList: {
      auto n = r.varint();
      if (!n || *n > r.remaining()) return truncated("list length");
      for (uint64_t i = 0; i < *n; ++i) KG_TRY(skip_at_depth(r, depth + 1));
      return Status();
    }
    case ValueTag::kMap: {
      auto n = r.varint();
      if (!n || *n > r.remaining()) return truncated("map size");
      for (uint64_t i = 0; i < *n; ++i) {
        auto len = r.varint();
        if (!len || !r.bytes(*len)) return truncated("map key");
        KG_TRY(skip_at_depth(r, depth + 1));
      }
      return Status();
    }
  }
  return Status::corruption("unknown value tag " + std::to_string(*tag) + " in a stored value");
}

void append_properties(std::string& out, const PropertyMap& props) {
  put_varint(out, props.size());
  for (const auto& [key, value] : props) {
    put_varint(out, to_underlying(key));
    append_value(out, value);
  }
}

Status decode_properties(Reader& r, PropertyMap& props) {
  auto n = r.varint();
  if (!n || *n > r.remaining()) return truncated("property count");
  props.reserve(*n);
  for (uint64_t i = 0; i < *n; ++i) {
    auto key = r.varint();
    if (!key || *key > UINT32_MAX) return truncated("property key");
    KG_ASSIGN_OR_RETURN(Value v, decode_at_depth(r, 1));
    props.emplace_back(PropKeyId{static_cast<uint32_t>(*key)}, std::move(v));
  }
  if (!r.empty()) return Status::corruption("trailing bytes after a stored record");
  return Status();
}

}  // namespace

Result<Value> decode_value(std::string_view& in) {
  Reader r(in);
  KG_ASSIGN_OR_RETURN(Value v, decode_at_depth(r, 1));
  in = r.rest();
  return v;
}

std::string encode_node(const NodeRecord& node) {
  std::string out;
  put_varint(out, node.labels.size());
  for (LabelId l : node.labels) put_varint(out, to_underlying(l));
  append_properties(out, node.properties);
  return out;
}

Result<NodeRecord> decode_node(std::string_view in) {
  Reader r(in);
  NodeRecord node;
  auto n = r.varint();
  if (!n || *n > r.remaining()) return truncated("node label count");
  node.labels.reserve(*n);
  for (uint64_t i = 0; i < *n; ++i) {
    auto l = r.varint();
    if (!l || *l > UINT32_MAX) return truncated("node label");
    node.labels.push_back(LabelId{static_cast<uint32_t>(*l)});
  }
  KG_TRY(decode_properties(r, node.properties));
  return node;
}

Result<std::vector<LabelId>> decode_node_labels(std::string_view in) {
  Reader r(in);
  auto n = r.varint();
  if (!n || *n > r.remaining()) return truncated("node label count");
  std::vector<LabelId> labels;
  labels.reserve(*n);
  for (uint64_t i = 0; i < *n; ++i) {
    auto l = r.varint();
    if (!l || *l > UINT32_MAX) return truncated("node label");
    labels.push_back(LabelId{static_cast<uint32_t>(*l)});
  }
  return labels;
}

Result<Value> decode_node_property(std::string_view in, PropKeyId key) {
  Reader r(in);
  auto labels = r.varint();
  if (!labels || *labels > r.remaining()) return truncated("node label count");
  for (uint64_t i = 0; i < *labels; ++i)
    if (!r.varint()) return truncated("node label");
  auto n = r.varint();
  if (!n || *n > r.remaining()) return truncated("property count");
  for (uint64_t i = 0; i < *n; ++i) {
    auto k = r.varint();
    if (!k || *k > UINT32_MAX) return truncated("property key");
    if (*k == to_underlying(key)) return decode_at_depth(r, 1);
    if (*k > to_underlying(key)) break;  // keys ascend: it is not there
    KG_TRY(skip_at_depth(r, 1));
  }
  return Value();
}

std::string encode_rel(const RelRecord& rel) {
  std::string out;
  put_varint(out, to_underlying(rel.type));
  put_u64be(out, to_underlying(rel.src));
  put_u64be(out, to_underlying(rel.dst));
  append_properties(out, rel.properties);
  return out;
}

Result<RelRecord> decode_rel(std::string_view in) {
  Reader r(in);
  RelRecord rel;
  auto type = r.varint();
  if (!type || *type > UINT32_MAX) return truncated("relationship type");
  rel.type = TypeId{static_cast<uint32_t>(*type)};
  auto src = r.u64be();
  auto dst = r.u64be();
  if (!src || !dst) return truncated("relationship endpoints");
  rel.src = NodeId{*src};
  rel.dst = NodeId{*dst};
  KG_TRY(decode_properties(r, rel.properties));
  return rel;
}

bool is_storable(const Value& value) {
  switch (value.type()) {
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return false;
    case ValueType::kList:
      for (const Value& e : value.as_list())
        if (!is_storable(e)) return false;
      return true;
    case ValueType::kMap:
      for (const auto& [k, e] : value.as_map())
        if (!is_storable(e)) return false;
      return true;
    default:
      return true;
  }
}

}  // namespace kg::engine::values
