// CSV imports end to end (kg::import_files): header types and options, into an empty graph and
// into one that holds data, statistics and indexes after the import.
#include <catch2/catch.hpp>

#include "tests/unit/loader/import_fixture.hpp"

using kg::ImportOptions;
using kg::testing::ImportFixture;
using kg::testing::nodes_options;

TEST_CASE("import csv: each header type becomes a typed property", "[loader][import]") {
  ImportFixture fx;
  auto nodes =
      fx.file("n.csv",
              "id:ID,i:int,l:LONG,s:short,b:byte,f:float,d:Double,ok:boolean,t:string,"
              "c:char,untyped,ia:int[],sa:string[],fa:double[],ba:BOOLEAN[],skip:IGNORE\n"
              "1,42,-9000000000,7,-3,1.5,2.25,TRUE,text,x,plain,1;2;3,a;b,0.5;1,true;false,"
              "gone\n");
  auto s = fx.import_ok(nodes_options({"T"}, {nodes}));
  CHECK(s.nodes == 1);
  CHECK(s.properties == 15);
  CHECK(fx.rows("MATCH (n:T) RETURN n.id, n.i, n.l, n.s, n.b, n.f, n.d, n.ok, n.t, n.c, n.untyped, "
                "n.ia, n.sa, n.fa, n.ba, n.skip") ==
        "'1'|42|-9000000000|7|-3|1.5|2.25|true|'text'|'x'|'plain'|[1, 2, 3]|['a', 'b']|"
        "[0.5, 1.0]|[true, false]|null\n");
  CHECK(fx.check_consistency() == "");
}

TEST_CASE("import csv: labels from the group and from a :LABEL column, relationship types",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.nodes.push_back(
      {{"Entity", "Org"}, {fx.file("n.csv", ":ID,:LABEL,name\na,Company;Cloud,AWS\nb,,Nvidia\n")}});
  o.relationships.push_back(
      {"BUYS", {fx.file("r.csv", ":START_ID,:END_ID,:TYPE,units:long\na,b,,100\nb,a,SELLS,\n")}});
  auto s = fx.import_ok(o);
  CHECK(s.nodes == 2);
  CHECK(s.relationships == 2);
  CHECK(fx.rows("MATCH (n) RETURN n.name, labels(n) ORDER BY n.name") ==
        "'AWS'|['Entity', 'Org', 'Company', 'Cloud']\n'Nvidia'|['Entity', 'Org']\n");
  CHECK(fx.rows("MATCH (a)-[r]->(b) RETURN a.name, type(r), r.units, b.name ORDER BY a.name") ==
        "'AWS'|'BUYS'|100|'Nvidia'\n'Nvidia'|'SELLS'|null|'AWS'\n");
  CHECK(fx.check_consistency() == "");
}

TEST_CASE("import csv: id spaces keep equal ids of different kinds apart", "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.nodes.push_back({{"Person"}, {fx.file("p.csv", "pid:ID(Person),name\n1,Ada\n2,Bob\n")}});
  o.nodes.push_back({{"Company"}, {fx.file("c.csv", "cid:ID(Company),name\n1,AWS\n")}});
  o.relationships.push_back(
      {"WORKS_AT", {fx.file("w.csv", ":START_ID(Person),:END_ID(Company)\n1,1\n2,1\n")}});
  fx.import_ok(o);
  CHECK(fx.rows("MATCH (p:Person)-[:WORKS_AT]->(c:Company) RETURN p.name, p.pid, c.name "
                "ORDER BY p.name") == "'Ada'|'1'|'AWS'\n'Bob'|'2'|'AWS'\n");
  // The default space knows none of them.
  ImportOptions bad;
  bad.nodes.push_back({{"X"}, {fx.file("x.csv", ":ID\n1\n")}});
  bad.relationships.push_back({"R", {fx.file("r.csv", ":START_ID(Person),:END_ID\n1,1\n")}});
  auto r = fx.import(bad);
  CHECK(r.status().message() == fx.path("r.csv") +
                                    ":2: :START_ID '1' in id space 'Person' is no node's id "
                                    "(--skip-bad-relationships skips such rows)");
}

TEST_CASE("import csv: a header alone in the first file, several files in a group",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.nodes.push_back({{"N"},
                     {fx.file("h.csv", ":ID,v:int\n"), fx.file("a.csv", "1,10\n2,20\n"),
                      fx.file("b.csv.gz", "3,30\n", /*gzip=*/true)}});
  o.relationships.push_back({"R",
                             {fx.file("rh.csv", ":START_ID,:END_ID\n"), fx.file("r1.csv", "1,2\n"),
                              fx.file("r2.csv", "2,3\n3,1\n")}});
  auto s = fx.import_ok(o);
  CHECK(s.nodes == 3);
  CHECK(s.relationships == 3);
  CHECK(fx.rows("MATCH (a)-->(b) RETURN a.v, b.v ORDER BY a.v") == "10|20\n20|30\n30|10\n");
}

TEST_CASE("import csv: auto_skip_subsequent_headers drops the repeated headers",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o =
      nodes_options({"N"}, {fx.file("h.csv", ":ID,v:int\n"), fx.file("a.csv", "id,v\n1,10\n"),
                            fx.file("b.csv", "id,v\n2,20\n")});
  o.auto_skip_subsequent_headers = true;
  CHECK(fx.import_ok(o).nodes == 2);
  CHECK(fx.rows("MATCH (n:N) RETURN sum(n.v)") == "30\n");
}

TEST_CASE("import csv: delimiter, array delimiter and quote options", "[loader][import]") {
  ImportFixture fx;
  ImportOptions o =
      nodes_options({"N"}, {fx.file("n.tsv", ":ID\tname\ttags:string[]\n1\t'a\tb, ''c'''\tx|y\n")});
  o.delimiter = '\t';
  o.array_delimiter = '|';
  o.quote = '\'';
  fx.import_ok(o);
  CHECK(fx.rows("MATCH (n:N) RETURN n.name, n.tags") == "'a\tb, \\'c\\''|['x', 'y']\n");
}

TEST_CASE("import csv: quoted fields with delimiters, quotes, newlines, a BOM and UTF-8",
          "[loader][import]") {
  ImportFixture fx;
  auto nodes = fx.file("n.csv",
                       "\xEF\xBB\xBF:ID,text,n:int\r\n"
                       "1,\"a, b\",1\r\n"
                       "2,\"she said \"\"hi\"\"\",2\r\n"
                       "3,\"two\nlines\",3\r\n"
                       "4,\"\",4\r\n"
                       "5,,5\r\n"
                       "6,\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80,6\r\n",
                       /*gzip=*/true);
  fx.import_ok(nodes_options({"N"}, {nodes}));
  CHECK(fx.rows("MATCH (n:N) RETURN n.n, n.text ORDER BY n.n") ==
        "1|'a, b'\n2|'she said \"hi\"'\n3|'two\nlines'\n4|''\n5|null\n6|'日本 😀'\n");
}

TEST_CASE("import csv: into a graph that holds data, twice", "[loader][import]") {
  ImportFixture fx;
  fx.rows("CREATE (:Company {name: 'Old'})-[:BUYS {units: 1}]->(:Product {name: 'Thing'})");
  ImportOptions o;
  o.nodes.push_back({{"Company"}, {fx.file("n.csv", ":ID,name\n1,New\n2,Newer\n")}});
  o.relationships.push_back({"BUYS", {fx.file("r.csv", ":START_ID,:END_ID,units:int\n1,2,5\n")}});
  fx.import_ok(o);
  fx.import_ok(o);  // ids are local to one import: the same files add two more nodes
  CHECK(fx.rows("MATCH (c:Company) RETURN c.name, count(*) ORDER BY c.name") ==
        "'New'|2\n'Newer'|2\n'Old'|1\n");
  CHECK(fx.rows("MATCH (a)-[r:BUYS]->(b) RETURN a.name, r.units, b.name ORDER BY r.units") ==
        "'Old'|1|'Thing'\n'New'|5|'Newer'\n'New'|5|'Newer'\n");
  CHECK(fx.rows("MATCH (n) RETURN count(n)") == "6\n");
  CHECK(fx.rows("MATCH ()-[r]->() RETURN count(r)") == "3\n");
  // Statements after the import create ids above the imported ones.
  fx.rows("CREATE (:Company {name: 'Later'})");
  CHECK(fx.rows("MATCH (c:Company) WITH max(id(c)) AS m MATCH (l:Company {name: 'Later'}) "
                "RETURN id(l) = m") == "true\n");
  CHECK(fx.check_consistency() == "");
  fx.reopen();
  CHECK(fx.check_consistency() == "");
  CHECK(fx.rows("MATCH (n) RETURN count(n)") == "7\n");
  CHECK(fx.rows("CALL db.labels() YIELD label RETURN label ORDER BY label") ==
        "'Company'\n'Product'\n");
}

TEST_CASE("import csv: statistics and existing indexes are kept up to date", "[loader][import]") {
  ImportFixture fx;
  fx.rows("CREATE INDEX FOR (c:Company) ON (c.name)");
  fx.rows("CREATE (:Company {name: 'Old', founded: 1990})");
  ImportOptions o;
  o.nodes.push_back(
      {{"Company"},
       {fx.file("n.csv", ":ID,name,founded:int\n1,AWS,2006\n2,Nvidia,1993\n3,,2000\n")}});
  o.nodes.push_back({{"Person"}, {fx.file("p.csv", ":ID,name\n9,AWS\n")}});
  fx.import_ok(o);
  CHECK(fx.check_consistency() == "");
  CHECK(fx.rows("MATCH (c:Company {name: 'AWS'}) RETURN c.founded") == "2006\n");
  CHECK(fx.rows("MATCH (c:Company) WHERE c.name >= 'N' RETURN c.name ORDER BY c.name") ==
        "'Nvidia'\n'Old'\n");
  auto plan = fx.query("EXPLAIN MATCH (c:Company {name: 'AWS'}) RETURN c");
  REQUIRE(plan.ok());
  CHECK(plan.plan().find("IndexSeek") != std::string::npos);
  CHECK(fx.rows("MATCH (c:Company) RETURN count(c)") == "4\n");
  CHECK(fx.rows("MATCH (p:Person) RETURN count(p)") == "1\n");
}

TEST_CASE("import csv: data that breaks a unique constraint fails the import cleanly",
          "[loader][import]") {
  ImportFixture fx;
  fx.rows("CREATE CONSTRAINT FOR (c:Company) REQUIRE c.name IS UNIQUE");
  fx.rows("CREATE (:Company {name: 'AWS'})");
  std::string before = fx.raw_dump();

  SECTION("against the graph") {
    auto r =
        fx.import(nodes_options({"Company"}, {fx.file("n.csv", ":ID,name\n1,Nvidia\n2,AWS\n")}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == kg::StatusCode::kConstraintVerificationFailed);
    CHECK_THAT(r.status().message(),
               Catch::StartsWith(fx.path("n.csv") + ":3: the unique constraint"));
    CHECK_THAT(r.status().message(), Catch::Contains("already has name 'AWS'"));
  }
  SECTION("within the import") {
    auto r = fx.import(
        nodes_options({"Company"}, {fx.file("n.csv", ":ID,name\n1,Groq\n2,Nvidia\n3,Groq\n")}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == kg::StatusCode::kConstraintVerificationFailed);
    CHECK_THAT(r.status().message(), Catch::Contains("'Groq' is also the name of the node of " +
                                                     fx.path("n.csv") + ":2"));
  }
  CHECK(fx.raw_dump() == before);
  CHECK(fx.rows("MATCH (c:Company) RETURN c.name") == "'AWS'\n");
  // A clean import still works afterwards, and a node without the label is not constrained.
  fx.import_ok(nodes_options({"Person"}, {fx.file("p.csv", ":ID,name\n1,AWS\n")}));
  fx.import_ok(nodes_options({"Company"}, {fx.file("c.csv", ":ID,name\n1,Groq\n")}));
  CHECK(fx.check_consistency() == "");
}

TEST_CASE("import csv: a plan cached before an import sees the imported data", "[loader][import]") {
  ImportFixture fx;
  CHECK(fx.rows("MATCH (n:Fresh) RETURN count(n)") == "0\n");
  CHECK(fx.rows("MATCH ()-[r:NEW_TYPE]->() RETURN count(r)") == "0\n");
  ImportOptions o = nodes_options({"Fresh"}, {fx.file("n.csv", ":ID,k:int\n1,1\n2,2\n")});
  o.relationships.push_back({"NEW_TYPE", {fx.file("r.csv", ":START_ID,:END_ID\n1,2\n")}});
  fx.import_ok(o);
  CHECK(fx.rows("MATCH (n:Fresh) RETURN count(n)") == "2\n");
  CHECK(fx.rows("MATCH ()-[r:NEW_TYPE]->() RETURN count(r)") == "1\n");
}

TEST_CASE("import csv: a larger import spills sort runs and stays consistent", "[loader][import]") {
  ImportFixture fx;
  std::string nodes = ":ID,name,n:int\n", rels = ":START_ID,:END_ID,:TYPE\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    nodes +=
        "k" + std::to_string(i) + ",node " + std::to_string(i) + "," + std::to_string(i) + "\n";
  for (int64_t i = 0; i < 5 * n; ++i)
    rels += "k" + std::to_string((i * 7919) % n) + ",k" + std::to_string((i * 104729 + 3) % n) +
            (i % 3 == 0 ? ",A\n" : ",B\n");
  fx.rows("CREATE INDEX FOR (x:Big) ON (x.n)");
  ImportOptions o = nodes_options({"Big"}, {fx.file("n.csv", nodes)});
  o.relationships.push_back({"", {fx.file("r.csv", rels, /*gzip=*/true)}});
  o.sort_memory_bytes = 256 << 10;  // many runs
  auto s = fx.import_ok(o);
  CHECK(s.nodes == n);
  CHECK(s.relationships == 5 * n);
  CHECK(s.rows == 6 * n);
  CHECK(fx.check_consistency() == "");
  CHECK(fx.rows("MATCH (x:Big {n: 1234}) RETURN x.name") == "'node 1234'\n");
  CHECK(fx.rows("MATCH ()-[r:A]->() RETURN count(r)") == std::to_string((5 * n + 2) / 3) + "\n");
}

TEST_CASE("import csv: rels tables are ZSTD, others LZ4HC, nodes, rels and adj without filters",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o = nodes_options({"N"}, {fx.file("n.csv", ":ID,name\na,A\nb,B\n")});
  o.relationships.push_back({"R", {fx.file("r.csv", ":START_ID,:END_ID\na,b\nb,a\n")}});
  fx.import_ok(o);
  using kg::engine::Cf;
  CHECK(fx.table_formats(Cf::kAdj) == "LZ4HC no-filter\n");
  CHECK(fx.table_formats(Cf::kRels) == "ZSTD no-filter\n");
  CHECK(fx.table_formats(Cf::kNodes) == "LZ4HC no-filter\n");
  CHECK(fx.table_formats(Cf::kLabelNodes) == "LZ4HC filter\n");
  CHECK(fx.rows("MATCH (a)-[:R]->(b) RETURN a.name, b.name ORDER BY a.name") ==
        "'A'|'B'\n'B'|'A'\n");
}
