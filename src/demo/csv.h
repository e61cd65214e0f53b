// Reading the published DfE CSV files (RFC 4180) that the demo calibrates from.
//
// DfE's open-data files quote fields that contain commas ("Bristol, City of"),
// end lines with CRLF and start with a UTF-8 byte-order mark on the header, so
// a plain split on commas and newlines would shift columns on some rows. Cells
// the publisher marks as unavailable, not applicable or suppressed (x, z, c)
// read as "no number", never as zero.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tandem::demo {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // every row has header.size() cells

  // Index of a named column, or nullopt if the file has no such column.
  std::optional<std::size_t> column(std::string_view name) const;
};

// Parses a whole file. Fails (field "csv") on an unterminated quote or a row
// whose cell count differs from the header's, naming the line.
Result<CsvTable> parse_csv(std::string_view text);

// A published count or percentage: nullopt for blank, "x" (unavailable),
// "z" (not applicable), "c" (suppressed) or anything else that is not a number.
std::optional<double> parse_number(std::string_view cell);

}  // namespace tandem::demo
