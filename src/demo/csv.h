// Reading the published DfE CSV files that the demo calibrates from.
//
// DfE's open-data files quote fields that contain commas ("Bristol, City of"),
// end lines with CRLF and start with a UTF-8 byte-order mark on the header:
// core/csv.h reads them. Cells the publisher marks as unavailable, not
// applicable or suppressed (x, z, c) read as "no number", never as zero.
#pragma once

#include <optional>
#include <string_view>

#include "core/csv.h"

namespace tandem::demo {

using tandem::CsvTable;
using tandem::parse_csv;

// A published count or percentage: nullopt for blank, "x" (unavailable),
// "z" (not applicable), "c" (suppressed) or anything else that is not a number.
std::optional<double> parse_number(std::string_view cell);

}  // namespace tandem::demo
