// Number formatting for messages.
#include "format.hpp"

#include <cstdio>

namespace servimetrics {

std::string format_number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

}  // namespace servimetrics
