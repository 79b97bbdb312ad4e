// The data kinds as data. Aliases are written already normalized (see normalize_header()).
#include "servimetrics/data_kinds.hpp"

#include <string>

namespace servimetrics {
namespace {

using Categories = std::vector<std::pair<std::string_view, std::vector<std::string_view>>>;

// Product, basic service and value-added service, as the catalog's revenue shares split revenue.
const Categories kRevenueCategories = {
    {"product", {"product", "products", "goods", "hardware", "产品", "產品", "商品", "硬件", "硬體"}},
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
          {"customer_id", FieldType::text, true, {"Customer ID", "客户ID"},
           {"customerid", "customer", "customerno", "customernumber", "clientid", "client",
            "buyerid", "memberid", "masterid", "客户id", "客户编号", "客户", "客戶id", "客戶編號",
            "客戶", "会员id", "會員id"}},
          {"date", FieldType::date, true, {"Date", "日期"},
           {"date", "invoicedate", "orderdate", "purchasedate", "transactiondate", "datetime",
            "time", "日期", "下单日期", "下單日期", "交易日期", "订单日期", "訂單日期", "时间", "時間"}},
          {"amount", FieldType::number, false, {"Amount", "金额"},
           {"amount", "sales", "revenue", "total", "value", "dollarvalue", "spend", "price",
            "金额", "金額", "销售额", "銷售額", "总额", "總額", "收入"}},
          {"quantity", FieldType::number, false, {"Quantity", "数量"},
           {"quantity", "qty", "units", "numberofcds", "cds", "数量", "數量"}},
          {"unit_price", FieldType::number, false, {"Unit price", "单价"},
           {"unitprice", "priceeach", "单价", "單價"}},
          {"channel", FieldType::text, false, {"Channel", "渠道"},
           {"channel", "source", "saleschannel", "acquisitionchannel", "渠道", "来源", "來源"}},
          {"product", FieldType::text, false, {"Product", "产品"},
           {"product", "stockcode", "sku", "item", "productid", "description", "产品", "產品",
            "商品", "商品编号"}},
          {"category", FieldType::category, false, {"Category", "类别"},
           {"category", "revenuecategory", "type", "producttype", "类别", "類別", "分类", "分類",
            "收入类别"},
           kRevenueCategories},
          {"invoice_id", FieldType::text, false, {"Invoice ID", "发票号"},
           {"invoiceid", "invoice", "invoiceno", "orderid", "order", "orderno", "transactionid",
            "发票号", "發票號", "订单号", "訂單號", "单号", "單號"}},
          {"status", FieldType::text, false, {"Status", "状态"},
           {"status", "orderstatus", "状态", "狀態"}},
      },
      {{{"amount"}, {"quantity", "unit_price"}}},
  });
  kinds.push_back(KindSpec{
      "subscriptions",
      {"Subscriptions", "订阅"},
      {"One row per subscription: start, end (blank while active) and recurring revenue.",
       "每行一个订阅：开始、结束（仍有效则留空）和经常性收入。"},
      {
          {"customer_id", FieldType::text, true, {"Customer ID", "客户ID"},
           {"customerid", "customer", "clientid", "accountid", "account", "subscriberid",
            "客户id", "客户编号", "客户", "客戶id", "客戶編號", "客戶", "账户", "帳戶"}},
          {"start_date", FieldType::date, false, {"Start date", "开始日期"},
           {"startdate", "start", "startedat", "subscribedat", "signupdate", "开始日期",
            "開始日期", "起始日期", "订阅日期", "訂閱日期"}},
          {"end_date", FieldType::date, false, {"End date", "结束日期"},
           {"enddate", "end", "cancelledat", "canceledat", "churndate", "cancellationdate",
            "结束日期", "結束日期", "取消日期", "流失日期"}},
          {"recurring_revenue", FieldType::number, false, {"Recurring revenue", "经常性收入"},
           {"recurringrevenue", "mrr", "monthlyrevenue", "monthlycharges", "monthlyfee", "fee",
            "arr", "经常性收入", "經常性收入", "月费", "月費", "月收入"}},
          {"channel", FieldType::text, false, {"Acquisition channel", "获客渠道"},
           {"channel", "acquisitionchannel", "source", "渠道", "获客渠道", "獲客渠道", "来源"}},
          {"tenure_months", FieldType::number, false, {"Tenure (months)", "在网月数"},
           {"tenure", "tenuremonths", "months", "在网月数", "在網月數", "使用月数", "合约月数"}},
          {"churned", FieldType::flag, false, {"Churned", "已流失"},
           {"churn", "churned", "cancelled", "canceled", "lost", "流失", "已流失", "是否流失"}},
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
          {"nps_score", FieldType::number, false, {"NPS score (0-10)", "推荐得分（0-10）"},
           {"nps", "npsscore", "recommend", "likelihoodtorecommend", "推荐得分", "推荐度",
            "推薦度", "推荐分"}},
          {"csat_score", FieldType::number, false, {"CSAT score (1-5)", "满意度（1-5）"},
           {"csat", "csatscore", "satisfaction", "满意度", "滿意度", "满意分"}},
          {"score", FieldType::number, false, {"Score", "得分"},
           {"score", "rating", "评分", "評分", "得分", "分数", "分數"}},
          {"date", FieldType::date, false, {"Date", "日期"},
           {"date", "responsedate", "submittedat", "日期", "填写日期", "填寫日期", "时间"}},
          {"segment", FieldType::text, false, {"Segment", "细分"},
           {"segment", "group", "region", "细分", "細分", "客户群", "客戶群", "分组", "地区"}},
          {"respondent_id", FieldType::text, false, {"Respondent", "受访者"},
           {"respondentid", "respondent", "customerid", "customer", "name", "受访者", "受訪者",
            "客户id", "客户", "客戶"}},
          {"contact", FieldType::text, false, {"Contact", "联系方式"},
           {"contact", "email", "phone", "mobile", "联系方式", "聯絡方式", "电话", "電話", "邮箱"}},
          {"comment", FieldType::text, false, {"Comment", "意见"},
           {"comment", "comments", "feedback", "verbatim", "意见", "意見", "反馈", "回饋", "备注"}},
      },
      {{{"nps_score"}, {"csat_score"}, {"score"}}},
  });
  kinds.push_back(KindSpec{
      "tickets",
      {"Support tickets", "服务工单"},
      {"One row per ticket: when it was created, first answered, dispatched and closed.",
       "每行一张工单：创建、首次响应、派工和关闭的时间。"},
      {
          {"ticket_id", FieldType::text, true, {"Ticket ID", "工单号"},
           {"ticketid", "ticket", "caseid", "case", "id", "工单号", "工單號", "工单编号", "工單編號"}},
          {"customer_id", FieldType::text, false, {"Customer ID", "客户ID"},
           {"customerid", "customer", "requester", "客户id", "客户", "客戶id", "客戶"}},
          {"channel", FieldType::text, false, {"Channel", "渠道"},
           {"channel", "source", "via", "渠道", "来源", "來源"}},
          {"created", FieldType::date, true, {"Created", "创建时间"},
           {"created", "createdat", "opened", "openedat", "createdtime", "创建时间", "建立時間",
            "创建日期", "提交时间"}},
          {"first_response", FieldType::date, false, {"First response", "首次响应"},
           {"firstresponse", "firstresponseat", "firstreply", "firstrepliedat", "respondedat",
            "首次响应", "首次響應", "首次回复", "首次回覆", "响应时间"}},
          {"dispatched", FieldType::date, false, {"Dispatched", "派工时间"},
           {"dispatched", "dispatchedat", "assignedat", "派工时间", "派工時間", "派单时间", "派單時間"}},
          {"closed", FieldType::date, false, {"Closed", "关闭时间"},
           {"closed", "closedat", "resolvedat", "solvedat", "关闭时间", "關閉時間", "解决时间",
            "解決時間", "结案时间"}},
          {"urgent", FieldType::flag, false, {"Urgent", "紧急"},
           {"urgent", "priority", "isurgent", "紧急", "緊急", "优先级", "優先級"}},
          {"complaint", FieldType::flag, false, {"Complaint", "投诉"},
           {"complaint", "iscomplaint", "投诉", "投訴"}},
          {"contacts", FieldType::number, false, {"Contacts", "联系次数"},
           {"contacts", "contactcount", "touches", "replies", "联系次数", "聯繫次數", "沟通次数"}},
          {"reopened", FieldType::flag, false, {"Reopened", "重开"},
           {"reopened", "isreopened", "重开", "重開", "重新打开"}},
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
          {"period", FieldType::text, true, {"Period", "期间"},
           {"period", "month", "date", "期间", "期間", "月份"}},
          {"channel", FieldType::text, true, {"Channel", "渠道"},
           {"channel", "source", "渠道", "来源", "來源"}},
          {"spend", FieldType::number, true, {"Spend", "支出"},
           {"spend", "cost", "marketingspend", "支出", "花费", "花費", "费用", "費用"}},
          {"new_customers", FieldType::number, true, {"New customers", "新客户数"},
           {"newcustomers", "customersacquired", "acquired", "新客户数", "新客戶數", "新增客户",
            "新增客戶"}},
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
          {"period", FieldType::text, true, {"Period", "期间"},
           {"period", "month", "quarter", "year", "date", "期间", "期間", "月份", "季度", "年份"}},
          {"category", FieldType::category, true, {"Category", "类别"},
           {"category", "revenuecategory", "type", "类别", "類別", "收入类别", "收入類別"},
           kRevenueCategories},
          {"amount", FieldType::number, true, {"Amount", "金额"},
           {"amount", "revenue", "value", "金额", "金額", "收入"}},
      },
  });
  return kinds;
}

}  // namespace

const std::vector<KindSpec>& data_kinds() {
  static const std::vector<KindSpec> kinds = make_kinds();
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
