#!/usr/bin/env node
// Writes public/samples/transactions.big5.csv: the transactions sample as Excel on Traditional-
// Chinese Windows (Taiwan) saves it — Traditional headers and names, 民國 (ROC) dates such as
// 113/01/07, and Big5 bytes (code page 950, converted with the system's iconv). Generated from
// public/samples/transactions.csv, so running it again gives the same bytes.
// Run: node scripts/make-big5-sample.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(root, 'public', 'samples');

const HEADER = ['訂單編號', '客戶編號', '訂單日期', '產品', '類別', '數量', '單價', '金額', '銷售通路', '狀態'];
const PRODUCTS = {
  'Compressor X200': 'X200 壓縮機',
  'Pump P50': 'P50 水泵',
  'Spare parts kit': '備品包',
  'Annual maintenance': '年度保養',
  'Repair visit': '到府維修',
  'Remote monitoring': '遠端監控',
  'Energy audit': '能源診斷',
};
const CATEGORIES = { product: '產品', basic_service: '基礎服務', value_added_service: '增值服務' };
const CHANNELS = { online_ads: '網路廣告', offline_events: '實體活動', channel_commission: '通路佣金', direct_sales: '直接銷售' };
const STATUSES = { completed: '已完成', returned: '退貨', cancelled: '已取消' };

/** 2024-01-07 -> 113/01/07: the year of the Republic of China is the Gregorian year - 1911. */
function rocDate(iso) {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  if (!y) throw new Error(`not a date: ${iso}`);
  return `${Number(y) - 1911}/${m}/${d}`;
}

function translated(map, value) {
  if (!(value in map)) throw new Error(`no Traditional name for ${value}`);
  return map[value];
}

const lines = fs.readFileSync(path.join(samples, 'transactions.csv'), 'utf8').trim().split(/\r?\n/);
const header = lines[0].split(',');
const expected = 'invoice_id,customer_id,date,product,category,quantity,unit_price,amount,channel,status';
if (header.join(',') !== expected) throw new Error(`unexpected header: ${lines[0]}`);
const rows = lines.slice(1).map((line) => {
  const [invoice, customer, date, product, category, quantity, unit, amount, channel, status] = line.split(',');
  return [invoice, customer, rocDate(date), translated(PRODUCTS, product), translated(CATEGORIES, category),
    quantity, unit, amount, translated(CHANNELS, channel), translated(STATUSES, status)];
});
// Windows line ends, as Excel writes them.
const text = [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
const big5 = execFileSync('iconv', ['-f', 'utf-8', '-t', 'CP950'], { input: text });
if (new TextDecoder('big5').decode(big5) !== text) throw new Error('the Big5 bytes do not read back');
fs.writeFileSync(path.join(samples, 'transactions.big5.csv'), big5);
console.log(`public/samples/transactions.big5.csv: ${big5.length} bytes (Big5), ${rows.length} rows`);
