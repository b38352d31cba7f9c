// JSON Lines and N-Triples imports, and the same importer from Cypher (CALL kg.import) and from
// the command line's option parser (shell/import_command).
#include <catch2/catch.hpp>

#include "engine/loader/ntriples_reader.hpp"
#include "shell/import_command.hpp"
#include "tests/unit/loader/import_fixture.hpp"

using kg::ImportOptions;
using kg::testing::ImportFixture;

TEST_CASE("import jsonl: nodes and relationships, in any order, with typed properties",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.jsonl.push_back(fx.file(
      "g.jsonl",
      R"({"type":"relationship","label":"BUYS","start":1,"end":"p9","properties":{"units":1000000,"price":2.5}})"
      "\n"
      R"({"type":"node","id":1,"labels":["Company","Cloud"],"properties":{"name":"AWS","tags":["a","b"],"meta":{"k":1},"gone":null}})"
      "\n\n"
      R"({"_type":"node","_id":"p9","_labels":["Product"],"properties":{"name":"Blackwell","ok":true}})"
      "\n"
      R"({"_type":"relationship","_rel_type":"MAKES","_start":{"id":"p9"},"_end":{"id":1}})"
      "\n"));
  auto s = fx.import_ok(o);
  CHECK(s.nodes == 2);
  CHECK(s.relationships == 2);
  CHECK(fx.rows("MATCH (c:Company) RETURN c.name, labels(c), c.tags, c.meta, c.gone") ==
        "'AWS'|['Company', 'Cloud']|['a', 'b']|{k: 1}|null\n");
  CHECK(fx.rows("MATCH (a)-[r:BUYS]->(b) RETURN a.name, r.units, r.price, b.name, b.ok") ==
        "'AWS'|1000000|2.5|'Blackwell'|true\n");
  CHECK(fx.rows("MATCH (a)-[:MAKES]->(b) RETURN a.name, b.name") == "'Blackwell'|'AWS'\n");
  CHECK(fx.check_consistency() == "");
}

TEST_CASE("import jsonl: NaN and infinities as kg's JSON output writes them", "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.jsonl.push_back(fx.file(
      "g.jsonl",
      R"({"type":"node","id":1,"labels":["F"],"properties":{"a":NaN,"b":Infinity,"c":-Infinity,"l":[-Infinity, 1.5]}})"
      "\n"));
  fx.import_ok(o);
  CHECK(fx.rows("MATCH (n:F) RETURN isNaN(n.a), n.b, n.c, n.l") ==
        "true|Infinity|-Infinity|[-Infinity, 1.5]\n");
  ImportOptions bad;
  bad.jsonl.push_back(fx.file("bad.jsonl", R"({"type":"node","id":2,"properties":{"a":Nan}})"
                                           "\n"));
  auto r = fx.import(bad);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message(), Catch::Contains(":1: column"));
}

TEST_CASE("import jsonl: bad lines fail with file:line and change nothing", "[loader][import]") {
  const std::pair<const char*, const char*> cases[] = {
      {"{\"type\":\"node\",\"id\":1}\n{\"type\":\"node\",\"id\":2,}\n",
       ":2: column 23: expected a key in quotes"},
      {"{\"type\":\"node\",\"id\":1}\n[1]\n", ":2: each line must hold one JSON object"},
      {"{\"type\":\"edge\"}\n", ":1: \"type\" must be \"node\" or \"relationship\""},
      {"{\"type\":\"node\",\"id\":1}\n{\"type\":\"node\",\"id\":1}\n",
       ":2: duplicate node id '1' (--skip-duplicate-nodes skips such rows)"},
      {"{\"type\":\"node\",\"id\":1}\n{\"type\":\"relationship\",\"label\":\"R\",\"start\":1,"
       "\"end\":2}\n",
       ":2: \"end\" '2' is no node's id (--skip-bad-relationships skips such rows)"},
      {"{\"type\":\"relationship\",\"start\":1,\"end\":1}\n",
       ":1: a relationship needs its type as a non-empty string in \"label\""},
      {"{\"type\":\"node\",\"labels\":\"A\"}\n", ":1: \"labels\" must be a list of strings"},
  };
  for (const auto& [text, reason] : cases) {
    ImportFixture fx;
    fx.rows("CREATE (:Before {name: 'x'})");
    const std::string raw = fx.raw_dump();
    ImportOptions o;
    o.jsonl.push_back(fx.file("g.jsonl", text));
    auto r = fx.import(o);
    INFO(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == fx.path("g.jsonl") + reason);
    CHECK(fx.raw_dump() == raw);
  }
}

TEST_CASE("import ntriples: IRIs and blank nodes become nodes, literals properties",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o;
  o.ntriples.push_back(fx.file(
      "g.nt",
      "# a comment\n"
      "<http://ex.org/aws> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://schema.org/Organization> .\n"
      "<http://ex.org/aws> <http://schema.org/name> \"AWS\" .\n"
      "<http://ex.org/aws> <http://schema.org/founded> "
      "\"2006\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://ex.org/aws> <http://schema.org/alias> \"Amazon\\tWeb \\u00C9\"@en .\n"
      "<http://ex.org/aws> <http://schema.org/alias> \"A.W.S.\" .\n"
      "<http://ex.org/aws> <http://ex.org/rel#buys> _:chip .\n"
      "_:chip <http://schema.org/weight> \"2.5\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
      "_:chip <http://schema.org/ok> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"
      "\n"
      "<http://ex.org/nvidia> <http://ex.org/rel#makes> _:chip .\n"));
  auto s = fx.import_ok(o);
  CHECK(s.nodes == 3);
  CHECK(s.relationships == 2);
  CHECK(fx.rows("MATCH (n:Resource) RETURN n.uri, labels(n), n.name, n.founded, n.alias "
                "ORDER BY n.uri") ==
        "'http://ex.org/aws'|['Resource', 'Organization']|'AWS'|2006|['Amazon\tWeb É', 'A.W.S.']\n"
        "'http://ex.org/nvidia'|['Resource']|null|null|null\n");
  CHECK(fx.rows("MATCH (a)-[r]->(b:BlankNode) RETURN a.uri, type(r), b.weight, b.ok ORDER BY "
                "a.uri") ==
        "'http://ex.org/aws'|'buys'|2.5|true\n'http://ex.org/nvidia'|'makes'|2.5|true\n");
  CHECK(fx.check_consistency() == "");
}

TEST_CASE("import ntriples: a bad triple or literal fails with file:line", "[loader][import]") {
  ImportFixture fx;
  const std::string raw = fx.raw_dump();
  ImportOptions o;
  o.ntriples.push_back(
      fx.file("g.nt",
              "<http://a> <http://p> \"x\" .\n"
              "<http://a> <http://p> \"12x\"^^<http://www.w3.org/2001/XMLSchema#int> .\n"));
  CHECK(fx.import(o).status().message() == fx.path("g.nt") + ":2: '12x' is not an xsd:int");
  o.ntriples[0] = fx.file("h.nt", "<http://a> <http://p> \"x\"\n");
  CHECK(fx.import(o).status().message() ==
        fx.path("h.nt") + ":1: column 26: expected '.' at the end of the triple");
  o.ntriples[0] = fx.file("i.nt", "\"lit\" <http://p> <http://b> .\n");
  CHECK(fx.import(o).status().message() ==
        fx.path("i.nt") + ":1: column 1: the subject must be an IRI or a blank node");
  CHECK(fx.raw_dump() == raw);
  CHECK(kg::engine::loader::local_name("http://schema.org/name") == "name");
  CHECK(kg::engine::loader::local_name("http://x.org/a#b") == "b");
}

TEST_CASE("import cypher: CALL kg.import runs the importer and returns its summary",
          "[loader][import]") {
  ImportFixture fx;
  std::string n = fx.file("n.csv", ":ID,name\n1,AWS\n2,Nvidia\n");
  std::string r = fx.file("r.csv", ":START_ID,:END_ID\n1,2\n");
  kg::QueryResult q = fx.conn().query(
      "CALL kg.import({nodes: [{labels: ['Company'], files: [$n]}], "
      "relationships: [{type: 'BUYS', files: $r}], skip_bad_relationships: false})",
      {{"n", n}, {"r", r}});
  INFO(q.status().to_string());
  REQUIRE(q.ok());
  CHECK(q.columns() == std::vector<std::string>{"nodes", "relationships", "properties",
                                                "skipped_nodes", "skipped_relationships",
                                                "seconds"});
  REQUIRE(q.size() == 1);
  CHECK(q[0][0] == kg::Value(int64_t{2}));
  CHECK(q[0][1] == kg::Value(int64_t{1}));
  CHECK(q.counters().nodes_created == 2);
  CHECK(fx.rows("MATCH (a:Company)-[:BUYS]->(b) RETURN a.name, b.name") == "'AWS'|'Nvidia'\n");
  CHECK(fx.rows("CALL kg.import({nodes: $f}) YIELD nodes", {{"f", n}}) == "2\n");
  // Errors: a bad file (graph unchanged), an unknown option, inside a transaction.
  const std::string raw = fx.raw_dump();
  kg::QueryResult bad =
      fx.conn().query("CALL kg.import({nodes: $f})", {{"f", fx.file("b.csv", ":ID,x:int\n1,y\n")}});
  CHECK(bad.status().message() == fx.path("b.csv") + ":2: field 2 (x): 'y' is not an int");
  CHECK(fx.conn()
            .query("CALL kg.import({nodez: 'x'})")
            .status()
            .message()
            .starts_with("kg.import: unknown option `nodez`"));
  REQUIRE(fx.conn().query("BEGIN").ok());
  CHECK_FALSE(fx.conn().query("CALL kg.import({nodes: $f})", {{"f", n}}).ok());
  CHECK(fx.raw_dump() == raw);
}

TEST_CASE("import command line: neo4j-admin style options", "[loader][import][shell]") {
  auto parse = [](std::vector<std::string> words, bool db = true) {
    return kg::shell::parse_import_args(words, db);
  };
  auto a = parse({"g.db",
                  "--nodes=Company:Org=h.csv,a.csv",
                  "--nodes",
                  "p.csv",
                  "--relationships=BUYS=r.csv",
                  "--relationships:SELLS=s.csv",
                  "--nodes:Person=q.csv",
                  "--delimiter",
                  "TAB",
                  "--array-delimiter=|",
                  "--quote='",
                  "--skip-bad-relationships",
                  "--skip-duplicate-nodes=false",
                  "--report-file",
                  "rep.txt",
                  "--jsonl",
                  "g.jsonl",
                  "--ntriples=t.nt",
                  "--sort-memory",
                  "64M",
                  "--no-progress"});
  INFO(a.status().to_string());
  REQUIRE(a.ok());
  CHECK(a->db_dir == "g.db");
  const kg::ImportOptions& o = a->options;
  REQUIRE(o.nodes.size() == 3);
  CHECK(o.nodes[0].labels == std::vector<std::string>{"Company", "Org"});
  CHECK(o.nodes[0].files == std::vector<std::string>{"h.csv", "a.csv"});
  CHECK(o.nodes[1].labels.empty());
  CHECK(o.nodes[2].labels == std::vector<std::string>{"Person"});
  REQUIRE(o.relationships.size() == 2);
  CHECK(o.relationships[0].type == "BUYS");
  CHECK(o.relationships[1].type == "SELLS");
  CHECK(o.delimiter == '\t');
  CHECK(o.array_delimiter == '|');
  CHECK(o.quote == '\'');
  CHECK(o.skip_bad_relationships);
  CHECK_FALSE(o.skip_duplicate_nodes);
  CHECK(o.report_file == "rep.txt");
  CHECK(o.jsonl == std::vector<std::string>{"g.jsonl"});
  CHECK(o.ntriples == std::vector<std::string>{"t.nt"});
  CHECK(o.sort_memory_bytes == 64ull << 20);
  CHECK_FALSE(a->progress);

  CHECK(parse({"--help"})->help);
  CHECK(parse({"g.db"}).status().message() ==
        "nothing to import: give --nodes, --relationships, --jsonl or --ntriples");
  CHECK(parse({"--nodes=a.csv"}).status().message() == "DB_DIR is missing");
  CHECK(parse({"g", "--nodes=a.csv", "--bogus"}).status().message() == "unknown option --bogus");
  CHECK(parse({"g", "--delimiter=ab", "--nodes=a.csv"}).status().message() ==
        "--delimiter takes one character (or TAB), not 'ab'");
  CHECK(parse({"g", "--nodes"}).status().message() == "--nodes needs a value");
  CHECK(parse({"--nodes=a.csv", "extra"}, false)
            .status()
            .message()
            .starts_with("unexpected argument 'extra'"));
  CHECK(kg::shell::import_usage().find("--skip-bad-relationships") != std::string::npos);
}

TEST_CASE("import command line: the summary and :import on an open database",
          "[loader][import][shell]") {
  ImportFixture fx;
  kg::ImportSummary s;
  s.nodes = 1000;
  s.relationships = 1;
  s.properties = 2;
  s.rows = 1001;
  s.seconds = 0.5;
  s.skipped_relationships = 3;
  kg::ImportOptions o;
  o.report_file = "rep.txt";
  CHECK(kg::shell::import_summary_text(s, o) ==
        "Imported 1,000 nodes, 1 relationship and 2 properties in 0.50 s (2,002 rows/s)\n"
        "Skipped 3 relationships with a missing end node (listed in rep.txt)\n");
  std::string n = fx.file("n b.csv", ":ID,name\n1,AWS\n");
  std::ostringstream out, err;
  CHECK(kg::shell::run_import(fx.db(), "--nodes='Company=" + n + "'", out, err, false) == 0);
  CHECK(out.str().starts_with("Imported 1 node, 0 relationships and 1 property in "));
  CHECK(fx.rows("MATCH (c:Company) RETURN c.name") == "'AWS'\n");
  std::ostringstream out2, err2;
  CHECK(kg::shell::run_import(fx.db(), "--nodes=" + fx.file("bad.csv", ":ID,x:int\n1,z\n"), out2,
                              err2, false) == 1);
  CHECK(err2.str() == ":import: InvalidArgument: " + fx.path("bad.csv") +
                          ":2: field 2 (x): 'z' is not an int\n"
                          ":import: nothing was imported; the graph is unchanged\n");
  CHECK(kg::shell::run_import(fx.db(), "--bogus", out2, err2, false) == 2);
}
