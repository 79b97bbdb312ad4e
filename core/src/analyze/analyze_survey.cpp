// Survey responses: NPS with its interval and CSAT with its top-2-box share through the catalog,
// score distributions, the trend per period and per segment (rows from few scores flagged), and
// the unhappy respondents to call back within 24 hours. A scale most scores lie off is an error.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr Timestamp kCallBackWithin = Timestamp{24} * 3600;
constexpr int kNpsCallBackBelow = 4;  // 0-3 on the 0-10 scale
constexpr int kCsatCallBackUpTo = 3;  // under 4 on the 1-5 scale, as the catalog says for CSAT

// Scores of one group of responses: the whole file, one period or one segment.
struct ScoreTally {
  std::uint64_t responses = 0;          // rows with at least one valid score
  std::array<std::uint64_t, 11> nps{};  // responses per score 0..10
  std::array<std::uint64_t, 5> csat{};  // responses per score 1..5

  void add(int nps_score, int csat_score) {
    ++responses;
    if (nps_score >= 0) ++nps[static_cast<std::size_t>(nps_score)];
    if (csat_score >= 1) ++csat[static_cast<std::size_t>(csat_score - 1)];
  }
  void merge(const ScoreTally& other) {
    responses += other.responses;
    for (std::size_t s = 0; s < nps.size(); ++s) nps[s] += other.nps[s];
    for (std::size_t s = 0; s < csat.size(); ++s) csat[s] += other.csat[s];
  }
  [[nodiscard]] std::uint64_t promoters() const { return nps[9] + nps[10]; }
  [[nodiscard]] std::uint64_t passives() const { return nps[7] + nps[8]; }
  [[nodiscard]] std::uint64_t detractors() const {
    std::uint64_t sum = 0;
    for (std::size_t s = 0; s <= 6; ++s) sum += nps[s];
    return sum;
  }
  [[nodiscard]] std::uint64_t nps_responses() const {
    return promoters() + passives() + detractors();
  }
  [[nodiscard]] std::uint64_t csat_responses() const {
    std::uint64_t sum = 0;
    for (const std::uint64_t count : csat) sum += count;
    return sum;
  }
  [[nodiscard]] double csat_points() const {
    double sum = 0;
    for (std::size_t s = 0; s < csat.size(); ++s) sum += static_cast<double>((s + 1) * csat[s]);
    return sum;
  }
};

// NPS with its interval, or nulls when the group has no NPS score.
void append_nps(json& row, const ScoreTally& tally) {
  const auto score =
      nps(static_cast<double>(tally.promoters()), static_cast<double>(tally.passives()),
          static_cast<double>(tally.detractors()));
  if (!score.ok()) {
    row.insert(row.end(), {nullptr, nullptr, nullptr});
    return;
  }
  row.push_back(finite_or_null(score.value().score));
  row.push_back(finite_or_null(score.value().low));
  row.push_back(finite_or_null(score.value().high));
}

// A whole score within [low, high], or -1.
int whole_score(double value, int low, int high) {
  if (!(value >= low && value <= high) || value != std::floor(value)) return -1;
  return static_cast<int>(value);
}

// The columns read for each scale; nullptr when the scale is not in the file.
struct ScoreColumns {
  const ImportedColumn* nps = nullptr;
  const ImportedColumn* csat = nullptr;
  std::string_view nps_field = "nps_score";
  std::string_view csat_field = "csat_score";
  bool rejected = false;  // a scale was dropped: most of its scores lie off it
};

// nps_score and csat_score are what they say; the generic score column is NPS when a score lies
// outside 1..5 (0, 6-10 or beyond), CSAT when all are within, unless options.scale decides.
ScoreColumns score_columns(const ImportedTable& table, const AnalyzeOptions& options,
                           json& answer) {
  ScoreColumns out;
  out.nps = find_column(table, "nps_score", FieldType::number);
  out.csat = find_column(table, "csat_score", FieldType::number);
  const ImportedColumn* generic = find_column(table, "score", FieldType::number);
  if (options.scale != "" && options.scale != "nps" && options.scale != "csat") {
    add_note(answer, "unknown_scale",
             "The scale '" + options.scale.substr(0, 40) +
                 "' is not nps or csat, so the scale of the score column is detected.",
             {{"scale", options.scale.substr(0, 40)}});
  }
  if (generic == nullptr) return out;

  bool is_nps = false;
  std::string why;
  bool by_option = true;
  if (options.scale == "nps" || options.scale == "csat") {
    is_nps = options.scale == "nps";
    why = "as the scale option says";
  } else {
    std::size_t scored = 0;
    for (std::size_t i = 0; i < table.rows(); ++i) {
      const double value = generic->numbers[i];
      if (std::isnan(value)) continue;
      ++scored;
      if (value < 1 || value > 5) {
        is_nps = true;
        break;
      }
    }
    if (scored == 0) {
      add_note(answer, "score_blank",
               "The score column is blank in every row, so it gives neither NPS nor CSAT.",
               {{"field", "score"}});
      return out;
    }
    why = is_nps ? "because some scores are 0 or above 5"
                 : "because every score is between 1 and 5 (set the scale option to nps if the "
                   "question was the 0-10 recommendation question)";
    by_option = false;
  }
  const ImportedColumn*& slot = is_nps ? out.nps : out.csat;
  const std::string scale_name = is_nps ? "NPS (0-10)" : "CSAT (1-5)";
  const std::string scale = is_nps ? "nps" : "csat";
  const std::string_view field = is_nps ? "nps_score" : "csat_score";
  const json params = {{"scale", scale}, {"scale_name", scale_name}, {"field", "score"}};
  if (slot != nullptr) {
    json ignored = params;
    ignored["other_field"] = field;
    const char* code =
        is_nps ? (by_option ? "score_ignored_nps_option" : "score_ignored_nps_detected")
               : (by_option ? "score_ignored_csat_option" : "score_ignored_csat_detected");
    add_note_as(answer, "score_ignored", code,
                "The score column is not used: it reads as " + scale_name + " " + why +
                    ", and the file already has a " + std::string(field) + " column.",
                std::move(ignored));
    return out;
  }
  slot = generic;
  (is_nps ? out.nps_field : out.csat_field) = "score";
  const char* code = is_nps ? (by_option ? "score_scale_nps_option" : "score_scale_nps_detected")
                            : (by_option ? "score_scale_csat_option" : "score_scale_csat_detected");
  add_note_as(answer, "score_scale", code,
              "The score column is read as " + scale_name + " " + why + ".", params);
  return out;
}

// Drops a scale whose column mostly holds scores off it: when more than a fifth of its numbers
// are not whole numbers on the scale (a 0-10 file read as CSAT), the few that fit would give a
// confident, wrong score. An error names the counts and the KPI is not computed; at or under a
// fifth, the scores off the scale are left out and noted (scores_out_of_range).
void drop_off_scale(json& answer, const ImportedTable& table, const ImportedColumn*& column,
                    std::string_view field, bool nps_scale, bool& rejected) {
  if (column == nullptr) return;
  const int low = nps_scale ? 0 : 1;
  const int high = nps_scale ? 10 : 5;
  std::size_t total = 0;
  std::size_t outside = 0;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    const double value = column->numbers[i];
    if (std::isnan(value)) continue;
    ++total;
    outside += whole_score(value, low, high) < 0 ? 1 : 0;
  }
  if (outside * 5 <= total) return;
  const char* kpi = nps_scale ? "nps" : "csat";
  const std::string scale_name = nps_scale ? "NPS" : "CSAT";
  answer["errors"].push_back(error_json(Error{
      .kpi = kpi,
      .input = std::string(field),
      .message = format_count(outside) + " of the " + format_count(total) + " scores in the " +
                 std::string(field) + " column are not whole numbers from " + std::to_string(low) +
                 " to " + std::to_string(high) + " (the " + scale_name +
                 " scale): more than a fifth, so " + scale_name +
                 " is not computed; check the column and the scale option",
      .code = "scores_outside_scale",
      .params = {{"kpi", kpi},
                 {"field", field},
                 {"scale", kpi},
                 {"outside", outside},
                 {"total", total},
                 {"low", low},
                 {"high", high}}}));
  column = nullptr;
  rejected = true;
}

struct CallBack {
  Timestamp date;
  std::uint32_t row;
  int score;
  bool nps_scale;
};

// Most recent first, undated last, then in file order.
bool earlier_call(const CallBack& a, const CallBack& b) {
  if (a.date != b.date) {
    if (a.date == kNoTime) return false;
    if (b.date == kNoTime) return true;
    return a.date > b.date;
  }
  return a.row < b.row;
}

json distribution_table_rows(const std::uint64_t* counts, std::size_t size, int first_score) {
  std::uint64_t total = 0;
  for (std::size_t s = 0; s < size; ++s) total += counts[s];
  json rows = json::array();
  for (std::size_t s = 0; s < size; ++s) {
    rows.push_back({first_score + static_cast<int>(s), counts[s],
                    share_or_null(static_cast<double>(counts[s]), static_cast<double>(total))});
  }
  return rows;
}

// Whether a figure of the row (its NPS, its CSAT average) comes from fewer than
// kSmallSampleMinimum scores.
bool small_sample_row(const ScoreTally& tally, const ScoreColumns& scores) {
  const bool nps_small = scores.nps != nullptr && tally.nps_responses() > 0 &&
                         is_small_sample(static_cast<double>(tally.nps_responses()));
  const bool csat_small = scores.csat != nullptr && tally.csat_responses() > 0 &&
                          is_small_sample(static_cast<double>(tally.csat_responses()));
  return nps_small || csat_small;
}

// "<period>", responses, nps, nps_low, nps_high, csat_average per the scales in the file, and
// small_sample.
json tally_row(json label, const ScoreTally& tally, const ScoreColumns& scores) {
  json row = json::array({std::move(label), tally.responses});
  if (scores.nps != nullptr) append_nps(row, tally);
  if (scores.csat != nullptr)
    row.push_back(share_or_null(tally.csat_points(), static_cast<double>(tally.csat_responses())));
  row.push_back(small_sample_row(tally, scores));
  return row;
}

std::vector<std::string_view> tally_columns(std::string_view label, const ScoreColumns& scores) {
  std::vector<std::string_view> columns = {label, "responses"};
  if (scores.nps != nullptr) columns.insert(columns.end(), {"nps", "nps_low", "nps_high"});
  if (scores.csat != nullptr) columns.emplace_back("csat_average");
  columns.emplace_back("small_sample");
  return columns;
}

void add_segment_table(json& answer, const ImportedColumn& segment,
                       const std::vector<ScoreTally>& by_code, const ScoreColumns& scores) {
  // Codes of empty text join the blank group (the last slot).
  const std::size_t blank = by_code.size() - 1;
  ScoreTally blank_tally = by_code[blank];
  std::vector<std::size_t> order;
  for (std::size_t code = 0; code < blank; ++code) {
    if (by_code[code].responses == 0) continue;
    if (segment.dictionary.text(static_cast<std::uint32_t>(code)).empty()) {
      blank_tally.merge(by_code[code]);
    } else {
      order.push_back(code);
    }
  }
  const auto label = [&](std::size_t code) {
    return segment.dictionary.text(static_cast<std::uint32_t>(code));
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (by_code[a].responses != by_code[b].responses) {
      return by_code[a].responses > by_code[b].responses;
    }
    return label(a) < label(b);
  });
  json rows = json::array();
  for (std::size_t k = 0; k < order.size() && rows.size() < table_row_limit(); ++k) {
    rows.push_back(tally_row(std::string(label(order[k])), by_code[order[k]], scores));
  }
  std::size_t total_rows = order.size();
  if (blank_tally.responses > 0) {
    ++total_rows;
    if (rows.size() < table_row_limit()) rows.push_back(tally_row(nullptr, blank_tally, scores));
  }
  add_table(answer, "by_segment", tally_columns("segment", scores), std::move(rows), total_rows);
}

// Everything one pass over the responses counts.
struct SurveyTallies {
  ScoreTally total;
  std::map<std::int64_t, ScoreTally> by_period;
  std::vector<ScoreTally> by_segment;  // per segment code, and a last one for blanks
  SetAsideRows bad_nps;
  SetAsideRows bad_csat;
  std::size_t without_score = 0;
  std::size_t undated = 0;
  std::vector<CallBack> callbacks;
};

// Row i's scores on each scale (-1 when none or off the scale); false when it has no score cell.
bool read_scores(const ScoreColumns& scores, std::size_t i, std::uint64_t line, SurveyTallies& t,
                 int& nps_score, int& csat_score) {
  bool any_cell = false;
  if (scores.nps != nullptr && !std::isnan(scores.nps->numbers[i])) {
    any_cell = true;
    nps_score = whole_score(scores.nps->numbers[i], 0, 10);
    if (nps_score < 0) t.bad_nps.add(line);
  }
  if (scores.csat != nullptr && !std::isnan(scores.csat->numbers[i])) {
    any_cell = true;
    csat_score = whole_score(scores.csat->numbers[i], 1, 5);
    if (csat_score < 0) t.bad_csat.add(line);
  }
  return any_cell;
}

SurveyTallies tally_responses(const ImportedTable& table, const ScoreColumns& scores,
                              const ImportedColumn* date, const ImportedColumn* segment,
                              Period period) {
  SurveyTallies t;
  t.by_segment.resize(segment != nullptr ? segment->dictionary.size() + 1 : 0);
  ScoreTally* period_tally = nullptr;  // the last period used: rows usually come in date order
  std::int64_t period_of_tally = 0;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    int nps_score = -1;
    int csat_score = -1;
    if (!read_scores(scores, i, table.lines[i], t, nps_score, csat_score)) ++t.without_score;
    if (nps_score < 0 && csat_score < 0) continue;

    t.total.add(nps_score, csat_score);
    const Timestamp when = date != nullptr ? date->times[i] : kNoTime;
    if (date != nullptr && when == kNoTime) ++t.undated;
    if (when != kNoTime) {
      const std::int64_t index = period_index(when, period);
      if (period_tally == nullptr || index != period_of_tally) {
        period_tally = &t.by_period[index];
        period_of_tally = index;
      }
      period_tally->add(nps_score, csat_score);
    }
    if (segment != nullptr) {
      const std::uint32_t code = segment->codes[i];
      const std::size_t blank = t.by_segment.size() - 1;
      t.by_segment[code < blank ? code : blank].add(nps_score, csat_score);
    }
    if (nps_score >= 0 && nps_score < kNpsCallBackBelow) {
      t.callbacks.push_back({when, static_cast<std::uint32_t>(i), nps_score, true});
    } else if (csat_score >= 1 && csat_score <= kCsatCallBackUpTo) {
      t.callbacks.push_back({when, static_cast<std::uint32_t>(i), csat_score, false});
    }
  }
  return t;
}

// NPS and CSAT measures, inputs and distributions, or why they are not computed.
void add_score_results(json& answer, json& inputs, const ScoreColumns& scores,
                       const ScoreTally& total) {
  if (scores.nps != nullptr) {
    add_count(answer, "nps_responses", total.nps_responses());
    if (total.nps_responses() > 0) {
      inputs["promoters"] = total.promoters();
      inputs["passives"] = total.passives();
      inputs["detractors"] = total.detractors();
      add_table(answer, "nps_distribution", {"score", "count", "share"},
                distribution_table_rows(total.nps.data(), total.nps.size(), 0), 11);
    } else {
      add_note(answer, "no_nps_scores",
               "The " + std::string(scores.nps_field) +
                   " column has no valid score, so NPS is not computed.",
               {{"field", scores.nps_field}});
    }
  }
  if (scores.csat != nullptr) {
    const auto responses = static_cast<double>(total.csat_responses());
    add_count(answer, "csat_responses", total.csat_responses());
    if (responses > 0) {
      add_measure(answer, "csat_average", total.csat_points() / responses, "score");
      add_measure(answer, "csat_top2_share",
                  static_cast<double>(total.csat[3] + total.csat[4]) / responses, "fraction");
      json counts = json::array();
      for (const std::uint64_t count : total.csat) counts.push_back(count);
      inputs["csat_score_counts"] = std::move(counts);
      add_table(answer, "csat_distribution", {"score", "count", "share"},
                distribution_table_rows(total.csat.data(), total.csat.size(), 1), 5);
    } else {
      add_note(answer, "no_csat_scores",
               "The " + std::string(scores.csat_field) +
                   " column has no valid score, so CSAT is not computed.",
               {{"field", scores.csat_field}});
    }
  }
  if (scores.nps == nullptr && scores.csat == nullptr && !scores.rejected) {
    add_note(answer, "no_scores",
             "The file has no score column that can be read, so neither "
             "NPS nor CSAT is computed.");
  }
}

// What was left out, and why.
void add_left_out_notes(json& answer, const ScoreColumns& scores, const SurveyTallies& t) {
  const SetAsideRows& bad_nps = t.bad_nps;
  const SetAsideRows& bad_csat = t.bad_csat;
  if (bad_nps.count() + bad_csat.count() > 0) {
    std::string message;
    if (bad_nps.count() > 0) {
      message += std::string(scores.nps_field) +
                 " values that are not whole numbers from 0 to 10, left out: " +
                 format_count(bad_nps.count()) + " (" + bad_nps.lines_text() + ").";
    }
    if (bad_csat.count() > 0) {
      message += std::string(message.empty() ? "" : " ") + std::string(scores.csat_field) +
                 " values that are not whole numbers from 1 to 5, left out: " +
                 format_count(bad_csat.count()) + " (" + bad_csat.lines_text() + ").";
    }
    json params = {{"nps_field", scores.nps_field},
                   {"csat_field", scores.csat_field},
                   {"nps_count", bad_nps.count()},
                   {"csat_count", bad_csat.count()}};
    const bool both = bad_nps.count() > 0 && bad_csat.count() > 0;
    if (both) {
      params["nps_lines"] = bad_nps.lines();
      params["csat_lines"] = bad_csat.lines();
    } else {
      const SetAsideRows& set = bad_nps.count() > 0 ? bad_nps : bad_csat;
      params["field"] = bad_nps.count() > 0 ? scores.nps_field : scores.csat_field;
      params.update(set.params());
    }
    add_note_as(answer, "scores_out_of_range",
                both                  ? "scores_out_of_range"
                : bad_nps.count() > 0 ? "nps_scores_out_of_range"
                                      : "csat_scores_out_of_range",
                std::move(message), std::move(params));
  }
  if (t.without_score > 0 && (scores.nps != nullptr || scores.csat != nullptr)) {
    add_note(answer, "rows_without_score",
             "Rows without any score, not counted: " + format_count(t.without_score) + ".",
             {{"count", t.without_score}});
  }
}

// Trend per period, latest table_row_limit() periods.
void add_trend_table(json& answer, const ScoreColumns& scores, const SurveyTallies& t,
                     Period period) {
  json trend = json::array();
  auto first = t.by_period.begin();
  if (t.by_period.size() > table_row_limit()) {
    std::advance(first, static_cast<std::ptrdiff_t>(t.by_period.size() - table_row_limit()));
  }
  for (auto it = first; it != t.by_period.end(); ++it) {
    trend.push_back(tally_row(period_key_from_index(it->first, period), it->second, scores));
  }
  add_table(answer, "trend", tally_columns("period", scores), std::move(trend), t.by_period.size());
  if (t.undated > 0) {
    add_note(answer, "undated_responses",
             "Scored responses without a date, counted in the totals but not in the trend: " +
                 format_count(t.undated) + ".",
             {{"count", t.undated}});
  }
}

// Call-back list: the most recent unhappy respondents first.
void add_callback_table(json& answer, const ImportedTable& table,
                        std::vector<CallBack>& callbacks) {
  const std::size_t shown = std::min(callbacks.size(), table_row_limit());
  std::partial_sort(callbacks.begin(), callbacks.begin() + static_cast<std::ptrdiff_t>(shown),
                    callbacks.end(), earlier_call);
  const ImportedColumn* respondent = find_column(table, "respondent_id", FieldType::text);
  const ImportedColumn* contact = find_column(table, "contact", FieldType::text);
  const ImportedColumn* comment = find_column(table, "comment", FieldType::text);
  json list = json::array();
  for (std::size_t k = 0; k < shown; ++k) {
    const CallBack& call = callbacks[k];
    list.push_back(
        {table.lines[call.row], text_or_null(respondent, call.row), text_or_null(contact, call.row),
         call.nps_scale ? "nps" : "csat", call.score, time_or_null(call.date),
         call.date == kNoTime ? json() : json(format_date_time(call.date + kCallBackWithin)),
         text_or_null(comment, call.row)});
  }
  add_table(answer, "callbacks",
            {"line", "respondent_id", "contact", "scale", "score", "date", "call_by", "comment"},
            std::move(list), callbacks.size());
  add_note(answer, "callback_rule",
           "Call back within 24 hours of the response (call_by): respondents scoring 0-3 on the "
           "0-10 scale, or 1-3 on the 1-5 CSAT scale (under 4, as the catalog says). A response "
           "is listed once, by its NPS score when both qualify. Most recent first, undated "
           "last.",
           {{"hours", kCallBackWithin / 3600},
            {"nps_up_to", kNpsCallBackBelow - 1},
            {"csat_up_to", kCsatCallBackUpTo}});
}

}  // namespace

json analyze_survey_table(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  const std::size_t rows = table.rows();
  if (rows == 0) return answer_without_rows(std::move(answer));

  ScoreColumns scores = score_columns(table, options, answer);
  drop_off_scale(answer, table, scores.nps, scores.nps_field, true, scores.rejected);
  drop_off_scale(answer, table, scores.csat, scores.csat_field, false, scores.rejected);
  const ImportedColumn* date = find_column(table, "date", FieldType::date);
  const ImportedColumn* segment = find_column(table, "segment", FieldType::text);
  const Period period = date != nullptr ? analysis_period(options, answer) : Period::month;
  SurveyTallies t = tally_responses(table, scores, date, segment, period);

  json inputs = json::object();
  add_count(answer, "responses", rows);
  add_count(answer, "scores_out_of_range", t.bad_nps.count() + t.bad_csat.count());
  add_score_results(answer, inputs, scores, t.total);
  add_left_out_notes(answer, scores, t);
  if (date != nullptr) add_trend_table(answer, scores, t, period);
  if (segment != nullptr) add_segment_table(answer, *segment, t.by_segment, scores);
  if (scores.nps != nullptr || scores.csat != nullptr)
    add_callback_table(answer, table, t.callbacks);
  add_catalog_kpis(answer, std::move(inputs));
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"call_by", "date"},
    {"comment", "text"},
    {"contact", "text"},
    {"count", "count"},
    {"csat_average", "score"},
    {"date", "date"},
    {"line", "line"},
    {"nps", "points"},
    {"nps_high", "points"},
    {"nps_low", "points"},
    {"period", "text"},
    {"respondent_id", "text"},
    {"responses", "count"},
    {"scale", "text"},
    {"score", "score"},
    {"segment", "text"},
    {"share", "fraction"},
    {"small_sample", "flag"},
});

}  // namespace

extern const KindAnalysis kSurveyAnalysis = {"survey", analyze_survey_table, kColumnUnits};

}  // namespace servimetrics
