// The algo.* procedures: Cypher bindings of engine/analytics. Each reads its options map
// (algo_options.hpp), gets the projection from the graph's cache, runs the algorithm with the
// statement's interrupt flag, optionally writes its result as a node property (`write:`) and
// returns one row per projected node (or per path). Rows come in node id order.
#include <cmath>

#include "engine/analytics/betweenness.hpp"
#include "engine/analytics/community.hpp"
#include "engine/analytics/components.hpp"
#include "engine/analytics/degree.hpp"
#include "engine/analytics/kcore.hpp"
#include "engine/analytics/louvain.hpp"
#include "engine/analytics/pagerank.hpp"
#include "engine/analytics/projection_cache.hpp"
#include "engine/analytics/shortest_path.hpp"
#include "engine/analytics/triangles.hpp"
#include "engine/graph.hpp"
#include "query/procedures/algo_options.hpp"
#include "query/procedures/procedures.hpp"

namespace kg::query {

namespace {

namespace an = engine::analytics;
using Rows = std::vector<std::vector<Value>>;
using Names = std::initializer_list<std::string_view>;

an::RunControl control_of(ExecContext& ctx) {
  return an::RunControl(ctx.interrupt_flag(), ctx.progress());
}

// The options (the last argument) and the projection they select.
struct Prepared {
  AlgoOptions options;
  std::shared_ptr<const an::Projection> projection;
};

Result<Prepared> prepare(std::string_view name, const Value& options, Names own, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(AlgoOptions parsed,
                      AlgoOptions::parse(name, options, std::span(own.begin(), own.size())));
  if (parsed.write() && !ctx.txn().is_write())
    return parsed.error("write",
                        "needs a write transaction: give the options as a literal map "
                        "({write: 'prop'}) or run the CALL inside BEGIN ... COMMIT");
  KG_ASSIGN_OR_RETURN(auto projection, ctx.txn().graph().projections().get(
                                           ctx.txn(), parsed.projection(), control_of(ctx)));
  return Prepared{std::move(parsed), std::move(projection)};
}

// One row (node, value) per vertex; with `write`, stores each value as the node's property.
Result<Rows> node_rows(const Prepared& p, ExecContext& ctx, const std::vector<Value>& values) {
  const an::Projection& proj = *p.projection;
  if (p.options.write()) {
    KG_ASSIGN_OR_RETURN(engine::PropKeyId key, ctx.txn().intern_prop_key(*p.options.write()));
    for (an::Vertex v = 0; v < proj.node_count(); ++v) {
      if (v % 4096 == 0) KG_TRY(ctx.check_interrupt());
      NodeId id = proj.node_id(v);
      KG_TRY(ctx.txn().set_node_property(id, key, values[v]));
      ctx.invalidate(id);
      ++ctx.counters().properties_set;
    }
  }
  Rows rows;
  rows.reserve(proj.node_count());
  for (an::Vertex v = 0; v < proj.node_count(); ++v)
    rows.push_back({ExecContext::node_ref(proj.node_id(v)), values[v]});
  return rows;
}

template <typename T>
std::vector<Value> as_values(const std::vector<T>& xs) {
  std::vector<Value> out;
  out.reserve(xs.size());
  for (const T& x : xs) {
    if constexpr (std::is_floating_point_v<T>)
      out.emplace_back(static_cast<double>(x));
    else
      out.emplace_back(static_cast<int64_t>(x));
  }
  return out;
}

Value list_of(const std::vector<std::string>& names) {
  List l;
  for (const auto& n : names) l.emplace_back(n);
  return Value(std::move(l));
}

Result<Rows> projections(std::span<const Value>, ExecContext& ctx) {
  Rows rows;
  const auto current = ctx.txn().snapshot_version();
  for (const auto& p : ctx.txn().graph().projections().list()) {
    rows.push_back({list_of(p->spec().labels), list_of(p->spec().types),
                    p->spec().weight.empty() ? Value() : Value(p->spec().weight),
                    Value(static_cast<int64_t>(p->node_count())),
                    Value(static_cast<int64_t>(p->relationship_count())),
                    Value(static_cast<int64_t>(p->memory_bytes())), Value(p->build_seconds()),
                    Value(current.has_value() && p->version() == current)});
  }
  return rows;
}

Result<Rows> pagerank(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(
      Prepared p, prepare("algo.pagerank", args[0], {"damping", "iterations", "tolerance"}, ctx));
  an::PageRankOptions o;
  KG_ASSIGN_OR_RETURN(o.damping, p.options.number("damping", 0.85, 0.0, 1.0));
  KG_ASSIGN_OR_RETURN(int64_t iterations, p.options.integer("iterations", 20, 1, 1000000));
  o.iterations = static_cast<int>(iterations);
  KG_ASSIGN_OR_RETURN(o.tolerance, p.options.number("tolerance", 1e-7, 0.0, HUGE_VAL));
  KG_ASSIGN_OR_RETURN(an::PageRankResult r, an::pagerank(*p.projection, o, control_of(ctx)));
  return node_rows(p, ctx, as_values(r.scores));
}

Result<Rows> wcc(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.wcc", args[0], {}, ctx));
  KG_ASSIGN_OR_RETURN(an::ComponentsResult r,
                      an::weakly_connected_components(*p.projection, control_of(ctx)));
  return node_rows(p, ctx, as_values(r.component));
}

Result<Rows> scc(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.scc", args[0], {}, ctx));
  KG_ASSIGN_OR_RETURN(an::ComponentsResult r,
                      an::strongly_connected_components(*p.projection, control_of(ctx)));
  return node_rows(p, ctx, as_values(r.component));
}

Result<Rows> degree(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.degree", args[0], {"direction"}, ctx));
  KG_ASSIGN_OR_RETURN(an::Orientation o, p.options.orientation(an::Orientation::kBoth));
  return node_rows(p, ctx, as_values(an::degree(*p.projection, o)));
}

Result<Rows> betweenness(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p,
                      prepare("algo.betweenness", args[0], {"direction", "samples", "seed"}, ctx));
  an::BetweennessOptions o;
  KG_ASSIGN_OR_RETURN(o.orientation, p.options.orientation(an::Orientation::kOutgoing));
  KG_ASSIGN_OR_RETURN(int64_t samples, p.options.integer("samples", 0, 0, UINT32_MAX));
  o.samples = static_cast<uint32_t>(samples);
  KG_ASSIGN_OR_RETURN(int64_t seed, p.options.integer("seed", 42, INT64_MIN, INT64_MAX));
  o.seed = static_cast<uint64_t>(seed);
  KG_ASSIGN_OR_RETURN(auto scores, an::betweenness(*p.projection, o, control_of(ctx)));
  return node_rows(p, ctx, as_values(scores));
}

Result<Rows> kcore(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.kcore", args[0], {}, ctx));
  KG_ASSIGN_OR_RETURN(auto view, an::UndirectedView::build(*p.projection, control_of(ctx)));
  KG_ASSIGN_OR_RETURN(auto cores, an::core_numbers(view, control_of(ctx)));
  return node_rows(p, ctx, as_values(cores));
}

Result<Rows> triangles(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.triangles", args[0], {}, ctx));
  KG_ASSIGN_OR_RETURN(auto view, an::UndirectedView::build(*p.projection, control_of(ctx)));
  KG_ASSIGN_OR_RETURN(an::TrianglesResult r, an::triangles(view, control_of(ctx)));
  KG_ASSIGN_OR_RETURN(Rows rows, node_rows(p, ctx, as_values(r.triangles)));
  for (size_t v = 0; v < rows.size(); ++v) rows[v].emplace_back(r.coefficient[v]);
  return rows;
}

Result<Rows> label_propagation(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.label_propagation", args[0], {"iterations"}, ctx));
  KG_ASSIGN_OR_RETURN(int64_t iterations, p.options.integer("iterations", 10, 1, 1000000));
  KG_ASSIGN_OR_RETURN(auto view, an::UndirectedView::build(*p.projection, control_of(ctx)));
  KG_ASSIGN_OR_RETURN(an::LabelPropagationResult r,
                      an::label_propagation(view, static_cast<int>(iterations), control_of(ctx)));
  return node_rows(p, ctx, as_values(r.communities.component));
}

Result<Rows> louvain(std::span<const Value> args, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Prepared p, prepare("algo.louvain", args[0], {"levels", "iterations"}, ctx));
  an::LouvainOptions o;
  KG_ASSIGN_OR_RETURN(int64_t levels, p.options.integer("levels", 10, 1, 1000));
  KG_ASSIGN_OR_RETURN(int64_t passes, p.options.integer("iterations", 20, 1, 1000000));
  o.max_levels = static_cast<int>(levels);
  o.max_passes = static_cast<int>(passes);
  KG_ASSIGN_OR_RETURN(an::LouvainResult r, an::louvain(*p.projection, o, control_of(ctx)));
  KG_ASSIGN_OR_RETURN(Rows rows, node_rows(p, ctx, as_values(r.communities.component)));
  for (auto& row : rows) row.emplace_back(r.modularity);
  return rows;
}

Result<Rows> paths(std::string_view name, bool all, std::span<const Value> args, ExecContext& ctx) {
  for (int i = 0; i < 2; ++i) {
    if (!args[i].is_null() && !args[i].is_node())
      return Status(StatusCode::kProcedureError,
                    std::string(name) + ": the " + (i == 0 ? "source" : "target") +
                        " must be a node, not " + std::string(value_type_name(args[i].type())),
                    {}, "InvalidArgument");
  }
  KG_ASSIGN_OR_RETURN(
      AlgoOptions options,
      AlgoOptions::parse(name, args[2], std::vector<std::string_view>{"direction", "limit"}));
  if (options.write()) return options.error("write", "is not supported by " + std::string(name));
  Rows rows;
  if (args[0].is_null() || args[1].is_null()) return rows;
  an::ShortestPathOptions o;
  o.all = all;
  KG_ASSIGN_OR_RETURN(o.orientation, options.orientation(an::Orientation::kOutgoing));
  KG_ASSIGN_OR_RETURN(int64_t limit, options.integer("limit", 10000, 1, INT64_MAX));
  o.limit = static_cast<size_t>(limit);
  KG_ASSIGN_OR_RETURN(auto projection, ctx.txn().graph().projections().get(
                                           ctx.txn(), options.projection(), control_of(ctx)));
  auto s = projection->vertex(args[0].as_node().id);
  auto t = projection->vertex(args[1].as_node().id);
  if (!s || !t) return rows;
  KG_ASSIGN_OR_RETURN(auto found, an::shortest_paths(*projection, *s, *t, o, control_of(ctx)));
  const an::Csr& g = projection->graph();
  for (const an::ProjectedPath& pp : found) {
    Path path;
    for (an::Vertex v : pp.vertices) path.nodes.push_back(Node{projection->node_id(v), {}, {}});
    for (const an::Edge& e : pp.edges) {
      Relationship r;
      r.id = g[e].rel;
      r.start = projection->node_id(boost::source(e, g));
      r.end = projection->node_id(boost::target(e, g));
      path.relationships.push_back(std::move(r));
    }
    Value cost = projection->weighted() ? Value(pp.cost)
                                        : Value(static_cast<int64_t>(std::llround(pp.cost)));
    rows.push_back({Value(std::move(path)), std::move(cost)});
  }
  return rows;
}

Result<Rows> shortest_path(std::span<const Value> args, ExecContext& ctx) {
  return paths("algo.shortest_path", false, args, ctx);
}
Result<Rows> all_shortest_paths(std::span<const Value> args, ExecContext& ctx) {
  return paths("algo.all_shortest_paths", true, args, ctx);
}

}  // namespace

std::span<const Procedure> algo_procedures() {
  static const std::vector<Procedure> kAlgo = {
      {"algo.projections",
       {},
       {"labels", "types", "weight", "nodes", "relationships", "memoryBytes", "buildSeconds",
        "current"},
       &projections},
      {"algo.pagerank", {"options"}, {"node", "score"}, &pagerank, 1, true},
      {"algo.wcc", {"options"}, {"node", "component"}, &wcc, 1, true},
      {"algo.components", {"options"}, {"node", "component"}, &wcc, 1, true},  // DESIGN §8's name
      {"algo.scc", {"options"}, {"node", "component"}, &scc, 1, true},
      {"algo.degree", {"options"}, {"node", "score"}, &degree, 1, true},
      {"algo.betweenness", {"options"}, {"node", "score"}, &betweenness, 1, true},
      {"algo.kcore", {"options"}, {"node", "core"}, &kcore, 1, true},
      {"algo.triangles", {"options"}, {"node", "triangles", "coefficient"}, &triangles, 1, true},
      {"algo.label_propagation", {"options"}, {"node", "component"}, &label_propagation, 1, true},
      {"algo.louvain", {"options"}, {"node", "component", "modularity"}, &louvain, 1, true},
      {"algo.shortest_path",
       {"source", "target", "options"},
       {"path", "cost"},
       &shortest_path,
       1,
       true},
      {"algo.all_shortest_paths",
       {"source", "target", "options"},
       {"path", "cost"},
       &all_shortest_paths,
       1,
       true},
  };
  return kAlgo;
}

}  // namespace kg::query
