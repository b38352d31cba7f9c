#include "engine/types.hpp"

#include <algorithm>

namespace kg::engine {

namespace {

auto lower_bound_key(const PropertyMap& props, PropKeyId key) {
  return std::lower_bound(props.begin(), props.end(), key,
                          [](const auto& p, PropKeyId k) { return p.first < k; });
}

}  // namespace

const Value* find_property(const PropertyMap& props, PropKeyId key) {
  auto it = lower_bound_key(props, key);
  return it != props.end() && it->first == key ? &it->second : nullptr;
}

bool put_property(PropertyMap& props, PropKeyId key, Value value) {
  auto pos = lower_bound_key(props, key);
  auto it = props.begin() + (pos - props.cbegin());
  bool present = it != props.end() && it->first == key;
  if (value.is_null()) {
    if (!present) return false;
    props.erase(it);
    return true;
  }
  if (present) {
    if (it->second == value) return false;
    it->second = std::move(value);
    return true;
  }
  props.insert(it, {key, std::move(value)});
  return true;
}

bool NodeRecord::has_label(LabelId label) const {
  return std::binary_search(labels.begin(), labels.end(), label);
}

}  // namespace kg::engine
