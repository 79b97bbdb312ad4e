// The catalog against the spec (docs kpi-catalog.md): every KPI with its id, group, unit, inputs
// and health bands (direction, values, strictness, variants); the input table (every referenced
// input exists, units match the name suffixes, ranges); unique ids; en and zh texts; and the shape
// of catalog_json() per docs/JSON-API.md.
#include "servimetrics/catalog.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kpi_test_support.hpp"

namespace {

using servimetrics::catalog_json;
using servimetrics::testing::json;
using servimetrics::testing::num;
using servimetrics::testing::str;

struct Bound {
  double value;
  bool strict;
};

struct Bands {
  const char* direction;
  Bound good;
  std::optional<Bound> watch;
};

struct ExpectedKpi {
  const char* id;
  const char* group;
  const char* unit;
  std::vector<const char*> inputs;     // in catalog order
  std::vector<const char*> optionals;  // those of `inputs` that are optional
  std::optional<Bands> bands;
};

// Transcribed from kpi-catalog.md, section by section. ">= x" is {x, false}, "> x" is {x, true}
// for direction "higher"; "<= x" is {x, false}, "< x" is {x, true} for "lower".
const std::vector<ExpectedKpi>& expected_kpis() {
  static const std::vector<ExpectedKpi> kpis = {
      // 1. Customer
      {"clv",
       "customer",
       "money",
       {"avg_purchase_value", "purchases_per_year", "lifespan_years"},
       {},
       std::nullopt},
      {"cltv",
       "customer",
       "money",
       {"annual_revenue_per_customer", "relationship_years", "gross_margin", "discount_rate"},
       {"gross_margin", "discount_rate"},
       std::nullopt},
      // Issue 12: the lifetime value from the measured year-on-year retention.
      {"retention_clv",
       "customer",
       "money",
       {"annual_revenue_per_customer", "annual_retention_rate", "gross_margin", "discount_rate"},
       {"gross_margin", "discount_rate"},
       std::nullopt},
      {"ltv_cac_ratio",
       "customer",
       "ratio",
       {"cltv", "cac", "channels", "channel_cltv"},
       {"channels", "channel_cltv"},
       Bands{"higher", {3, false}, Bound{2, false}}},
      {"retention_rate",
       "customer",
       "fraction",
       {"customers_start", "customers_end", "new_customers", "churn_period", "customers_lost"},
       {"churn_period", "customers_lost"},
       std::nullopt},
      {"churn_rate",
       "customer",
       "fraction",
       {"customers_start", "customers_lost", "churn_period", "customer_months_at_risk",
        "customers_end", "new_customers"},
       {"churn_period", "customer_months_at_risk", "customers_end", "new_customers"},
       Bands{"lower", {0.15, false}, std::nullopt}},
      {"revenue_churn_rate",
       "customer",
       "fraction",
       {"recurring_revenue_start", "recurring_revenue_lost", "churn_period"},
       {"churn_period"},
       Bands{"lower", {0.15, false}, std::nullopt}},
      {"nps", "customer", "points", {"promoters", "passives", "detractors"}, {}, std::nullopt},
      {"csat",
       "customer",
       "score",
       {"csat_score_counts", "csat_average"},
       {"csat_score_counts", "csat_average"},
       Bands{"higher", {4, false}, std::nullopt}},
      // 2. Service operations
      {"cac",
       "operations",
       "money",
       {"sales_marketing_spend", "new_customers", "channels"},
       {"sales_marketing_spend", "new_customers", "channels"},
       std::nullopt},
      {"cac_savings",
       "operations",
       "money",
       {"cac_before", "cac_after", "new_customers_per_year"},
       {},
       std::nullopt},
      {"first_response_hours",
       "operations",
       "hours",
       {"avg_first_response_hours"},
       {},
       Bands{"lower", {1, false}, Bound{4, false}}},
      {"reply_within_1h_rate",
       "operations",
       "fraction",
       {"online_inquiries", "replied_within_1h"},
       {},
       Bands{"higher", {0.9, false}, Bound{0.7, false}}},
      {"urgent_within_2h_rate",
       "operations",
       "fraction",
       {"urgent_requests", "urgent_responded_within_2h"},
       {},
       Bands{"higher", {0.95, false}, Bound{0.8, false}}},
      {"dispatch_within_24h_rate",
       "operations",
       "fraction",
       {"service_requests", "dispatched_within_24h"},
       {},
       Bands{"higher", {0.95, false}, Bound{0.8, false}}},
      {"complaint_closed_7d_rate",
       "operations",
       "fraction",
       {"complaints", "closed_within_7d"},
       {},
       Bands{"higher", {0.9, false}, Bound{0.7, false}}},
      {"repeat_complaint_rate",
       "operations",
       "fraction",
       {"complaints", "repeat_complaints"},
       {},
       Bands{"lower", {0.05, true}, std::nullopt}},
      {"first_contact_resolution_rate",
       "operations",
       "fraction",
       {"issues", "resolved_first_contact"},
       {},
       Bands{"higher", {0.8, false}, Bound{0.7, false}}},
      {"value_added_service_share",
       "operations",
       "fraction",
       {"value_added_service_revenue", "total_revenue"},
       {},
       std::nullopt},
      {"cross_upsell_revenue",
       "operations",
       "money",
       {"cross_sell_revenue", "upsell_revenue", "total_revenue"},
       {"total_revenue"},
       std::nullopt},
      {"churn_reduction_value",
       "operations",
       "money",
       {"customers", "churn_before", "churn_after", "annual_revenue_per_customer"},
       {},
       std::nullopt},
      // 3. Financial
      {"service_revenue_share",
       "financial",
       "fraction",
       {"service_revenue", "total_revenue", "industry"},
       {"industry"},
       std::nullopt},
      {"service_innovation_roi",
       "financial",
       "fraction",
       {"revenue_gain", "investment"},
       {},
       Bands{"higher", {0, true}, std::nullopt}},
      // good > 0.15; watch 0.10 to 0.15 (0.15 itself is watch); bad < 0.10.
      {"digital_transformation_roi",
       "financial",
       "fraction",
       {"benefit_3y", "investment"},
       {},
       Bands{"higher", {0.15, true}, Bound{0.10, false}}},
      {"digital_transformation_net_roi",
       "financial",
       "fraction",
       {"benefit_3y", "investment"},
       {},
       Bands{"higher", {0, true}, std::nullopt}},
      // good < 0; bad > 0: exactly 0 is neither, so it can only be a watch at <= 0.
      {"cac_change",
       "financial",
       "fraction",
       {"cac_before", "cac_after"},
       {},
       Bands{"lower", {0, true}, Bound{0, false}}},
      {"time_to_market_months",
       "financial",
       "months",
       {"idea_to_launch_months", "idea_date", "launch_date"},
       {"idea_to_launch_months", "idea_date", "launch_date"},
       Bands{"lower", {3, false}, Bound{6, false}}},
      // 4. Digital
      {"process_digitization_rate", "digital", "fraction", {"processes"}, {}, std::nullopt},
      // good > 0.7; watch 0.5 to 0.7 (0.7 itself is watch); bad < 0.5.
      {"data_driven_decision_ratio",
       "digital",
       "fraction",
       {"decisions_total", "decisions_with_data"},
       {},
       Bands{"higher", {0.7, true}, Bound{0.5, false}}},
      {"tech_adoption_months",
       "digital",
       "months",
       {"months_to_target"},
       {},
       Bands{"lower", {1, false}, Bound{3, false}}},
      // 5. Organization and people
      {"digital_skill_pass_rate", "organization", "fraction", {"roles"}, {}, std::nullopt},
      {"decision_lead_time_days",
       "organization",
       "days",
       {"request_to_decision_days"},
       {},
       Bands{"lower", {1, false}, Bound{3, false}}},
      {"onboarding_months",
       "organization",
       "months",
       {"months_to_productive"},
       {},
       Bands{"lower", {1, false}, Bound{2, false}}},
      {"knowledge_base_updates",
       "organization",
       "per_month",
       {"updates_per_month"},
       {},
       Bands{"higher", {1, false}, std::nullopt}},
  };
  return kpis;
}

const json& catalog() {
  static const json c = catalog_json();
  return c;
}

const json* catalog_kpi(std::string_view id) {
  for (const json& kpi : catalog()["kpis"]) {
    if (kpi["id"].is_string() && kpi["id"].get_ref<const std::string&>() == id) return &kpi;
  }
  return nullptr;
}

const json* catalog_input(std::string_view name) {
  for (const json& input : catalog()["inputs"]) {
    if (input["name"].is_string() && input["name"].get_ref<const std::string&>() == name)
      return &input;
  }
  return nullptr;
}

void expect_bands(const json& actual, const Bands& expected, const std::string& where) {
  ASSERT_TRUE(actual.is_object()) << where << ": " << actual.dump();
  EXPECT_EQ(str(actual, "direction"), expected.direction) << where;
  ASSERT_TRUE(actual.contains("good") && actual["good"].is_object())
      << where << ": " << actual.dump();
  EXPECT_DOUBLE_EQ(num(actual["good"], "value"), expected.good.value) << where;
  EXPECT_EQ(actual["good"].value("strict", !expected.good.strict), expected.good.strict) << where;
  if (expected.watch) {
    ASSERT_TRUE(actual.contains("watch") && actual["watch"].is_object())
        << where << ": " << actual.dump();
    EXPECT_DOUBLE_EQ(num(actual["watch"], "value"), expected.watch->value) << where;
    EXPECT_EQ(actual["watch"].value("strict", !expected.watch->strict), expected.watch->strict)
        << where;
  } else {
    EXPECT_TRUE(!actual.contains("watch") || actual["watch"].is_null())
        << where << ": " << actual.dump();
  }
}

bool has_non_ascii(const std::string& text) {
  for (const unsigned char c : text) {
    if (c >= 0x80) return true;
  }
  return false;
}

void expect_texts(const json& text, const std::string& where) {
  ASSERT_TRUE(text.is_object()) << where;
  const std::string en = str(text, "en");
  const std::string zh = str(text, "zh");
  EXPECT_FALSE(en.empty()) << where;
  EXPECT_FALSE(zh.empty()) << where;
  EXPECT_TRUE(has_non_ascii(zh)) << where << " zh text is not Chinese: " << zh;
}

TEST(Catalog, HoldsExactlyTheKpisOfTheSpecInOrder) {
  const json& kpis = catalog()["kpis"];
  ASSERT_TRUE(kpis.is_array());
  ASSERT_EQ(kpis.size(), expected_kpis().size());
  EXPECT_EQ(kpis.size(), 34u);
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    EXPECT_EQ(str(kpis[i], "id"), expected_kpis()[i].id) << "position " << i;
  }
  EXPECT_EQ(servimetrics::kpi_catalog().size(), 34u);
}

TEST(Catalog, EveryKpiHasTheSpecGroupUnitAndInputs) {
  for (const ExpectedKpi& expected : expected_kpis()) {
    SCOPED_TRACE(expected.id);
    const json* kpi = catalog_kpi(expected.id);
    ASSERT_NE(kpi, nullptr);
    EXPECT_EQ(str(*kpi, "group"), expected.group);
    EXPECT_EQ(str(*kpi, "unit"), expected.unit);
    ASSERT_TRUE((*kpi)["inputs"].is_array());
    std::vector<std::string> names;
    for (const json& in : (*kpi)["inputs"]) names.push_back(str(in, "name"));
    EXPECT_EQ(names, std::vector<std::string>(expected.inputs.begin(), expected.inputs.end()));
    for (const json& in : (*kpi)["inputs"]) {
      const std::string name = str(in, "name");
      bool optional = false;
      for (const char* o : expected.optionals) optional = optional || name == o;
      EXPECT_EQ(in.value("optional", !optional), optional) << name;
    }
  }
}

TEST(Catalog, EveryKpiHasTheSpecBands) {
  for (const ExpectedKpi& expected : expected_kpis()) {
    SCOPED_TRACE(expected.id);
    const json* kpi = catalog_kpi(expected.id);
    ASSERT_NE(kpi, nullptr);
    ASSERT_TRUE(kpi->contains("bands"));
    if (expected.bands) {
      expect_bands((*kpi)["bands"], *expected.bands, expected.id);
    } else {
      EXPECT_TRUE((*kpi)["bands"].is_null()) << (*kpi)["bands"].dump();
    }
  }
}

TEST(Catalog, BandVariantsOfServiceRevenueShareByIndustry) {
  const json* kpi = catalog_kpi("service_revenue_share");
  ASSERT_NE(kpi, nullptr);
  const json& variants = (*kpi)["band_variants"];
  ASSERT_TRUE(variants.is_object()) << variants.dump();
  ASSERT_TRUE(variants.contains("manufacturing"));
  ASSERT_TRUE(variants.contains("technology"));
  expect_bands(variants["manufacturing"], {"higher", {0.20, false}, Bound{0.15, false}},
               "manufacturing");
  expect_bands(variants["technology"], {"higher", {0.50, false}, Bound{0.30, false}}, "technology");
  // "other: none": either absent or null.
  EXPECT_TRUE(!variants.contains("other") || variants["other"].is_null()) << variants.dump();
}

TEST(Catalog, BandVariantsOfProcessesAndRoles) {
  const json* process = catalog_kpi("process_digitization_rate");
  ASSERT_NE(process, nullptr);
  const json& pv = (*process)["band_variants"];
  ASSERT_TRUE(pv.is_object()) << pv.dump();
  ASSERT_TRUE(pv.contains("order_processing") && pv.contains("customer_follow_up")) << pv.dump();
  expect_bands(pv["order_processing"], {"higher", {1.0, false}, std::nullopt}, "order_processing");
  expect_bands(pv["customer_follow_up"], {"higher", {0.9, false}, std::nullopt},
               "customer_follow_up");
  EXPECT_FALSE(pv.contains("after_sales"));
  EXPECT_FALSE(pv.contains("renewal_reminders"));

  const json* skills = catalog_kpi("digital_skill_pass_rate");
  ASSERT_NE(skills, nullptr);
  const json& sv = (*skills)["band_variants"];
  ASSERT_TRUE(sv.is_object()) << sv.dump();
  ASSERT_TRUE(sv.contains("sales") && sv.contains("customer_service")) << sv.dump();
  expect_bands(sv["sales"], {"higher", {1.0, false}, std::nullopt}, "sales");
  expect_bands(sv["customer_service"], {"higher", {0.95, false}, std::nullopt}, "customer_service");
}

TEST(Catalog, OnlyTheThreeDocumentedKpisHaveBandVariants) {
  const std::set<std::string> with_variants = {"service_revenue_share", "process_digitization_rate",
                                               "digital_skill_pass_rate"};
  for (const json& kpi : catalog()["kpis"]) {
    const std::string id = str(kpi, "id");
    ASSERT_TRUE(kpi.contains("band_variants")) << id;
    EXPECT_EQ(!kpi["band_variants"].is_null(), with_variants.count(id) == 1) << id;
  }
}

TEST(Catalog, OptionalInputsCarryTheSpecDefaults) {
  const json* cltv = catalog_kpi("cltv");
  ASSERT_NE(cltv, nullptr);
  for (const json& in : (*cltv)["inputs"]) {
    const std::string name = str(in, "name");
    if (name == "gross_margin") {
      EXPECT_DOUBLE_EQ(num(in, "default"), 1.0);
    } else if (name == "discount_rate") {
      EXPECT_DOUBLE_EQ(num(in, "default"), 0.0);
    } else {
      EXPECT_TRUE(in["default"].is_null()) << name;
    }
  }
}

TEST(Catalog, LtvCacInputsAreDerivedFromTheCltvAndCacKpis) {
  const json* ratio = catalog_kpi("ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr);
  ASSERT_EQ((*ratio)["inputs"].size(), 4u);
  EXPECT_EQ(str((*ratio)["inputs"][0], "derived_from"), "cltv");
  EXPECT_EQ(str((*ratio)["inputs"][1], "derived_from"), "cac");
  // Per channel: cac's channels, read along (a companion), and each channel's CLTV.
  EXPECT_EQ(str((*ratio)["inputs"][2], "name"), "channels");
  EXPECT_TRUE((*ratio)["inputs"][2].value("companion", false));
  EXPECT_EQ(str((*ratio)["inputs"][3], "name"), "channel_cltv");
  EXPECT_FALSE((*ratio)["inputs"][3].value("companion", false));
  // No other KPI input is derived.
  for (const json& kpi : catalog()["kpis"]) {
    if (str(kpi, "id") == "ltv_cac_ratio") continue;
    for (const json& in : kpi["inputs"]) EXPECT_TRUE(in["derived_from"].is_null()) << in.dump();
  }
}

TEST(Catalog, IdsAndInputNamesAreUnique) {
  std::set<std::string> ids;
  for (const json& kpi : catalog()["kpis"])
    EXPECT_TRUE(ids.insert(str(kpi, "id")).second) << kpi["id"];
  std::set<std::string> names;
  for (const json& in : catalog()["inputs"])
    EXPECT_TRUE(names.insert(str(in, "name")).second) << in["name"];
  std::set<std::string> groups;
  for (const json& g : catalog()["groups"])
    EXPECT_TRUE(groups.insert(str(g, "id")).second) << g["id"];
}

TEST(Catalog, EveryReferencedInputExistsInTheInputTable) {
  for (const json& kpi : catalog()["kpis"]) {
    for (const json& in : kpi["inputs"]) {
      const std::string name = str(in, "name");
      EXPECT_NE(catalog_input(name), nullptr) << str(kpi, "id") << " uses unknown input " << name;
      EXPECT_NE(servimetrics::find_input(name), nullptr) << name;
    }
  }
}

TEST(Catalog, UsedByListsExactlyTheKpisThatUseAnInput) {
  for (const json& input : catalog()["inputs"]) {
    const std::string name = str(input, "name");
    std::set<std::string> expected;
    for (const json& kpi : catalog()["kpis"]) {
      for (const json& in : kpi["inputs"]) {
        if (str(in, "name") == name) expected.insert(str(kpi, "id"));
      }
    }
    ASSERT_TRUE(input.contains("used_by") && input["used_by"].is_array()) << name;
    std::set<std::string> used_by;
    for (const json& id : input["used_by"]) used_by.insert(id.get<std::string>());
    EXPECT_EQ(used_by, expected) << name;
    EXPECT_FALSE(used_by.empty()) << name << " is used by no KPI";
  }
}

TEST(Catalog, GroupsAreTheFiveSectionsOfTheSpec) {
  const json& groups = catalog()["groups"];
  ASSERT_TRUE(groups.is_array());
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"customer", "客户"},
      {"operations", "服务运营"},
      {"financial", "财务"},
      {"digital", "数字化"},
      {"organization", "组织与人才"}};
  ASSERT_EQ(groups.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(str(groups[i], "id"), expected[i].first);
    ASSERT_TRUE(groups[i].contains("name"));
    EXPECT_EQ(str(groups[i]["name"], "zh"), expected[i].second);
    EXPECT_FALSE(str(groups[i]["name"], "en").empty());
  }
  std::set<std::string> ids;
  for (const auto& g : expected) ids.insert(g.first);
  for (const json& kpi : catalog()["kpis"])
    EXPECT_EQ(ids.count(str(kpi, "group")), 1u) << kpi["id"];
}

TEST(Catalog, EveryKpiAndInputHasEnglishAndChineseTexts) {
  for (const json& kpi : catalog()["kpis"]) {
    const std::string id = str(kpi, "id");
    ASSERT_TRUE(kpi.contains("name") && kpi.contains("explanation")) << id;
    expect_texts(kpi["name"], id + ".name");
    expect_texts(kpi["explanation"], id + ".explanation");
    EXPECT_FALSE(str(kpi, "formula").empty()) << id;
    EXPECT_FALSE(str(kpi, "symbol").empty()) << id;
    for (const json& in : kpi["inputs"]) {
      ASSERT_TRUE(in.contains("label")) << id;
      expect_texts(in["label"], id + "." + str(in, "name") + ".label");
    }
  }
  for (const json& in : catalog()["inputs"]) {
    ASSERT_TRUE(in.contains("label"));
    expect_texts(in["label"], str(in, "name") + ".label");
  }
}

TEST(Catalog, TimeInputsCarryTheirUnitInTheName) {
  const std::vector<std::pair<std::string, std::string>> suffixes = {
      {"_years", "years"}, {"_months", "months"}, {"_days", "days"}, {"_hours", "hours"}};
  int checked = 0;
  for (const json& in : catalog()["inputs"]) {
    const std::string name = str(in, "name");
    for (const auto& [suffix, unit] : suffixes) {
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        EXPECT_EQ(str(in, "unit"), unit) << name;
        ++checked;
      }
    }
  }
  // lifespan_years, relationship_years, avg_first_response_hours, idea_to_launch_months,
  // request_to_decision_days.
  EXPECT_GE(checked, 5);
}

TEST(Catalog, InputKindsAndRangesFollowTheSpec) {
  const std::set<std::string> kinds = {"number", "counts5", "date", "choice", "groups"};
  for (const json& in : catalog()["inputs"]) {
    const std::string name = str(in, "name");
    const std::string kind = str(in, "kind");
    EXPECT_EQ(kinds.count(kind), 1u) << name << " kind " << kind;
    EXPECT_FALSE(str(in, "unit").empty()) << name;
    ASSERT_TRUE(in.contains("scoped")) << name;
    if (kind == "number" || kind == "counts5" || kind == "groups") {
      const double min = num(in, "min");
      const double max = num(in, "max");
      EXPECT_LT(min, max) << name;
      // Issue 12: a gross margin may be negative (a loss-making segment); nothing else is.
      if (name != "gross_margin")
        EXPECT_GE(min, 0) << name << ": no input but gross_margin is negative";
    }
    if (str(in, "unit") == "fraction" && kind == "number") {
      EXPECT_DOUBLE_EQ(num(in, "max"), 1.0) << name << ": rates are fractions";
    }
    if (kind == "choice") {
      ASSERT_TRUE(in.contains("choices") && in["choices"].is_array()) << name;
      EXPECT_FALSE(in["choices"].empty()) << name;
    }
    if (kind == "groups") {
      ASSERT_TRUE(in.contains("fields") && in["fields"].is_array()) << name;
      EXPECT_GE(in["fields"].size(), 1u) << name;
      EXPECT_LE(in["fields"].size(), 2u) << name;
    }
  }
}

TEST(Catalog, SpecificInputsHaveTheDocumentedKindsAndFields) {
  const json* industry = catalog_input("industry");
  ASSERT_NE(industry, nullptr);
  EXPECT_EQ(str(*industry, "kind"), "choice");
  EXPECT_EQ((*industry)["choices"], json({"manufacturing", "technology", "other"}));

  const json* counts = catalog_input("csat_score_counts");
  ASSERT_NE(counts, nullptr);
  EXPECT_EQ(str(*counts, "kind"), "counts5");

  const json* average = catalog_input("csat_average");
  ASSERT_NE(average, nullptr);
  EXPECT_DOUBLE_EQ(num(*average, "min"), 1);
  EXPECT_DOUBLE_EQ(num(*average, "max"), 5);

  for (const char* date : {"idea_date", "launch_date"}) {
    const json* in = catalog_input(date);
    ASSERT_NE(in, nullptr) << date;
    EXPECT_EQ(str(*in, "kind"), "date") << date;
  }

  const std::vector<std::pair<const char*, json>> groups = {
      {"processes", {"steps_total", "steps_in_system"}},
      {"roles", {"assessed", "passed"}},
      {"channels", {"spend", "new_customers"}}};
  for (const auto& [name, fields] : groups) {
    const json* in = catalog_input(name);
    ASSERT_NE(in, nullptr) << name;
    EXPECT_EQ(str(*in, "kind"), "groups") << name;
    std::set<std::string> actual;
    for (const json& f : (*in)["fields"]) actual.insert(f.get<std::string>());
    std::set<std::string> wanted;
    for (const json& f : fields) wanted.insert(f.get<std::string>());
    EXPECT_EQ(actual, wanted) << name;
  }
}

TEST(Catalog, OnlyInvestmentIsScoped) {
  for (const json& in : catalog()["inputs"]) {
    const std::string name = str(in, "name");
    EXPECT_EQ(in.value("scoped", name != "investment"), name == "investment") << name;
  }
  const json* investment = catalog_input("investment");
  ASSERT_NE(investment, nullptr);
  std::set<std::string> used_by;
  for (const json& id : (*investment)["used_by"]) used_by.insert(id.get<std::string>());
  EXPECT_EQ(used_by, (std::set<std::string>{"service_innovation_roi", "digital_transformation_roi",
                                            "digital_transformation_net_roi"}));
}

TEST(CatalogJson, ShapeFollowsJsonApi) {
  const json& c = catalog();
  ASSERT_TRUE(c.is_object());
  EXPECT_EQ(c.value("version", 0), 1);
  for (const char* key : {"groups", "kpis", "inputs"}) {
    ASSERT_TRUE(c.contains(key) && c[key].is_array()) << key;
  }
  const std::vector<std::string> kpi_keys = {"id",    "group",        "unit",        "symbol",
                                             "name",  "formula",      "explanation", "inputs",
                                             "bands", "band_variants"};
  const std::vector<std::string> kpi_input_keys = {"name",    "unit",   "kind",         "optional",
                                                   "default", "scoped", "derived_from", "label"};
  for (const json& kpi : c["kpis"]) {
    for (const std::string& key : kpi_keys)
      EXPECT_TRUE(kpi.contains(key)) << kpi["id"] << " lacks " << key;
    for (const json& in : kpi["inputs"]) {
      for (const std::string& key : kpi_input_keys) {
        EXPECT_TRUE(in.contains(key)) << kpi["id"] << "." << in["name"] << " lacks " << key;
      }
      EXPECT_TRUE(in["optional"].is_boolean());
      EXPECT_TRUE(in["scoped"].is_boolean());
      if (in["kind"] == "number") {
        EXPECT_TRUE(in.contains("min") && in["min"].is_number()) << in.dump();
        EXPECT_TRUE(in.contains("max") && in["max"].is_number()) << in.dump();
      }
    }
    if (!kpi["bands"].is_null()) {
      const json& bands = kpi["bands"];
      EXPECT_TRUE(bands["direction"] == "higher" || bands["direction"] == "lower") << bands.dump();
      EXPECT_TRUE(bands["good"]["value"].is_number()) << bands.dump();
      EXPECT_TRUE(bands["good"]["strict"].is_boolean()) << bands.dump();
    }
  }
  for (const json& in : c["inputs"]) {
    for (const char* key : {"name", "unit", "kind", "label", "scoped", "used_by"}) {
      EXPECT_TRUE(in.contains(key)) << in["name"] << " lacks " << key;
    }
  }
  // The documented example entry.
  const json* ratio = catalog_kpi("ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(str(*ratio, "symbol"), "LTV:CAC");
  EXPECT_EQ(str(*ratio, "formula"), "cltv / cac (per channel: channel cltv / channel cac)");
  const json& cltv_input = (*ratio)["inputs"][0];
  EXPECT_EQ(str(cltv_input, "unit"), "money");
  EXPECT_EQ(str(cltv_input, "kind"), "number");
  EXPECT_DOUBLE_EQ(num(cltv_input, "min"), 0);
  EXPECT_FALSE(cltv_input.value("optional", true));
}

TEST(CatalogJson, AgreesWithTheCppCatalog) {
  ASSERT_EQ(catalog()["kpis"].size(), servimetrics::kpi_catalog().size());
  ASSERT_EQ(catalog()["inputs"].size(), servimetrics::input_catalog().size());
  for (const auto& spec : servimetrics::kpi_catalog()) {
    EXPECT_EQ(servimetrics::find_kpi(spec.id), &spec);
    EXPECT_NE(spec.compute, nullptr) << spec.id;
  }
  EXPECT_EQ(servimetrics::find_kpi("no_such_kpi"), nullptr);
  EXPECT_EQ(servimetrics::find_input("no_such_input"), nullptr);
  // The catalog text round-trips through JSON text.
  const json reparsed = json::parse(catalog().dump(), nullptr, false);
  ASSERT_FALSE(reparsed.is_discarded());
  EXPECT_EQ(reparsed, catalog());
}

}  // namespace
