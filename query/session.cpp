#include "query/session.hpp"

#include <algorithm>
#include <chrono>

#include "engine/txn/transaction.hpp"
#include "query/executor/exec_context.hpp"
#include "query/parser/parser.hpp"
#include "query/planner/planner.hpp"
#include "query/procedures/import_call.hpp"

namespace kg::query {

Session::Session(engine::Graph& graph) : graph_(graph) {}

Session::~Session() {
  if (txn_) txn_->rollback();
}

QueryResult Session::run(std::string_view text, const Map& params) {
  auto cached = prepare(text);
  if (!cached) return fail(cached.error());
  return execute(*cached, params);
}

Result<std::shared_ptr<CachedPlan>> Session::prepare(std::string_view text) {
  std::string key(text);
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.second);
    return it->second.first;
  }
  KG_ASSIGN_OR_RETURN(std::shared_ptr<CachedPlan> plan, compile(text));
  lru_.push_front(key);
  cache_[key] = {plan, lru_.begin()};
  if (cache_.size() > kCacheSize) {
    cache_.erase(lru_.back());
    lru_.pop_back();
  }
  return plan;
}

Result<std::shared_ptr<CachedPlan>> Session::compile(std::string_view text) {
  KG_ASSIGN_OR_RETURN(ast::Statement statement, parse_statement(text));
  auto cached = std::make_shared<CachedPlan>();
  cached->text = std::string(text);
  cached->mode = statement.mode;
  if (auto* cmd = std::get_if<ast::SchemaCommand>(&statement.body)) {
    cached->schema = *cmd;
    return cached;
  }
  if (auto* cmd = std::get_if<ast::TransactionCommand>(&statement.body)) {
    cached->transaction = *cmd;
    return cached;
  }
  if (import_call(statement) != nullptr) return cached;  // no plan: see run_import
  // Plan against the catalog this session sees.
  std::unique_ptr<engine::Transaction> own;
  const engine::Transaction* txn = txn_.get();
  if (txn == nullptr) {
    KG_ASSIGN_OR_RETURN(own, graph_.begin_read());
    txn = own.get();
  }
  KG_ASSIGN_OR_RETURN(cached->plan, plan_query(std::move(statement), text, *txn));
  return cached;
}

QueryResult Session::fail(Status error) {
  if (txn_) {
    txn_->rollback();
    txn_.reset();
    error = Status(error.code(), error.message() + " (the open transaction was rolled back)",
                   error.pos(), error.detail());
  }
  return QueryResult(std::move(error));
}

QueryResult Session::execute(const std::shared_ptr<CachedPlan>& cached, const Map& params) {
  interrupted_.store(false, std::memory_order_relaxed);
  auto start = std::chrono::steady_clock::now();
  QueryResult result;
  if (cached->transaction) {
    result = execute_transaction_command(*cached->transaction);
  } else if (cached->schema) {
    if (cached->mode == ast::Statement::Mode::kExplain) {
      result = QueryResult();
      result.set_plan("SchemaCommand\n");
    } else {
      result = execute_schema(*cached->schema);
    }
  } else if (!cached->plan) {  // CALL kg.import(...)
    auto statement = parse_statement(cached->text);
    if (!statement) return fail(statement.error());
    if (txn_) {
      result = fail(Status(StatusCode::kInvalidArgument,
                           "kg.import cannot run inside a transaction: it is a transaction of its "
                           "own; COMMIT or ROLLBACK first"));
    } else if (cached->mode == ast::Statement::Mode::kExplain) {
      result = QueryResult();
      result.set_plan("Import\n");
    } else {
      result = run_import(graph_, *import_call(*statement), params, &interrupted_);
    }
  } else {
    result = execute_query(*cached, params);
  }
  result.set_elapsed_ms(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return result;
}

QueryResult Session::execute_query(CachedPlan& cached, const Map& params) {
  // A plan made before an index was created or dropped may seek an index that is gone (or miss
  // one that would help): plan again.
  std::unique_ptr<engine::Transaction> own;
  engine::Transaction* txn = txn_.get();
  if (txn == nullptr) {
    auto t = cached.plan->writes ? graph_.begin_write() : graph_.begin_read();
    if (!t) return QueryResult(t.error());
    own = std::move(*t);
    txn = own.get();
  }
  if (txn->indexes() != cached.plan->indexes) {
    auto statement = parse_statement(cached.text);
    if (!statement) return fail(statement.error());
    auto plan = plan_query(std::move(*statement), cached.text, *txn);
    if (!plan) return fail(plan.error());
    bool was_write = cached.plan->writes;
    cached.plan = std::move(*plan);
    if (own && cached.plan->writes && !was_write) {
      own.reset();
      auto t = graph_.begin_write();
      if (!t) return QueryResult(t.error());
      own = std::move(*t);
      txn = own.get();
    }
  }
  Plan& plan = *cached.plan;
  for (const std::string& name : plan.parameters) {
    if (params.find(name) == params.end())
      return fail(Status(StatusCode::kParameterMissing, "Expected a parameter named $" + name, {},
                         "MissingParameter"));
  }
  if (cached.mode == ast::Statement::Mode::kExplain) {
    QueryResult r(plan.columns, {}, {});
    r.set_plan(plan.root->explain(false));
    return r;
  }
  ExecContext ctx(*txn, params, &interrupted_);
  ctx.set_progress(&progress_);
  ctx.set_profiling(cached.mode == ast::Statement::Mode::kProfile);
  plan.root->reset();
  // The plan stays cached after this execution, and its operators would keep what they hold —
  // RocksDB iterators of this transaction, which pin the files and memtables they read, and
  // buffered rows — until the plan next runs. Reset them when this execution ends, on every path,
  // before the transaction goes.
  struct ResetWhenDone {
    Operator& root;
    ~ResetWhenDone() { root.reset(); }
  } reset_when_done{*plan.root};
  auto fail_here = [&](Status error) {
    plan.root->reset();  // before fail() rolls back and ends an open transaction
    return fail(std::move(error));
  };
  auto rows = drain(*plan.root, ctx);
  if (!rows) return fail_here(rows.error());
  std::vector<Row> out;
  if (!plan.columns.empty()) {
    for (Row& row : *rows) {
      for (Value& v : row) {
        if (ExecContext::has_references(v)) {
          auto m = ctx.materialize(v);
          if (!m) return fail_here(m.error());
          v = std::move(*m);
        }
      }
    }
    out = std::move(*rows);
  }
  if (own) {
    Status s = own->commit();
    if (!s.ok()) return QueryResult(s);
  }
  QueryResult r(plan.columns, std::move(out), ctx.counters());
  if (cached.mode == ast::Statement::Mode::kProfile) r.set_plan(plan.root->explain(true));
  return r;
}

QueryResult Session::execute_schema(const ast::SchemaCommand& cmd) {
  using Kind = ast::SchemaCommand::Kind;
  std::unique_ptr<engine::Transaction> own;
  engine::Transaction* txn = txn_.get();
  if (txn == nullptr) {
    auto t = (cmd.kind == Kind::kShowIndexes || cmd.kind == Kind::kShowConstraints)
                 ? graph_.begin_read()
                 : graph_.begin_write();
    if (!t) return QueryResult(t.error());
    own = std::move(*t);
    txn = own.get();
  }
  QueryCounters counters;
  std::vector<Row> rows;
  std::vector<std::string> columns;
  Status s = [&]() -> Status {
    switch (cmd.kind) {
      case Kind::kShowIndexes:
      case Kind::kShowConstraints: {
        columns = {"name", "type", "label", "property", "unique"};
        for (const engine::IndexDef& d : txn->indexes()) {
          if (cmd.kind == Kind::kShowConstraints && !d.unique) continue;
          rows.push_back({Value(d.name), Value(d.unique ? "UNIQUENESS" : "RANGE"),
                          Value(txn->label_name(d.label)), Value(txn->prop_key_name(d.key)),
                          Value(d.unique)});
        }
        return Status();
      }
      case Kind::kCreateIndex:
      case Kind::kCreateConstraint: {
        bool unique = cmd.kind == Kind::kCreateConstraint;
        KG_ASSIGN_OR_RETURN(engine::LabelId label, txn->intern_label(cmd.label));
        KG_ASSIGN_OR_RETURN(engine::PropKeyId key, txn->intern_prop_key(cmd.property));
        auto existing = txn->find_index(label, key);
        if (existing || (!cmd.name.empty() && txn->find_index_by_name(cmd.name))) {
          if (cmd.if_not_exists) return Status();
          return Status(StatusCode::kSemanticError,
                        existing ? "an index or constraint on :" + cmd.label + "(" + cmd.property +
                                       ") already exists"
                                 : "an index or constraint named `" + cmd.name + "` already exists",
                        cmd.pos, unique ? "ConstraintAlreadyExists" : "IndexAlreadyExists");
        }
        KG_TRY(txn->create_index(label, key, unique, cmd.name));
        (unique ? counters.constraints_added : counters.indexes_added)++;
        return Status();
      }
      case Kind::kDropIndex:
      case Kind::kDropConstraint: {
        bool unique = cmd.kind == Kind::kDropConstraint;
        std::optional<engine::IndexDef> def;
        if (!cmd.name.empty()) {
          def = txn->find_index_by_name(cmd.name);
        } else {
          auto label = txn->find_label(cmd.label);
          auto key = txn->find_prop_key(cmd.property);
          if (label && key) def = txn->find_index(*label, *key);
        }
        if (!def || def->unique != unique) {
          if (cmd.if_exists) return Status();
          std::string what = !cmd.name.empty() ? "`" + cmd.name + "`"
                                               : "on :" + cmd.label + "(" + cmd.property + ")";
          return Status(StatusCode::kSemanticError,
                        std::string("there is no ") + (unique ? "constraint " : "index ") + what,
                        cmd.pos, unique ? "ConstraintDropFailed" : "IndexDropFailed");
        }
        KG_TRY(txn->drop_index(def->label, def->key));
        (unique ? counters.constraints_removed : counters.indexes_removed)++;
        return Status();
      }
    }
    return Status();
  }();
  if (!s.ok()) return fail(s);
  if (own) {
    Status c = own->commit();
    if (!c.ok()) return QueryResult(c);
  }
  return QueryResult(std::move(columns), std::move(rows), counters);
}

QueryResult Session::execute_transaction_command(const ast::TransactionCommand& cmd) {
  using Kind = ast::TransactionCommand::Kind;
  switch (cmd.kind) {
    case Kind::kBegin: {
      if (txn_)
        return QueryResult(Status(StatusCode::kInvalidArgument,
                                  "a transaction is already open (COMMIT or ROLLBACK it first)",
                                  cmd.pos));
      auto t = graph_.begin_write();
      if (!t) return QueryResult(t.error());
      txn_ = std::move(*t);
      return QueryResult();
    }
    case Kind::kCommit: {
      if (!txn_)
        return QueryResult(
            Status(StatusCode::kInvalidArgument, "there is no transaction to commit", cmd.pos));
      Status s = txn_->commit();
      txn_.reset();
      if (!s.ok()) return QueryResult(s);
      return QueryResult();
    }
    case Kind::kRollback: {
      if (!txn_)
        return QueryResult(
            Status(StatusCode::kInvalidArgument, "there is no transaction to roll back", cmd.pos));
      txn_->rollback();
      txn_.reset();
      return QueryResult();
    }
  }
  return QueryResult();
}

}  // namespace kg::query
