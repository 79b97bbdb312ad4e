// The page's texts for the what-if engine's message codes (core layer whatif; docs/codes/whatif.md
// lists each code with where it comes from and its params). {where} is the request path of the
// value, e.g. "baseline.cac" or "scenarios[1].changes.retention_rate".
import type { MessageTable } from './types';

export const whatifMessages: MessageTable = {
  // ---- The request ------------------------------------------------------------------------------
  whatif_not_an_object: {
    en: '{where:text} must be an object.',
    'zh-CN': '{where:text} 必须是对象。',
  },
  whatif_unknown_field: {
    en: '{where:text} has an unknown field “{field:text}”.',
    'zh-CN': '{where:text} 中有未知字段「{field:text}」。',
  },
  whatif_field_missing: {
    en: '{where:text} lacks “{field:text}”.',
    'zh-CN': '{where:text} 缺少「{field:text}」。',
  },
  whatif_not_a_number: {
    en: '{where:text} must be a finite number.',
    'zh-CN': '{where:text} 必须是有限的数字。',
  },
  whatif_out_of_range: {
    en: '{where:text} is {value}, outside {min} to {max}.',
    'zh-CN': '{where:text} 为 {value}，超出 {min} 至 {max} 的范围。',
  },
  whatif_not_whole: {
    en: '{where:text} must be a whole number (got {value}).',
    'zh-CN': '{where:text} 必须是整数（当前为 {value}）。',
  },
  whatif_unknown_lever: {
    en: '{where:text}: “{name:text}” is not a what-if lever.',
    'zh-CN': '{where:text}：「{name:text}」不是假设分析的杠杆。',
  },
  whatif_unknown_output: {
    en: '{where:text}: “{name:text}” is not an output of the what-if model.',
    'zh-CN': '{where:text}：「{name:text}」不是假设分析模型的输出。',
  },
  whatif_lever_out_of_range: {
    en: '{where:text}: {lever:text} would be {value}, outside its range {min} to {max}.',
    'zh-CN': '{where:text}：{lever:text} 将为 {value}，超出其范围 {min} 至 {max}。',
  },
  whatif_change_not_valid: {
    en: '{where:text}: a change is a number or one of {"add": x}, {"mul": x}, {"set": x}.',
    'zh-CN': '{where:text}：变动须为数字，或 {"add": x}、{"mul": x}、{"set": x} 之一。',
  },
  whatif_name_not_valid: {
    en: '{where:text}: a scenario needs a name that is not empty.',
    'zh-CN': '{where:text}：情景需要一个非空的名称。',
  },
  whatif_name_repeated: {
    en: '{where:text}: the name “{name:text}” is already used.',
    'zh-CN': '{where:text}：名称「{name:text}」已被使用。',
  },
  whatif_not_a_list: {
    en: '{where:text} must be a list.',
    'zh-CN': '{where:text} 必须是列表。',
  },
  whatif_too_many_scenarios: {
    en: 'At most {max:count} scenarios can be compared at once.',
    'zh-CN': '一次最多可比较 {max:count} 个情景。',
  },
  whatif_step_unknown: {
    en: 'The step must be “year” or “month”.',
    'zh-CN': '步长必须是「year」（年）或「month」（月）。',
  },
  whatif_unknown_scenario: {
    en: '{where:text}: no scenario is named “{name:text}”.',
    'zh-CN': '{where:text}：没有名为「{name:text}」的情景。',
  },
  whatif_output_has_no_year: {
    en: '{where:text}: {output:text} is not a figure of one year.',
    'zh-CN': '{where:text}：{output:text} 不是某一年的数值。',
  },
  whatif_goal_range_empty: {
    en: 'The goal seek’s low end ({low}) is above its high end ({high}).',
    'zh-CN': '单变量求解的下限（{low}）高于上限（{high}）。',
  },
  whatif_range_not_ordered: {
    en: '{where:text}: a range needs low ≤ likely ≤ high (got {low}, {likely}, {high}).',
    'zh-CN': '{where:text}：区间须满足 最低 ≤ 最可能 ≤ 最高（当前为 {low}、{likely}、{high}）。',
  },
  whatif_target_bound_missing: {
    en: '{where:text}: give one of “at_least” or “at_most”.',
    'zh-CN': '{where:text}：请给出「at_least」（至少）或「at_most」（至多）之一。',
  },
  whatif_too_large: {
    en: 'The projection is too large to compute from these levers.',
    'zh-CN': '按这些杠杆计算的预测值过大，无法计算。',
  },

  // ---- Values without a number (the reason beside a null) ---------------------------------------
  whatif_output_not_finite: {
    en: 'This figure is too large to compute.',
    'zh-CN': '该数值过大，无法计算。',
  },
  whatif_payback_never: {
    en: 'A customer brings no margin, so the acquisition cost is never paid back.',
    'zh-CN': '客户不带来毛利，获客成本永远无法收回。',
  },
  whatif_clv_unbounded: {
    en: 'With every customer kept and no discount rate, the lifetime value has no end.',
    'zh-CN': '客户全部留存且没有折现率时，终身价值没有上限。',
  },
  whatif_cac_zero: {
    en: 'With an acquisition cost of 0 there is no LTV:CAC ratio.',
    'zh-CN': '获客成本为 0 时无法计算 LTV:CAC。',
  },
  whatif_no_investment: {
    en: 'No investment is given, so there is no ROI, NPV, IRR or payback.',
    'zh-CN': '未给出投入，因此没有投资回报率、净现值、内部收益率或回收期。',
  },
  whatif_payback_beyond_horizon: {
    en: 'The investment is not paid back within the horizon.',
    'zh-CN': '在预测期内无法收回投入。',
  },
  whatif_irr_no_sign_change: {
    en: 'The cash flows never change sign, so there is no IRR.',
    'zh-CN': '现金流从未改变正负号，因此没有内部收益率。',
  },
  whatif_irr_not_found: {
    en: 'No IRR was found between −99% and 1000%.',
    'zh-CN': '在 −99% 至 1000% 之间未找到内部收益率。',
  },
  whatif_no_revenue: {
    en: 'There is no revenue, so there is no service revenue share.',
    'zh-CN': '没有收入，因此无法计算服务收入占比。',
  },
  whatif_goal_unreachable: {
    en: 'The target cannot be reached within the lever’s range; the closest value is shown.',
    'zh-CN': '在该杠杆的范围内无法达到目标；显示的是最接近的值。',
  },
  whatif_goal_output_undefined: {
    en: 'The output has no value anywhere in the lever’s range.',
    'zh-CN': '在该杠杆的范围内，该输出都没有数值。',
  },
};
