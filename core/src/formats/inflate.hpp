// Raw DEFLATE (RFC 1951) decoding, for the compressed entries of .xlsx (ZIP) files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "servimetrics/result.hpp"

namespace servimetrics {

// Decodes a raw DEFLATE stream (no zlib or gzip header). `expected_size` is the size the container
// announces (0 when unknown) and only sizes the output buffer up front. Output larger than
// `max_size` is refused, so a small archive cannot expand into gigabytes. Corrupt or truncated
// input returns an error; bytes after the final block are ignored.
Result<std::string> inflate_raw(std::string_view compressed, std::size_t expected_size,
                                std::size_t max_size);

}  // namespace servimetrics
