// Logarithm, exponential and power from + - * / alone, so a seeded run gives the same digits in
// the browser's wasm and the native CLI (libm's may differ in the last bit; internal to the core).
#pragma once

namespace servimetrics::whatif {

double det_log(double x);            // x > 0
double det_exp(double x);            // overflow to infinity, underflow to 0
double det_pow(double x, double y);  // x >= 0; 0^y is 0 for y > 0

}  // namespace servimetrics::whatif
