// The CLI's customer-base model commands: fit a model to a file, evaluate a fitted one.
#pragma once

#include <span>

namespace servimetrics::cli {

int fit_command(std::span<char* const> args);      // arguments after "fit"
int predict_command(std::span<char* const> args);  // arguments after "predict"

}  // namespace servimetrics::cli
