// The page's texts for the compute request's message codes (core layers base, kpi and request;
// docs/codes/request.md lists each code with where it comes from and its params).
import type { MessageTable } from './types';

export const requestMessages: MessageTable = {
  // ---- The request as a whole ----------------------------------------------------------------
  invalid_json: {
    en: 'The request is not valid JSON (at byte {byte:count}).',
    'zh-CN': '请求不是有效的 JSON（第 {byte:count} 字节处）。',
  },
  json_too_deep: {
    en: 'The request nests lists or objects more than {max_depth:count} levels deep (at byte {byte:count}).',
    'zh-CN': '请求中的列表或对象嵌套超过 {max_depth:count} 层（第 {byte:count} 字节处）。',
  },
  request_not_an_object: {
    en: 'The request must be a JSON object with "inputs".',
    'zh-CN': '请求必须是包含 "inputs" 的 JSON 对象。',
  },
  unknown_request_field: {
    en: 'Unknown request field “{field:text}”.',
    'zh-CN': '未知的请求字段「{field:text}」。',
  },
  inputs_not_an_object: {
    en: '"inputs" must be an object of input names and values.',
    'zh-CN': '"inputs" 必须是由输入项名称和数值组成的对象。',
  },
  compact_not_a_boolean: {
    en: '"compact" must be true or false.',
    'zh-CN': '"compact" 必须是 true 或 false。',
  },
  unknown_input: {
    en: 'Unknown input “{name:text}”.',
    'zh-CN': '未知的输入项「{name:text}」。',
  },
  unknown_kpi_in_input_name: {
    en: 'The input name “{name:text}” starts with an unknown KPI.',
    'zh-CN': '输入项名称「{name:text}」中的指标不存在。',
  },
  kpi_has_no_such_input: {
    en: '{kpi:kpi} has no input “{name:text}”.',
    'zh-CN': '「{kpi:kpi}」没有输入项「{name:text}」。',
  },
  input_missing: {
    en: '{input:input} is missing (needed for {kpi:kpi}).',
    'zh-CN': '缺少{input:input}（计算「{kpi:kpi}」需要）。',
  },
  kpi_too_large: {
    en: '{kpi:kpi} is too large to compute from these inputs.',
    'zh-CN': '「{kpi:kpi}」的结果过大，无法由这些输入计算。',
  },

  // ---- Input values ----------------------------------------------------------------------------
  not_a_number: {
    en: '{input:input}: “{value:text}” is not a number.',
    'zh-CN': '{input:input}：「{value:text}」不是有效的数字。',
  },
  wrong_type: {
    en: '{input:input} must be a number.',
    'zh-CN': '{input:input}必须是数字。',
  },
  not_finite: {
    en: '{input:input} must be a finite number.',
    'zh-CN': '{input:input}必须是有限的数字。',
  },
  out_of_range: {
    en: '{input:input} must be between {min:number} and {max:number} (got {value:number}).',
    'zh-CN': '{input:input}应在 {min:number} 至 {max:number} 之间（当前为 {value:number}）。',
  },
  counts_not_a_list: {
    en: '{input:input} must be a list of {count:count} counts, one for each score from 1 to 5.',
    'zh-CN': '{input:input}必须是 {count:count} 个人数组成的列表，依次对应 1 至 5 分。',
  },
  count_not_a_number: {
    en: '{input:input}, score {score:count}: “{value:text}” is not a number.',
    'zh-CN': '{input:input}（{score:count} 分）：「{value:text}」不是有效的数字。',
  },
  count_wrong_type: {
    en: '{input:input}, score {score:count}: the count must be a number.',
    'zh-CN': '{input:input}（{score:count} 分）：人数必须是数字。',
  },
  count_not_finite: {
    en: '{input:input}, score {score:count}: the count must be a finite number.',
    'zh-CN': '{input:input}（{score:count} 分）：人数必须是有限的数字。',
  },
  count_out_of_range: {
    en: '{input:input}, score {score:count}: the count must be between {min:number} and {max:number} (got {value:number}).',
    'zh-CN': '{input:input}（{score:count} 分）：人数应在 {min:number} 至 {max:number} 之间（当前为 {value:number}）。',
  },
  groups_not_an_object: {
    en: '{input:input} must be a set of named rows, each with {fields:list}.',
    'zh-CN': '{input:input}必须由若干命名的行组成，每行包含 {fields:list}。',
  },
  group_row_not_an_object: {
    en: '{input:input}: the row “{row:text}” must be an object of numbers.',
    'zh-CN': '{input:input}：「{row:text}」这一行必须是由数字组成的对象。',
  },
  group_unknown_field: {
    en: '{input:input}: the row “{row:text}” has an unknown field “{field:text}”.',
    'zh-CN': '{input:input}：「{row:text}」这一行有未知字段「{field:text}」。',
  },
  group_field_missing: {
    en: '{input:input}: the row “{row:text}” is missing {field:text}.',
    'zh-CN': '{input:input}：「{row:text}」这一行缺少 {field:text}。',
  },
  group_not_a_number: {
    en: '{input:input}, “{row:text}”, {field:text}: “{value:text}” is not a number.',
    'zh-CN': '{input:input}，「{row:text}」的 {field:text}：「{value:text}」不是有效的数字。',
  },
  group_wrong_type: {
    en: '{input:input}, “{row:text}”, {field:text}: must be a number.',
    'zh-CN': '{input:input}，「{row:text}」的 {field:text}必须是数字。',
  },
  group_not_finite: {
    en: '{input:input}, “{row:text}”, {field:text}: must be a finite number.',
    'zh-CN': '{input:input}，「{row:text}」的 {field:text}必须是有限的数字。',
  },
  group_out_of_range: {
    en: '{input:input}, “{row:text}”, {field:text}: must be between {min:number} and {max:number} (got {value:number}).',
    'zh-CN': '{input:input}，「{row:text}」的 {field:text}应在 {min:number} 至 {max:number} 之间（当前为 {value:number}）。',
  },
  not_a_date: {
    en: '{input:input} must be a real date written YYYY-MM-DD.',
    'zh-CN': '{input:input}：请填写有效日期（YYYY-MM-DD）。',
  },
  not_a_choice: {
    en: '{input:input} must be one of: {choices:list}.',
    'zh-CN': '{input:input}必须是以下之一：{choices:list}。',
  },
  unsupported_input_kind: {
    en: '{input:input} is of a kind this version cannot read.',
    'zh-CN': '当前版本无法读取{input:input}这类输入项。',
  },

  // ---- The formulas ------------------------------------------------------------------------------
  denominator_not_positive: {
    en: '{input:input} must be greater than 0 (it is the denominator).',
    'zh-CN': '{input:input}必须大于 0（它是分母）。',
  },
  part_exceeds_whole: {
    en: '{part:input} ({part_value:number}) is larger than {whole:input} ({whole_value:number}).',
    'zh-CN': '{part:input}（{part_value:number}）大于{whole:input}（{whole_value:number}）。',
  },
  retained_exceeds_start: {
    en: 'Customers at the end ({customers_end:number}) minus new customers ({new_customers:number}) is more than the customers at the start ({customers_start:number}).',
    'zh-CN': '期末客户数（{customers_end:number}）减去本期新增客户数（{new_customers:number}）大于期初客户数（{customers_start:number}）。',
  },
  // issue 12: periods
  customers_do_not_add_up: {
    en: 'The customer counts contradict each other: {customers_start:number} at the start − {customers_lost:number} lost + {new_customers:number} new = {expected_end:number}, not the {customers_end:number} at the end. So the churn rate ({churn_rate:percent}) and the retention rate ({retention_rate:percent}) describe different customers; check the counts.',
    'zh-CN': '客户数相互矛盾：期初 {customers_start:number} − 流失 {customers_lost:number} + 新增 {new_customers:number} = {expected_end:number}，而期末是 {customers_end:number}。因此流失率（{churn_rate:percent}）与留存率（{retention_rate:percent}）描述的不是同一批客户，请核对这些数字。',
  },
  fractional_customer_count: {
    en: '{input:input} is {value:number}: customers are counted whole. The rate uses the number as given, without rounding.',
    'zh-CN': '{input:input}为 {value:number}：客户应按整数计。此比率按所填数值计算，未作取整。',
  },
  negative_gross_margin: {
    en: 'The gross margin is negative ({value:percent}): each customer loses money, so the lifetime value is a loss.',
    'zh-CN': '毛利率为负（{value:percent}）：每位客户都在亏损，因此终身价值为亏损额。',
  },
  exposure_rate_is_monthly: {
    en: 'With customer-months at risk the churn rate is per month; the period chosen for the counts is not used.',
    'zh-CN': '填写风险暴露客户月数时，流失率按月计算；所选的统计期间不被使用。',
  },
  csat_no_responses: {
    en: '{input:input} must hold at least one response.',
    'zh-CN': '各分值人数合计至少应为 1。',
  },
  nps_no_respondents: {
    en: 'Promoters, passives and detractors add up to 0 respondents.',
    'zh-CN': '推荐者、中立者与贬损者合计为 0 人。',
  },
  // Warnings shown with a KPI's value (KpiValue::warnings), issue 12.
  small_sample: {
    en: 'Small sample (cases: {cases:count}, under {minimum:count}): this figure can swing widely by chance.',
    'zh-CN': '样本量小（样本数：{cases:count}，不足 {minimum:count}）：该数值可能因偶然因素大幅波动。',
  },
  csat_average_differs: {
    en: 'The typed average CSAT ({typed_average:number}) differs from the mean of the score counts ({counts_average:number}, from {respondents:count} responses); the counts’ mean is used.',
    'zh-CN': '填写的平均满意度（{typed_average:number}）与各分值人数算出的平均分（{counts_average:number}，共 {respondents:count} 份回复）不一致；已采用按人数计算的平均分。',
  },
  group_denominator_not_positive: {
    en: '{input:input}, “{row:text}”: {field:text} must be greater than 0 (it is the denominator).',
    'zh-CN': '{input:input}，「{row:text}」的 {field:text}必须大于 0（它是分母）。',
  },
  group_part_exceeds_whole: {
    en: '{input:input}, “{row:text}”: {part:text} ({part_value:number}) is larger than {whole:text} ({whole_value:number}).',
    'zh-CN': '{input:input}，「{row:text}」的 {part:text}（{part_value:number}）大于 {whole:text}（{whole_value:number}）。',
  },
  groups_empty: {
    en: '{input:input} has no rows.',
    'zh-CN': '{input:input}没有任何行。',
  },
  cac_needs_spend_and_customers: {
    en: 'Customer acquisition cost needs sales and marketing spend and new customers, or spend by channel; {input:input} is missing.',
    'zh-CN': '计算获客成本需要销售与营销支出和新增客户数，或分渠道支出；缺少{input:input}。',
  },
  cross_upsell_exceeds_total: {
    en: 'Cross-sell plus upsell revenue ({value:number}) is larger than total revenue ({total:number}).',
    'zh-CN': '交叉销售收入与追加销售收入之和（{value:number}）大于总收入（{total:number}）。',
  },
  time_to_market_needs_dates: {
    en: 'Time to market needs the months from idea to launch, or both dates; {input:input} is missing.',
    'zh-CN': '计算产品上市周期需要从创意到上市的月数，或两个日期；缺少{input:input}。',
  },
  launch_before_idea: {
    en: 'The launch date is {days:count} days before the idea date.',
    'zh-CN': '上市日期比创意日期早 {days:count} 天。',
  },

  // ---- Threshold overrides -----------------------------------------------------------------------
  thresholds_not_an_object: {
    en: '"thresholds" must be an object keyed by KPI.',
    'zh-CN': '"thresholds" 必须是以指标为键的对象。',
  },
  threshold_unknown_kpi: {
    en: 'Thresholds were given for an unknown KPI “{name:text}”.',
    'zh-CN': '为不存在的指标「{name:text}」设置了阈值。',
  },
  threshold_not_an_object: {
    en: 'The thresholds of {kpi:kpi} must be an object with "good" and "watch" values.',
    'zh-CN': '「{kpi:kpi}」的阈值必须是包含 "good" 和 "watch" 数值的对象。',
  },
  threshold_no_such_band: {
    en: '{kpi:kpi} has no “{band:text}” threshold.',
    'zh-CN': '「{kpi:kpi}」没有「{band:text}」阈值。',
  },
  threshold_not_a_variant: {
    en: '{kpi:kpi} has no thresholds named “{variant:text}”.',
    'zh-CN': '「{kpi:kpi}」没有名为「{variant:text}」的阈值。',
  },
  threshold_good_below_watch: {
    en: '{kpi:kpi}: the “good” threshold ({good:number}) must be at least the “watch” threshold ({watch:number}).',
    'zh-CN': '「{kpi:kpi}」：“良好”阈值（{good:number}）不能低于“关注”阈值（{watch:number}）。',
  },
  threshold_good_above_watch: {
    en: '{kpi:kpi}: the “good” threshold ({good:number}) must be at most the “watch” threshold ({watch:number}).',
    'zh-CN': '「{kpi:kpi}」：“良好”阈值（{good:number}）不能高于“关注”阈值（{watch:number}）。',
  },
  threshold_needs_variant: {
    en: '{kpi:kpi} has no single threshold; set one for each of its variants.',
    'zh-CN': '「{kpi:kpi}」没有统一的阈值，请分别为各类别设置。',
  },
  threshold_not_a_number: {
    en: '{kpi:kpi}, “{band:text}” threshold: “{value:text}” is not a number.',
    'zh-CN': '「{kpi:kpi}」的「{band:text}」阈值：「{value:text}」不是有效的数字。',
  },
  threshold_wrong_type: {
    en: '{kpi:kpi}, “{band:text}” threshold: must be a number.',
    'zh-CN': '「{kpi:kpi}」的「{band:text}」阈值必须是数字。',
  },
  threshold_not_finite: {
    en: '{kpi:kpi}, “{band:text}” threshold: must be a finite number.',
    'zh-CN': '「{kpi:kpi}」的「{band:text}」阈值必须是有限的数字。',
  },

  // ---- The what-if projection --------------------------------------------------------------------
  projection_not_an_object: {
    en: 'The projection must be an object.',
    'zh-CN': '预测设置必须是对象。',
  },
  projection_baseline_missing: {
    en: 'The projection has no baseline.',
    'zh-CN': '预测缺少基准假设。',
  },
  projection_block_not_an_object: {
    en: 'The projection’s {block:text} must be an object.',
    'zh-CN': '预测的 {block:text} 假设必须是对象。',
  },
  projection_unknown_assumption: {
    en: 'Unknown projection assumption “{field:text}” in {block:text}.',
    'zh-CN': '预测的 {block:text} 假设中有未知项「{field:text}」。',
  },
  projection_assumption_missing: {
    en: 'The projection’s {block:text} is missing {field:text}.',
    'zh-CN': '预测的 {block:text} 假设缺少 {field:text}。',
  },
  projection_not_a_number: {
    en: 'Projection {field:text}: “{value:text}” is not a number.',
    'zh-CN': '预测的 {field:text}：「{value:text}」不是有效的数字。',
  },
  projection_wrong_type: {
    en: 'Projection {field:text} must be a number.',
    'zh-CN': '预测的 {field:text}必须是数字。',
  },
  projection_not_finite: {
    en: 'Projection {field:text} must be a finite number.',
    'zh-CN': '预测的 {field:text}必须是有限的数字。',
  },
  projection_out_of_range: {
    en: 'Projection {field:text} must be between {min:number} and {max:number} (got {value:number}).',
    'zh-CN': '预测的 {field:text}应在 {min:number} 至 {max:number} 之间（当前为 {value:number}）。',
  },
  projection_years_not_whole: {
    en: 'The projection’s years must be a whole number from {min:count} to {max:count}.',
    'zh-CN': '预测年数必须是 {min:count} 至 {max:count} 之间的整数。',
  },
  projection_too_large: {
    en: 'The projection is too large to compute from these assumptions.',
    'zh-CN': '预测结果过大，无法由这些假设计算。',
  },
  // issue 12: transactions
  clv_unbounded: {
    en: 'With every customer kept ({input:input} {retention:percent}) and no discount rate, the lifetime value has no end: give a discount rate, or judge by the revenue per customer and year.',
    'zh-CN': '所有客户都被留住（{input:input} 为 {retention:percent}）且没有折现率时，终身价值没有上限：请填写折现率，或以每位客户每年的收入来判断。',
  },
  clv_revenue_based: {
    en: 'No {input:input} was given: this lifetime value counts revenue, not margin.',
    'zh-CN': '未提供{input:input}：此终身价值按收入而非毛利计算。',
  },
};
