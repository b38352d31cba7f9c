// The parser's nesting limit (query/parser/parser.hpp, kMaxParseDepth) must keep a statement
// within the stack of an ordinary thread: a statement nested up to the limit runs to the end on a
// thread with a 2 MB stack (a 1 KB statement nested 500 deep once overflowed it), and one level
// more is a SyntaxError rather than a crash.
#include <pthread.h>

#include <catch2/catch.hpp>

#include <string>

#include "kg/kg.hpp"
#include "query/parser/parser.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

struct Job {
  kg::Connection* conn;
  std::string statement;
  kg::Status status;
};

// The thread's stack: 2 MB, what the limit is for (a release build). Under AddressSanitizer
// (scripts/sanitize: a Debug build with redzones around every local) frames are several times
// larger, so there the test gives the thread 8 MB, a main thread's default.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kStackBytes = 8 << 20;
#else
constexpr size_t kStackBytes = 2 << 20;
#endif

// Runs job->statement on a new thread with a kStackBytes stack and waits for it.
void run_on_small_stack(Job& job) {
  pthread_attr_t attr;
  REQUIRE(pthread_attr_init(&attr) == 0);
  REQUIRE(pthread_attr_setstacksize(&attr, kStackBytes) == 0);
  pthread_t thread;
  auto body = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    j->status = j->conn->query(j->statement).status();
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attr, body, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

// RETURN [[...[1]...]]: the expression itself is one level, each bracket one more.
std::string nested_list(int brackets) {
  return "RETURN " + std::string(brackets, '[') + "1" + std::string(brackets, ']');
}

}  // namespace

TEST_CASE("parser: nesting up to the limit fits a 2 MB thread stack, deeper is an error",
          "[query][parser]") {
  kg::testing::TempDir dir;
  kg::Database db(dir.path());
  REQUIRE(db.ok());
  kg::Connection conn(db);

  Job at_limit{&conn, nested_list(kg::query::kMaxParseDepth - 1), {}};
  run_on_small_stack(at_limit);
  CHECK(at_limit.status.ok());

  Job beyond{&conn, nested_list(kg::query::kMaxParseDepth), {}};
  run_on_small_stack(beyond);
  CHECK(beyond.status.code() == kg::StatusCode::kSyntaxError);
  CHECK(beyond.status.detail() == "NestingTooDeep");
}

// `(` may start a pattern expression or a parenthesized one; the parser tries both. Nested, that
// once took time exponential in the depth: 22 levels ran 8 s, 30 would run some 17 minutes, which
// ctest's timeout (300 s) turns into a failure. Now it takes a fraction of a second.
TEST_CASE("parser: nested parentheses parse in polynomial time", "[query][parser]") {
  kg::testing::TempDir dir;
  kg::Database db(dir.path());
  REQUIRE(db.ok());
  kg::Connection conn(db);
  std::string open, close;
  for (int i = 0; i < 30; ++i) {
    open += "({a: ";
    close += "})";
  }
  auto r = conn.query("RETURN " + open + "1" + close + " AS m");
  REQUIRE(r.ok());
  CHECK(r.size() == 1);
}
