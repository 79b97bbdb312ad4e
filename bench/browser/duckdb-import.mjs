// The same job the way a data-minded web developer does it in the browser: DuckDB-WASM (its own
// worker, the exception-handling build) reads the File with read_csv and typed columns, and SQL
// aggregates per customer by the core's rules (a row without a customer, quantity, price or date is
// left out; value = quantity x price; an invoice "C" + digits is a cancellation and always reduces
// revenue; an order is a distinct invoice with a purchase line). Bundled by bench/import.mjs.
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';

const QUERY = `
WITH lines AS (
  SELECT InvoiceNo AS invoice, CustomerID AS customer, InvoiceDate AS bought,
         regexp_full_match(InvoiceNo, 'C[0-9]+') AS cancelled, Quantity * UnitPrice AS raw
  FROM read_csv('data.csv', header = true, delim = ',', quote = '"', escape = '"',
    columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR',
               'Quantity': 'DOUBLE', 'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DOUBLE',
               'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})
  WHERE trim(CustomerID) <> '' AND Quantity IS NOT NULL AND UnitPrice IS NOT NULL AND InvoiceDate IS NOT NULL
), valued AS (
  SELECT *, CASE WHEN cancelled AND raw > 0 THEN -raw ELSE raw END AS value FROM lines
), per_customer AS (
  SELECT customer, sum(value) AS revenue, count(*) AS lines,
         count(DISTINCT invoice) FILTER (WHERE NOT cancelled AND value > 0) AS orders,
         min(bought) AS first_bought, max(bought) AS last_bought
  FROM valued GROUP BY customer
)
SELECT count(*)::INTEGER AS customers, sum(revenue) AS revenue, sum(orders)::INTEGER AS orders,
       sum(lines)::INTEGER AS rows_used
FROM per_customer`;

let db = null;

/** Starts DuckDB's worker and instantiates its module; resolves when queries can run. */
export async function start(workerUrl, wasmUrl) {
  const worker = new Worker(workerUrl);
  db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(wasmUrl);
}

/** One import of the File and the per-customer totals; the time includes registering the File. */
export async function run(file) {
  const started = performance.now();
  await db.registerFileHandle('data.csv', file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const connection = await db.connect();
  const table = await connection.query(QUERY);
  const row = table.get(0).toJSON();
  await connection.close();
  await db.dropFile('data.csv');
  const ms = performance.now() - started;
  return { ms, customers: Number(row.customers), revenue: Number(row.revenue), orders: Number(row.orders),
    rowsUsed: Number(row.rows_used) };
}

export async function stop() {
  await db.terminate();
  db = null;
}
