// The core's catalog (KPIs, inputs, groups) and data kinds in Traditional Chinese (Taiwan), by id: the core
// speaks en and Simplified zh, so the page brings its own zh-TW (in the zh-TW pack, loaded when chosen:
// zh-TW-pack.ts), and zh-TW-catalog.ts hangs each text on the catalog's LocalText objects.

export interface TraditionalKind {
  readonly name: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, string>>;
}

export const TRADITIONAL_GROUPS: Readonly<Record<string, string>> = {
  customer: '客戶',
  operations: '服務營運',
  financial: '財務',
  digital: '數位化',
  organization: '組織與人才',
};

export const TRADITIONAL_KPIS: Readonly<Record<string, { readonly name: string; readonly explanation: string }>> = {
  clv: {
    name: '顧客生命週期價值（CLV）',
    explanation: '一位客戶在整個合作期內的總消費；它決定了獲取一位客戶最多值得花多少錢。',
  },
  cltv: {
    name: '顧客終身價值（CLTV）',
    explanation: '客戶在合作期內帶來的毛利（有折現率時折算為現值）；應與獲客成本對比。',
  },
  retention_clv: {
    name: '基於留存率的顧客終身價值（毛利 × r ÷ (1 + d − r)）',
    explanation: '按每年留住的客戶比例，計算一位客戶從明年起的價值；未提供毛利率時按收入計算。',
  },
  ltv_cac_ratio: {
    name: '顧客終身價值與獲客成本之比（LTV:CAC）',
    explanation: '客戶價值是獲客成本的幾倍；低於 2 說明成長在燒錢，應降低獲客成本或提升留存與毛利。',
  },
  retention_rate: {
    name: '客戶留存率（CRR）',
    explanation: '期初客戶中仍然留下的比例；每多留住一個百分點，就少一份需要重新爭取的收入。',
  },
  churn_rate: {
    name: '客戶流失率',
    explanation: '本期流失客戶的比例；年化超過 15% 時，應先查明流失原因，再加大獲客投入。',
  },
  revenue_churn_rate: {
    name: '收入流失率',
    explanation: '本期流失的經常性收入佔比；它說明流失的是否是高價值客戶。',
  },
  nps: {
    name: '淨推薦值（NPS）',
    explanation: '願意推薦您的客戶比會勸阻他人的客戶多多少；信賴區間說明這個分數有多可靠。',
  },
  csat: {
    name: '客戶滿意度（CSAT）',
    explanation: '1-5 分制的平均滿意度；評分低於 4 分的客戶應在 24 小時內回訪。',
  },
  cac: {
    name: '獲客成本（CAC）',
    explanation: '獲取一位新客戶的成本（廣告、活動、佣金、銷售薪資）；比較各通路，把預算轉向成本最低的通路。',
  },
  cac_savings: {
    name: '獲客成本年節省額',
    explanation: '獲客成本下降後每年節省的金額。',
  },
  first_response_hours: {
    name: '平均首次回應時間',
    explanation: '客戶等待首次答覆的時間；從 4 小時縮短到 1 小時，滿意度和續約率都會明顯提升。',
  },
  reply_within_1h_rate: {
    name: '線上諮詢 1 小時回覆率',
    explanation: '1 小時內得到回覆的線上諮詢佔比；低於 70% 時，應在高峰時段增加人力或自動回覆常見問題。',
  },
  urgent_within_2h_rate: {
    name: '緊急需求 2 小時回應率',
    explanation: '2 小時內回應的緊急需求佔比；這裡的失誤最傷客戶信任。',
  },
  dispatch_within_24h_rate: {
    name: '服務請求 24 小時派工率',
    explanation: '24 小時內完成派工的服務請求佔比。',
  },
  complaint_closed_7d_rate: {
    name: '客訴 7 天結案率',
    explanation: '7 天內結案的客訴佔比；遲遲不結的客訴會變成客戶流失。',
  },
  repeat_complaint_rate: {
    name: '重複客訴率',
    explanation: '針對同一問題再次客訴的佔比；達到 5% 說明問題沒有根治，需要找出根本原因。',
  },
  first_contact_resolution_rate: {
    name: '首次解決率（FCR）',
    explanation: '首次接觸即解決的問題佔比；每提高一點都能節省售後人力並帶動回購。',
  },
  value_added_service_share: {
    name: '增值服務收入佔比',
    explanation: '來自增值服務（基礎產品與服務之外）的收入佔比。',
  },
  cross_upsell_revenue: {
    name: '交叉銷售與追加銷售收入',
    explanation: '向現有客戶多賣出的收入；這是成本最低的成長。',
  },
  churn_reduction_value: {
    name: '降低流失帶來的年收入',
    explanation: '因客戶流失減少而每年保住的收入。',
  },
  service_revenue_share: {
    name: '服務收入佔比',
    explanation: '業務從賣產品轉向賣服務的程度；健康水準因產業而異。',
  },
  service_innovation_roi: {
    name: '服務創新投資報酬率',
    explanation: '新服務在收回成本之後多賺的比例；小於等於 0 說明尚未收回投入。',
  },
  digital_transformation_roi: {
    name: '數位轉型投資報酬率（收益/投入）',
    explanation: '文章中的定義：三年收益除以投入。低於 10% 時應暫停投入、找出問題。請與淨報酬率對照閱讀。',
  },
  digital_transformation_net_roi: {
    name: '數位轉型淨投資報酬率',
    explanation: '教科書定義：收益扣除投入後的報酬。文章算法 96% 的報酬率，淨報酬率是 -4%，即投入尚未收回。',
  },
  cac_change: {
    name: '獲客成本變化率',
    explanation: '獲客成本的變化幅度；獲客成本降低 10%，淨利潤約提升 8%。',
  },
  time_to_market_months: {
    name: '產品上市週期',
    explanation: '從創意到上市的月數；從 6 個月縮短到 3 個月，可多獲得約 20% 的先行者市佔率。',
  },
  process_digitization_rate: {
    name: '流程數位化率',
    explanation: '核心流程中在系統內完成（而非紙本或通訊軟體）的步驟佔比；訂單處理應全部在系統內完成。',
  },
  data_driven_decision_ratio: {
    name: '資料驅動決策佔比',
    explanation: '有資料支撐的決策佔比；超過 70% 的企業轉型成功率高出約 40%。',
  },
  tech_adoption_months: {
    name: '新技術導入週期',
    explanation: '從上線到工具真正發揮預期作用的月數；每提前一個月，約多抓住 10% 的市場機會。',
  },
  digital_skill_pass_rate: {
    name: '數位技能考核通過率',
    explanation: '通過數位技能考核的員工佔比；銷售應全部通過，客服應達到 95%。',
  },
  decision_lead_time_days: {
    name: '決策週期',
    explanation: '從提出簽呈到做出決策的天數；決策慢會拖累服務改進。',
  },
  onboarding_months: {
    name: '新員工上手週期',
    explanation: '新員工可獨立作業所需的月數；超過 2 個月，應改進教育訓練和知識庫。',
  },
  knowledge_base_updates: {
    name: '知識庫更新頻率',
    explanation: '知識庫的更新次數；至少每月一次才能保證答案不過時。',
  },
};

export const TRADITIONAL_INPUTS: Readonly<Record<string, string>> = {
  avg_purchase_value: '平均客單價',
  purchases_per_year: '年均購買次數',
  lifespan_years: '客戶生命週期（年）',
  annual_revenue_per_customer: '每位客戶年收入',
  relationship_years: '合作年限（年）',
  gross_margin: '毛利率',
  annual_retention_rate: '年客戶留存率',
  discount_rate: '年折現率',
  cltv: '顧客終身價值（CLTV）',
  cac: '獲客成本（CAC）',
  customers_start: '期初客戶數',
  customers_end: '期末客戶數',
  new_customers: '本期新增客戶數',
  customers_lost: '本期流失客戶數',
  churn_period: '流失與留存統計的期間',
  customer_months_at_risk: '風險暴露客戶月數（每位客戶訂閱月數之和）',
  recurring_revenue_start: '期初經常性收入',
  recurring_revenue_lost: '本期流失的經常性收入',
  promoters: '推薦者（9-10 分）',
  passives: '中立者（7-8 分）',
  detractors: '批評者（0-6 分）',
  csat_score_counts: '滿意度 1-5 分各分值人數',
  csat_average: '平均滿意度（1-5 分）',
  sales_marketing_spend: '銷售與行銷支出（廣告、活動、佣金、銷售薪資）',
  channels: '分通路支出與新客戶',
  channel_cltv: '各通路所獲客戶的終身價值（CLTV）',
  cac_before: '改進前獲客成本',
  cac_after: '改進後獲客成本',
  new_customers_per_year: '每年新增客戶數',
  avg_first_response_hours: '平均首次回應時間（小時）',
  online_inquiries: '線上諮詢數',
  replied_within_1h: '1 小時內回覆數',
  urgent_requests: '緊急需求數',
  urgent_responded_within_2h: '2 小時內回應的緊急需求數',
  service_requests: '服務請求數',
  dispatched_within_24h: '24 小時內派工數',
  complaints: '客訴數',
  closed_within_7d: '7 天內結案的客訴數',
  repeat_complaints: '重複客訴數',
  issues: '受理問題數',
  resolved_first_contact: '首次接觸即解決數',
  value_added_service_revenue: '增值服務收入',
  total_revenue: '總收入',
  cross_sell_revenue: '交叉銷售收入',
  upsell_revenue: '追加銷售收入',
  customers: '客戶數',
  churn_before: '改進前流失率',
  churn_after: '改進後流失率',
  service_revenue: '服務收入',
  industry: '產業',
  revenue_gain: '服務創新帶來的收入',
  investment: '投入金額',
  benefit_3y: '三年收益（節省成本 + 新增收入）',
  idea_to_launch_months: '從創意到上市（月）',
  idea_date: '專案啟動日期',
  launch_date: '上市日期',
  processes: '各核心流程的步驟',
  decisions_total: '決策總數',
  decisions_with_data: '有資料支撐的決策數',
  months_to_target: '從上線到達成目標用途（月）',
  roles: '各職務數位技能考核',
  request_to_decision_days: '從簽呈到決策（天）',
  months_to_productive: '新員工可獨立作業所需時間（月）',
  updates_per_month: '知識庫每月更新次數',
};

export const TRADITIONAL_KINDS: Readonly<Record<string, TraditionalKind>> = {
  transactions: {
    name: '交易紀錄',
    description: '每列一筆購買：客戶、日期和金額。',
    fields: {
      customer_id: '客戶編號',
      date: '日期',
      amount: '金額',
      quantity: '數量',
      unit_price: '單價',
      channel: '通路',
      product: '產品',
      category: '類別',
      invoice_id: '發票號碼',
      status: '狀態',
    },
  },
  subscriptions: {
    name: '訂閱',
    description: '每列一個訂閱：開始、結束（仍有效則留空）和經常性收入。',
    fields: {
      customer_id: '客戶編號',
      start_date: '開始日期',
      end_date: '結束日期',
      recurring_revenue: '經常性收入',
      channel: '獲客通路',
      tenure_months: '訂閱月數',
      churned: '已流失',
    },
  },
  survey: {
    name: '問卷調查',
    description: '每列一份回覆：0-10 分推薦度或 1-5 分滿意度。',
    fields: {
      nps_score: '推薦得分（0-10）',
      csat_score: '滿意度（1-5）',
      score: '得分',
      date: '日期',
      segment: '客群',
      respondent_id: '受訪者',
      contact: '聯絡方式',
      comment: '意見',
    },
  },
  tickets: {
    name: '服務工單',
    description: '每列一張工單：建立、首次回應、派工和關閉的時間。',
    fields: {
      ticket_id: '工單編號',
      customer_id: '客戶編號',
      channel: '通路',
      created: '建立時間',
      first_response: '首次回應',
      dispatched: '派工時間',
      closed: '關閉時間',
      urgent: '緊急',
      complaint: '客訴',
      contacts: '聯絡次數',
      reopened: '重新開啟',
    },
  },
  spend: {
    name: '行銷支出',
    description: '每列一個期間和通路：支出和帶來的新客戶數。',
    fields: {
      period: '期間',
      channel: '通路',
      spend: '支出',
      new_customers: '新客戶數',
    },
  },
  ledger: {
    name: '營收明細帳',
    description: '每列一個期間和收入類別：產品、基礎服務或增值服務。',
    fields: {
      period: '期間',
      category: '類別',
      amount: '金額',
    },
  },
  customer_summary: {
    name: '客戶摘要',
    description: '每列一位客戶：重複購買次數、最後一次購買的時間，以及首次購買至今的時長，皆用同一個時間單位。',
    fields: {
      customer_id: '客戶編號',
      repeat_purchases: '重複購買次數（x）',
      recency: '最近購買時間（t_x）',
      age: '觀察時長（T）',
      mean_spend: '平均回購金額',
      holdout_purchases: '驗證期購買次數',
    },
  },
  survival_table: {
    name: '留存表',
    description: '每列一個期數（自世代開始起算）：仍活躍的客戶數（或存活百分比），可依世代分組。',
    fields: {
      period: '期數',
      active: '仍活躍客戶',
      cohort: '世代',
    },
  },
};

/** The tables together, as the zh-TW pack hands them over. */
export const TRADITIONAL_CATALOG = { groups: TRADITIONAL_GROUPS, kpis: TRADITIONAL_KPIS, inputs: TRADITIONAL_INPUTS, kinds: TRADITIONAL_KINDS };
export type TraditionalCatalog = typeof TRADITIONAL_CATALOG;
