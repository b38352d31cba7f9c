// kg_test_helper: the child process of multi-process tests, started with fork + exec so that the
// child has a clean RocksDB (its thread pools do not survive a bare fork).
//
//   kg_test_helper hold DB_DIR          opens the graph, prints "ready <pid>", and keeps it open
//                                       until stdin reaches EOF
//   kg_test_helper write DB_DIR FIRST   commits batches FIRST, FIRST+1, ... forever: each is one
//                                       :Batch {seq} node with 5 :Item nodes linked by :HAS; prints
//                                       "<seq>\n" (flushed) after each commit returned
//   kg_test_helper corrupt DB_DIR       deletes the graph's first adjacency entry under the
//                                       engine, breaking invariant R2 (for `kg check` tests)
// Exit status: 0 after hold; 3 and up on errors (the message on stderr).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "engine/graph.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "kg/kg.hpp"

namespace {

constexpr int kItemsPerBatch = 5;

int fail(int code, const kg::Status& s) {
  std::cerr << "kg_test_helper: " << s.to_string() << "\n";
  return code;
}

int hold(const std::string& path) {
  kg::Database db(path);
  if (!db.ok()) return fail(3, db.status());
  std::printf("ready %d\n", static_cast<int>(::getpid()));
  std::fflush(stdout);
  char buf[64];
  while (::read(0, buf, sizeof buf) > 0) {
  }
  return 0;
}

int write_forever(const std::string& path, int first) {
  kg::Database db(path);
  if (!db.ok()) return fail(3, db.status());
  for (int seq = first;; ++seq) {
    auto txn = db.begin_write();
    if (!txn) return fail(4, txn.error());
    auto batch = txn->create_node({"Batch"}, {{"seq", seq}});
    if (!batch) return fail(5, batch.error());
    for (int i = 0; i < kItemsPerBatch; ++i) {
      auto item = txn->create_node({"Item"}, {{"seq", seq}, {"i", i}});
      if (!item) return fail(6, item.error());
      if (auto s = txn->create_relationship(*batch, "HAS", *item).status(); !s.ok())
        return fail(6, s);
    }
    if (auto s = txn->commit(); !s.ok()) return fail(7, s);
    std::printf("%d\n", seq);
    std::fflush(stdout);
  }
}

int corrupt(const std::string& path) {
  kg::Database db(path);
  if (!db.ok()) return fail(3, db.status());
  using kg::engine::KvTransaction;
  KvTransaction kv(db.graph()->store(), KvTransaction::Mode::kWrite);
  std::string key;
  {
    kg::engine::KvCursor c = kv.scan(kg::engine::Cf::kAdj, "", "");
    if (!c.valid()) return fail(4, kg::Status(kg::StatusCode::kNotFound, "no adjacency entry"));
    key = std::string(c.key());
  }
  if (auto s = kv.del(kg::engine::Cf::kAdj, key); !s.ok()) return fail(5, s);
  if (auto s = kv.commit(); !s.ok()) return fail(5, s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "hold" && argc == 3) return hold(argv[2]);
  if (mode == "write" && argc == 4) return write_forever(argv[2], std::stoi(argv[3]));
  if (mode == "corrupt" && argc == 3) return corrupt(argv[2]);
  std::cerr << "usage: kg_test_helper hold DB_DIR | write DB_DIR FIRST | corrupt DB_DIR\n";
  return 2;
}
