// The way a web developer would do the same job without the calculator: PapaParse streaming the
// file, plain JavaScript aggregating per customer (net revenue, orders, first and last purchase),
// then the same headline figures and value segments.
importScripts('/papaparse.min.js');
self.postMessage({ type: 'ready' });

self.onmessage = (event) => {
  const started = performance.now();
  const customers = new Map();
  let rowsUsed = 0;
  let rejected = 0;
  Papa.parse(event.data.file, {
    header: true,
    skipEmptyLines: true,
    chunkSize: 1 << 20,
    chunk: (results) => {
      for (const row of results.data) {
        const id = (row.CustomerID || '').trim();
        const quantity = Number(row.Quantity);
        const price = Number(row.UnitPrice);
        const date = Date.parse(String(row.InvoiceDate).replace(' ', 'T'));
        if (!id || !Number.isFinite(quantity) || !Number.isFinite(price) || Number.isNaN(date)) {
          rejected++;
          continue;
        }
        rowsUsed++;
        const cancelled = /^C\d+$/.test(row.InvoiceNo);
        let value = quantity * price;
        if (cancelled && value > 0) value = -value;
        let customer = customers.get(id);
        if (!customer) {
          customer = { revenue: 0, orders: new Set(), first: date, last: date };
          customers.set(id, customer);
        }
        customer.revenue += value;
        if (!cancelled && value > 0) customer.orders.add(row.InvoiceNo);
        if (date < customer.first) customer.first = date;
        if (date > customer.last) customer.last = date;
      }
    },
    complete: () => {
      let revenue = 0;
      let orders = 0;
      let repeat = 0;
      const revenues = [];
      for (const c of customers.values()) {
        revenue += c.revenue;
        orders += c.orders.size;
        if (c.orders.size >= 2) repeat++;
        revenues.push(c.revenue);
      }
      revenues.sort((a, b) => b - a);
      const top = revenues.slice(0, Math.ceil(revenues.length * 0.2)).reduce((s, v) => s + v, 0);
      self.postMessage({
        type: 'done',
        ms: performance.now() - started,
        rowsUsed,
        rejected,
        customers: customers.size,
        orders,
        revenue,
        averageOrderValue: revenue / orders,
        repeatRate: repeat / customers.size,
        topShare: top / revenue,
      });
    },
  });
};
