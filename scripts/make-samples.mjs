#!/usr/bin/env node
// Writes the page's data-file samples (public/samples/<kind>.csv) and templates
// (public/templates/<kind>.csv with English headers, <kind>.zh.csv with Chinese ones). Seeded, so
// running it again gives the same bytes. The GBK sample is converted with the system's iconv; the
// .xlsx sample holds the same transactions, dates as Excel date cells.
//
//   node scripts/make-samples.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { xlsxBytes } from './xlsx-writer.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'public/samples');
const templates = path.join(repo, 'public/templates');

// ---- helpers ------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** An item by weight: [[item, weight], ...]. */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of pairs) if ((r -= w) < 0) return item;
      return pairs[pairs.length - 1][0];
    },
  };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const day = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const minute = (d) => `${day(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const utc = (y, m, d = 1, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const addMinutes = (d, n) => new Date(d.getTime() + n * 60000);
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthKey = (y, m) => `${y}-${pad(m)}`;

function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csv = (header, rows) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

function write(dir, name, text) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  const lines = text.trimEnd().split('\n').length;
  console.log(`${path.relative(repo, path.join(dir, name))}: ${lines} lines`);
}

// ---- transactions ----------------------------------------------------------------------------------

const CHANNELS = ['online_ads', 'offline_events', 'channel_commission', 'direct_sales'];
const CHANNELS_ZH = { online_ads: '线上广告', offline_events: '线下活动', channel_commission: '渠道佣金', direct_sales: '直销' };
const CATEGORY_ZH = { product: '产品', basic_service: '基础服务', value_added_service: '增值服务' };
const CATALOG = [
  { product: 'Compressor X200', zh: 'X200 压缩机', category: 'product', price: [18000, 26000] },
  { product: 'Pump P50', zh: 'P50 水泵', category: 'product', price: [6000, 9500] },
  { product: 'Spare parts kit', zh: '备件包', category: 'product', price: [900, 2400] },
  { product: 'Annual maintenance', zh: '年度保养', category: 'basic_service', price: [2400, 4200] },
  { product: 'Repair visit', zh: '上门维修', category: 'basic_service', price: [600, 1600] },
  { product: 'Remote monitoring', zh: '远程监控', category: 'value_added_service', price: [1500, 3200] },
  { product: 'Energy audit', zh: '能效诊断', category: 'value_added_service', price: [3500, 6500] },
];
const TRANSACTION_HEADER = ['invoice_id', 'customer_id', 'date', 'product', 'category', 'quantity', 'unit_price', 'amount', 'channel', 'status'];
const TRANSACTION_HEADER_ZH = ['订单号', '客户ID', '日期', '产品', '类别', '数量', '单价', '金额', '渠道', '状态'];

/** 60 customers over 14 months (2024-01 to 2025-02): purchase lines, a few returns, one cancelled invoice. */
function transactions() {
  const rng = generator(20240101);
  const months = Array.from({ length: 14 }, (_, i) => ({ y: 2024 + Math.floor(i / 12), m: (i % 12) + 1 }));
  const lines = [];
  let invoiceNo = 1000;
  for (let c = 1; c <= 60; c++) {
    const customer = `C${pad(c, 3)}`;
    const channel = rng.weighted([[CHANNELS[0], 4], [CHANNELS[1], 2], [CHANNELS[2], 3], [CHANNELS[3], 3]]);
    const first = rng.int(0, 11);
    // Loyal customers come back often; others buy once or twice and go.
    const loyal = rng.chance(0.55);
    for (let i = first; i < months.length; i++) {
      if (i !== first && !rng.chance(loyal ? 0.52 : 0.12)) continue;
      const { y, m } = months[i];
      const date = utc(y, m, rng.int(1, daysInMonth(y, m)));
      const invoice = `INV-${++invoiceNo}`;
      const items = i === first ? [rng.pick(CATALOG.slice(0, 2))] : [];
      const extra = rng.int(1, 2);
      for (let k = 0; k < extra; k++) items.push(rng.pick(CATALOG.slice(2)));
      for (const item of items) {
        const quantity = item.category === 'product' && item.price[0] < 2000 ? rng.int(1, 4) : 1;
        const unit = Math.round(rng.int(item.price[0], item.price[1]) / 10) * 10;
        lines.push({ invoice, customer, date, item, quantity, unit, channel, status: 'completed' });
      }
    }
  }
  lines.sort((a, b) => a.date - b.date || a.invoice.localeCompare(b.invoice));
  // A few returns: a later line giving part of a purchase back.
  const returnable = lines.filter((l) => l.item.category === 'product');
  for (let r = 0; r < 5; r++) {
    const sold = returnable[rng.int(0, returnable.length - 1)];
    const date = new Date(sold.date.getTime() + rng.int(5, 20) * 86400000);
    if (date > utc(2025, 2, 28)) continue;
    lines.push({ ...sold, invoice: `RET-${sold.invoice.slice(4)}`, date, quantity: -1, status: 'returned' });
  }
  // One cancelled invoice: its lines stay in the export, marked cancelled.
  const cancelled = lines[Math.floor(lines.length / 2)].invoice;
  for (const l of lines) if (l.invoice === cancelled) l.status = 'cancelled';
  lines.sort((a, b) => a.date - b.date || a.invoice.localeCompare(b.invoice));
  return lines;
}

function transactionRows(lines, zh) {
  return lines.map((l) => [
    l.invoice,
    l.customer,
    day(l.date),
    zh ? l.item.zh : l.item.product,
    zh ? CATEGORY_ZH[l.item.category] : l.item.category,
    l.quantity,
    l.unit,
    l.quantity * l.unit,
    zh ? CHANNELS_ZH[l.channel] : l.channel,
    l.status,
  ]);
}

// ---- subscriptions ------------------------------------------------------------------------------

const PLANS = [
  ['Monitoring Basic', 180],
  ['Monitoring Pro', 420],
  ['Service Plus', 950],
];

/** About 150 subscriptions started from 2023-01 to 2025-02, some ended, the rest active on 2025-02-28. */
function subscriptions() {
  const rng = generator(20230101);
  const end = utc(2025, 2, 28);
  const rows = [];
  for (let s = 1; s <= 150; s++) {
    const customer = `C${pad(s <= 60 ? s : rng.int(1, 120), 3)}`;
    const startMonth = rng.int(0, 25);
    const y = 2023 + Math.floor(startMonth / 12);
    const m = (startMonth % 12) + 1;
    const start = utc(y, m, rng.int(1, daysInMonth(y, m)));
    const [plan, fee] = rng.weighted([[PLANS[0], 5], [PLANS[1], 3], [PLANS[2], 1]]);
    const channel = rng.weighted([[CHANNELS[0], 4], [CHANNELS[1], 2], [CHANNELS[2], 3], [CHANNELS[3], 2]]);
    // A monthly chance of cancelling, higher for the basic plan.
    const hazard = plan === 'Monitoring Basic' ? 0.035 : 0.018;
    let stop = null;
    for (let t = new Date(start); t < end; t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()))) {
      if (t > start && rng.chance(hazard)) {
        stop = t;
        break;
      }
    }
    rows.push([`SUB-${pad(s, 4)}`, customer, plan, day(start), stop ? day(stop) : '', fee, channel]);
  }
  rows.sort((a, b) => a[3].localeCompare(b[3]) || a[0].localeCompare(b[0]));
  return rows;
}

// ---- survey -------------------------------------------------------------------------------------

const SEGMENTS = ['Key accounts', 'Mid-size plants', 'Distributors'];
const GOOD_COMMENTS = ['Fast response', 'Engineer knew the machine well', 'Monitoring alerts saved a shutdown', 'Clear invoices', ''];
const POOR_COMMENTS = ['Waited three days for a technician', 'Spare part was wrong', 'Nobody called back', 'Invoice did not match the quote'];

/** About 200 NPS responses over six months (2024-09 to 2025-02); a few very low scores leave a contact. */
function survey() {
  const rng = generator(20240901);
  const rows = [];
  let lowWithContact = 0;
  for (let r = 1; r <= 200; r++) {
    const month = rng.int(0, 5);
    const y = month < 4 ? 2024 : 2025;
    const m = month < 4 ? 9 + month : month - 3;
    const date = utc(y, m, rng.int(1, daysInMonth(y, m)));
    const segment = rng.weighted([[SEGMENTS[0], 3], [SEGMENTS[1], 5], [SEGMENTS[2], 2]]);
    // Later months score a little better: the service programme is working.
    const score = Math.max(0, Math.min(10, rng.weighted([[10, 22], [9, 24], [8, 18], [7, 14], [6, 8], [5, 5], [4, 3], [3, 3], [2, 2], [1, 1]]) + (month >= 4 && rng.chance(0.3) ? 1 : 0)));
    let contact = '';
    let comment = score >= 9 ? rng.pick(GOOD_COMMENTS) : score <= 6 ? rng.pick(POOR_COMMENTS) : '';
    if (score < 4) {
      lowWithContact++;
      contact = lowWithContact % 2 ? `buyer${pad(r, 3)}@example.com` : `+86 138 0000 ${pad(r, 4)}`;
      comment ||= rng.pick(POOR_COMMENTS);
    }
    rows.push([`R${pad(r, 4)}`, day(date), score, segment, contact, comment]);
  }
  rows.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  return rows;
}

// ---- tickets ------------------------------------------------------------------------------------

const TICKET_CHANNELS = ['phone', 'email', 'web', 'wechat'];

/** About 200 service tickets in 2025-01 and 2025-02: response, dispatch and close times, flags. */
function tickets() {
  const rng = generator(20250101);
  const rows = [];
  for (let t = 1; t <= 200; t++) {
    const m = t <= 100 ? 1 : 2;
    const created = utc(2025, m, rng.int(1, m === 1 ? 31 : 26), rng.int(7, 18), rng.int(0, 59));
    const urgent = rng.chance(0.18);
    const complaint = rng.chance(0.1);
    // Urgent tickets are answered sooner; a few wait much longer than they should.
    const slow = rng.chance(0.12);
    const responseMinutes = urgent ? rng.int(5, slow ? 240 : 90) : rng.int(10, slow ? 600 : 150);
    const firstResponse = addMinutes(created, responseMinutes);
    const dispatched = rng.chance(urgent ? 0.8 : 0.45) ? addMinutes(firstResponse, rng.int(30, slow ? 3000 : 1200)) : null;
    const open = t > 188 && rng.chance(0.7);
    const closed = open ? null : addMinutes(dispatched ?? firstResponse, rng.int(60, complaint ? 12000 : 4800));
    const contacts = rng.weighted([[1, 55], [2, 25], [3, 12], [4, 5], [5, 3]]);
    const reopened = !open && rng.chance(0.07);
    rows.push([
      `T${pad(t, 5)}`,
      `C${pad(rng.int(1, 60), 3)}`,
      rng.weighted([[TICKET_CHANNELS[0], 4], [TICKET_CHANNELS[1], 2], [TICKET_CHANNELS[2], 2], [TICKET_CHANNELS[3], 3]]),
      minute(created),
      minute(firstResponse),
      dispatched ? minute(dispatched) : '',
      closed ? minute(closed) : '',
      urgent ? 'yes' : 'no',
      complaint ? 'yes' : 'no',
      contacts,
      reopened ? 'yes' : 'no',
    ]);
  }
  return rows;
}

// ---- ledger -------------------------------------------------------------------------------------

/** Twelve months of 2024 by revenue category: services growing from about 22% to 31% of revenue. */
function ledger() {
  const rng = generator(20241231);
  const rows = [];
  for (let m = 1; m <= 12; m++) {
    const product = Math.round((2600000 + rng.int(-250000, 250000)) / 1000) * 1000;
    const serviceShare = 0.22 + (m - 1) * 0.008 + rng.int(-10, 10) / 1000;
    const service = (product * serviceShare) / (1 - serviceShare);
    const basic = Math.round((service * 0.68) / 1000) * 1000;
    const added = Math.round((service * 0.32) / 1000) * 1000;
    rows.push([monthKey(2024, m), 'product', product], [monthKey(2024, m), 'basic_service', basic], [monthKey(2024, m), 'value_added_service', added]);
  }
  return rows;
}

// ---- customer summary: a simulated customer base, one row per customer --------------------------

/** A gamma draw (Marsaglia & Tsang), with a shape below 1 lifted by a uniform power. */
function gammaDraw(rng, shape, scale) {
  if (shape < 1) return gammaDraw(rng, shape + 1, scale) * rng.next() ** (1 / shape);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

const SUMMARY_HEADER = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'frequency_holdout'];
const SUMMARY_HEADER_ZH = ['客户ID', '重复购买次数', '最近购买时间', '观察时长', '平均复购金额', '验证期购买次数'];

/**
 * 600 customers of a web shop drawn from the BG/NBD and Gamma-Gamma with CDNOW-like parameters
 * (weeks; Fader, Hardie & Lee 2005): acquired over a 52-week calibration year, then 26 holdout weeks.
 */
function customerSummary() {
  const rng = generator(15);
  const rows = [];
  for (let i = 1; i <= 600; i++) {
    const T = 52 * rng.next();
    const rate = gammaDraw(rng, 0.25, 1 / 4.4);
    const x1 = gammaDraw(rng, 0.8, 1);
    const dropout = x1 / (x1 + gammaDraw(rng, 2.4, 1));
    const nu = gammaDraw(rng, 3.74, 1 / 15.44);
    const times = [];
    for (let t = 0; ; ) {
      t += -Math.log(1 - rng.next()) / rate;
      if (t > T + 26) break;
      times.push(t);
      if (rng.chance(dropout)) break;
    }
    const calibration = times.filter((t) => t <= T);
    const spends = calibration.map(() => gammaDraw(rng, 6.25, 1 / nu));
    const x = calibration.length;
    const round2 = (v) => Math.round(v * 100) / 100;
    rows.push([
      `S${pad(i, 4)}`, x, round2(x ? calibration[x - 1] : 0), round2(T),
      round2(x ? spends.reduce((s, v) => s + v, 0) / x : 0), times.length - x,
    ]);
  }
  return rows;
}

// ---- survival table: simulated sBG cohorts, customers still active per year ---------------------

/** A beta draw from two gamma draws. */
function betaDraw(rng, a, b) {
  const x = gammaDraw(rng, a, 1);
  return x / (x + gammaDraw(rng, b, 1));
}

/**
 * Two cohorts of a maintenance-contract business drawn from the shifted-beta-geometric model (Fader &
 * Hardie 2007): each customer's yearly churn chance theta ~ beta(alpha, beta), fixed for life;
 * "standard" 800 customers with alpha 0.8, beta 1.6, "premium" 500 with alpha 0.7, beta 3.5; the
 * customers still active at the start of years 0..8.
 */
const SURVIVAL_COHORTS = [
  ['standard', 800, 0.8, 1.6],
  ['premium', 500, 0.7, 3.5],
];
const SURVIVAL_YEARS = 8;

function survival() {
  const rng = generator(2007);
  const rows = [];
  for (const [cohort, size, alpha, beta] of SURVIVAL_COHORTS) {
    const active = new Array(SURVIVAL_YEARS + 1).fill(0);
    for (let i = 0; i < size; i++) {
      const theta = betaDraw(rng, alpha, beta);
      for (let t = 0; t <= SURVIVAL_YEARS; t++) {
        active[t] += 1;
        if (rng.chance(theta)) break;
      }
    }
    active.forEach((n, t) => rows.push([cohort, t, n]));
  }
  return rows;
}

// ---- templates: a header row and two example rows per kind ----------------------------------------

const TEMPLATES = {
  transactions: {
    en: TRANSACTION_HEADER,
    zh: TRANSACTION_HEADER_ZH,
    rows: [
      ['INV-1001', 'C001', '2024-01-15', 'Compressor X200', 'product', 1, 21500, 21500, 'direct_sales', 'completed'],
      ['INV-1002', 'C001', '2024-03-02', 'Annual maintenance', 'basic_service', 1, 3200, 3200, 'direct_sales', 'completed'],
    ],
  },
  subscriptions: {
    en: ['subscription_id', 'customer_id', 'plan', 'start_date', 'end_date', 'monthly_revenue', 'channel'],
    zh: ['订阅编号', '客户ID', '套餐', '开始日期', '结束日期', '月费', '获客渠道'],
    rows: [
      ['SUB-0001', 'C001', 'Monitoring Pro', '2024-01-10', '', 420, 'online_ads'],
      ['SUB-0002', 'C002', 'Monitoring Basic', '2024-02-01', '2024-09-30', 180, 'channel_commission'],
    ],
  },
  survey: {
    en: ['respondent_id', 'date', 'nps_score', 'segment', 'contact', 'comment'],
    zh: ['受访者', '日期', '推荐得分', '客户群', '联系方式', '意见'],
    rows: [
      ['R0001', '2024-09-03', 9, 'Key accounts', '', 'Fast response'],
      ['R0002', '2024-09-05', 3, 'Distributors', 'buyer002@example.com', 'Nobody called back'],
    ],
  },
  tickets: {
    en: ['ticket_id', 'customer_id', 'channel', 'created', 'first_response', 'dispatched', 'closed', 'urgent', 'complaint', 'contacts', 'reopened'],
    zh: ['工单号', '客户ID', '渠道', '创建时间', '首次响应', '派工时间', '关闭时间', '紧急', '投诉', '联系次数', '重开'],
    rows: [
      ['T00001', 'C001', 'phone', '2025-01-06 09:14', '2025-01-06 09:40', '2025-01-06 13:05', '2025-01-07 16:30', 'yes', 'no', 2, 'no'],
      ['T00002', 'C017', 'email', '2025-01-06 10:02', '2025-01-06 11:15', '', '', 'no', 'yes', 1, 'no'],
    ],
  },
  spend: {
    en: ['period', 'channel', 'spend', 'new_customers'],
    zh: ['期间', '渠道', '支出', '新客户数'],
    rows: [
      ['2024-07', 'online_ads', 104000, 7],
      ['2024-07', 'direct_sales', 156000, 4],
    ],
  },
  customer_summary: {
    en: SUMMARY_HEADER,
    zh: SUMMARY_HEADER_ZH,
    rows: [
      ['C001', 2, 30.43, 38.86, 22.35, 1],
      ['C002', 0, 0, 38.86, 0, 0],
    ],
  },
  survival_table: {
    en: ['cohort', 'period', 'active'],
    zh: ['同期群', '期数', '仍活跃客户'],
    rows: [
      ['2021', 0, 1000],
      ['2021', 1, 631],
    ],
  },
  ledger: {
    en: ['period', 'category', 'amount'],
    zh: ['期间', '类别', '金额'],
    rows: [
      ['2024-01', 'product', 2600000],
      ['2024-01', 'basic_service', 520000],
    ],
  },
};

// ---- writing ------------------------------------------------------------------------------------

for (const [kind, t] of Object.entries(TEMPLATES)) {
  write(templates, `${kind}.csv`, csv(t.en, t.rows));
  write(templates, `${kind}.zh.csv`, csv(t.zh, t.rows));
}

const lines = transactions();
write(samples, 'transactions.csv', csv(TRANSACTION_HEADER, transactionRows(lines, false)));
write(samples, 'subscriptions.csv', csv(TEMPLATES.subscriptions.en, subscriptions()));
write(samples, 'survey.csv', csv(TEMPLATES.survey.en, survey()));
write(samples, 'tickets.csv', csv(TEMPLATES.tickets.en, tickets()));
write(samples, 'ledger.csv', csv(TEMPLATES.ledger.en, ledger()));
write(samples, 'customer_summary.csv', csv(SUMMARY_HEADER, customerSummary()));
write(samples, 'survival_table.csv', csv(TEMPLATES.survival_table.en, survival()));
// The spend sample is the hand-written marketing-spend.csv the calculator has always offered.
write(samples, 'spend.csv', fs.readFileSync(path.join(samples, 'marketing-spend.csv'), 'utf8'));

// The same transactions as a Chinese spreadsheet would save them: Chinese headers and names, GBK.
const chinese = csv(TRANSACTION_HEADER_ZH, transactionRows(lines, true));
const gbk = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: chinese });
fs.writeFileSync(path.join(samples, 'transactions.gbk.csv'), gbk);
console.log(`public/samples/transactions.gbk.csv: ${gbk.length} bytes (GBK)`);

// The same transactions as an Excel workbook: numbers as numbers, dates as date-formatted serials.
const sheet = [TRANSACTION_HEADER, ...transactionRows(lines, false).map((row, i) => row.map((v, c) => (c === 2 ? lines[i].date : v)))];
const xlsx = xlsxBytes('Transactions', sheet);
fs.writeFileSync(path.join(samples, 'transactions.xlsx'), xlsx);
console.log(`public/samples/transactions.xlsx: ${xlsx.length} bytes`);
