#include "kg/connection.hpp"

#include "api/guard.hpp"
#include "engine/graph.hpp"
#include "query/session.hpp"

namespace kg {

namespace {

Status not_open(const Database& db) {
  return Status(StatusCode::kInvalidArgument,
                "the database is not open: " + db.status().to_string());
}

}  // namespace

Connection::Connection(Database& db) {
  if (db.graph() != nullptr)
    session_ = std::make_unique<query::Session>(*db.graph());
  else
    open_error_ = not_open(db);
}

Connection::~Connection() = default;

QueryResult Connection::query(std::string_view statement, const Map& params) {
  if (!session_) return QueryResult(open_error_);
  try {
    return session_->run(statement, params);
  } catch (const std::exception& e) {
    return QueryResult(Status::internal(std::string("unexpected exception: ") + e.what()));
  } catch (...) {
    return QueryResult(Status::internal("unexpected exception"));
  }
}

PreparedStatement Connection::prepare(std::string_view statement) {
  if (!session_) return PreparedStatement(this, nullptr, open_error_);
  auto plan = api::guarded([&] { return session_->prepare(statement); });
  if (!plan) return PreparedStatement(this, nullptr, plan.error());
  return PreparedStatement(this, std::move(*plan), Status());
}

bool Connection::in_transaction() const { return session_ && session_->in_transaction(); }

void Connection::interrupt() {
  if (session_) session_->interrupt();
}

void Connection::set_progress(Progress progress) {
  if (session_) session_->set_progress(std::move(progress));
}

PreparedStatement::PreparedStatement(Connection* conn, std::shared_ptr<query::CachedPlan> plan,
                                     Status status)
    : conn_(conn), plan_(std::move(plan)), status_(std::move(status)) {}
PreparedStatement::PreparedStatement(PreparedStatement&&) noexcept = default;
PreparedStatement& PreparedStatement::operator=(PreparedStatement&&) noexcept = default;
PreparedStatement::~PreparedStatement() = default;

QueryResult PreparedStatement::execute(const Map& params) {
  if (!status_.ok()) return QueryResult(status_);
  try {
    return conn_->session_->execute(plan_, params);
  } catch (const std::exception& e) {
    return QueryResult(Status::internal(std::string("unexpected exception: ") + e.what()));
  } catch (...) {
    return QueryResult(Status::internal("unexpected exception"));
  }
}

}  // namespace kg
