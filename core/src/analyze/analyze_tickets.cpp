// Support tickets: first response times (the mean through the catalog, median and p90 beside
// it), the reply, urgent, dispatch, complaint and first-contact-resolution rates, the tickets that
// waited more than an hour, and response per channel.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"

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
              const char* within_input, std::string_view kpi, std::string_view what) {
  if (rate.judged > 0) {
    inputs[total_input] = rate.judged;
    inputs[within_input] = rate.within;
    return;
  }
  add_note(answer, std::string(kpi) + "_no_data",
           "No " + std::string(what) + " with a known outcome, so " + std::string(kpi) +
               " is not computed.");
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

}  // namespace

json analyze_tickets_table(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  const std::size_t rows = table.rows();
  if (rows == 0) return answer_without_rows(std::move(answer));

  const ImportedColumn* created = find_column(table, "created", FieldType::date);
  const ImportedColumn* first = find_column(table, "first_response", FieldType::date);
  const ImportedColumn* dispatched = find_column(table, "dispatched", FieldType::date);
  const ImportedColumn* closed = find_column(table, "closed", FieldType::date);
  const ImportedColumn* channel = find_column(table, "channel", FieldType::text);
  const ImportedColumn* customer = find_column(table, "customer_id", FieldType::text);
  const ImportedColumn* urgent = find_column(table, "urgent", FieldType::flag);
  const ImportedColumn* complaint = find_column(table, "complaint", FieldType::flag);
  const ImportedColumn* contacts = find_column(table, "contacts", FieldType::number);
  const ImportedColumn* reopened = find_column(table, "reopened", FieldType::flag);
  if (created == nullptr) {
    add_note(answer, "no_created", "The file has no created times, so nothing is computed.");
    return answer;
  }
  const Timestamp as_of = options.as_of != kNoTime
                              ? options.as_of
                              : latest_time({created, first, dispatched, closed}, rows);

  std::vector<double> hours;                 // first response hours of answered tickets
  std::vector<std::uint32_t> hours_channel;  // their channel slot, for the per-channel medians
  if (first != nullptr) {
    hours.reserve(rows);
    if (channel != nullptr) hours_channel.reserve(rows);
  }
  double hours_sum = 0;
  // One slot per channel text and a last one for blanks, which empty texts join too.
  std::vector<ChannelTally> channels(channel != nullptr ? channel->dictionary.size() + 1 : 0);
  std::vector<std::uint32_t> slot_of_code(channel != nullptr ? channel->dictionary.size() : 0);
  for (std::uint32_t code = 0; code < slot_of_code.size(); ++code) {
    slot_of_code[code] = channel->dictionary.text(code).empty()
                             ? static_cast<std::uint32_t>(slot_of_code.size())
                             : code;
  }
  std::vector<std::uint32_t> complaints_of(customer != nullptr ? customer->dictionary.size() : 0);
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

  for (std::size_t i = 0; i < rows; ++i) {
    const Timestamp opened = created->times[i];
    const std::uint64_t line = table.lines[i];
    std::size_t slot = 0;
    if (channel != nullptr) {
      const std::uint32_t code = channel->codes[i];
      slot = code < slot_of_code.size() ? slot_of_code[code] : slot_of_code.size();
      ++channels[slot].tickets;
    }

    if (first != nullptr) {
      const Timestamp answered_at = first->times[i];
      const Outcome outcome = judge(opened, answered_at, kReplyLimit, as_of);
      reply.add(outcome);
      if (channel != nullptr) channels[slot].reply.add(outcome);
      if (answered_at == kNoTime) ++unanswered;
      if (outcome == Outcome::negative) negative_first.add(line);
      if (answered_at != kNoTime && opened != kNoTime && outcome != Outcome::negative) {
        const double h =
            (static_cast<double>(answered_at) - static_cast<double>(opened)) / kSecondsPerHour;
        hours.push_back(h);
        hours_sum += h;
        if (channel != nullptr) {
          hours_channel.push_back(static_cast<std::uint32_t>(slot));
          ++channels[slot].answered;
        }
        if (outcome == Outcome::late) breaches.push_back({h, static_cast<std::uint32_t>(i)});
      } else if (answered_at == kNoTime && outcome == Outcome::late) {
        breaches.push_back(
            {(static_cast<double>(as_of) - static_cast<double>(opened)) / kSecondsPerHour,
             static_cast<std::uint32_t>(i)});
      }
      if (urgent != nullptr) {
        const std::uint8_t flag = urgent->flags[i];
        if (flag == 1) urgent_reply.add(judge(opened, answered_at, kUrgentLimit, as_of));
        urgent_blank += flag == 2 ? 1 : 0;
      }
    }

    if (dispatched != nullptr) {
      const Outcome outcome = judge(opened, dispatched->times[i], kDispatchLimit, as_of);
      dispatch.add(outcome);
      if (outcome == Outcome::negative) negative_dispatch.add(line);
    }

    const Timestamp closed_at = closed != nullptr ? closed->times[i] : kNoTime;
    if (closed != nullptr) {
      if (closed_at == kNoTime) {
        ++open;
      } else {
        if (opened != kNoTime && closed_at < opened) negative_close.add(line);
        // Resolved at first contact: at most one contact and not reopened; a blank signal is not
        // held against the ticket, but one of the two must be known.
        const bool contacts_known = contacts != nullptr && !std::isnan(contacts->numbers[i]);
        const bool reopened_known = reopened != nullptr && reopened->flags[i] != 2;
        if (contacts_known || reopened_known) {
          ++issues;
          const bool few_contacts = !contacts_known || contacts->numbers[i] <= 1;
          const bool stayed_closed = !reopened_known || reopened->flags[i] == 0;
          resolved_first_contact += few_contacts && stayed_closed ? 1 : 0;
        } else {
          ++resolution_unknown;
        }
      }
    }

    if (complaint != nullptr && complaint->flags[i] == 1) {
      ++complaints;
      if (closed != nullptr) complaint_close.add(judge(opened, closed_at, kComplaintLimit, as_of));
      if (customer != nullptr) {
        const std::uint32_t code = customer->codes[i];
        if (code < complaints_of.size() && !customer->dictionary.text(code).empty()) {
          ++complaints_of[code];
        } else {
          ++complaints_without_customer;
        }
      }
    }
  }

  // Per-channel medians: answered hours grouped by channel in one counting-sort pass, before the
  // overall percentiles reorder `hours`.
  std::vector<double> channel_medians(channels.size(), std::nan(""));
  if (channel != nullptr && !hours.empty()) {
    std::vector<std::size_t> start(channels.size() + 1, 0);
    for (std::size_t s = 0; s < channels.size(); ++s)
      start[s + 1] = start[s] + channels[s].answered;
    std::vector<double> grouped(hours.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t k = 0; k < hours.size(); ++k) grouped[next[hours_channel[k]]++] = hours[k];
    for (std::size_t s = 0; s < channels.size(); ++s) {
      channel_medians[s] = nearest_rank_percentile(
          std::span<double>(grouped).subspan(start[s], channels[s].answered), 50);
    }
  }

  json inputs = json::object();
  add_count(answer, "tickets", rows);
  if (first != nullptr) {
    add_count(answer, "unanswered_tickets", unanswered);
    if (!hours.empty()) {
      const double mean = hours_sum / static_cast<double>(hours.size());
      add_measure(answer, "mean_first_response_hours", mean, "hours");
      add_measure(answer, "median_first_response_hours", nearest_rank_percentile(hours, 50),
                  "hours");
      add_measure(answer, "p90_first_response_hours", nearest_rank_percentile(hours, 90), "hours");
      inputs["avg_first_response_hours"] = mean;
      add_note(answer, "percentile_method",
               "Median and p90 use the nearest-rank method: the smallest first response time with "
               "at least 50% (90%) of answered tickets at or under it; with an even count the "
               "median is the lower of the two middle times.");
    } else {
      add_note(answer, "no_response_times",
               "No ticket has a usable first response time, so response times are not computed.");
    }
    add_rate(inputs, answer, reply, "online_inquiries", "replied_within_1h", "reply_within_1h_rate",
             "tickets");
    add_note(answer, "reply_rule",
             "Every ticket counts as an online inquiry, whatever its channel; within 1 hour means "
             "at most 60 minutes after it was created.");
    if (unanswered > 0) {
      add_note(answer, "unanswered_tickets",
               "Tickets without a first response: " + format_count(unanswered) +
                   ". Each counts as not replied within 1 hour once it is more than 1 hour old at "
                   "the as-of time (an urgent one after 2 hours); younger ones are left out of "
                   "the rates until then: " +
                   format_count(reply.pending) + ".");
    }
    if (urgent != nullptr) {
      add_rate(inputs, answer, urgent_reply, "urgent_requests", "urgent_responded_within_2h",
               "urgent_within_2h_rate", "urgent tickets");
      if (urgent_blank > 0) {
        add_note(answer, "urgent_blank",
                 "Tickets with a blank urgent flag, counted as not urgent: " +
                     format_count(urgent_blank) + ".");
      }
    } else {
      add_note(answer, "no_urgent",
               "The file has no urgent column, so urgent_within_2h_rate is not computed.");
    }
  } else {
    add_note(answer, "no_first_response",
             "The file has no first response column, so response times, reply_within_1h_rate and "
             "urgent_within_2h_rate are not computed.");
  }

  if (dispatched != nullptr) {
    add_rate(inputs, answer, dispatch, "service_requests", "dispatched_within_24h",
             "dispatch_within_24h_rate", "service requests");
    add_note(answer, "dispatch_rule",
             "Every ticket counts as a service request; one not dispatched counts as late once "
             "24 hours have passed by the as-of time, and is left out before that.");
  } else {
    add_note(answer, "no_dispatched",
             "The file has no dispatched column, so dispatch_within_24h_rate is not computed.");
  }

  if (closed != nullptr) {
    add_count(answer, "open_tickets", open);
    if (open > 0) {
      add_note(answer, "open_tickets",
               "Tickets not closed: " + format_count(open) +
                   ". They are not issues for first contact resolution; an open complaint counts "
                   "as not closed within 7 days once it is more than 7 days old at the as-of "
                   "time.");
    }
  }

  if (complaint != nullptr) {
    add_count(answer, "complaints", complaints);
    // complaints is shared by two KPIs; the 7-day rate leaves out young open complaints, so it
    // gets its own scoped count when that differs.
    if (closed != nullptr && complaint_close.judged > 0) {
      const bool same = complaint_close.judged == complaints;
      inputs[same ? "complaints" : "complaint_closed_7d_rate.complaints"] = complaint_close.judged;
      inputs["closed_within_7d"] = complaint_close.within;
    } else if (closed != nullptr) {
      add_note(answer, "complaint_closed_7d_rate_no_data",
               "No complaint with a known outcome, so complaint_closed_7d_rate is not computed.");
    } else {
      add_note(answer, "no_closed",
               "The file has no closed column, so complaint_closed_7d_rate and "
               "first_contact_resolution_rate are not computed.");
    }
    if (customer != nullptr && complaints > 0) {
      std::uint64_t repeats = 0;
      for (const std::uint32_t count : complaints_of) repeats += count > 1 ? count - 1 : 0;
      inputs["complaints"] = complaints;
      inputs["repeat_complaints"] = repeats;
      add_note(answer, "repeat_rule",
               "A repeat complaint is a customer's second or later complaint in this file." +
                   (complaints_without_customer > 0
                        ? " Complaints without a customer id count as first complaints: " +
                              format_count(complaints_without_customer) + "."
                        : std::string()));
    } else if (customer == nullptr) {
      add_note(answer, "no_customer_id",
               "The file has no customer id column, so repeat_complaint_rate is not computed.");
    } else {
      add_note(answer, "repeat_complaint_rate_no_data",
               "No ticket is a complaint, so repeat_complaint_rate is not computed.");
    }
  } else {
    add_note(answer, "no_complaint",
             "The file has no complaint column, so complaint_closed_7d_rate and "
             "repeat_complaint_rate are not computed.");
  }

  if (closed != nullptr && (contacts != nullptr || reopened != nullptr)) {
    if (issues > 0) {
      inputs["issues"] = issues;
      inputs["resolved_first_contact"] = resolved_first_contact;
    } else {
      add_note(answer, "first_contact_resolution_rate_no_data",
               "No closed ticket has a contacts count or a reopened flag, so "
               "first_contact_resolution_rate is not computed.");
    }
    add_note(answer, "fcr_rule",
             "Issues are closed tickets; one is resolved at first contact with at most 1 contact "
             "and not reopened (a blank cell is not held against it)." +
                 (resolution_unknown > 0 ? " Closed tickets with neither known are left out: " +
                                               format_count(resolution_unknown) + "."
                                         : std::string()));
  } else if (closed != nullptr) {
    add_note(answer, "no_resolution_signal",
             "The file has neither a contacts nor a reopened column, so "
             "first_contact_resolution_rate is not computed.");
  } else if (complaint == nullptr) {
    add_note(answer, "no_closed",
             "The file has no closed column, so first_contact_resolution_rate is not computed.");
  }

  const std::size_t negatives =
      negative_first.count() + negative_dispatch.count() + negative_close.count();
  add_count(answer, "negative_durations", negatives);
  if (negatives > 0) {
    std::string message = "Times before the ticket was created are left out:";
    const auto describe = [&](const SetAsideRows& set, const char* what, const char* from) {
      if (set.count() == 0) return;
      message += std::string(message.back() == ':' ? " " : "; ") + what + " " +
                 format_count(set.count()) + " (" + set.lines_text() + ") from " + from;
    };
    describe(negative_first, "first response", "response times and rates");
    describe(negative_dispatch, "dispatch", "the dispatch rate");
    describe(negative_close, "close", "the complaint close rate");
    message += ".";
    add_note(answer, "negative_durations", std::move(message));
  }

  if (first != nullptr || dispatched != nullptr || closed != nullptr) {
    add_note(answer, "as_of",
             as_of == kNoTime
                 ? std::string("No ticket has a time, so open tickets cannot be judged.")
                 : "Open and unanswered tickets are judged as of " + format_date_time(as_of) +
                       (options.as_of != kNoTime ? " (given)." : ", the latest time in the file."));
  }

  // Tickets that waited more than an hour, worst first.
  if (first != nullptr) {
    const std::size_t shown = std::min(breaches.size(), kTableRowLimit);
    std::partial_sort(breaches.begin(), breaches.begin() + static_cast<std::ptrdiff_t>(shown),
                      breaches.end(), [](const Breach& a, const Breach& b) {
                        return a.hours != b.hours ? a.hours > b.hours : a.row < b.row;
                      });
    const ImportedColumn* ticket_id = find_column(table, "ticket_id", FieldType::text);
    json list = json::array();
    for (std::size_t k = 0; k < shown; ++k) {
      const std::uint32_t row = breaches[k].row;
      list.push_back({table.lines[row], text_or_null(ticket_id, row), text_or_null(channel, row),
                      time_or_null(created->times[row]), time_or_null(first->times[row]),
                      finite_or_null(breaches[k].hours)});
    }
    add_table(answer, "breached_1h",
              {"line", "ticket_id", "channel", "created", "first_response", "hours"},
              std::move(list), breaches.size());
  }

  if (channel != nullptr) {
    std::vector<std::size_t> order;
    for (std::size_t s = 0; s < channels.size(); ++s) {
      if (channels[s].tickets > 0) order.push_back(s);
    }
    const auto label = [&](std::size_t s) {
      return s + 1 < channels.size() ? channel->dictionary.text(static_cast<std::uint32_t>(s))
                                     : std::string_view();
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (channels[a].tickets != channels[b].tickets) {
        return channels[a].tickets > channels[b].tickets;
      }
      return label(a) < label(b);
    });
    json list = json::array();
    for (std::size_t k = 0; k < order.size() && k < kTableRowLimit; ++k) {
      const std::size_t s = order[k];
      const std::string_view name = label(s);
      list.push_back({name.empty() ? json() : json(std::string(name)), channels[s].tickets,
                      finite_or_null(channel_medians[s]),
                      share_or_null(static_cast<double>(channels[s].reply.within),
                                    static_cast<double>(channels[s].reply.judged))});
    }
    add_table(answer, "by_channel",
              {"channel", "tickets", "median_first_response_hours", "within_1h_rate"},
              std::move(list), order.size());
  }

  add_catalog_kpis(answer, std::move(inputs));
  return answer;
}

}  // namespace servimetrics
