// Kùzu's bulk load of the peers dataset (shared/peers, `node gen.js --scale m`), as the peers
// harness runs it for kuzu-idpk (cypher_peer.js): Entity keyed by the numeric id, edges COPYed
// straight from edges.csv (Kùzu's raw bulk path, no preprocessing), then CHECKPOINT.
// Prints one JSON line: {"peer":"kuzu","version":...,"import_ms":...,"nodes":...,"edges":...}.
//
//   NODE_PATH=/path/to/node_modules node bench/import_bench_kuzu.js DATA_DIR DB_DIR
const fs = require('fs');
const path = require('path');
const kuzu = require('kuzu');

const [dataDir, dbDir] = process.argv.slice(2);
if (!dataDir || !dbDir) {
  console.error('usage: node import_bench_kuzu.js DATA_DIR DB_DIR');
  process.exit(2);
}
fs.rmSync(dbDir, { recursive: true, force: true });
fs.mkdirSync(dbDir, { recursive: true });
const csv = (f) => path.join(dataDir, f).replace(/'/g, "\\'");
const t0 = process.hrtime.bigint();
const db = new kuzu.Database(path.join(dbDir, 'graph.db'));
const conn = new kuzu.Connection(db);
const all = (stmt) => { const r = conn.querySync(stmt); const rows = r.getAllSync(); r.close(); return rows; };
all('CREATE NODE TABLE Entity(id INT64, label STRING, name STRING, founded INT64, PRIMARY KEY(id))');
all('CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING, since INT64)');
all(`COPY Entity FROM '${csv('nodes.csv')}' (HEADER=true)`);
all(`COPY Rel FROM '${csv('edges.csv')}' (HEADER=true)`);
all('CHECKPOINT');
const import_ms = Number(process.hrtime.bigint() - t0) / 1e6;
const nodes = all('MATCH (n:Entity) RETURN count(n) AS c')[0].c;
const edges = all('MATCH ()-[r:Rel]->() RETURN count(r) AS c')[0].c;
console.log(JSON.stringify({ peer: 'kuzu', version: kuzu.VERSION, import_ms: Math.round(import_ms),
                             nodes: Number(nodes), edges: Number(edges) }));
