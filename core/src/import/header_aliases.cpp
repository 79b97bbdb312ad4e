// The headers that name each field of each data kind, as data: English, simplified (zh) and
// traditional (tw) Chinese, as real exports write them, already normalized (normalize_header()).
#include <algorithm>
#include <string_view>
#include <vector>

#include "servimetrics/data_kinds.hpp"

namespace servimetrics {

// One line per kind, field and language: "kind.field lang: alias alias ...", the most preferred
// first (a field takes the column of its first alias found). A field may have several lines of a
// language. Within a kind an alias names one field only (tests/core/header_aliases_test.cpp).
extern const std::string_view kHeaderAliasTable = R"(
transactions.customer_id en: customerid customer customerno customernumber clientid client clientno buyerid buyer memberid member memberno membernumber masterid accountid accountno accountnumber userid custid custno customercode shopperid
transactions.customer_id zh: 客户id 客户编号 客户 客户号 客户代码 客户编码 会员id 会员号 会员编号 会员卡号 会员 用户id 用户编号 用户 顾客编号 顾客id 顾客 买家id 买家 买家账号
transactions.customer_id tw: 客戶id 客戶編號 客戶 客戶號 客戶代號 客戶代碼 會員id 會員編號 會員號 會員卡號 會員 用戶id 用戶編號 用戶 顧客編號 顧客 使用者id 使用者 買家 買家帳號
transactions.date en: date invoicedate orderdate purchasedate transactiondate datetime time orderdatetime ordertime purchasetime transactiontime saledate salesdate paymentdate paiddate paidat createdat createddate timestamp invoicetime
transactions.date zh: 日期 下单日期 交易日期 订单日期 时间 下单时间 交易时间 订单时间 购买日期 购买时间 付款时间 付款日期 支付时间 支付日期 创建时间 创建日期 成交时间 成交日期 销售日期 消费日期 消费时间 开票日期
transactions.date tw: 下單日期 訂單日期 時間 下單時間 交易時間 訂單時間 購買日期 購買時間 付款時間 支付時間 建立時間 建立日期 成交時間 銷售日期 消費日期 消費時間 開票日期 發票日期
transactions.amount en: amount sales revenue total value dollarvalue spend price totalamount amountpaid paidamount netamount grossamount salesamount orderamount ordervalue ordertotal linetotal subtotal totalprice paymentamount turnover netsales
transactions.amount zh: 金额 销售额 总额 收入 实付金额 实收金额 支付金额 付款金额 订单金额 交易金额 消费金额 成交金额 销售金额 应付金额 总金额 总价 营业额 营收 合计 小计 实付款
transactions.amount tw: 金額 銷售額 總額 實付金額 實收金額 支付金額 付款金額 訂單金額 交易金額 消費金額 成交金額 銷售金額 應付金額 總金額 總價 營業額 營收 合計 小計 實付款
transactions.quantity en: quantity qty units numberofcds cds quantityordered orderedquantity qtyordered pieces pcs itemcount numberofitems unitssold
transactions.quantity zh: 数量 购买数量 销售数量 件数 商品数量 订购数量 销量
transactions.quantity tw: 數量 購買數量 銷售數量 件數 商品數量 訂購數量 銷量
transactions.unit_price en: unitprice priceeach priceperunit unitcost itemprice sellingprice saleprice listprice
transactions.unit_price zh: 单价 商品单价 销售单价 售价 价格
transactions.unit_price tw: 單價 商品單價 銷售單價 售價 價格
transactions.channel en: channel source saleschannel acquisitionchannel orderchannel ordersource platform store shop storename shopname outlet medium trafficsource
transactions.channel zh: 渠道 来源 销售渠道 订单来源 下单渠道 购买渠道 平台 门店 门店名称 店铺 店铺名称 通路
transactions.channel tw: 來源 銷售通路 訂單來源 下單通路 購買通路 銷售管道 平臺 門市 門店 店鋪 商店 管道
transactions.product en: product stockcode sku item productid description productname itemname itemid itemcode productcode goods goodsname model
transactions.product zh: 产品 商品 商品编号 商品名称 产品名称 商品id 产品编号 货号 品名 商品编码 型号
transactions.product tw: 產品 產品名稱 商品名稱 商品編號 產品編號 貨號 商品代碼 型號
transactions.category en: category revenuecategory type producttype productcategory itemcategory revenuetype
transactions.category zh: 类别 分类 收入类别 商品类别 产品类别 商品分类 品类 类目 类型
transactions.category tw: 類別 分類 收入類別 商品類別 產品類別 商品分類 品類 類型
transactions.invoice_id en: invoiceid invoice invoiceno orderid order orderno transactionid invoicenumber ordernumber transactionno receiptno receipt receiptnumber billno tradeno
transactions.invoice_id zh: 发票号 订单号 单号 订单编号 交易号 交易单号 流水号 发票号码 小票号 订单id 交易编号 单据号
transactions.invoice_id tw: 發票號 訂單號 單號 訂單編號 交易序號 交易單號 流水號 發票號碼 訂單id 交易編號 單據號碼
transactions.status en: status orderstatus transactionstatus paymentstatus
transactions.status zh: 状态 订单状态 交易状态 支付状态
transactions.status tw: 狀態 訂單狀態 交易狀態 付款狀態
subscriptions.customer_id en: customerid customer clientid accountid account subscriberid subscriber customerno customernumber accountno accountnumber memberid member memberno userid clientno client custid
subscriptions.customer_id zh: 客户id 客户编号 客户 账户 客户号 会员id 会员号 会员编号 用户id 用户编号 用户 订户 订阅者 账号 顾客编号
subscriptions.customer_id tw: 客戶id 客戶編號 客戶 帳戶 客戶號 會員id 會員編號 會員號 用戶id 用戶編號 用戶 訂戶 訂閱者 帳號 使用者id 顧客編號
subscriptions.start_date en: startdate start startedat subscribedat signupdate subscriptionstart activationdate activatedat joindate joinedat startmonth begindate contractstart
subscriptions.start_date zh: 开始日期 起始日期 订阅日期 开通日期 开通时间 激活日期 注册日期 加入日期 入网日期 签约日期 生效日期 开始时间
subscriptions.start_date tw: 開始日期 訂閱日期 開通日期 開通時間 啟用日期 註冊日期 簽約日期 開始時間 入網日期
subscriptions.end_date en: enddate end cancelledat canceledat churndate cancellationdate canceldate terminationdate terminatedat expirydate expirationdate expiresat unsubscribedat churnedat
subscriptions.end_date zh: 结束日期 取消日期 流失日期 到期日 到期日期 退订日期 退订时间 注销日期 停用日期 终止日期 解约日期 结束时间
subscriptions.end_date tw: 結束日期 退訂日期 退訂時間 註銷日期 終止日期 解約日期 結束時間
subscriptions.recurring_revenue en: recurringrevenue mrr monthlyrevenue monthlycharges monthlyfee fee arr monthlycharge subscriptionfee planprice monthlyprice monthlypayment
subscriptions.recurring_revenue zh: 经常性收入 月费 月收入 月租 月租费 订阅费 套餐费 套餐价格 每月费用 月度费用 月付金额 续费金额
subscriptions.recurring_revenue tw: 經常性收入 月費 月租費 訂閱費 方案費用 方案價格 每月費用 月付金額 續費金額 月繳金額
subscriptions.channel en: channel acquisitionchannel source signupchannel referralsource leadsource medium
subscriptions.channel zh: 渠道 获客渠道 来源 注册渠道 推广渠道 通路 用户来源 客户来源
subscriptions.channel tw: 獲客渠道 來源 註冊管道 推廣管道 客戶來源 用戶來源 獲客管道
subscriptions.tenure_months en: tenure tenuremonths months monthsactive monthssubscribed lifetimemonths tenureinmonths
subscriptions.tenure_months zh: 在网月数 使用月数 合约月数 在网时长 订阅月数 会员月数 开通月数 月数
subscriptions.tenure_months tw: 在網月數 使用月數 訂閱月數 會員月數 開通月數 在網時長 月數
subscriptions.churned en: churn churned cancelled canceled lost churnflag ischurned attrition attrited exited unsubscribed
subscriptions.churned zh: 流失 已流失 是否流失 退订 已退订 是否退订 已取消 是否取消 注销 流失标记
subscriptions.churned tw: 退訂 已退訂 是否退訂 註銷 已註銷 流失標記
survey.nps_score en: nps npsscore recommend likelihoodtorecommend recommendscore recommendation wouldrecommend recommendationscore ltr
survey.nps_score zh: 推荐得分 推荐度 推荐分 推荐意愿 推荐指数 净推荐值 推荐可能性 推荐评分 nps得分 nps评分
survey.nps_score tw: 推薦度 推薦分數 推薦意願 推薦指數 淨推薦值 推薦可能性 推薦評分 推薦得分 nps分數
survey.csat_score en: csat csatscore satisfaction satisfactionscore customersatisfaction overallsatisfaction
survey.csat_score zh: 满意度 满意分 满意度评分 满意度得分 满意程度 总体满意度 客户满意度 满意度分数
survey.csat_score tw: 滿意度 滿意度評分 滿意度分數 滿意程度 整體滿意度 客戶滿意度 滿意分數 滿意度得分
survey.score en: score rating stars starrating grade points overallrating
survey.score zh: 评分 得分 分数 打分 星级 评价分 评星
survey.score tw: 評分 分數 星級 評價分數 評星
survey.date en: date responsedate submittedat submissiondate submitted completedat completeddate timestamp surveydate responsetime createdat time datetime
survey.date zh: 日期 填写日期 时间 提交时间 填写时间 答题时间 提交日期 调查日期 回答时间 创建时间 完成时间
survey.date tw: 填寫日期 時間 提交時間 填寫時間 答題時間 調查日期 回答時間 建立時間 完成時間 填答時間
survey.segment en: segment group region channel source store branch area city country customersegment customertype tier team department
survey.segment zh: 细分 客户群 分组 地区 区域 渠道 来源 门店 城市 省份 分公司 部门 客户类型 客户分类 会员等级 网点 大区 分群 通路
survey.segment tw: 細分 客戶群 分組 地區 區域 來源 門市 門店 部門 客戶類型 客戶分類 會員等級 據點 縣市 管道
survey.respondent_id en: respondentid respondent customerid customer name respondentname customername customerno customernumber memberid member memberno userid accountid accountnumber accountno clientid client participant participantid customercode
survey.respondent_id zh: 受访者 客户id 客户 客户编号 客户号 会员号 会员id 会员编号 用户id 用户编号 用户 顾客编号 顾客 姓名 客户名称 客户姓名 受访者编号 答题人 填写人 联系人
survey.respondent_id tw: 受訪者 客戶id 客戶 客戶編號 客戶號 會員編號 會員id 會員號 用戶id 用戶編號 用戶 顧客編號 顧客 客戶名稱 客戶姓名 受訪者編號 填答者 填寫人 聯絡人 使用者id
survey.contact en: contact email phone mobile emailaddress phonenumber mobilenumber tel telephone cellphone contactinfo contactnumber wechat
survey.contact zh: 联系方式 电话 邮箱 手机 手机号 手机号码 电话号码 联系电话 电子邮箱 邮件 微信 微信号
survey.contact tw: 聯絡方式 電話 電郵 手機 手機號碼 電話號碼 聯絡電話 電子郵件 電子信箱 信箱 聯繫方式
survey.comment en: comment comments feedback verbatim remarks remark notes note reason suggestion suggestions review opentext
survey.comment zh: 意见 反馈 备注 评论 评价 留言 建议 意见建议 原因 评价内容 其他意见
survey.comment tw: 意見 回饋 備註 評論 評價 建議 意見回饋 評價內容 其他意見
tickets.ticket_id en: ticketid ticket caseid case id ticketno ticketnumber casenumber caseno incidentid incident incidentnumber requestid issueid workorder workorderno workorderid servicerequest
tickets.ticket_id zh: 工单号 工单编号 工单id 工单 案件编号 服务单号 报修单号 维修单号 事件编号 请求编号 单号
tickets.ticket_id tw: 工單號 工單編號 工單id 工單 案件編號 服務單號 報修單號 維修單號 事件編號 請求編號 單號 案號
tickets.customer_id en: customerid customer requester requesterid customerno customernumber clientid client accountid account userid memberid reporter
tickets.customer_id zh: 客户id 客户 客户编号 客户号 用户id 用户 会员号 报修人 提交人 申请人 会员id 用户编号 顾客编号
tickets.customer_id tw: 客戶id 客戶 客戶編號 客戶號 用戶id 用戶 會員編號 報修人 申請人 會員id 使用者id 顧客編號
tickets.channel en: channel source via contactchannel origin medium ticketchannel
tickets.channel zh: 渠道 来源 受理渠道 报修渠道 联络渠道 来电渠道 通路 接入渠道 工单来源
tickets.channel tw: 來源 受理管道 報修管道 管道 聯絡管道 工單來源 進線管道
tickets.created en: created createdat opened openedat createdtime createddate createdon opendate submittedat reportedat receivedat creationdate datecreated dateopened
tickets.created zh: 创建时间 创建日期 提交时间 报修时间 受理时间 开单时间 登记时间 建单时间 发起时间 报障时间
tickets.created tw: 建立時間 建立日期 提交時間 報修時間 受理時間 開單時間 登記時間 建單時間 創建時間 創建日期 立案時間
tickets.first_response en: firstresponse firstresponseat firstreply firstrepliedat respondedat firstresponsetime firstreplyat firstreplytime responsetime
tickets.first_response zh: 首次响应 首次回复 响应时间 首次响应时间 首次回复时间 首响时间 回复时间 首次答复时间
tickets.first_response tw: 首次響應 首次回覆 響應時間 首次回應 首次回應時間 首次回覆時間 回覆時間 回應時間
tickets.dispatched en: dispatched dispatchedat assignedat assigned dispatchtime assignedtime dispatchdate
tickets.dispatched zh: 派工时间 派单时间 分配时间 指派时间 派工日期 派单日期 转派时间
tickets.dispatched tw: 派工時間 派單時間 分配時間 指派時間 轉派時間
tickets.closed en: closed closedat resolvedat solvedat closedtime closeddate resolved resolveddate resolutiondate resolutiontime completedat completiondate closedon dateclosed
tickets.closed zh: 关闭时间 解决时间 结案时间 完成时间 关单时间 关闭日期 解决日期 结单时间 完结时间
tickets.closed tw: 關閉時間 解決時間 結案時間 完成時間 關單時間 關閉日期 解決日期 結單時間 結案日期
tickets.urgent en: urgent priority isurgent urgentflag highpriority
tickets.urgent zh: 紧急 优先级 是否紧急 加急 紧急程度 紧急标记
tickets.urgent tw: 緊急 優先級 是否緊急 緊急程度 優先順序 急件
tickets.complaint en: complaint iscomplaint complaintflag
tickets.complaint zh: 投诉 是否投诉 投诉标记 客诉
tickets.complaint tw: 投訴 是否投訴 投訴標記 客訴 申訴
tickets.contacts en: contacts contactcount touches replies numberofcontacts interactions contactattempts touchpoints replycount
tickets.contacts zh: 联系次数 沟通次数 回复次数 联络次数 接触次数 来电次数 互动次数
tickets.contacts tw: 聯繫次數 溝通次數 回覆次數 聯絡次數 接觸次數 來電次數 互動次數
tickets.reopened en: reopened isreopened reopenedflag wasreopened
tickets.reopened zh: 重开 重新打开 是否重开 二次报修 是否重新打开
tickets.reopened tw: 重開 重新開啟 是否重開 二次報修 重啟
spend.period en: period month date yearmonth monthyear week reportingperiod
spend.period zh: 期间 月份 日期 年月 周期 统计周期 账期 时间
spend.period tw: 期間 週期 統計週期 帳期 時間
spend.channel en: channel source medium platform marketingchannel adchannel
spend.channel zh: 渠道 来源 投放渠道 推广渠道 营销渠道 媒体 平台 通路
spend.channel tw: 來源 投放管道 推廣管道 行銷管道 媒體 平臺 管道
spend.spend en: spend cost marketingspend adspend amountspent spent totalcost mediaspend expense expenses
spend.spend zh: 支出 花费 费用 投放金额 营销费用 推广费用 广告费 广告费用 消耗 投入 成本
spend.spend tw: 花費 費用 投放金額 行銷費用 推廣費用 廣告費 廣告費用
spend.new_customers en: newcustomers customersacquired acquired newcustomer acquisitions conversions newusers signups newaccounts
spend.new_customers zh: 新客户数 新增客户 新客数 获客数 新用户数 新增用户 新增会员 转化数 拉新数
spend.new_customers tw: 新客戶數 新增客戶 獲客數 新用戶數 新增用戶 新增會員 轉換數
ledger.period en: period month quarter year date yearmonth fiscalperiod
ledger.period zh: 期间 月份 季度 年份 年月 会计期间 日期 年度
ledger.period tw: 期間 會計期間
ledger.category en: category revenuecategory type revenuetype revenuestream businessline
ledger.category zh: 类别 收入类别 业务类型 收入类型 业务线 分类
ledger.category tw: 類別 收入類別 業務類型 收入類型 業務線 分類
ledger.amount en: amount revenue value total sales income
ledger.amount zh: 金额 收入 营收 营业额 销售额 合计
ledger.amount tw: 金額 營業額 銷售額 合計
customer_summary.customer_id en: customerid id customer cust custid clientid client customerno customernumber memberid userid accountid masterid
customer_summary.customer_id zh: 客户id 客户编号 客户 客户号 会员id 会员编号 用户id 顾客编号
customer_summary.customer_id tw: 客戶id 客戶編號 客戶 客戶號 會員id 會員編號 用戶id 顧客編號
customer_summary.repeat_purchases en: frequency x repeatpurchases repeattransactions repeats repeatorders numberofrepeatpurchases frequencycal xcal
customer_summary.repeat_purchases zh: 重复购买次数 复购次数 重复购买 购买频次
customer_summary.repeat_purchases tw: 重複購買次數 回購次數 重複購買 購買頻次
customer_summary.recency en: recency tx recencycal txcal lastrepeattime
customer_summary.recency zh: 最近购买时间 最近复购时间
customer_summary.recency tw: 最近購買時間 最近回購時間
customer_summary.age en: t tcal age customerage observationtime
customer_summary.age zh: 观察时长 客户年龄 观察期
customer_summary.age tw: 觀察時長 客戶年齡 觀察期
customer_summary.mean_spend en: monetaryvalue zbar mx meanspend averagespend avgspend meanrepeatspend monetary averageordervalue
customer_summary.mean_spend zh: 平均复购金额 平均消费 平均消费金额 客单价
customer_summary.mean_spend tw: 平均回購金額 平均消費 平均消費金額 客單價
customer_summary.holdout_purchases en: frequencyholdout xstar holdoutpurchases holdoutfrequency xholdout
customer_summary.holdout_purchases zh: 验证期购买次数 验证期复购次数
customer_summary.holdout_purchases tw: 驗證期購買次數 驗證期回購次數
survival_table.period en: period periods year years month months week weeks t time periodsince yearssince monthssince tenure renewal renewals
survival_table.period zh: 期数 期间 期次 第几期 年 年数 月 月数 周 周数 时期
survival_table.period tw: 期數 期間 第幾期 年數 月數 週 週數 時期
survival_table.active en: active alive stillactive activecustomers customersactive customersalive survivors surviving retained retainedcustomers remaining subscribers pctalive percentalive survival
survival_table.active zh: 仍活跃客户 活跃客户 留存客户 留存人数 存活 存活客户 存活人数 存活率 在网客户 仍在客户
survival_table.active tw: 仍活躍客戶 活躍客戶 留存客戶 留存人數 存活客戶 存活人數 在網客戶
survival_table.cohort en: cohort cohortname group segment plan tier
survival_table.cohort zh: 同期群 客群 群组 分组 批次 同批客户
survival_table.cohort tw: 世代 群組 分組 客群組
)";

std::vector<std::string_view> header_aliases(std::string_view kind, std::string_view field) {
  std::vector<std::string_view> out;
  std::string_view rest = kHeaderAliasTable;
  while (!rest.empty()) {
    const std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    const std::size_t dot = line.find('.');
    const std::size_t space = line.find(' ');
    const std::size_t colon = line.find(':');
    if (dot == std::string_view::npos || space == std::string_view::npos ||
        colon == std::string_view::npos || line.substr(0, dot) != kind ||
        line.substr(dot + 1, space - dot - 1) != field) {
      continue;
    }
    line.remove_prefix(colon + 1);
    while (!line.empty()) {
      const std::size_t start = line.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      line.remove_prefix(start);
      const std::size_t end = std::min(line.find(' '), line.size());
      out.push_back(line.substr(0, end));
      line.remove_prefix(end);
    }
  }
  return out;
}

}  // namespace servimetrics
