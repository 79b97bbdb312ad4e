// analyze_tickets_table(): six hand-worked tickets (median and p90 by nearest rank, mean, every
// rate, the breach list and the channel table), unanswered and young tickets against the as-of
// time, negative durations, missing columns, the scoped complaint count, and the edges: no rows,
// a single ticket, blank cells, and a million tickets.
#include <gtest/gtest.h>

#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "column_table_builder.hpp"
#include "kind_answer_support.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::analyze_tickets_table;
using servimetrics::AnalyzeOptions;
using servimetrics::kNoTime;
using servimetrics::Timestamp;

const Timestamp kT0 = at(2024, 3, 1, 8);
constexpr Timestamp kHour = 3600;
constexpr Timestamp kDay = 24 * kHour;

Timestamp after(Timestamp from, double hours) {
  return from + static_cast<Timestamp>(hours * static_cast<double>(kHour));
}

// Ticket k is created k hours after kT0. First responses after 0.5, 1, 2, 0.25, 3 and 6 hours.
servimetrics::ImportedTable six_tickets() {
  std::vector<Timestamp> created;
  created.reserve(6);
  for (Timestamp k = 0; k < 6; ++k) created.push_back(kT0 + k * kHour);
  const auto at_hours = [&](std::vector<double> hours) {
    std::vector<Timestamp> out;
    for (std::size_t k = 0; k < hours.size(); ++k) {
      out.push_back(hours[k] < 0 ? kNoTime : after(created[k], hours[k]));
    }
    return out;
  };
  return ColumnTableBuilder("tickets")
      .texts("ticket_id", {"T1", "T2", "T3", "T4", "T5", "T6"})
      .texts("customer_id", {"c1", "c1", "c2", "c3", "c1", "c2"})
      .texts("channel", {"web", "web", "web", "phone", "phone", "phone"})
      .dates("created", created)
      .dates("first_response", at_hours({0.5, 1, 2, 0.25, 3, 6}))
      .dates("dispatched", at_hours({10, 30, -1, 24, 5, -1}))
      .dates("closed", at_hours({48, 72, -1, 5, 192, -1}))
      .flags("urgent", {0, 0, 1, 0, 1, 0})
      .flags("complaint", {0, 1, 0, 0, 1, 1})
      .numbers("contacts", {1, 2, kBlankNumber, 1, 1, kBlankNumber})
      .flags("reopened", {0, 0, kBlankFlag, 1, 0, kBlankFlag})
      .build();
}

TEST(AnalyzeTickets, SixTicketsByHand) {
  AnalyzeOptions options;
  options.as_of = kT0 + 30 * kDay;
  const json answer = analyze_tickets_table(six_tickets(), options);
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["errors"].size(), 0u) << answer.dump();

  // Sorted hours 0.25 0.5 1 2 3 6: median rank ceil(3) = 3 -> 1; p90 rank ceil(5.4) = 6 -> 6.
  EXPECT_DOUBLE_EQ(measure(answer, "median_first_response_hours"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "p90_first_response_hours"), 6);
  EXPECT_DOUBLE_EQ(measure(answer, "mean_first_response_hours"), 12.75 / 6);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "first_response_hours"), 12.75 / 6);
  EXPECT_EQ(kpi_band(answer, "first_response_hours"), "watch");
  EXPECT_DOUBLE_EQ(measure(answer, "tickets"), 6);
  EXPECT_DOUBLE_EQ(measure(answer, "unanswered_tickets"), 0);
  EXPECT_DOUBLE_EQ(measure(answer, "open_tickets"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_durations"), 0);
  EXPECT_DOUBLE_EQ(measure(answer, "complaints"), 3);

  // Within 1 h: 0.5, 1 (exactly an hour counts) and 0.25.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "reply_within_1h_rate"), 0.5);
  // Urgent T3 after 2 h (within), T5 after 3 h.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "urgent_within_2h_rate"), 0.5);
  // Dispatched within 24 h: T1, T4 (exactly 24 h), T5; T2 late, T3 and T6 never (30 days on).
  EXPECT_DOUBLE_EQ(kpi_value(answer, "dispatch_within_24h_rate"), 0.5);
  // Complaints T2 closed after 3 days, T5 after 8, T6 still open after 30: 1 of 3.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "complaint_closed_7d_rate"), 1.0 / 3);
  // c1 complained twice (T2, T5): one repeat of 3.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "repeat_complaint_rate"), 1.0 / 3);
  // Closed: T1 (1 contact) and T5 resolved; T2 (2 contacts) and T4 (reopened) not.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "first_contact_resolution_rate"), 0.5);
  EXPECT_EQ(answer["inputs"], json({{"avg_first_response_hours", 12.75 / 6},
                                    {"online_inquiries", 6},
                                    {"replied_within_1h", 3},
                                    {"urgent_requests", 2},
                                    {"urgent_responded_within_2h", 1},
                                    {"service_requests", 6},
                                    {"dispatched_within_24h", 3},
                                    {"complaints", 3},
                                    {"closed_within_7d", 1},
                                    {"repeat_complaints", 1},
                                    {"issues", 4},
                                    {"resolved_first_contact", 2}}));

  const json* breached = find_table(answer, "breached_1h");
  ASSERT_NE(breached, nullptr);
  ASSERT_EQ(table_rows(*breached), 3u);
  EXPECT_EQ(cell(*breached, 0, "ticket_id"), "T6");
  EXPECT_DOUBLE_EQ(cell(*breached, 0, "hours").get<double>(), 6);
  EXPECT_EQ(cell(*breached, 0, "created"), "2024-03-01 13:00:00");
  EXPECT_EQ(cell(*breached, 0, "first_response"), "2024-03-01 19:00:00");
  EXPECT_EQ(cell(*breached, 0, "channel"), "phone");
  EXPECT_EQ(cell(*breached, 0, "line"), 7);
  EXPECT_EQ(cell(*breached, 1, "ticket_id"), "T5");
  EXPECT_EQ(cell(*breached, 2, "ticket_id"), "T3");

  // web 0.5, 1, 2: median 1, 2 of 3 within; phone 0.25, 3, 6: median 3, 1 of 3 (tie: by name).
  const json* channels = find_table(answer, "by_channel");
  ASSERT_NE(channels, nullptr);
  ASSERT_EQ(table_rows(*channels), 2u);
  EXPECT_EQ(cell(*channels, 0, "channel"), "phone");
  EXPECT_EQ(cell(*channels, 0, "tickets"), 3);
  EXPECT_DOUBLE_EQ(cell(*channels, 0, "median_first_response_hours").get<double>(), 3);
  EXPECT_DOUBLE_EQ(cell(*channels, 0, "within_1h_rate").get<double>(), 1.0 / 3);
  EXPECT_EQ(cell(*channels, 1, "channel"), "web");
  EXPECT_DOUBLE_EQ(cell(*channels, 1, "median_first_response_hours").get<double>(), 1);
  EXPECT_DOUBLE_EQ(cell(*channels, 1, "within_1h_rate").get<double>(), 2.0 / 3);

  EXPECT_NE(find_note(answer, "percentile_method"), nullptr);
  EXPECT_NE(note_message(answer, "as_of").find("2024-03-31 08:00:00 (given)"), std::string::npos);
  EXPECT_NE(find_note(answer, "repeat_rule"), nullptr);
  EXPECT_NE(find_note(answer, "fcr_rule"), nullptr);
}

TEST(AnalyzeTickets, UnansweredTicketsCountAsLateOnlyOnceTheirHourIsUp) {
  // As of the latest time in the file (T4's response, kT0 + 3 h): T1 (kT0) waited 3 h, late;
  // T2 (kT0 + 2.5 h) waited 30 min, left out; T3 answered in 0.5 h; T4 answered in 2 h.
  const json answer = analyze_tickets_table(
      ColumnTableBuilder("tickets")
          .texts("ticket_id", {"T1", "T2", "T3", "T4"})
          .dates("created", {kT0, after(kT0, 2.5), kT0, kT0 + kHour})
          .dates("first_response", {kNoTime, kNoTime, after(kT0, 0.5), after(kT0, 3)})
          .flags("urgent", {1, 1, 0, kBlankFlag})
          .build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "unanswered_tickets"), 2);
  EXPECT_EQ(answer["inputs"]["online_inquiries"], 3);
  EXPECT_EQ(answer["inputs"]["replied_within_1h"], 1);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "reply_within_1h_rate"), 1.0 / 3);
  // Urgent T1 has waited 3 h: late; urgent T2 is 30 min old: left out.
  EXPECT_EQ(answer["inputs"]["urgent_requests"], 1);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "urgent_within_2h_rate"), 0);
  EXPECT_NE(note_message(answer, "unanswered_tickets").find("until then: 1."), std::string::npos);
  EXPECT_NE(find_note(answer, "urgent_blank"), nullptr);
  EXPECT_NE(note_message(answer, "as_of").find("latest time in the file"), std::string::npos);
  // Mean and median of the answered ones only: 0.5 and 2.
  EXPECT_DOUBLE_EQ(measure(answer, "mean_first_response_hours"), 1.25);
  EXPECT_DOUBLE_EQ(measure(answer, "median_first_response_hours"), 0.5);

  // Breaches: T1 waited 3 h so far (no response) and T4 took 2 h.
  const json* breached = find_table(answer, "breached_1h");
  ASSERT_NE(breached, nullptr);
  ASSERT_EQ(table_rows(*breached), 2u);
  EXPECT_EQ(cell(*breached, 0, "ticket_id"), "T1");
  EXPECT_TRUE(cell(*breached, 0, "first_response").is_null());
  EXPECT_DOUBLE_EQ(cell(*breached, 0, "hours").get<double>(), 3);
  EXPECT_EQ(cell(*breached, 1, "ticket_id"), "T4");
  EXPECT_TRUE(cell(*breached, 1, "channel").is_null());
}

TEST(AnalyzeTickets, NegativeDurationsAreLeftOutCountedAndTheirLinesNoted) {
  const json answer = analyze_tickets_table(
      ColumnTableBuilder("tickets")
          .texts("ticket_id", {"T1", "T2", "T3"})
          .dates("created", {kT0, kT0, kT0})
          .dates("first_response", {after(kT0, -2), after(kT0, 1.5), after(kT0, 0.5)})
          .dates("dispatched", {after(kT0, 1), after(kT0, -1), after(kT0, 1)})
          .dates("closed", {after(kT0, 5), after(kT0, 5), after(kT0, -3)})
          .lines({4, 8, 15})
          .build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_durations"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "mean_first_response_hours"), 1);  // (1.5 + 0.5) / 2
  EXPECT_EQ(answer["inputs"]["online_inquiries"], 2);
  EXPECT_EQ(answer["inputs"]["service_requests"], 2);
  const std::string message = note_message(answer, "negative_durations");
  EXPECT_NE(message.find("first response 1 (line 4) from response times"), std::string::npos)
      << message;
  EXPECT_NE(message.find("dispatch 1 (line 8)"), std::string::npos) << message;
  EXPECT_NE(message.find("close 1 (line 15)"), std::string::npos) << message;
  for (const json& row : (*find_table(answer, "breached_1h"))["rows"]) {
    EXPECT_NE(row[0], 4) << "a negative duration is no breach";
  }
}

TEST(AnalyzeTickets, YoungOpenComplaintGetsItsOwnScopedCount) {
  // Three complaints by c1: closed in 2 days, closed in 9 days, and one opened an hour before
  // the as-of time (left out of the 7-day rate, still a complaint for the repeat rate).
  AnalyzeOptions options;
  options.as_of = kT0 + 20 * kDay;
  const json answer =
      analyze_tickets_table(ColumnTableBuilder("tickets")
                                .texts("ticket_id", {"T1", "T2", "T3"})
                                .texts("customer_id", {"c1", "c1", "c1"})
                                .dates("created", {kT0, kT0, options.as_of - kHour})
                                .dates("closed", {after(kT0, 48), after(kT0, 9 * 24), kNoTime})
                                .flags("complaint", {1, 1, 1})
                                .build(),
                            options);
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["inputs"]["complaint_closed_7d_rate.complaints"], 2);
  EXPECT_EQ(answer["inputs"]["complaints"], 3);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "complaint_closed_7d_rate"), 0.5);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "repeat_complaint_rate"), 2.0 / 3);
  EXPECT_EQ(kpi_band(answer, "repeat_complaint_rate"), "bad");
  EXPECT_NE(find_note(answer, "no_resolution_signal"), nullptr);
  EXPECT_NE(find_note(answer, "no_first_response"), nullptr);
}

TEST(AnalyzeTickets, ComplaintsWithoutCustomerCountAsFirstComplaints) {
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .texts("ticket_id", {"T1", "T2", "T3"})
                                                .texts("customer_id", {"", "", "c1"})
                                                .dates("created", {kT0, kT0, kT0})
                                                .flags("complaint", {1, 1, 1})
                                                .build(),
                                            {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "repeat_complaint_rate"), 0);
  EXPECT_NE(note_message(answer, "repeat_rule")
                .find("without a customer id count as first complaints: 2."),
            std::string::npos);
  EXPECT_NE(find_note(answer, "no_closed"), nullptr);
}

TEST(AnalyzeTickets, OnlyRequiredColumnsGiveNotesForEveryMissingRate) {
  const json answer = analyze_tickets_table(
      ColumnTableBuilder("tickets").texts("ticket_id", {"T1"}).dates("created", {kT0}).build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u);
  EXPECT_EQ(answer["errors"].size(), 0u);
  EXPECT_DOUBLE_EQ(measure(answer, "tickets"), 1);
  for (const char* id : {"no_first_response", "no_dispatched", "no_complaint", "no_closed"}) {
    EXPECT_NE(find_note(answer, id), nullptr) << id;
  }
  EXPECT_EQ(find_table(answer, "breached_1h"), nullptr);
}

TEST(AnalyzeTickets, SingleAnsweredTicket) {
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .texts("ticket_id", {"T1"})
                                                .texts("channel", {"chat"})
                                                .dates("created", {kT0})
                                                .dates("first_response", {after(kT0, 0.75)})
                                                .build(),
                                            {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "median_first_response_hours"), 0.75);
  EXPECT_DOUBLE_EQ(measure(answer, "p90_first_response_hours"), 0.75);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "reply_within_1h_rate"), 1);
  EXPECT_EQ(kpi_band(answer, "first_response_hours"), "good");
  EXPECT_EQ(table_rows(*find_table(answer, "breached_1h")), 0u);
}

TEST(AnalyzeTickets, AllBlankOptionalCellsComputeNothingAndStayFinite) {
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .texts("ticket_id", {"T1", "T2"})
                                                .texts("channel", {"", ""})
                                                .texts("customer_id", {"", ""})
                                                .dates("created", {kT0, kT0})
                                                .dates("first_response", {kNoTime, kNoTime})
                                                .dates("dispatched", {kNoTime, kNoTime})
                                                .dates("closed", {kNoTime, kNoTime})
                                                .flags("urgent", {kBlankFlag, kBlankFlag})
                                                .flags("complaint", {kBlankFlag, kBlankFlag})
                                                .numbers("contacts", {kBlankNumber, kBlankNumber})
                                                .flags("reopened", {kBlankFlag, kBlankFlag})
                                                .build(),
                                            {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u) << answer.dump();
  EXPECT_EQ(answer["errors"].size(), 0u) << answer.dump();
  EXPECT_NE(find_note(answer, "no_response_times"), nullptr);
  EXPECT_NE(find_note(answer, "reply_within_1h_rate_no_data"), nullptr);
  EXPECT_EQ(find_measure(answer, "median_first_response_hours"), nullptr);
  const json* channels = find_table(answer, "by_channel");
  ASSERT_NE(channels, nullptr);
  ASSERT_EQ(table_rows(*channels), 1u);
  EXPECT_TRUE(cell(*channels, 0, "channel").is_null());
  EXPECT_TRUE(cell(*channels, 0, "median_first_response_hours").is_null());
  EXPECT_TRUE(cell(*channels, 0, "within_1h_rate").is_null());
}

TEST(AnalyzeTickets, NoRowsAnswersWithANoteAndNoKpis) {
  const json answer = analyze_tickets_table(
      ColumnTableBuilder("tickets").texts("ticket_id", {}).dates("created", {}).build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u);
  EXPECT_NE(find_note(answer, "no_rows"), nullptr);
}

TEST(AnalyzeTickets, BreachListIsCappedWorstFirst) {
  std::vector<std::string> ids;
  std::vector<std::string_view> id_views;
  std::vector<Timestamp> created;
  std::vector<Timestamp> answered;
  for (int k = 0; k < 1200; ++k) {
    ids.push_back("T" + std::to_string(k));
    created.push_back(kT0);
    answered.push_back(kT0 + kHour + Timestamp{60} * (k + 1));  // 1 h + k + 1 minutes: all breached
  }
  id_views.reserve(ids.size());
  for (const std::string& id : ids) id_views.emplace_back(id);
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .texts("ticket_id", id_views)
                                                .dates("created", created)
                                                .dates("first_response", answered)
                                                .build(),
                                            {});
  expect_valid_kind_answer(answer);
  const json* breached = find_table(answer, "breached_1h");
  ASSERT_NE(breached, nullptr);
  EXPECT_EQ(table_rows(*breached), 1000u);
  EXPECT_EQ((*breached)["total_rows"], 1200);
  EXPECT_EQ(cell(*breached, 0, "ticket_id"), "T1199");
  EXPECT_EQ(cell(*breached, 999, "ticket_id"), "T200");
}

// The page asks for whole tables (AnalyzeOptions::table_rows): every breach, still worst first.
TEST(AnalyzeTickets, ALiftedRowLimitKeepsEveryBreach) {
  std::vector<Timestamp> created(1200, kT0);
  std::vector<Timestamp> answered;
  for (int k = 0; k < 1200; ++k) answered.push_back(kT0 + kHour + Timestamp{60} * (k + 1));
  const servimetrics::ImportedTable table = ColumnTableBuilder("tickets")
                                                .dates("created", created)
                                                .dates("first_response", answered)
                                                .build();
  const servimetrics::TableRowLimit all(5000);
  const json answer = analyze_tickets_table(table, {});
  const json* breached = find_table(answer, "breached_1h");
  ASSERT_NE(breached, nullptr);
  EXPECT_EQ(table_rows(*breached), 1200u);
  EXPECT_EQ((*breached)["total_rows"], 1200);
  EXPECT_GT(cell(*breached, 0, "hours").get<double>(),
            cell(*breached, 1199, "hours").get<double>());
}

// Six first responses after 0.5, 1, 2, 0.25, 3 and 6 hours, and three more at 24, 50 and 100 h.
TEST(AnalyzeTickets, ResponseBandsCountAnsweredTicketsWithInclusiveUpperBounds) {
  const std::vector<double> hours = {0.5, 1, 2, 0.25, 3, 6, 24, 50, 100};
  std::vector<Timestamp> created(hours.size(), kT0);
  std::vector<Timestamp> answered;
  for (const double h : hours) answered.push_back(after(kT0, h));
  created.push_back(kT0);
  answered.push_back(kNoTime);  // unanswered: in no band
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .dates("created", created)
                                                .dates("first_response", answered)
                                                .build(),
                                            {});
  expect_valid_kind_answer(answer);
  const json* bands = find_table(answer, "response_bands");
  ASSERT_NE(bands, nullptr);
  ASSERT_EQ(table_rows(*bands), 5u);
  const std::vector<std::pair<std::string, int>> expected = {
      {"within_1h", 3}, {"1h_to_4h", 2}, {"4h_to_24h", 2}, {"1d_to_3d", 1}, {"over_3d", 1}};
  for (std::size_t b = 0; b < expected.size(); ++b) {
    EXPECT_EQ(cell(*bands, b, "band"), expected[b].first);
    EXPECT_EQ(cell(*bands, b, "tickets"), expected[b].second);
    EXPECT_DOUBLE_EQ(cell(*bands, b, "share").get<double>(), expected[b].second / 9.0);
  }
}

TEST(AnalyzeTickets, NoResponseBandsWithoutAnsweredTickets) {
  const json answer = analyze_tickets_table(ColumnTableBuilder("tickets")
                                                .dates("created", {kT0})
                                                .dates("first_response", {kNoTime})
                                                .build(),
                                            {});
  EXPECT_EQ(find_table(answer, "response_bands"), nullptr);
}

TEST(AnalyzeTickets, AMillionTicketsInOnePass) {
  constexpr std::size_t kRows = 1'000'000;
  ColumnTableBuilder builder("tickets");
  auto& ids = builder.column("ticket_id");
  auto& channel = builder.column("channel");
  auto& customer = builder.column("customer_id");
  auto& created = builder.column("created").times;
  auto& first = builder.column("first_response").times;
  auto& closed = builder.column("closed").times;
  auto& complaint = builder.column("complaint").flags;
  auto& contacts = builder.column("contacts").numbers;
  const std::uint32_t id = ids.dictionary.code("T");  // one shared id keeps the test quick
  const std::uint32_t channels[] = {channel.dictionary.code("web"),
                                    channel.dictionary.code("phone")};
  std::vector<std::uint32_t> customers;
  customers.reserve(1000);
  for (int c = 0; c < 1000; ++c) customers.push_back(customer.dictionary.code(std::to_string(c)));
  for (auto* v : {&ids.codes, &channel.codes, &customer.codes}) v->reserve(kRows);
  for (auto* v : {&created, &first, &closed}) v->reserve(kRows);
  complaint.reserve(kRows);
  contacts.reserve(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    const Timestamp opened = kT0 + static_cast<Timestamp>(i) * 30;
    ids.codes.push_back(id);
    channel.codes.push_back(channels[i % 2]);
    customer.codes.push_back(customers[i % 1000]);
    created.push_back(opened);
    first.push_back(i % 10 == 9 ? kNoTime : opened + static_cast<Timestamp>(i % 10) * 900);
    closed.push_back(opened + 2 * kDay);
    complaint.push_back(i % 20 == 0 ? 1 : 0);
    contacts.push_back(static_cast<double>(i % 3));
  }
  const json answer = analyze_tickets_table(builder.build(), {});
  expect_valid_kind_answer(answer);
  // Responses after 0, 15, ..., 120 minutes (i % 10 < 9): 0..60 min within, 5 of 9.
  EXPECT_DOUBLE_EQ(measure(answer, "unanswered_tickets"), 100000);
  EXPECT_DOUBLE_EQ(measure(answer, "median_first_response_hours"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "p90_first_response_hours"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "complaints"), 50000);
  EXPECT_EQ(answer["inputs"]["repeat_complaints"], 50000 - 50);  // 50 customers complain
  // Late: responses after 75..120 minutes (4 in 10) and every unanswered ticket, since the
  // as-of time (the last close) is two days after the last ticket.
  EXPECT_EQ((*find_table(answer, "breached_1h"))["total_rows"], 500000);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "reply_within_1h_rate"), 0.5);
}

}  // namespace
