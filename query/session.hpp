// Session: what a kg::Connection runs on — parse → plan → execute for one statement at a time,
// the plan cache, and the transaction that BEGIN opened.
//
// Each statement runs in its own transaction (read or write, as its plan needs) unless BEGIN
// opened one; a statement that fails inside BEGIN rolls the whole transaction back (as Neo4j
// does), and says so.
// Thread-safety: used by one thread at a time, except interrupt(), which any thread (or a signal
// handler) may call.
#pragma once

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/graph.hpp"
#include "kg/query_result.hpp"
#include "query/ast/statement.hpp"
#include "query/executor/progress.hpp"
#include "query/planner/plan.hpp"

namespace kg::query {

// A statement parsed and, when it is a query, planned.
struct CachedPlan {
  std::string text;
  ast::Statement::Mode mode = ast::Statement::Mode::kRun;
  std::optional<ast::SchemaCommand> schema;
  std::optional<ast::TransactionCommand> transaction;
  std::unique_ptr<Plan> plan;
};

class Session {
 public:
  explicit Session(engine::Graph& graph);
  ~Session();

  QueryResult run(std::string_view text, const Map& params);
  // The parsed and planned statement (from the cache when it is there).
  Result<std::shared_ptr<CachedPlan>> prepare(std::string_view text);
  QueryResult execute(const std::shared_ptr<CachedPlan>& plan, const Map& params);

  bool in_transaction() const { return txn_ != nullptr; }
  void interrupt() { interrupted_.store(true, std::memory_order_relaxed); }
  // Progress of long-running work (see kg::Connection::set_progress); empty: none.
  void set_progress(ProgressFn progress) { progress_ = std::move(progress); }

  // Plans kept per session; the least recently used go first.
  static constexpr size_t kCacheSize = 256;

 private:
  Result<std::shared_ptr<CachedPlan>> compile(std::string_view text);
  QueryResult execute_query(CachedPlan& cached, const Map& params);
  QueryResult execute_schema(const ast::SchemaCommand& cmd);
  QueryResult execute_transaction_command(const ast::TransactionCommand& cmd);
  // A statement failed: inside BEGIN, the transaction rolls back and the error says so.
  QueryResult fail(Status error);

  engine::Graph& graph_;
  std::unique_ptr<engine::Transaction> txn_;  // opened by BEGIN
  std::list<std::string> lru_;
  std::unordered_map<std::string,
                     std::pair<std::shared_ptr<CachedPlan>, std::list<std::string>::iterator>>
      cache_;
  std::atomic<bool> interrupted_{false};
  ProgressFn progress_;
};

}  // namespace kg::query
