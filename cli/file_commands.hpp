// The CLI's file commands: analyze a data file, or print its rows as read.
#pragma once

#include <span>
#include <string_view>

namespace servimetrics::cli {

// Exit codes: 0 answer without errors, 1 answer with errors, 2 unreadable input or bad usage.
inline constexpr int kOk = 0;
inline constexpr int kAnswerHasErrors = 1;
inline constexpr int kUnreadable = 2;

int fail(std::string_view message);
int analyze_command(std::span<char* const> args);  // arguments after "analyze"
int import_command(std::span<char* const> args);   // arguments after "import"

}  // namespace servimetrics::cli
