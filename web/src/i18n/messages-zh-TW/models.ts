// The customer-base models' codes (BG/NBD, sBG, Kaplan–Meier …) in Traditional Chinese (Taiwan), by code; en and zh-CN are in ../messages/models.ts.
import type { TraditionalTable } from './types';

export const modelsMessagesTW: TraditionalTable = {
  models_bad_request: '模型請求不是 JSON 物件。',
  models_no_data: '沒有可擬合的客戶、留存表或訂閱時長。',
  models_bad_option: '選項「{option:text}」的值無法使用。',
  models_unknown_model: '沒有名為「{model:text}」的模型。',
  models_bad_column: '「{column:text}」欄缺失，或與其他欄長度不同。',
  models_bad_value: '「{column:text}」第 {row:count} 列不是可用的數字。',
  models_bad_summary: '客戶 {id:text}（第 {row:count} 列）的重複購買次數、最近購買時間和客戶年齡相互矛盾。',
  models_no_customers: '沒有可擬合的客戶：校準期結束前沒有任何購買。',
  models_no_repeat_buyers: '沒有客戶購買過兩次，無法擬合 {model:text} 模型。',
  models_few_customers: '{model:text} 擬合只基於 {customers:count} 位客戶（少於 {minimum:count} 位），結果僅供粗略參考。',
  models_not_converged: '{model:text} 擬合在 {evaluations:count} 步後仍未收斂，結果可能有偏差。',
  models_no_standard_errors: '{model:text} 擬合在某個方向上過於平坦或處於邊界，無法提供標準誤。',
  models_bad_survival: '留存表至少需要三個數：首個大於零、從不上升且至少下降一次（現有 {periods:count} 個）。',
  models_no_durations: '沒有可用於繪製生存曲線的訂閱。',
  models_needs_transactions: '客群模型需要含客戶欄和日期欄的交易檔案。',
  models_needs_start_dates: '生存曲線需要帶開始日期的訂閱。',
  models_lines_not_purchases: '{count:count} 列金額為負數（退貨），不計為購買。',
  models_lines_without_value: '{count:count} 列沒有金額：計為購買日，但不計入平均消費。',
  models_customers_after_calibration: '{count:count} 位客戶在校準期結束後才首次購買，未納入擬合。',
};
