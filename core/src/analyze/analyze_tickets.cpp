// Support tickets: first response times (the mean through the catalog, median and p90 beside
// it), the reply, urgent, dispatch, complaint and first-contact-resolution rates, the tickets that
// waited more than an hour, and response per channel (flagged where it rests on a small sample).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr double kSecondsPerHour = 3600;
constexpr double kReplyLimit = 1 * kSecondsPerHour;
constexpr double kUrgentLimit = 2 * kSecondsPerHour;
constexpr double kDispatchLimit = 24 * kSecondsPerHour;
constexpr double kComplaintLimit = 7 * 24 * kSecondsPerHour;

enum class Outcome : std::uint8_t { unknown, within, late, negative };

// Whether `done` came at most `limit` seconds after `created`. Not done yet: late once the limit
// has passed by as_of, unknown before that, so a young ticket is neither a hit nor a miss.
// Differences are taken in doubles: no int64 overflow whatever the timestamps.
Outcome judge(Timestamp created, Timestamp done, double limit, Timestamp as_of) {
  if (created == kNoTime) return Outcome::unknown;
  if (done != kNoTime) {
    const double took = static_cast<double>(done) - static_cast<double>(created);
    if (took < 0) return Outcome::negative;
    return took <= limit ? Outcome::within : Outcome::late;
  }
  if (as_of != kNoTime && static_cast<double>(as_of) - static_cast<double>(created) > limit) {
    return Outcome::late;
  }
  return Outcome::unknown;
}

// The counts behind one catalog rate: outcomes known, and those within the limit.
struct Rate {
  std::uint64_t judged = 0;
  std::uint64_t within = 0;
  std::uint64_t pending = 0;  // not done and still within the limit: left out

  void add(Outcome outcome) {
    judged += outcome == Outcome::within || outcome == Outcome::late ? 1 : 0;
    within += outcome == Outcome::within ? 1 : 0;
    pending += outcome == Outcome::unknown ? 1 : 0;
  }
};

struct ChannelTally {
  std::uint64_t tickets = 0;
  std::size_t answered = 0;  // tickets with a usable first response time
  Rate reply;
};

// Puts a rate's two counts in the inputs, or notes why the KPI is not computed.
void add_rate(json& inputs, json& answer, const Rate& rate, const char* total_input,
              const char* within_input, std::string_view kpi, std::string_view what,
              std::string_view code) {
  if (rate.judged > 0) {
    inputs[total_input] = rate.judged;
    inputs[within_input] = rate.within;
    return;
  }
  add_note(answer, code,
           "No " + std::string(what) + " with a known outcome, so " + std::string(kpi) +
               " is not computed.",
           {{"kpi", kpi}});
}

Timestamp latest_time(std::initializer_list<const ImportedColumn*> columns, std::size_t rows) {
  Timestamp latest = kNoTime;  // the smallest Timestamp, so any date beats it
  for (const ImportedColumn* column : columns) {
    if (column == nullptr) continue;
    for (std::size_t i = 0; i < rows; ++i) latest = std::max(latest, column->times[i]);
  }
  return latest;
}

struct Breach {
  double hours;  // to the first response, or waited so far when unanswered
  std::uint32_t row;
};

// The columns a tickets file may have; nullptr for those it has not.
struct TicketColumns {
  const ImportedColumn* created;
  const ImportedColumn* first;
  const ImportedColumn* dispatched;
  const ImportedColumn* closed;
  const ImportedColumn* channel;
  const ImportedColumn* customer;
  const ImportedColumn* urgent;
  const ImportedColumn* complaint;
  const ImportedColumn* contacts;
  const ImportedColumn* reopened;
};

TicketColumns ticket_columns(const ImportedTable& table) {
  return {find_column(table, "created", FieldType::date),
          find_column(table, "first_response", FieldType::date),
          find_column(table, "dispatched", FieldType::date),
          find_column(table, "closed", FieldType::date),
          find_column(table, "channel", FieldType::text),
          find_column(table, "customer_id", FieldType::text),
          find_column(table, "urgent", FieldType::flag),
          find_column(table, "complaint", FieldType::flag),
          find_column(table, "contacts", FieldType::number),
          find_column(table, "reopened", FieldType::flag)};
}

// Everything one pass over the tickets counts.
struct TicketTallies {
  std::vector<double> hours;                 // first response hours of answered tickets
  std::vector<std::uint32_t> hours_channel;  // their channel slot, for the per-channel medians
  double hours_sum = 0;
  // One slot per channel text and a last one for blanks, which empty texts join too.
  std::vector<ChannelTally> channels;
  std::vector<std::uint32_t> slot_of_code;
  std::vector<std::uint32_t> complaints_of;  // per customer code
  std::vector<Breach> breaches;
  Rate reply;
  Rate urgent_reply;
  Rate dispatch;
  Rate complaint_close;
  SetAsideRows negative_first;
  SetAsideRows negative_dispatch;
  SetAsideRows negative_close;
  std::size_t unanswered = 0;
  std::size_t open = 0;
  std::size_t urgent_blank = 0;
  std::size_t complaints = 0;
  std::size_t complaints_without_customer = 0;
  std::size_t issues = 0;
  std::size_t resolved_first_contact = 0;
  std::size_t resolution_unknown = 0;
};

TicketTallies empty_tallies(const TicketColumns& c, std::size_t rows) {
  TicketTallies t;
  if (c.first != nullptr) {
    t.hours.reserve(rows);
    if (c.channel != nullptr) t.hours_channel.reserve(rows);
  }
  t.channels.resize(c.channel != nullptr ? c.channel->dictionary.size() + 1 : 0);
  t.slot_of_code.resize(c.channel != nullptr ? c.channel->dictionary.size() : 0);
  for (std::uint32_t code = 0; code < t.slot_of_code.size(); ++code) {
    t.slot_of_code[code] = c.channel->dictionary.text(code).empty()
                               ? static_cast<std::uint32_t>(t.slot_of_code.size())
                               : code;
  }
  t.complaints_of.resize(c.customer != nullptr ? c.customer->dictionary.size() : 0);
  return t;
}

// Row i's first response: the reply rates, the response hours and the breaches of the hour.
void tally_response(TicketTallies& t, const TicketColumns& c, std::size_t i, std::size_t slot,
                    Timestamp as_of, std::uint64_t line) {
  const Timestamp opened = c.created->times[i];
  const Timestamp answered_at = c.first->times[i];
  const Outcome outcome = judge(opened, answered_at, kReplyLimit, as_of);
  t.reply.add(outcome);
  if (c.channel != nullptr) t.channels[slot].reply.add(outcome);
  if (answered_at == kNoTime) ++t.unanswered;
  if (outcome == Outcome::negative) t.negative_first.add(line);
  if (answered_at != kNoTime && opened != kNoTime && outcome != Outcome::negative) {
    const double h =
        (static_cast<double>(answered_at) - static_cast<double>(opened)) / kSecondsPerHour;
    t.hours.push_back(h);
    t.hours_sum += h;
    if (c.channel != nullptr) {
      t.hours_channel.push_back(static_cast<std::uint32_t>(slot));
      ++t.channels[slot].answered;
    }
    if (outcome == Outcome::late) t.breaches.push_back({h, static_cast<std::uint32_t>(i)});
  } else if (answered_at == kNoTime && outcome == Outcome::late) {
    t.breaches.push_back(
        {(static_cast<double>(as_of) - static_cast<double>(opened)) / kSecondsPerHour,
         static_cast<std::uint32_t>(i)});
  }
  if (c.urgent != nullptr) {
    const std::uint8_t flag = c.urgent->flags[i];
    if (flag == 1) t.urgent_reply.add(judge(opened, answered_at, kUrgentLimit, as_of));
    t.urgent_blank += flag == 2 ? 1 : 0;
  }
}

// Row i's close: open tickets, times before creation, and first contact resolution.
void tally_close(TicketTallies& t, const TicketColumns& c, std::size_t i, std::uint64_t line) {
  const Timestamp opened = c.created->times[i];
  const Timestamp closed_at = c.closed->times[i];
  if (closed_at == kNoTime) {
    ++t.open;
    return;
  }
  if (opened != kNoTime && closed_at < opened) t.negative_close.add(line);
  // Resolved at first contact: at most one contact and not reopened; a blank signal is not held
  // against the ticket, but one of the two must be known.
  const bool contacts_known = c.contacts != nullptr && !std::isnan(c.contacts->numbers[i]);
  const bool reopened_known = c.reopened != nullptr && c.reopened->flags[i] != 2;
  if (contacts_known || reopened_known) {
    ++t.issues;
    const bool few_contacts = !contacts_known || c.contacts->numbers[i] <= 1;
    const bool stayed_closed = !reopened_known || c.reopened->flags[i] == 0;
    t.resolved_first_contact += few_contacts && stayed_closed ? 1 : 0;
  } else {
    ++t.resolution_unknown;
  }
}

// Row i when it is a complaint: the 7-day close rate and the complaints per customer.
void tally_complaint(TicketTallies& t, const TicketColumns& c, std::size_t i, Timestamp as_of) {
  ++t.complaints;
  const Timestamp closed_at = c.closed != nullptr ? c.closed->times[i] : kNoTime;
  if (c.closed != nullptr) {
    t.complaint_close.add(judge(c.created->times[i], closed_at, kComplaintLimit, as_of));
  }
  if (c.customer == nullptr) return;
  const std::uint32_t code = c.customer->codes[i];
  if (code < t.complaints_of.size() && !c.customer->dictionary.text(code).empty()) {
    ++t.complaints_of[code];
  } else {
    ++t.complaints_without_customer;
  }
}

TicketTallies tally_tickets(const ImportedTable& table, const TicketColumns& c, Timestamp as_of) {
  const std::size_t rows = table.rows();
  TicketTallies t = empty_tallies(c, rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint64_t line = table.lines[i];
    std::size_t slot = 0;
    if (c.channel != nullptr) {
      const std::uint32_t code = c.channel->codes[i];
      slot = code < t.slot_of_code.size() ? t.slot_of_code[code] : t.slot_of_code.size();
      ++t.channels[slot].tickets;
    }
    if (c.first != nullptr) tally_response(t, c, i, slot, as_of, line);
    if (c.dispatched != nullptr) {
      const Outcome outcome =
          judge(c.created->times[i], c.dispatched->times[i], kDispatchLimit, as_of);
      t.dispatch.add(outcome);
      if (outcome == Outcome::negative) t.negative_dispatch.add(line);
    }
    if (c.closed != nullptr) tally_close(t, c, i, line);
    if (c.complaint != nullptr && c.complaint->flags[i] == 1) tally_complaint(t, c, i, as_of);
  }
  return t;
}

// Per-channel medians: answered hours grouped by channel in one counting-sort pass, before the
// overall percentiles reorder the hours.
std::vector<double> channel_medians(const TicketTallies& t) {
  std::vector<double> medians(t.channels.size(), std::nan(""));
  if (t.channels.empty() || t.hours.empty()) return medians;
  std::vector<std::size_t> start(t.channels.size() + 1, 0);
  for (std::size_t s = 0; s < t.channels.size(); ++s)
    start[s + 1] = start[s] + t.channels[s].answered;
  std::vector<double> grouped(t.hours.size());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t k = 0; k < t.hours.size(); ++k) grouped[next[t.hours_channel[k]]++] = t.hours[k];
  for (std::size_t s = 0; s < t.channels.size(); ++s) {
    medians[s] = nearest_rank_percentile(
        std::span<double>(grouped).subspan(start[s], t.channels[s].answered), 50);
  }
  return medians;
}

// Response times, the reply and urgent rates, or why they are not computed.
void add_response_results(json& answer, json& inputs, const TicketColumns& c, TicketTallies& t) {
  if (c.first == nullptr) {
    add_note(answer, "no_first_response",
             "The file has no first response column, so response times, reply_within_1h_rate and "
             "urgent_within_2h_rate are not computed.",
             {{"field", "first_response"}});
    return;
  }
  add_count(answer, "unanswered_tickets", t.unanswered);
  if (!t.hours.empty()) {
    const double mean = t.hours_sum / static_cast<double>(t.hours.size());
    add_measure(answer, "mean_first_response_hours", mean, "hours");
    add_measure(answer, "median_first_response_hours", nearest_rank_percentile(t.hours, 50),
                "hours");
    add_measure(answer, "p90_first_response_hours", nearest_rank_percentile(t.hours, 90), "hours");
    inputs["avg_first_response_hours"] = mean;
    add_note(answer, "percentile_method",
             "Median and p90 use the nearest-rank method: the smallest first response time with "
             "at least 50% (90%) of answered tickets at or under it; with an even count the "
             "median is the lower of the two middle times.");
  } else {
    add_note(answer, "no_response_times",
             "No ticket has a usable first response time, so response times are not computed.");
  }
  add_rate(inputs, answer, t.reply, "online_inquiries", "replied_within_1h", "reply_within_1h_rate",
           "tickets", "reply_within_1h_rate_no_data");
  add_note(answer, "reply_rule",
           "Every ticket counts as an online inquiry, whatever its channel; within 1 hour means "
           "at most 60 minutes after it was created.");
  if (t.unanswered > 0) {
    add_note(answer, "unanswered_tickets",
             "Tickets without a first response: " + format_count(t.unanswered) +
                 ". Each counts as not replied within 1 hour once it is more than 1 hour old at "
                 "the as-of time (an urgent one after 2 hours); younger ones are left out of "
                 "the rates until then: " +
                 format_count(t.reply.pending) + ".",
             {{"count", t.unanswered}, {"pending", t.reply.pending}});
  }
  if (c.urgent == nullptr) {
    add_note(answer, "no_urgent",
             "The file has no urgent column, so urgent_within_2h_rate is not computed.",
             {{"field", "urgent"}, {"kpi", "urgent_within_2h_rate"}});
    return;
  }
  add_rate(inputs, answer, t.urgent_reply, "urgent_requests", "urgent_responded_within_2h",
           "urgent_within_2h_rate", "urgent tickets", "urgent_within_2h_rate_no_data");
  if (t.urgent_blank > 0) {
    add_note(answer, "urgent_blank",
             "Tickets with a blank urgent flag, counted as not urgent: " +
                 format_count(t.urgent_blank) + ".",
             {{"count", t.urgent_blank}});
  }
}

void add_dispatch_results(json& answer, json& inputs, const TicketColumns& c,
                          const TicketTallies& t) {
  if (c.dispatched == nullptr) {
    add_note(answer, "no_dispatched",
             "The file has no dispatched column, so dispatch_within_24h_rate is not computed.",
             {{"field", "dispatched"}, {"kpi", "dispatch_within_24h_rate"}});
    return;
  }
  add_rate(inputs, answer, t.dispatch, "service_requests", "dispatched_within_24h",
           "dispatch_within_24h_rate", "service requests", "dispatch_within_24h_rate_no_data");
  add_note(answer, "dispatch_rule",
           "Every ticket counts as a service request; one not dispatched counts as late once "
           "24 hours have passed by the as-of time, and is left out before that.");
}

// The repeat complaint rate's counts, or why it is not computed.
void add_repeat_results(json& answer, json& inputs, const TicketColumns& c,
                        const TicketTallies& t) {
  if (c.customer == nullptr) {
    add_note(answer, "no_customer_id",
             "The file has no customer id column, so repeat_complaint_rate is not computed.",
             {{"field", "customer_id"}, {"kpi", "repeat_complaint_rate"}});
    return;
  }
  if (t.complaints == 0) {
    add_note(answer, "repeat_complaint_rate_no_data",
             "No ticket is a complaint, so repeat_complaint_rate is not computed.",
             {{"kpi", "repeat_complaint_rate"}});
    return;
  }
  std::uint64_t repeats = 0;
  for (const std::uint32_t count : t.complaints_of) repeats += count > 1 ? count - 1 : 0;
  inputs["complaints"] = t.complaints;
  inputs["repeat_complaints"] = repeats;
  if (t.complaints_without_customer > 0) {
    add_note_as(answer, "repeat_rule", "repeat_rule_without_customer",
                "A repeat complaint is a customer's second or later complaint in this file. "
                "Complaints without a customer id count as first complaints: " +
                    format_count(t.complaints_without_customer) + ".",
                {{"count", t.complaints_without_customer}});
  } else {
    add_note(answer, "repeat_rule",
             "A repeat complaint is a customer's second or later complaint in this file.");
  }
}

// Open tickets, the complaint close and repeat rates, or why they are not computed.
void add_complaint_results(json& answer, json& inputs, const TicketColumns& c,
                           const TicketTallies& t) {
  if (c.closed != nullptr) {
    add_count(answer, "open_tickets", t.open);
    if (t.open > 0) {
      add_note(answer, "open_tickets",
               "Tickets not closed: " + format_count(t.open) +
                   ". They are not issues for first contact resolution; an open complaint counts "
                   "as not closed within 7 days once it is more than 7 days old at the as-of "
                   "time.",
               {{"count", t.open}});
    }
  }
  if (c.complaint == nullptr) {
    add_note(answer, "no_complaint",
             "The file has no complaint column, so complaint_closed_7d_rate and "
             "repeat_complaint_rate are not computed.",
             {{"field", "complaint"}});
    return;
  }
  add_count(answer, "complaints", t.complaints);
  // complaints is shared by two KPIs; the 7-day rate leaves out young open complaints, so it
  // gets its own scoped count when that differs.
  if (c.closed != nullptr && t.complaint_close.judged > 0) {
    const bool same = t.complaint_close.judged == t.complaints;
    inputs[same ? "complaints" : "complaint_closed_7d_rate.complaints"] = t.complaint_close.judged;
    inputs["closed_within_7d"] = t.complaint_close.within;
  } else if (c.closed != nullptr) {
    add_note(answer, "complaint_closed_7d_rate_no_data",
             "No complaint with a known outcome, so complaint_closed_7d_rate is not computed.",
             {{"kpi", "complaint_closed_7d_rate"}});
  } else {
    add_note_as(answer, "no_closed", "no_closed_complaints",
                "The file has no closed column, so complaint_closed_7d_rate and "
                "first_contact_resolution_rate are not computed.",
                {{"field", "closed"}});
  }
  add_repeat_results(answer, inputs, c, t);
}

void add_resolution_results(json& answer, json& inputs, const TicketColumns& c,
                            const TicketTallies& t) {
  if (c.closed != nullptr && (c.contacts != nullptr || c.reopened != nullptr)) {
    if (t.issues > 0) {
      inputs["issues"] = t.issues;
      inputs["resolved_first_contact"] = t.resolved_first_contact;
    } else {
      add_note(answer, "first_contact_resolution_rate_no_data",
               "No closed ticket has a contacts count or a reopened flag, so "
               "first_contact_resolution_rate is not computed.");
    }
    const std::string rule =
        "Issues are closed tickets; one is resolved at first contact with at most 1 contact "
        "and not reopened (a blank cell is not held against it).";
    if (t.resolution_unknown > 0) {
      add_note_as(answer, "fcr_rule", "fcr_rule_unknown_left_out",
                  rule + " Closed tickets with neither known are left out: " +
                      format_count(t.resolution_unknown) + ".",
                  {{"count", t.resolution_unknown}});
    } else {
      add_note(answer, "fcr_rule", rule);
    }
  } else if (c.closed != nullptr) {
    add_note(answer, "no_resolution_signal",
             "The file has neither a contacts nor a reopened column, so "
             "first_contact_resolution_rate is not computed.");
  } else if (c.complaint == nullptr) {
    add_note(answer, "no_closed",
             "The file has no closed column, so first_contact_resolution_rate is not computed.",
             {{"field", "closed"}, {"kpi", "first_contact_resolution_rate"}});
  }
}

void add_negative_durations(json& answer, const TicketTallies& t) {
  const SetAsideRows* sets[] = {&t.negative_first, &t.negative_dispatch, &t.negative_close};
  const std::size_t negatives = sets[0]->count() + sets[1]->count() + sets[2]->count();
  add_count(answer, "negative_durations", negatives);
  if (negatives == 0) return;
  std::string message = "Times before the ticket was created are left out:";
  const auto describe = [&](const SetAsideRows& set, const char* what, const char* from) {
    if (set.count() == 0) return;
    message += std::string(message.back() == ':' ? " " : "; ") + what + " " +
               format_count(set.count()) + " (" + set.lines_text() + ") from " + from;
  };
  describe(t.negative_first, "first response", "response times and rates");
  describe(t.negative_dispatch, "dispatch", "the dispatch rate");
  describe(t.negative_close, "close", "the complaint close rate");
  message += ".";
  std::vector<std::uint64_t> lines;
  std::size_t listed = 0;
  for (const SetAsideRows* set : sets) {
    lines.insert(lines.end(), set->lines().begin(), set->lines().end());
    listed += set->lines().size();
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  add_note(answer, "negative_durations", std::move(message),
           {{"count", negatives},
            {"first_response", t.negative_first.count()},
            {"dispatch", t.negative_dispatch.count()},
            {"close", t.negative_close.count()},
            {"lines", lines},
            {"more", negatives - listed}});
}

void add_as_of_note(json& answer, Timestamp as_of, const AnalyzeOptions& options) {
  if (as_of == kNoTime) {
    add_note_as(answer, "as_of", "tickets_no_time",
                "No ticket has a time, so open tickets cannot be judged.");
  } else if (options.as_of != kNoTime) {
    add_note_as(
        answer, "as_of", "tickets_as_of_given",
        "Open and unanswered tickets are judged as of " + format_date_time(as_of) + " (given).",
        {{"as_of", format_date_time(as_of)}});
  } else {
    add_note_as(answer, "as_of", "tickets_as_of_latest",
                "Open and unanswered tickets are judged as of " + format_date_time(as_of) +
                    ", the latest time in the file.",
                {{"as_of", format_date_time(as_of)}});
  }
}

// Tickets that waited more than an hour, worst first.
void add_breach_table(json& answer, const ImportedTable& table, const TicketColumns& c,
                      TicketTallies& t) {
  std::vector<Breach>& breaches = t.breaches;
  const std::size_t shown = std::min(breaches.size(), table_row_limit());
  std::partial_sort(breaches.begin(), breaches.begin() + static_cast<std::ptrdiff_t>(shown),
                    breaches.end(), [](const Breach& a, const Breach& b) {
                      return a.hours != b.hours ? a.hours > b.hours : a.row < b.row;
                    });
  const ImportedColumn* ticket_id = find_column(table, "ticket_id", FieldType::text);
  json list = json::array();
  for (std::size_t k = 0; k < shown; ++k) {
    const std::uint32_t row = breaches[k].row;
    list.push_back({table.lines[row], text_or_null(ticket_id, row), text_or_null(c.channel, row),
                    time_or_null(c.created->times[row]), time_or_null(c.first->times[row]),
                    finite_or_null(breaches[k].hours)});
  }
  add_table(answer, "breached_1h",
            {"line", "ticket_id", "channel", "created", "first_response", "hours"}, std::move(list),
            breaches.size());
}

// First response times of answered tickets in bands (upper bounds inclusive, as the 1 h rate):
// the page draws their distribution.
void add_response_bands(json& answer, const std::vector<double>& hours) {
  struct Band {
    const char* id;
    double up_to;
  };
  constexpr auto kBands =
      std::to_array<Band>({{"within_1h", 1},
                           {"1h_to_4h", 4},
                           {"4h_to_24h", 24},
                           {"1d_to_3d", 72},
                           {"over_3d", std::numeric_limits<double>::infinity()}});
  std::array<std::uint64_t, kBands.size()> counts{};
  for (const double h : hours) {
    std::size_t b = 0;
    while (b + 1 < kBands.size() && h > kBands[b].up_to) ++b;
    ++counts[b];
  }
  json rows = json::array();
  for (std::size_t b = 0; b < kBands.size(); ++b) {
    rows.push_back(
        {kBands[b].id, counts[b],
         share_or_null(static_cast<double>(counts[b]), static_cast<double>(hours.size()))});
  }
  add_table(answer, "response_bands", {"band", "tickets", "share"}, std::move(rows), kBands.size());
}

// Whether the channel's median (answered tickets) or reply rate (tickets with a known outcome)
// comes from fewer than kSmallSampleMinimum tickets.
bool small_sample_channel(const ChannelTally& channel) {
  const auto small = [](std::uint64_t cases) {
    return cases > 0 && is_small_sample(static_cast<double>(cases));
  };
  return small(channel.answered) || small(channel.reply.judged);
}

void add_channel_table(json& answer, const ImportedColumn& channel, const TicketTallies& t,
                       const std::vector<double>& medians) {
  const std::vector<ChannelTally>& channels = t.channels;
  std::vector<std::size_t> order;
  for (std::size_t s = 0; s < channels.size(); ++s) {
    if (channels[s].tickets > 0) order.push_back(s);
  }
  const auto label = [&](std::size_t s) {
    return s + 1 < channels.size() ? channel.dictionary.text(static_cast<std::uint32_t>(s))
                                   : std::string_view();
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (channels[a].tickets != channels[b].tickets) {
      return channels[a].tickets > channels[b].tickets;
    }
    return label(a) < label(b);
  });
  json list = json::array();
  for (std::size_t k = 0; k < order.size() && k < table_row_limit(); ++k) {
    const std::size_t s = order[k];
    const std::string_view name = label(s);
    list.push_back({name.empty() ? json() : json(std::string(name)), channels[s].tickets,
                    finite_or_null(medians[s]),
                    share_or_null(static_cast<double>(channels[s].reply.within),
                                  static_cast<double>(channels[s].reply.judged)),
                    small_sample_channel(channels[s])});
  }
  add_table(answer, "by_channel",
            {"channel", "tickets", "median_first_response_hours", "within_1h_rate", "small_sample"},
            std::move(list), order.size());
}

}  // namespace

json analyze_tickets_table(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  const std::size_t rows = table.rows();
  if (rows == 0) return answer_without_rows(std::move(answer));
  const TicketColumns c = ticket_columns(table);
  if (c.created == nullptr) {
    add_note(answer, "no_created", "The file has no created times, so nothing is computed.",
             {{"field", "created"}});
    return answer;
  }
  const Timestamp as_of = options.as_of != kNoTime
                              ? options.as_of
                              : latest_time({c.created, c.first, c.dispatched, c.closed}, rows);
  TicketTallies t = tally_tickets(table, c, as_of);
  const std::vector<double> medians = channel_medians(t);  // before add_response_results reorders

  json inputs = json::object();
  add_count(answer, "tickets", rows);
  add_response_results(answer, inputs, c, t);
  add_dispatch_results(answer, inputs, c, t);
  add_complaint_results(answer, inputs, c, t);
  add_resolution_results(answer, inputs, c, t);
  add_negative_durations(answer, t);
  if (c.first != nullptr || c.dispatched != nullptr || c.closed != nullptr) {
    add_as_of_note(answer, as_of, options);
  }
  if (c.first != nullptr) add_breach_table(answer, table, c, t);
  if (!t.hours.empty()) add_response_bands(answer, t.hours);
  if (c.channel != nullptr) add_channel_table(answer, *c.channel, t, medians);
  add_catalog_kpis(answer, std::move(inputs));
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"band", "text"},
    {"channel", "text"},
    {"created", "date"},
    {"first_response", "date"},
    {"hours", "hours"},
    {"line", "line"},
    {"median_first_response_hours", "hours"},
    {"share", "fraction"},
    {"small_sample", "flag"},
    {"ticket_id", "text"},
    {"tickets", "count"},
    {"within_1h_rate", "fraction"},
});

}  // namespace

extern const KindAnalysis kTicketsAnalysis = {"tickets", analyze_tickets_table, kColumnUnits};

}  // namespace servimetrics
