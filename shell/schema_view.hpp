// SchemaView: what the open graph holds, for :schema and for the example queries of :help —
// labels and relationship types with their counts and property keys (CALL db.schema()), and
// indexes and unique constraints (CALL db.indexes()).
//
//   Node labels
//   ┌─────────┬───────┬─────────────────────────────┐
//   │ label   │ nodes │ property keys               │
//   ├─────────┼───────┼─────────────────────────────┤
//   │ Company │     4 │ full_name, kind, name       │
//   ...
//   Indexes and constraints
//   ┌──────────────┬────────────┬────────────────┐
//   │ name         │ kind       │ on             │
//   ├──────────────┼────────────┼────────────────┤
//   │ company_name │ unique     │ :Company(name) │
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kg/status.hpp"
#include "shell/query_fn.hpp"
#include "shell/render_table.hpp"

namespace kg::shell {

struct SchemaView {
  struct Element {
    std::string name;
    int64_t count = 0;
    // The property keys seen on (a sample of) its nodes or relationships, sorted.
    std::vector<std::string> property_keys;
  };
  struct Index {
    std::string name;
    bool unique = false;  // a unique constraint (and its index)
    std::string label;
    std::vector<std::string> properties;
  };
  std::vector<Element> labels;              // most nodes first
  std::vector<Element> relationship_types;  // most relationships first
  std::vector<Index> indexes;

  bool empty() const { return labels.empty() && relationship_types.empty() && indexes.empty(); }
};

// Asks the graph. Errors are the procedures'.
Result<SchemaView> load_schema(const QueryFn& query);

// The tables of :schema (each as wide as `style` allows), or a line saying the graph is empty.
std::string render_schema(const SchemaView& schema, const TableStyle& style);

}  // namespace kg::shell
