// The data kinds as data; the headers that name their fields are in header_aliases.cpp.
#include "servimetrics/data_kinds.hpp"

#include <string>

namespace servimetrics {
namespace {

using Categories = std::vector<std::pair<std::string_view, std::vector<std::string_view>>>;

// Product, basic service and value-added service, as the catalog's revenue shares split revenue.
const Categories kRevenueCategories = {
    {"product",
     {"product", "products", "goods", "hardware", "产品", "產品", "商品", "硬件", "硬體"}},
    {"basic_service",
     {"basicservice", "service", "services", "basic", "maintenance", "repair", "基础服务",
      "基礎服務", "服务", "服務", "维修", "維修", "保养", "保養"}},
    {"value_added_service",
     {"valueaddedservice", "valueadded", "vas", "addedvalue", "premiumservice", "增值服务",
      "增值服務", "增值"}},
};

std::vector<KindSpec> make_kinds() {
  std::vector<KindSpec> kinds;
  kinds.push_back(KindSpec{
      "transactions",
      {"Transactions", "交易记录"},
      {"One row per purchase line: who bought, when, and for how much.",
       "每行一笔购买：客户、日期和金额。"},
      {
          {"customer_id", FieldType::text, true, {"Customer ID", "客户ID"}, {}},
          {"date", FieldType::date, true, {"Date", "日期"}, {}},
          {"amount", FieldType::number, false, {"Amount", "金额"}, {}},
          {"quantity", FieldType::number, false, {"Quantity", "数量"}, {}},
          {"unit_price", FieldType::number, false, {"Unit price", "单价"}, {}},
          {"channel", FieldType::text, false, {"Channel", "渠道"}, {}},
          {"product", FieldType::text, false, {"Product", "产品"}, {}},
          {"category", FieldType::category, false, {"Category", "类别"}, {}, kRevenueCategories},
          {"invoice_id", FieldType::text, false, {"Invoice ID", "发票号"}, {}},
          {"status", FieldType::text, false, {"Status", "状态"}, {}},
      },
      {{{"amount"}, {"quantity", "unit_price"}}},
  });
  kinds.push_back(KindSpec{
      "subscriptions",
      {"Subscriptions", "订阅"},
      {"One row per subscription: start, end (blank while active) and recurring revenue.",
       "每行一个订阅：开始、结束（仍有效则留空）和经常性收入。"},
      {
          {"customer_id", FieldType::text, true, {"Customer ID", "客户ID"}, {}},
          {"start_date", FieldType::date, false, {"Start date", "开始日期"}, {}},
          {"end_date", FieldType::date, false, {"End date", "结束日期"}, {}},
          {"recurring_revenue", FieldType::number, false, {"Recurring revenue", "经常性收入"}, {}},
          {"channel", FieldType::text, false, {"Acquisition channel", "获客渠道"}, {}},
          {"tenure_months", FieldType::number, false, {"Tenure (months)", "在网月数"}, {}},
          {"churned", FieldType::flag, false, {"Churned", "已流失"}, {}},
      },
      // Dated subscriptions, or a snapshot with tenure and churn status (the Telco export).
      {{{"start_date"}, {"tenure_months", "churned"}}},
      {"recurring_revenue", "tenure_months"},
  });
  kinds.push_back(KindSpec{
      "survey",
      {"Survey responses", "调查问卷"},
      {"One row per response: a 0-10 NPS score or a 1-5 satisfaction score.",
       "每行一份答卷：0-10 分推荐度或 1-5 分满意度。"},
      {
          {"nps_score", FieldType::number, false, {"NPS score (0-10)", "推荐得分（0-10）"}, {}},
          {"csat_score", FieldType::number, false, {"CSAT score (1-5)", "满意度（1-5）"}, {}},
          {"score", FieldType::number, false, {"Score", "得分"}, {}},
          {"date", FieldType::date, false, {"Date", "日期"}, {}},
          {"segment", FieldType::text, false, {"Segment", "细分"}, {}},
          {"respondent_id", FieldType::text, false, {"Respondent", "受访者"}, {}},
          {"contact", FieldType::text, false, {"Contact", "联系方式"}, {}},
          {"comment", FieldType::text, false, {"Comment", "意见"}, {}},
      },
      {{{"nps_score"}, {"csat_score"}, {"score"}}},
  });
  kinds.push_back(KindSpec{
      "tickets",
      {"Support tickets", "服务工单"},
      {"One row per ticket: when it was created, first answered, dispatched and closed.",
       "每行一张工单：创建、首次响应、派工和关闭的时间。"},
      {
          {"ticket_id", FieldType::text, true, {"Ticket ID", "工单号"}, {}},
          {"customer_id", FieldType::text, false, {"Customer ID", "客户ID"}, {}},
          {"channel", FieldType::text, false, {"Channel", "渠道"}, {}},
          {"created", FieldType::date, true, {"Created", "创建时间"}, {}},
          {"first_response", FieldType::date, false, {"First response", "首次响应"}, {}},
          {"dispatched", FieldType::date, false, {"Dispatched", "派工时间"}, {}},
          {"closed", FieldType::date, false, {"Closed", "关闭时间"}, {}},
          {"urgent", FieldType::flag, false, {"Urgent", "紧急"}, {}},
          {"complaint", FieldType::flag, false, {"Complaint", "投诉"}, {}},
          {"contacts", FieldType::number, false, {"Contacts", "联系次数"}, {}},
          {"reopened", FieldType::flag, false, {"Reopened", "重开"}, {}},
      },
      {},
      {"contacts"},
  });
  kinds.push_back(KindSpec{
      "spend",
      {"Marketing spend", "营销支出"},
      {"One row per period and channel: spend and the new customers it brought.",
       "每行一个期间和渠道：支出和带来的新客户数。"},
      {
          {"period", FieldType::text, true, {"Period", "期间"}, {}},
          {"channel", FieldType::text, true, {"Channel", "渠道"}, {}},
          {"spend", FieldType::number, true, {"Spend", "支出"}, {}},
          {"new_customers", FieldType::number, true, {"New customers", "新客户数"}, {}},
      },
      {},
      {"spend", "new_customers"},
  });
  kinds.push_back(KindSpec{
      "ledger",
      {"Revenue ledger", "收入台账"},
      {"One row per period and revenue category: product, basic service or value-added service.",
       "每行一个期间和收入类别：产品、基础服务或增值服务。"},
      {
          {"period", FieldType::text, true, {"Period", "期间"}, {}},
          {"category", FieldType::category, true, {"Category", "类别"}, {}, kRevenueCategories},
          {"amount", FieldType::number, true, {"Amount", "金额"}, {}},
      },
  });
  // One row per customer, the summary the customer-base models need (docs/MODELS.md): what a
  // warehouse writes from billions of transactions, with the column names lifetimes and BTYD use.
  kinds.push_back(KindSpec{
      "customer_summary",
      {"Customer summary", "客户汇总"},
      {"One row per customer: repeat purchases, time of the last one and since the first, in one "
       "time unit.",
       "每行一位客户：重复购买次数、最后一次购买时间和首次购买至今的时长，同一时间单位。"},
      {
          {"customer_id", FieldType::text, true, {"Customer ID", "客户ID"}, {}},
          {"repeat_purchases",
           FieldType::number,
           true,
           {"Repeat purchases (x)", "重复购买次数（x）"},
           {}},
          {"recency", FieldType::number, true, {"Recency (t_x)", "最近购买时间（t_x）"}, {}},
          {"age", FieldType::number, true, {"Age (T)", "观察时长（T）"}, {}},
          {"mean_spend", FieldType::number, false, {"Mean repeat spend", "平均复购金额"}, {}},
          {"holdout_purchases",
           FieldType::number,
           false,
           {"Holdout repeat purchases", "验证期购买次数"},
           {}},
      },
      {},
      {"repeat_purchases", "recency", "age", "mean_spend", "holdout_purchases"},
  });
  // One cohort's customers still active after 0, 1, 2, ... periods (or several cohorts): the
  // survival table the shifted-beta-geometric model projects (docs/MODELS.md).
  kinds.push_back(KindSpec{
      "survival_table",
      {"Survival table", "留存表"},
      {"One row per period since the cohort started: customers still active (or % alive), per "
       "cohort.",
       "每行一个期数（自同期群开始起）：仍活跃的客户数（或存活百分比），可按同期群分组。"},
      {
          {"period", FieldType::number, true, {"Period", "期数"}, {}},
          {"active", FieldType::number, true, {"Customers still active", "仍活跃客户"}, {}},
          {"cohort", FieldType::text, false, {"Cohort", "同期群"}, {}},
      },
      {},
      {"period", "active"},
  });
  return kinds;
}

// The headers of each field come from the alias table (header_aliases.cpp).
std::vector<KindSpec> with_aliases(std::vector<KindSpec> kinds) {
  for (KindSpec& kind : kinds) {
    for (FieldSpec& field : kind.fields) field.aliases = header_aliases(kind.id, field.id);
  }
  return kinds;
}

}  // namespace

const std::vector<KindSpec>& data_kinds() {
  static const std::vector<KindSpec> kinds = with_aliases(make_kinds());
  return kinds;
}

const KindSpec* find_kind(std::string_view id) {
  for (const KindSpec& kind : data_kinds()) {
    if (kind.id == id) return &kind;
  }
  return nullptr;
}

int field_index(const KindSpec& kind, std::string_view field_id) {
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (kind.fields[i].id == field_id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace servimetrics
