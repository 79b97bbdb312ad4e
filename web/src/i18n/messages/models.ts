// The models layer's messages (customer-base models: BG/NBD, Pareto/NBD, Gamma-Gamma, sBG,
// Kaplan-Meier), by code: docs/codes/models.md lists each code with where it comes from and its params.
import type { MessageTable } from './types';

export const modelsMessages: MessageTable = {
  models_bad_request: {
    en: 'The model request is not a JSON object.',
    'zh-CN': '模型请求不是 JSON 对象。',
  },
  models_no_data: {
    en: 'There are no customers, survival table or subscription durations to fit.',
    'zh-CN': '没有可拟合的客户、留存表或订阅时长。',
  },
  models_bad_option: {
    en: 'The option “{option:text}” has a value that cannot be used.',
    'zh-CN': '选项“{option:text}”的值无法使用。',
  },
  models_unknown_model: {
    en: 'There is no model called “{model:text}”.',
    'zh-CN': '没有名为“{model:text}”的模型。',
  },
  models_bad_column: {
    en: 'The column “{column:text}” is missing or not as long as the others.',
    'zh-CN': '列“{column:text}”缺失，或与其他列长度不同。',
  },
  models_bad_value: {
    en: 'Row {row:count} of “{column:text}” is not a usable number.',
    'zh-CN': '“{column:text}”第 {row:count} 行不是可用的数字。',
  },
  models_bad_summary: {
    en: 'Customer {id:text} (row {row:count}) has repeat purchases, recency and age that cannot go together.',
    'zh-CN': '客户 {id:text}（第 {row:count} 行）的重复购买次数、最近购买时间和客户年龄相互矛盾。',
  },
  models_no_customers: {
    en: 'There is no customer to fit: none bought by the end of the calibration period.',
    'zh-CN': '没有可拟合的客户：校准期结束前没有任何购买。',
  },
  models_no_repeat_buyers: {
    en: 'No customer bought twice, so the {model:text} model cannot be fitted.',
    'zh-CN': '没有客户购买过两次，无法拟合 {model:text} 模型。',
  },
  models_few_customers: {
    en: 'The {model:text} fit rests on only {customers:count} customers (fewer than {minimum:count}): take its figures as rough.',
    'zh-CN': '{model:text} 拟合只基于 {customers:count} 位客户（少于 {minimum:count} 位），结果仅供粗略参考。',
  },
  models_not_converged: {
    en: 'The {model:text} fit did not settle after {evaluations:count} steps; its figures may be off.',
    'zh-CN': '{model:text} 拟合在 {evaluations:count} 步后仍未收敛，结果可能有偏差。',
  },
  models_no_standard_errors: {
    en: 'The {model:text} fit is flat or at an edge in some direction, so its standard errors are unknown.',
    'zh-CN': '{model:text} 拟合在某个方向上过于平坦或处于边界，无法给出标准误。',
  },
  models_bad_survival: {
    en: 'The survival table needs at least three counts that start above zero, never rise and fall at least once ({periods:count} given).',
    'zh-CN': '留存表至少需要三个数：首个大于零、从不上升且至少下降一次（现有 {periods:count} 个）。',
  },
  models_no_durations: {
    en: 'There is no subscription to draw a survival curve from.',
    'zh-CN': '没有可用于绘制生存曲线的订阅。',
  },
  models_needs_transactions: {
    en: 'Customer-base models need a transactions file with a customer and a date column.',
    'zh-CN': '客户群模型需要带有客户列和日期列的交易文件。',
  },
  models_needs_start_dates: {
    en: 'A survival curve needs subscriptions with a start date.',
    'zh-CN': '生存曲线需要带开始日期的订阅。',
  },
  models_lines_not_purchases: {
    en: '{count:count} lines of negative value (returns) are not counted as purchases.',
    'zh-CN': '{count:count} 行金额为负数（退货），不计为购买。',
  },
  models_lines_without_value: {
    en: '{count:count} lines have no amount: they count as purchase days but not in the average spend.',
    'zh-CN': '{count:count} 行没有金额：计为购买日，但不计入平均消费。',
  },
  models_customers_after_calibration: {
    en: '{count:count} customers first bought after the end of the calibration period and are left out of the fit.',
    'zh-CN': '{count:count} 位客户在校准期结束后才首次购买，未纳入拟合。',
  },
  // ---- customer summary files ----
  models_needs_summary: {
    en: 'A customer summary needs a customer, repeat purchases, recency and age column.',
    'zh-CN': '客户汇总需要客户、重复购买次数、最近购买时间和观察时长四列。',
  },
  models_summary_fractional_purchases: {
    en: '{count:count} rows have a repeat purchase count that is not a whole number ({lines:lines}) and are left out of the fit.',
    'zh-CN': '{count:count} 行的重复购买次数不是整数（{lines:lines}），未纳入拟合。',
  },
  models_summary_recency_after_age: {
    en: '{count:count} rows have a recency later than their age, t_x > T ({lines:lines}), and are left out of the fit.',
    'zh-CN': '{count:count} 行的最近购买时间晚于观察时长，即 t_x > T（{lines:lines}），未纳入拟合。',
  },
  models_summary_recency_without_repeats: {
    en: '{count:count} rows have a recency but no repeat purchase ({lines:lines}); recency is 0 without one. They are left out of the fit.',
    'zh-CN': '{count:count} 行没有重复购买却有最近购买时间（{lines:lines}）；没有重复购买时应为 0。这些行未纳入拟合。',
  },
  models_summary_duplicate_customers: {
    en: '{count:count} rows repeat a customer of an earlier row ({lines:lines}); the first row of each customer is used.',
    'zh-CN': '{count:count} 行与前面某行是同一位客户（{lines:lines}）；每位客户只用第一行。',
  },
  // ---- models API: predictions, intervals, model choice ----
  models_bad_params: {
    en: 'The {model:text} model needs the parameter “{param:text}” as a number above zero.',
    'zh-CN': '{model:text} 模型需要参数“{param:text}”，且须为大于零的数。',
  },
  models_no_intervals: {
    en: 'The {model:text} fit has no usable uncertainty (no standard errors), so its value cannot be given as a range.',
    'zh-CN': '{model:text} 拟合没有可用的不确定性（无标准误），无法给出价值区间。',
  },
  models_choice_holdout: {
    en: '{model:text} predicted the holdout period better: a mean error of {mae:number} purchases per customer, against {other_mae:number} for {other:text}.',
    'zh-CN': '{model:text} 对保留期的预测更准：每位客户平均误差 {mae:number} 次购买，{other:text} 为 {other_mae:number} 次。',
  },
  models_choice_tie: {
    en: 'Both models predicted the holdout period about equally well ({mae:number} and {other_mae:number} purchases per customer); {model:text} fits the calibration data better, so it is used.',
    'zh-CN': '两个模型对保留期的预测相近（每位客户 {mae:number} 与 {other_mae:number} 次购买）；{model:text} 对校准期数据拟合更好，因此采用它。',
  },
  models_choice_likelihood: {
    en: '{model:text} fits the data better than {other:text} (log-likelihood {log_likelihood:number} against {other_log_likelihood:number}); without a holdout period its predictions are not checked.',
    'zh-CN': '{model:text} 对数据的拟合优于 {other:text}（对数似然 {log_likelihood:number} 对 {other_log_likelihood:number}）；没有保留期，其预测未经检验。',
  },
};
