// The analyze layer's messages (notes of a file's answer, errors of an import request and of
// combine), by code: docs/codes/analyze.md lists each code with where it comes from and its params.
import type { MessageTable } from './types';

export const analyzeMessages: MessageTable = {
  // ---- Every kind -------------------------------------------------------------------------------
  no_rows: {
    en: 'The file has no usable rows, so nothing is computed.',
    'zh-CN': '文件中没有可用的行，未能计算。',
  },
  input_too_large: {
    en: 'These inputs are too large to compute and are left out: {inputs:list}.',
    'zh-CN': '以下输入数值过大（溢出），无法计算，已略去：{inputs:list}。',
  },
  unknown_period: {
    en: 'The period “{period:text}” is not month, quarter or year, so months are used.',
    'zh-CN': '期间类型“{period:text}”不是月、季度或年，已按月计算。',
  },
  period_unknown: {
    en: 'The period “{period:text}” is not month, quarter or year; months are used.',
    'zh-CN': '期间类型“{period:text}”无法识别，已按月计算。',
  },

  // ---- Transactions -----------------------------------------------------------------------------
  category_needed: {
    en: 'Revenue by category, the service revenue share and the value-added service share need a {field:field} column (product, basic service or value-added service).',
    'zh-CN': '按类别的收入、服务收入占比和增值服务占比需要{field:field}列（产品、基础服务或增值服务）。',
  },
  uncategorized_revenue: {
    en: 'Lines without a category (net {revenue:money}) are left out of {input:input} for the revenue shares.',
    'zh-CN': '没有类别的行（净额 {revenue:money}）不计入收入占比所用的{input:input}。',
  },
  no_transaction_rows: {
    en: 'The file has no transaction rows with a customer and a date.',
    'zh-CN': '文件中没有同时带有客户和日期的交易行。',
  },
  clv_needs_purchase: {
    en: 'CLV and CLTV need at least one purchase (a line that is not cancelled, with a positive value).',
    'zh-CN': 'CLV 和 CLTV 需要至少一笔购买（未取消且金额为正的行）。',
  },
  clv_negative_revenue: {
    en: 'CLV and CLTV are not computed: net revenue is negative ({revenue:money}); returns and cancellations exceed purchases.',
    'zh-CN': '未计算 CLV 和 CLTV：净收入为负（{revenue:money}），退货和取消超过了购买。',
  },
  short_window: {
    en: 'The data spans only {days:count} days; purchase frequency and the revenue per customer and year extrapolate it to a whole year.',
    'zh-CN': '数据只覆盖 {days:count} 天；购买频次和每位客户每年收入按全年外推。',
  },
  cltv_needs_margin: {
    en: 'CLTV needs your {input:input} (a fraction 0..1); CLV and the lifetime value from retention count revenue, not margin.',
    'zh-CN': '客户终身价值（CLTV）需要您的{input:input}（0 到 1 之间的比例）；CLV 和基于留存率的终身价值计算的是收入而非毛利。',
  },
  returns_netted: {
    en: '{count:count} return or cancellation lines ({amount:money}) are netted against revenue.',
    'zh-CN': '{count:count} 行退货或取消（{amount:money}）已与收入相抵。',
  },
  cancellations_negated: {
    en: '{count:count} cancelled lines had a positive amount; each is counted as its negative.',
    'zh-CN': '{count:count} 行已取消的记录金额为正，均按其负数计入。',
  },
  orders_by_day_no_invoice_column: {
    en: "Without an {field:field} column, each customer's purchases on one day are one order.",
    'zh-CN': '没有{field:field}列，同一客户同一天的购买算作一笔订单。',
  },
  orders_by_day: {
    en: '{count:count} purchase lines without an {field:field} count one order per customer and day.',
    'zh-CN': '{count:count} 行购买没有{field:field}，同一客户同一天算作一笔订单。',
  },
  shared_invoices: {
    en: '{count:count} purchase lines carry an invoice ID already used by another customer; each order is credited to the customer of its first line.',
    'zh-CN': '{count:count} 行购买的发票号已被其他客户使用；每笔订单计入其第一行的客户。',
  },
  lines_without_value: {
    en: '{count:count} lines have neither an amount nor a quantity and unit price; they count in no revenue or order.',
    'zh-CN': '{count:count} 行既没有金额，也没有数量和单价，不计入任何收入或订单。',
  },
  transaction_rows_skipped: {
    en: '{count:count} rows without a customer ID or a date are left out.',
    'zh-CN': '{count:count} 行缺少客户 ID 或日期，已略去。',
  },

  // ---- Subscriptions ----------------------------------------------------------------------------
  no_dated_subscriptions: {
    en: 'No subscription has a customer and a start date on or before the as-of date.',
    'zh-CN': '没有订阅同时带有客户和不晚于截止日期的开始日期。',
  },
  subscriptions_as_of: {
    en: 'Figures are as of {as_of:text}.',
    'zh-CN': '各项数字截至 {as_of:text}。',
  },
  lifetime_censored: {
    en: 'The average lifetime counts active customers up to the as-of date, so it understates how long customers stay.',
    'zh-CN': '平均生命周期把仍活跃的客户计算到截止日期，因此会低估客户实际停留的时间。',
  },
  tenure_censored: {
    en: "The average tenure counts active customers' tenure so far, so it understates how long customers stay; the average tenure of churned customers is over completed ones.",
    'zh-CN': '平均在网时长把仍活跃客户的当前时长计算在内，因此会低估客户实际停留的时间；已流失客户的平均在网时长只计算已结束的关系。',
  },
  no_churn_lifetime: {
    en: 'The expected lifetime (1 / monthly churn) needs a complete period with churn.',
    'zh-CN': '预期生命周期（1 / 月流失率）需要至少一个有流失的完整期间。',
  },
  no_complete_period: {
    en: '{kpis:list} need a complete period with customers at its start.',
    'zh-CN': '计算流失率和留存率需要至少一个期初有客户的完整期间。',
  },
  kpi_period: {
    en: 'Churn rate, retention rate and revenue churn rate are for {period:text}, the last complete period with customers at its start.',
    'zh-CN': '流失率、留存率和收入流失率取 {period:text}，即最近一个期初有客户的完整期间。',
  },
  nrr_expansion: {
    en: "Each row has one recurring revenue, so net revenue retention shows expansion only when a customer's upgrade is a new row.",
    'zh-CN': '每行只有一个经常性收入，因此只有当客户升级记为新行时，净收入留存率才体现扩张。',
  },
  short_lived: {
    en: "{count:count} customers started and ended within one period: they are in no period's counts, only in their cohort's size.",
    'zh-CN': '{count:count} 位客户在同一期间内开始并结束：不计入任何期间，只计入所属客户群的规模。',
  },
  window_clipped: {
    en: 'Only the last {periods:count} periods are replayed; earlier subscriptions count from the first of them and their customers are in no cohort.',
    'zh-CN': '只回放最近的 {periods:count} 个期间；更早的订阅从其中第一期开始计算，其客户不属于任何客户群。',
  },
  subscription_rows_skipped: {
    en: '{without_start:count} rows without a start date or customer, {after_as_of:count} starting after the as-of date and {end_before_start:count} ending before they start are left out.',
    'zh-CN': '已略去：缺少开始日期或客户的 {without_start:count} 行、开始晚于截止日期的 {after_as_of:count} 行、结束早于开始的 {end_before_start:count} 行。',
  },
  churn_unknown: {
    en: '{count:count} customers have no {field:field} flag on any row; they are left out.',
    'zh-CN': '{count:count} 位客户的所有行都没有“{field:field}”标记，已略去。',
  },
  snapshot_rows_skipped: {
    en: '{count:count} rows without a customer ID are left out.',
    'zh-CN': '{count:count} 行缺少客户 ID，已略去。',
  },
  no_snapshot_rows: {
    en: 'No subscription row has a customer with a churned flag.',
    'zh-CN': '没有订阅行同时带有客户和“已流失”标记。',
  },
  snapshot_no_period: {
    en: 'The file is a snapshot without a tenure for every customer: the churn rate is the share of all customers who have churned, over no particular period (customers at start = all customers, customers lost = churned).',
    'zh-CN': '此文件是快照，且并非每位客户都有在网时长：流失率是全部客户中已流失的比例，不对应具体期间（期初客户数 = 全部客户，流失客户数 = 已流失客户）。',
  },
  // issue 12: periods
  snapshot_churn_definitions: {
    en: 'Share churned = churned ÷ customers = {share:percent}, over no stated period. The churn rate (the KPI) = churned ÷ customer-months at risk (the sum of every customer’s tenure, {customer_months:count}) = {monthly_rate:percent} a month, {annual_rate:percent} a year (1 − (1 − m)^12). It assumes a steady monthly churn and that a churned customer’s tenure runs to when they left.',
    'zh-CN': '流失占比 = 已流失客户 ÷ 客户数 = {share:percent}，不对应具体期间。流失率（指标）= 已流失客户 ÷ 风险暴露客户月数（每位客户在网月数之和，{customer_months:count}）= 每月 {monthly_rate:percent}，每年 {annual_rate:percent}（1 − (1 − m)^12）。此算法假定每月流失率稳定，且已流失客户的在网时长截至其离开之时。',
  },
  snapshot_lifetime_value: {
    en: 'Expected lifetime value = recurring revenue per customer-month ({revenue_per_month:money}) × gross margin ({gross_margin:percent}) × (1 + i) ÷ (i + m), with m the monthly churn ({monthly_rate:percent}) and i the monthly discount rate (1 + {discount_rate:percent})^(1/12) − 1; without a discount rate it is revenue × margin × the expected lifetime (1 ÷ m = {lifetime_months:number} months). Without a gross margin it is revenue, not margin.',
    'zh-CN': '预期终身价值 = 每客户每月经常性收入（{revenue_per_month:money}）× 毛利率（{gross_margin:percent}）×（1 + i）÷（i + m），其中 m 为月流失率（{monthly_rate:percent}），i 为月折现率 (1 + {discount_rate:percent})^(1/12) − 1；无折现率时即收入 × 毛利率 × 预期生命周期（1 ÷ m = {lifetime_months:number} 个月）。未提供毛利率时，它是收入而非毛利。',
  },
  snapshot_no_churn_lifetime: {
    en: 'The expected lifetime (1 / monthly churn) needs at least one churned customer.',
    'zh-CN': '预期生命周期（1 / 月流失率）需要至少一位已流失的客户。',
  },
  rates_per_month: {
    en: 'Every churn and retention rate here (the KPIs, the averages and the periods table) is per month; the KPIs also give the annual equivalent, which their bands judge.',
    'zh-CN': '此处所有流失率与留存率（指标、平均值和期间表）均为每月数值；指标同时给出年化值，评级依据年化值。',
  },
  rates_per_quarter: {
    en: 'Every churn and retention rate here (the KPIs, the averages and the periods table) is per quarter; the KPIs also give the annual equivalent, which their bands judge.',
    'zh-CN': '此处所有流失率与留存率（指标、平均值和期间表）均为每季度数值；指标同时给出年化值，评级依据年化值。',
  },
  rates_per_year: {
    en: 'Every churn and retention rate here (the KPIs, the averages and the periods table) is per year.',
    'zh-CN': '此处所有流失率与留存率（指标、平均值和期间表）均为每年数值。',
  },
  form_unknown: {
    en: 'Subscriptions need start dates, or a churned flag (with tenure in months).',
    'zh-CN': '订阅数据需要开始日期，或“已流失”标记（及在网月数）。',
  },

  // ---- Survey -----------------------------------------------------------------------------------
  unknown_scale: {
    en: 'The scale “{scale:text}” is not NPS or CSAT, so the scale of the score column is detected.',
    'zh-CN': '指定的量表“{scale:text}”不是 NPS 或 CSAT，已自动识别得分列的量表。',
  },
  score_blank: {
    en: 'The {field:field} column is blank in every row, so it gives neither NPS nor CSAT.',
    'zh-CN': '{field:field}列全部为空，无法计算 NPS 或满意度。',
  },
  score_scale_nps_option: {
    en: 'The {field:field} column is read as NPS (0-10), as the scale option says.',
    'zh-CN': '按所选量表，{field:field}列按 NPS（0–10 分）读取。',
  },
  score_scale_csat_option: {
    en: 'The {field:field} column is read as CSAT (1-5), as the scale option says.',
    'zh-CN': '按所选量表，{field:field}列按满意度（1–5 分）读取。',
  },
  score_scale_nps_detected: {
    en: 'The {field:field} column is read as NPS (0-10) because some scores are 0 or above 5.',
    'zh-CN': '{field:field}列中有 0 分或高于 5 分的得分，因此按 NPS（0–10 分）读取。',
  },
  score_scale_csat_detected: {
    en: 'The {field:field} column is read as CSAT (1-5) because every score is between 1 and 5 (set the scale to NPS if the question was the 0-10 recommendation question).',
    'zh-CN': '{field:field}列的得分都在 1 到 5 之间，因此按满意度（1–5 分）读取（如果问题是 0–10 分的推荐意愿，请将量表设为 NPS）。',
  },
  score_ignored_nps_option: {
    en: 'The {field:field} column is not used: it reads as NPS (0-10), as the scale option says, and the file already has a {other_field:field} column.',
    'zh-CN': '未使用{field:field}列：按所选量表它是 NPS（0–10 分），而文件中已有{other_field:field}列。',
  },
  score_ignored_csat_option: {
    en: 'The {field:field} column is not used: it reads as CSAT (1-5), as the scale option says, and the file already has a {other_field:field} column.',
    'zh-CN': '未使用{field:field}列：按所选量表它是满意度（1–5 分），而文件中已有{other_field:field}列。',
  },
  score_ignored_nps_detected: {
    en: 'The {field:field} column is not used: it reads as NPS (0-10) because some scores are 0 or above 5, and the file already has a {other_field:field} column.',
    'zh-CN': '未使用{field:field}列：其中有 0 分或高于 5 分的得分，应为 NPS（0–10 分），而文件中已有{other_field:field}列。',
  },
  score_ignored_csat_detected: {
    en: 'The {field:field} column is not used: it reads as CSAT (1-5) because every score is between 1 and 5, and the file already has a {other_field:field} column.',
    'zh-CN': '未使用{field:field}列：其得分都在 1 到 5 之间，应为满意度（1–5 分），而文件中已有{other_field:field}列。',
  },
  no_nps_scores: {
    en: 'The {field:field} column has no valid score, so NPS is not computed.',
    'zh-CN': '{field:field}列没有有效得分，未计算 NPS。',
  },
  no_csat_scores: {
    en: 'The {field:field} column has no valid score, so CSAT is not computed.',
    'zh-CN': '{field:field}列没有有效得分，未计算满意度。',
  },
  no_scores: {
    en: 'The file has no score column that can be read, so neither NPS nor CSAT is computed.',
    'zh-CN': '文件中没有可读取的得分列，NPS 和满意度都未计算。',
  },
  scores_outside_scale: {
    en: '{outside:count} of the {total:count} scores in the {field:field} column are not whole numbers from {low:count} to {high:count}: more than a fifth, so {kpi:kpi} is not computed. Check the column and the scale.',
    'zh-CN': '{field:field}列的 {total:count} 个分数中有 {outside:count} 个不是 {low:count} 至 {high:count} 之间的整数，超过五分之一，因此未计算{kpi:kpi}。请检查该列和评分尺度。',
  },
  nps_scores_out_of_range: {
    en: '{field:field} values that are not whole numbers from 0 to 10, left out: {count:count} ({lines:lines}).',
    'zh-CN': '{field:field}中不是 0 到 10 之间整数的值已略去：{count:count} 个（{lines:lines}）。',
  },
  csat_scores_out_of_range: {
    en: '{field:field} values that are not whole numbers from 1 to 5, left out: {count:count} ({lines:lines}).',
    'zh-CN': '{field:field}中不是 1 到 5 之间整数的值已略去：{count:count} 个（{lines:lines}）。',
  },
  scores_out_of_range: {
    en: '{nps_field:field} values that are not whole numbers from 0 to 10, left out: {nps_count:count} (first: {nps_lines:lines}). {csat_field:field} values that are not whole numbers from 1 to 5, left out: {csat_count:count} (first: {csat_lines:lines}).',
    'zh-CN': '{nps_field:field}中不是 0 到 10 之间整数的值已略去：{nps_count:count} 个（前几个：{nps_lines:lines}）。{csat_field:field}中不是 1 到 5 之间整数的值已略去：{csat_count:count} 个（前几个：{csat_lines:lines}）。',
  },
  rows_without_score: {
    en: 'Rows without any score, not counted: {count:count}.',
    'zh-CN': '没有任何得分的行未计入：{count:count} 行。',
  },
  undated_responses: {
    en: 'Scored responses without a date, counted in the totals but not in the trend: {count:count}.',
    'zh-CN': '有得分但没有日期的答卷计入总数，但不计入趋势：{count:count} 份。',
  },
  callback_rule: {
    en: 'Call back within {hours:count} hours of the response (call by): respondents scoring 0-{nps_up_to:count} on the 0-10 scale, or 1-{csat_up_to:count} on the 1-5 CSAT scale. A response is listed once, by its NPS score when both qualify. Most recent first, undated last.',
    'zh-CN': '需在答卷后 {hours:count} 小时内回访（回访截止）：0–10 分量表中打 0–{nps_up_to:count} 分、或 1–5 分满意度中打 1–{csat_up_to:count} 分的受访者。同一答卷只列一次，两者都符合时按推荐得分。最近的在前，无日期的在最后。',
  },

  // ---- Tickets ----------------------------------------------------------------------------------
  no_created: {
    en: 'The file has no {field:field} times, so nothing is computed.',
    'zh-CN': '文件中没有{field:field}，未能计算。',
  },
  percentile_method: {
    en: 'Median and p90 use the nearest-rank method: the smallest first response time with at least 50% (90%) of answered tickets at or under it; with an even count the median is the lower of the two middle times.',
    'zh-CN': '中位数和 90 分位采用最近秩法：至少 50%（90%）已响应工单的首次响应时间不超过该值的最小时间；数量为偶数时，中位数取中间两个中较小的一个。',
  },
  no_response_times: {
    en: 'No ticket has a usable first response time, so response times are not computed.',
    'zh-CN': '没有工单有可用的首次响应时间，未计算响应时间。',
  },
  reply_within_1h_rate_no_data: {
    en: 'No ticket with a known outcome, so {kpi:kpi} is not computed.',
    'zh-CN': '没有结果已知的工单，未计算{kpi:kpi}。',
  },
  urgent_within_2h_rate_no_data: {
    en: 'No urgent ticket with a known outcome, so {kpi:kpi} is not computed.',
    'zh-CN': '没有结果已知的紧急工单，未计算{kpi:kpi}。',
  },
  dispatch_within_24h_rate_no_data: {
    en: 'No service request with a known outcome, so {kpi:kpi} is not computed.',
    'zh-CN': '没有结果已知的服务请求，未计算{kpi:kpi}。',
  },
  reply_rule: {
    en: 'Every ticket counts as an online inquiry, whatever its channel; within 1 hour means at most 60 minutes after it was created.',
    'zh-CN': '每张工单都算作一次线上咨询（不论渠道）；“1 小时内”指创建后 60 分钟以内。',
  },
  unanswered_tickets: {
    en: 'Tickets without a first response: {count:count}. Each counts as not replied within 1 hour once it is more than 1 hour old at the as-of time (an urgent one after 2 hours); younger ones are left out of the rates until then: {pending:count}.',
    'zh-CN': '没有首次响应的工单：{count:count} 张。创建超过 1 小时（紧急工单 2 小时）后计为未及时响应；尚未到时限的暂不计入比率：{pending:count} 张。',
  },
  urgent_blank: {
    en: 'Tickets with a blank urgent flag, counted as not urgent: {count:count}.',
    'zh-CN': '紧急标记为空的工单按非紧急计算：{count:count} 张。',
  },
  no_urgent: {
    en: 'The file has no {field:field} column, so {kpi:kpi} is not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算{kpi:kpi}。',
  },
  no_first_response: {
    en: 'The file has no {field:field} column, so response times, the reply-within-1-hour rate and the urgent-within-2-hours rate are not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算响应时间、1 小时响应率和紧急工单 2 小时响应率。',
  },
  dispatch_rule: {
    en: 'Every ticket counts as a service request; one not dispatched counts as late once 24 hours have passed by the as-of time, and is left out before that.',
    'zh-CN': '每张工单都算作一次服务请求；未派工的工单在截止时间超过 24 小时后计为超时，此前不计入。',
  },
  no_dispatched: {
    en: 'The file has no {field:field} column, so {kpi:kpi} is not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算{kpi:kpi}。',
  },
  open_tickets: {
    en: 'Tickets not closed: {count:count}. They are not issues for first contact resolution; an open complaint counts as not closed within 7 days once it is more than 7 days old at the as-of time.',
    'zh-CN': '尚未关闭的工单：{count:count} 张。它们不计入首次解决率；未关闭的投诉超过 7 天后计为未在 7 天内关闭。',
  },
  complaint_closed_7d_rate_no_data: {
    en: 'No complaint with a known outcome, so {kpi:kpi} is not computed.',
    'zh-CN': '没有结果已知的投诉，未计算{kpi:kpi}。',
  },
  no_closed_complaints: {
    en: 'The file has no {field:field} column, so the complaint 7-day close rate and the first contact resolution rate are not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算投诉 7 天关闭率和首次解决率。',
  },
  no_closed: {
    en: 'The file has no {field:field} column, so {kpi:kpi} is not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算{kpi:kpi}。',
  },
  repeat_rule: {
    en: "A repeat complaint is a customer's second or later complaint in this file.",
    'zh-CN': '重复投诉指同一客户在本文件中的第二次及以后的投诉。',
  },
  repeat_rule_without_customer: {
    en: "A repeat complaint is a customer's second or later complaint in this file. Complaints without a customer ID count as first complaints: {count:count}.",
    'zh-CN': '重复投诉指同一客户在本文件中的第二次及以后的投诉。没有客户 ID 的投诉按首次投诉计算：{count:count} 张。',
  },
  no_customer_id: {
    en: 'The file has no {field:field} column, so {kpi:kpi} is not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算{kpi:kpi}。',
  },
  repeat_complaint_rate_no_data: {
    en: 'No ticket is a complaint, so {kpi:kpi} is not computed.',
    'zh-CN': '没有投诉工单，未计算{kpi:kpi}。',
  },
  no_complaint: {
    en: 'The file has no {field:field} column, so the complaint 7-day close rate and the repeat complaint rate are not computed.',
    'zh-CN': '文件中没有{field:field}列，未计算投诉 7 天关闭率和重复投诉率。',
  },
  first_contact_resolution_rate_no_data: {
    en: 'No closed ticket has a contacts count or a reopened flag, so the first contact resolution rate is not computed.',
    'zh-CN': '没有已关闭工单带有联系次数或重开标记，未计算首次解决率。',
  },
  fcr_rule: {
    en: 'Issues are closed tickets; one is resolved at first contact with at most 1 contact and not reopened (a blank cell is not held against it).',
    'zh-CN': '问题指已关闭的工单；联系次数不超过 1 次且未重开即为首次解决（空白单元格不算作反例）。',
  },
  fcr_rule_unknown_left_out: {
    en: 'Issues are closed tickets; one is resolved at first contact with at most 1 contact and not reopened (a blank cell is not held against it). Closed tickets with neither known are left out: {count:count}.',
    'zh-CN': '问题指已关闭的工单；联系次数不超过 1 次且未重开即为首次解决（空白单元格不算作反例）。两者都未知的已关闭工单已略去：{count:count} 张。',
  },
  no_resolution_signal: {
    en: 'The file has neither a contacts nor a reopened column, so the first contact resolution rate is not computed.',
    'zh-CN': '文件中既没有联系次数列也没有重开列，未计算首次解决率。',
  },
  negative_durations: {
    en: 'Times before the ticket was created are left out: {count:count} (first response {first_response:count}, dispatch {dispatch:count}, close {close:count}; {lines:lines}).',
    'zh-CN': '早于工单创建时间的时间已略去：{count:count} 个（首次响应 {first_response:count}、派工 {dispatch:count}、关闭 {close:count}；{lines:lines}）。',
  },
  tickets_no_time: {
    en: 'No ticket has a time, so open tickets cannot be judged.',
    'zh-CN': '没有工单带有时间，无法判断未关闭的工单。',
  },
  tickets_as_of_given: {
    en: 'Open and unanswered tickets are judged as of {as_of:text} (given).',
    'zh-CN': '未关闭和未响应的工单以 {as_of:text}（指定的截止时间）为准判断。',
  },
  tickets_as_of_latest: {
    en: 'Open and unanswered tickets are judged as of {as_of:text}, the latest time in the file.',
    'zh-CN': '未关闭和未响应的工单以文件中最晚的时间 {as_of:text} 为准判断。',
  },

  // ---- Revenue ledger ---------------------------------------------------------------------------
  ledger_missing_columns: {
    en: 'The ledger needs {fields:fields} columns, so nothing is computed.',
    'zh-CN': '收入台账需要{fields:fields}列，未能计算。',
  },
  service_revenue_definition: {
    en: 'Service revenue is basic service plus value-added service revenue; total revenue adds product revenue. {kpi:kpi} has a band once an {input:input} (manufacturing or technology) is chosen.',
    'zh-CN': '服务收入 = 基础服务收入 + 增值服务收入；总收入再加上产品收入。选择{input:input}（制造业或科技行业）后，{kpi:kpi}才有评级。',
  },
  unusable_rows: {
    en: 'Rows without a period, category or amount, left out: {count:count} ({lines:lines}).',
    'zh-CN': '缺少期间、类别或金额的行已略去：{count:count} 行（{lines:lines}）。',
  },
  credit_rows: {
    en: 'Rows with negative amounts (credit notes), netted against their period and category: {count:count}.',
    'zh-CN': '负数金额（冲红）的行已与其所在期间和类别相抵：{count:count} 行。',
  },
  negative_product_total: {
    en: 'Product revenue nets to {amount:money} over the file: its credit notes exceed its sales. Shares need revenue of at least 0, so check the file.',
    'zh-CN': '产品收入在全文件中合计为 {amount:money}：冲红超过了销售。占比需要收入不小于 0，请检查文件。',
  },
  negative_basic_service_total: {
    en: 'Basic service revenue nets to {amount:money} over the file: its credit notes exceed its sales. Shares need revenue of at least 0, so check the file.',
    'zh-CN': '基础服务收入在全文件中合计为 {amount:money}：冲红超过了销售。占比需要收入不小于 0，请检查文件。',
  },
  negative_value_added_total: {
    en: 'Value-added service revenue nets to {amount:money} over the file: its credit notes exceed its sales. Shares need revenue of at least 0, so check the file.',
    'zh-CN': '增值服务收入在全文件中合计为 {amount:money}：冲红超过了销售。占比需要收入不小于 0，请检查文件。',
  },
  periods_not_recognised: {
    en: 'Periods that are not dates, months, quarters or years, listed after the others in the order first seen: {count:count} (e.g. {examples:list}).',
    'zh-CN': '部分期间不是日期、月份、季度或年份，按首次出现的顺序排在最后：{count:count} 个（例如 {examples:list}）。',
  },

  // ---- Marketing spend --------------------------------------------------------------------------
  no_spend_rows: {
    en: 'No usable rows, so no CAC.',
    'zh-CN': '没有可用的行，无法计算获客成本。',
  },

  // ---- Two files together (combine) -------------------------------------------------------------
  ltv_cac_needs_margin: {
    en: "LTV:CAC needs the customers' CLTV, which needs your {input:input}: give one to the {kind:kind} import.",
    'zh-CN': 'LTV:CAC 需要客户的 CLTV，而 CLTV 需要{input:input}：请在{kind:kind}的结果中填写。',
  },
  ltv_cac_overall_only: {
    en: 'The {kind:kind} have no {field:field} column, so LTV:CAC is overall only, not per channel.',
    'zh-CN': '{kind:kind}没有{field:field}列，因此 LTV:CAC 只有整体值，没有分渠道的值。',
  },
  channels_without_cltv: {
    en: 'No customer in the transactions was won through {channels:list}, so these spend channels have no LTV:CAC.',
    'zh-CN': '交易记录中没有客户来自 {channels:list}，因此这些营销支出渠道没有 LTV:CAC。',
  },
  channels_without_cac: {
    en: '{channels:list} won no new customers or had no spend in the spend file, so there is no CAC to divide by.',
    'zh-CN': '{channels:list} 在营销支出文件中没有新增客户或没有支出，无法计算获客成本。',
  },
  channels_without_spend: {
    en: 'The spend file has no spend for {channels:list}, where customers of the transactions were won.',
    'zh-CN': '营销支出文件中没有 {channels:list} 的支出，而交易记录中有客户来自这些渠道。',
  },
  input_conflict: {
    en: '{input:input} comes from both the {kind_before:kind} and the {kind:kind} files with different values; the {kind:kind} value is used.',
    'zh-CN': '{kind_before:kind}和{kind:kind}两个文件给出的{input:input}不同，已采用{kind:kind}的数值。',
  },
  combine_answers_not_array: {
    en: 'The answers to combine must be a list of analyses, each with a kind and inputs.',
    'zh-CN': '要合并的结果必须是一个列表，每项都包含数据类型和输入。',
  },
  combine_answer_malformed: {
    en: 'Answer {index:count} to combine must have a kind (text) and inputs (an object).',
    'zh-CN': '要合并的第 {index:count} 项结果必须包含数据类型（文本）和输入（对象）。',
  },

  // ---- Import requests --------------------------------------------------------------------------
  import_request_not_object: {
    en: 'The import request must be a JSON object.',
    'zh-CN': '导入请求必须是一个 JSON 对象。',
  },
  bad_delimiter: {
    en: 'The delimiter “{delimiter:text}” must be one character, tab or spaces.',
    'zh-CN': '分隔符“{delimiter:text}”必须是单个字符、制表符或空格。',
  },
  option_entry_not_text: {
    en: 'The {option:text} entry for {field:field} must be text or empty.',
    'zh-CN': '{field:field}的 {option:text} 设置必须是文本或留空。',
  },
  bad_as_of: {
    en: 'The as-of date must be a date such as {example:text}.',
    'zh-CN': '截止日期必须是形如 {example:text} 的日期。',
  },
  option_not_fraction: {
    en: 'The {option:input} must be a number from {min:number} to {max:number}.',
    'zh-CN': '{option:input}必须是 {min:number} 到 {max:number} 之间的数。',
  },
  unknown_import_option: {
    en: 'Unknown or malformed import option “{option:text}”.',
    'zh-CN': '未知或格式不正确的导入选项“{option:text}”。',
  },
  no_usable_rows: {
    en: 'No usable rows: every row of the file was rejected (see the rejects for why).',
    'zh-CN': '没有可用的行：文件中的每一行都被拒绝了（原因见被拒绝的行）。',
  },
  unknown_kind: {
    en: 'Unknown data kind “{kind:text}” (known: {known:list}, or auto).',
    'zh-CN': '未知的数据类型“{kind:text}”（可选：{known:list}，或自动识别）。',
  },
  no_kind_fits: {
    en: 'The columns do not fit any data kind ({kinds:list}); choose the kind, or rename the columns as in the templates.',
    'zh-CN': '这些列不符合任何一种数据类型；请选择数据类型，或按模板重命名各列。',
  },
  not_this_kind: {
    en: 'This does not look like a {kind:kind} file: no column for {missing:fields} (headers such as {aliases:list}). The file’s columns are: {columns:list}.',
    'zh-CN': '这看起来不像{kind:kind}文件：缺少{missing:fields}列（表头可写作 {aliases:list}）。文件中的列为：{columns:list}。',
  },
  not_this_kind_one_of: {
    en: 'This does not look like a {kind:kind} file: it needs columns for one of the alternatives among {one_of_fields:fields}. The file’s columns are: {columns:list}.',
    'zh-CN': '这看起来不像{kind:kind}文件：需要{one_of_fields:fields}中的一组列。文件中的列为：{columns:list}。',
  },
  not_this_kind_and_one_of: {
    en: 'This does not look like a {kind:kind} file: no column for {missing:fields} (headers such as {aliases:list}); it also needs columns for one of the alternatives among {one_of_fields:fields}. The file’s columns are: {columns:list}.',
    'zh-CN': '这看起来不像{kind:kind}文件：缺少{missing:fields}列（表头可写作 {aliases:list}）；还需要{one_of_fields:fields}中的一组列。文件中的列为：{columns:list}。',
  },
  // issue 12: transactions
  retention_not_measured: {
    en: 'Year-on-year retention needs buyers in two windows of at least {days:count} days before the end of the data; this file has none, so CLV, CLTV and the lifetime value from retention are not computed. Enter your own {input:input}.',
    'zh-CN': '同比留存率需要数据截止日前两个至少 {days:count} 天的时间窗内都有购买客户；本文件没有，因此不计算 CLV、CLTV 和基于留存率的终身价值。请自行填写{input:input}。',
  },
  retention_from_windows: {
    en: 'Annual retention {retention:percent}: of the {buyers:count} customers who bought in the year before the last year up to {as_of:text}, {retained:count} bought again in that last year.',
    'zh-CN': '年留存率 {retention:percent}：在截至 {as_of:text} 的最近一年之前那一年购买过的 {buyers:count} 位客户中，有 {retained:count} 位在最近一年再次购买。',
  },
  retention_from_short_windows: {
    en: 'The file spans less than two years, so retention is measured over two windows of {window_days:count} days up to {as_of:text}: of {buyers:count} buyers in the earlier one, {retained:count} bought again in the later one ({window_retention:percent}), {retention:percent} a year (window retention raised to the power 365 / {window_days:count}). A buyer who skips a window counts as lost.',
    'zh-CN': '文件覆盖不足两年，因此留存率按截至 {as_of:text} 的两个 {window_days:count} 天时间窗计算：前一个时间窗的 {buyers:count} 位购买客户中，有 {retained:count} 位在后一个时间窗再次购买（{window_retention:percent}），折合每年 {retention:percent}（时间窗留存率的 365 / {window_days:count} 次方）。某个时间窗内未购买的客户计为流失。',
  },
  lifetime_unbounded: {
    en: 'No buyer of the earlier window ({buyers:count}) was lost: the expected lifetime 1 / (1 − r) has no end, so CLV and CLTV are not computed. Enter your own {input:input}.',
    'zh-CN': '前一个时间窗的购买客户（{buyers:count} 位）无一流失：预期存续期 1 / (1 − r) 没有上限，因此不计算 CLV 和 CLTV。请自行填写{input:input}。',
  },
  aov_net_of_returns: {
    en: 'Average order value ({net:money}) is net of returns and cancellations; before them it is {gross:money}.',
    'zh-CN': '平均订单金额（{net:money}）已扣除退货和取消；扣除前为 {gross:money}。',
  },
  customers_counted_apart: {
    en: 'Of {customers:count} customers, {buyers:count} bought in the file and are the base of every per-customer figure; {returns_only:count} only returned goods (net {amount:money}) and {other:count} have only zero-value lines or lines without a value: both are left out of it. {negative_revenue:count} customers have a negative net revenue (returns of purchases made before the data starts); {negative_buyers:count} of them bought too and stay in the base.',
    'zh-CN': '{customers:count} 位客户中，{buyers:count} 位在文件中有购买，是所有人均指标的基数；{returns_only:count} 位只有退货（净额 {amount:money}），{other:count} 位只有金额为 0 或没有金额的行：两者都不计入基数。{negative_revenue:count} 位客户的净收入为负（退回的是数据开始前的购买）；其中 {negative_buyers:count} 位也有购买，仍计入基数。',
  },
  zero_value_lines: {
    en: '{count:count} lines have a value of 0 ({orders:count} invoices hold nothing else); they count in no revenue, order or return.',
    'zh-CN': '{count:count} 行金额为 0（其中 {orders:count} 张发票只有这类行）；它们不计入收入、订单或退货。',
  },
  rejected_value: {
    en: '{count:count} rejected rows carry {amount:money} ({share:percent} of the file’s value), which every figure here leaves out.',
    'zh-CN': '{count:count} 个被拒绝的行共计 {amount:money}（占文件总金额的 {share:percent}），此处所有数字都不包含这部分。',
  },
  // ---- customer summary files ----
  summary_time_unit: {
    en: 'Recency and age are read in the file’s own time unit (days, weeks or months); choose it when fitting the customer-base models.',
    'zh-CN': '最近购买时间和观察时长按文件自身的时间单位（天、周或月）读取；拟合客户群模型时请选择该单位。',
  },
  // ---- survival tables (sBG) ----
  survival_fractional_period: {
    en: '{count:count} rows have no whole period 0, 1, 2, … (lines {lines:lines}) and are left out.',
    'zh-CN': '{count:count} 行的期数不是 0、1、2…这样的整数（第 {lines:lines} 行），未使用。',
  },
  survival_repeated_period: {
    en: '{count:count} rows repeat a period of their cohort with the same count (lines {lines:lines}); it is used once.',
    'zh-CN': '{count:count} 行重复了同一同期群的某一期，且人数相同（第 {lines:lines} 行）；只使用一次。',
  },
  survival_conflicting_period: {
    en: '{count:count} rows give one period of a cohort different counts (lines {lines:lines}): the file contradicts itself, so that cohort is not fitted. The rows are listed below; correct the file and read it again.',
    'zh-CN': '{count:count} 行为同一同期群的同一期给出了不同人数（第 {lines:lines} 行）：文件自相矛盾，因此不拟合该同期群。这些行列在下方；请更正文件后重新读取。',
  },
  survival_period_missing: {
    en: '{count:count} rows come after a missing period (lines {lines:lines}): the model needs every period in turn, so the fit uses the periods before the gap; these rows are still shown as observed.',
    'zh-CN': '{count:count} 行位于缺失的期数之后（第 {lines:lines} 行）：模型需要逐期连续的数据，因此只用缺口之前的各期拟合；这些行仍作为观测值显示。',
  },
  survival_count_rises: {
    en: '{count:count} rows have more customers than the period before (lines {lines:lines}); a cohort cannot regain customers, so the fit stops before them.',
    'zh-CN': '{count:count} 行的客户数多于上一期（第 {lines:lines} 行）；同期群不会重新获得客户，因此拟合在这些行之前停止。',
  },
  survival_no_start: {
    en: '{count:count} cohorts have no period 0 with customers (lines {lines:lines}); without the starting size they are not fitted.',
    'zh-CN': '{count:count} 个同期群没有客户数大于 0 的第 0 期（第 {lines:lines} 行）；缺少初始人数，因此不拟合。',
  },
  survival_too_few_periods: {
    en: '{count:count} cohorts have fewer than three usable periods or lose no customer (lines {lines:lines}) and are not fitted.',
    'zh-CN': '{count:count} 个同期群可用的期数少于三期，或没有流失任何客户（第 {lines:lines} 行），因此不拟合。',
  },
  survival_shares: {
    en: 'Values with decimals are read as the share still active (% alive). The parameters do not depend on the cohort’s size, but their standard errors do, so they are not given; give counts for them.',
    'zh-CN': '带小数的数值按仍活跃的比例（存活百分比）读取。参数与同期群人数无关，但标准误与人数有关，因此不给出标准误；如需标准误请提供人数。',
  },
  survival_few_periods: {
    en: 'A fit rests on only {periods:count} periods (fewer than {minimum:count}): the projection beyond them is a rough guess.',
    'zh-CN': '有拟合只基于 {periods:count} 期数据（少于 {minimum:count} 期）：之后的预测仅为粗略估计。',
  },
  survival_lifetime_value: {
    en: 'The expected lifetime value is the value per period ({value:money}) times the discounted expected lifetime, at {rate:percent} a period.',
    'zh-CN': '预期终身价值 = 每期价值（{value:money}）× 折现后的预期存续期数，折现率每期 {rate:percent}。',
  },
  survival_lifetime_in_periods: {
    en: 'The discounted expected lifetime is counted in periods of value, discounted at {rate:percent} a period; times the value of one period it is the expected lifetime value per customer.',
    'zh-CN': '折现后的预期存续期以“期”计，折现率每期 {rate:percent}；乘以每期价值即为每位客户的预期终身价值。',
  },
  option_not_value: {
    en: '{option:input} must be a number of 0 or more.',
    'zh-CN': '{option:input}必须是不小于 0 的数值。',
  },
  // ---- sBG fit feeds the workspace ----
  survival_retention_input: {
    en: 'The annual retention rate given to the inputs is the model’s retention in period {retention_period:count}, the first after the data ({period_retention:percent} a period), over {periods_per_year:count} periods a year: {annual_retention:percent}.',
    'zh-CN': '提供给输入项的年留存率取自模型第 {retention_period:count} 期（数据之后的第一期）的留存率（每期 {period_retention:percent}），按每年 {periods_per_year:count} 期折算：{annual_retention:percent}。',
  },
  survival_retention_input_cohort: {
    en: 'The annual retention rate given to the inputs is the largest cohort’s ({cohort}): the model’s retention in period {retention_period:count}, the first after the data ({period_retention:percent} a period), over {periods_per_year:count} periods a year: {annual_retention:percent}.',
    'zh-CN': '提供给输入项的年留存率取自人数最多的同期群（{cohort}）：模型第 {retention_period:count} 期（数据之后的第一期）的留存率（每期 {period_retention:percent}），按每年 {periods_per_year:count} 期折算：{annual_retention:percent}。',
  },
  // ---- survival period from the header ----
  survival_period_from_header: {
    en: 'The length of a period was read from the column header “{column:text}”; choose another one above if it is wrong.',
    'zh-CN': '每期的长度取自列标题“{column:text}”；如有误，请在上方另选。',
  },
};
