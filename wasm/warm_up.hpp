// Warms V8's optimizing compiler up on the import path before a user's file arrives.
#pragma once

namespace servimetrics_wasm {

// Imports `rows` generated transactions and returns how many rows were used.
unsigned warm_up(unsigned rows);

}  // namespace servimetrics_wasm
