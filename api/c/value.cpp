// The C API's values: views of the elements of a result, kg_value_*.
#include "api/c/c_api.hpp"

namespace kg::capi {

namespace {

enum ViewKind { kValueView = 0, kNodeView = 1, kRelationshipView = 2 };

template <typename T>
const kg_value* cached_view(kg_result* owner, const T* p, ViewKind kind) {
  auto& slot = owner->views[{static_cast<const void*>(p), kind}];
  if (!slot) {
    slot = std::make_unique<kg_value>();
    slot->owner = owner;
    if constexpr (std::is_same_v<T, Value>) slot->value = p;
    if constexpr (std::is_same_v<T, Node>) slot->node = p;
    if constexpr (std::is_same_v<T, Relationship>) slot->relationship = p;
  }
  return slot.get();
}

}  // namespace

const kg_value* view_of(kg_result* owner, const Value* value) {
  return cached_view(owner, value, kValueView);
}
const kg_value* view_of(kg_result* owner, const Node* node) {
  return cached_view(owner, node, kNodeView);
}
const kg_value* view_of(kg_result* owner, const Relationship* rel) {
  return cached_view(owner, rel, kRelationshipView);
}

Value value_of(const kg_value* view) {
  if (view->node != nullptr) return Value(*view->node);
  if (view->relationship != nullptr) return Value(*view->relationship);
  return *view->value;
}

}  // namespace kg::capi

namespace {

using kg::capi::view_of;

const kg::Node* node_of(const kg_value* v) {
  if (v == nullptr) return nullptr;
  if (v->node != nullptr) return v->node;
  return v->value != nullptr && v->value->is_node() ? &v->value->as_node() : nullptr;
}

const kg::Relationship* relationship_of(const kg_value* v) {
  if (v == nullptr) return nullptr;
  if (v->relationship != nullptr) return v->relationship;
  return v->value != nullptr && v->value->is_relationship() ? &v->value->as_relationship()
                                                            : nullptr;
}

const kg::Path* path_of(const kg_value* v) {
  return v != nullptr && v->value != nullptr && v->value->is_path() ? &v->value->as_path()
                                                                    : nullptr;
}

const kg::List* list_of(const kg_value* v) {
  return v != nullptr && v->value != nullptr && v->value->is_list() ? &v->value->as_list()
                                                                    : nullptr;
}

// A map, or the properties of a node or relationship.
const kg::Map* map_of(const kg_value* v) {
  if (const kg::Node* n = node_of(v)) return &n->properties;
  if (const kg::Relationship* r = relationship_of(v)) return &r->properties;
  return v != nullptr && v->value != nullptr && v->value->is_map() ? &v->value->as_map() : nullptr;
}

const kg::Value* plain(const kg_value* v) { return v != nullptr ? v->value : nullptr; }

// Catches what a view lookup could throw (std::bad_alloc) so it becomes a null result.
template <typename F>
const kg_value* guarded_view(F&& f) {
  try {
    return f();
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

extern "C" {

kg_value_type kg_value_get_type(const kg_value* value) {
  if (node_of(value) != nullptr) return KG_TYPE_NODE;
  if (relationship_of(value) != nullptr) return KG_TYPE_RELATIONSHIP;
  const kg::Value* v = plain(value);
  return v ? static_cast<kg_value_type>(v->type()) : KG_TYPE_NULL;
}

kg_code kg_value_get_bool(const kg_value* value, int* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Value* v = plain(value);
  if (v == nullptr || !v->is_bool()) return KG_TYPE_ERROR;
  *out = v->as_bool() ? 1 : 0;
  return KG_OK;
}

kg_code kg_value_get_int(const kg_value* value, int64_t* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Value* v = plain(value);
  if (v == nullptr || !v->is_int()) return KG_TYPE_ERROR;
  *out = v->as_int();
  return KG_OK;
}

kg_code kg_value_get_float(const kg_value* value, double* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Value* v = plain(value);
  if (v == nullptr || !v->is_float()) return KG_TYPE_ERROR;
  *out = v->as_float();
  return KG_OK;
}

kg_code kg_value_get_string(const kg_value* value, const char** out, size_t* out_length) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Value* v = plain(value);
  if (v == nullptr || !v->is_string()) return KG_TYPE_ERROR;
  *out = v->as_string().c_str();
  if (out_length != nullptr) *out_length = v->as_string().size();
  return KG_OK;
}

char* kg_value_to_string(const kg_value* value) {
  if (value == nullptr) return nullptr;
  try {
    return kg::capi::copy_string(kg::capi::value_of(value).to_string());
  } catch (...) {
    return nullptr;
  }
}

size_t kg_value_list_size(const kg_value* value) {
  const kg::List* l = list_of(value);
  return l ? l->size() : 0;
}

const kg_value* kg_value_list_get(const kg_value* value, size_t i) {
  const kg::List* l = list_of(value);
  if (l == nullptr || i >= l->size()) return nullptr;
  return guarded_view([&] { return view_of(value->owner, &(*l)[i]); });
}

size_t kg_value_map_size(const kg_value* value) {
  const kg::Map* m = map_of(value);
  return m ? m->size() : 0;
}

const char* kg_value_map_key(const kg_value* value, size_t i) {
  const kg::Map* m = map_of(value);
  if (m == nullptr || i >= m->size()) return nullptr;
  return std::next(m->begin(), static_cast<std::ptrdiff_t>(i))->first.c_str();
}

const kg_value* kg_value_map_value(const kg_value* value, size_t i) {
  const kg::Map* m = map_of(value);
  if (m == nullptr || i >= m->size()) return nullptr;
  const kg::Value* e = &std::next(m->begin(), static_cast<std::ptrdiff_t>(i))->second;
  return guarded_view([&] { return view_of(value->owner, e); });
}

const kg_value* kg_value_map_get(const kg_value* value, const char* key) {
  const kg::Map* m = map_of(value);
  if (m == nullptr || key == nullptr) return nullptr;
  auto it = m->find(std::string_view(key));
  if (it == m->end()) return nullptr;
  return guarded_view([&] { return view_of(value->owner, &it->second); });
}

kg_code kg_value_get_id(const kg_value* value, uint64_t* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  if (const kg::Node* n = node_of(value)) {
    *out = kg::to_underlying(n->id);
    return KG_OK;
  }
  if (const kg::Relationship* r = relationship_of(value)) {
    *out = kg::to_underlying(r->id);
    return KG_OK;
  }
  return KG_TYPE_ERROR;
}

size_t kg_value_node_label_count(const kg_value* value) {
  const kg::Node* n = node_of(value);
  return n ? n->labels.size() : 0;
}

const char* kg_value_node_label(const kg_value* value, size_t i) {
  const kg::Node* n = node_of(value);
  return n && i < n->labels.size() ? n->labels[i].c_str() : nullptr;
}

const char* kg_value_relationship_type(const kg_value* value) {
  const kg::Relationship* r = relationship_of(value);
  return r ? r->type.c_str() : nullptr;
}

kg_code kg_value_relationship_start(const kg_value* value, uint64_t* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Relationship* r = relationship_of(value);
  if (r == nullptr) return KG_TYPE_ERROR;
  *out = kg::to_underlying(r->start);
  return KG_OK;
}

kg_code kg_value_relationship_end(const kg_value* value, uint64_t* out) {
  if (out == nullptr || value == nullptr) return KG_INVALID_ARGUMENT;
  const kg::Relationship* r = relationship_of(value);
  if (r == nullptr) return KG_TYPE_ERROR;
  *out = kg::to_underlying(r->end);
  return KG_OK;
}

size_t kg_value_path_length(const kg_value* value) {
  const kg::Path* p = path_of(value);
  return p ? p->relationships.size() : 0;
}

const kg_value* kg_value_path_node(const kg_value* value, size_t i) {
  const kg::Path* p = path_of(value);
  if (p == nullptr || i >= p->nodes.size()) return nullptr;
  return guarded_view([&] { return view_of(value->owner, &p->nodes[i]); });
}

const kg_value* kg_value_path_relationship(const kg_value* value, size_t i) {
  const kg::Path* p = path_of(value);
  if (p == nullptr || i >= p->relationships.size()) return nullptr;
  return guarded_view([&] { return view_of(value->owner, &p->relationships[i]); });
}

}  // extern "C"
