// Timestamps (seconds since 1970-01-01, no time zone), and the period keys that
// group them: "2024-01", "2024-Q1", "2024".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/civil_date.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

enum class Period { month, quarter, year };

// CivilDate, days_from_civil, civil_from_days, days_in_month: base/civil_date.hpp.
Timestamp timestamp_from_civil(int year, int month, int day, int hour = 0, int minute = 0,
                               int second = 0);
CivilDate civil_from_timestamp(Timestamp t);
std::string format_date(Timestamp t);       // "2024-01-05"
std::string format_date_time(Timestamp t);  // "2024-01-05 08:26:00"

// "month", "quarter", "year"; false for anything else.
bool period_from_name(std::string_view name, Period& out);
std::string period_key(Timestamp t, Period period);  // "2024-01", "2024-Q1", "2024"
// Index of the period holding t, counted from year 0; consecutive periods differ by one.
std::int64_t period_index(Timestamp t, Period period);
std::string period_key_from_index(std::int64_t index, Period period);
Timestamp period_start(std::int64_t index, Period period);

}  // namespace servimetrics
