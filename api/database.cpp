#include "kg/database.hpp"

#include "api/guard.hpp"
#include "engine/graph.hpp"
#include "engine/txn/transaction.hpp"

namespace kg {

Database::Database(const std::string& path, const Options& options)
    : Database(path, options, engine::StorageOptions{}) {}

Database::Database(const std::string& path, const Options& options,
                   const engine::StorageOptions& storage)
    : path_(path) {
  status_ = api::guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(graph_, engine::Graph::open(path, options, storage));
    return Status();
  });
}

Database::~Database() = default;

std::string Database::uuid() const { return graph_ ? graph_->store().uuid() : std::string(); }

namespace {

Status not_open(const Status& why) {
  return Status(StatusCode::kInvalidArgument, "the database is not open: " + why.to_string());
}

}  // namespace

Result<Transaction> Database::begin_read() {
  if (!graph_) return not_open(status_);
  return api::guarded([&]() -> Result<Transaction> {
    KG_ASSIGN_OR_RETURN(auto txn, graph_->begin_read());
    return Transaction(std::move(txn));
  });
}

Result<Transaction> Database::begin_write() {
  if (!graph_) return not_open(status_);
  return api::guarded([&]() -> Result<Transaction> {
    KG_ASSIGN_OR_RETURN(auto txn, graph_->begin_write());
    return Transaction(std::move(txn));
  });
}

}  // namespace kg
