// Reading CSV text (RFC 4180), as published files and other systems write it.
//
// Fields that hold commas, quotes or line breaks are quoted ("Bristol, City
// of"; "Say ""hi"""), lines may end with CRLF and the header may start with a
// UTF-8 byte-order mark, so a plain split on commas and newlines would shift
// columns on some rows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tandem {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // every row has header.size() cells
  std::vector<std::size_t> row_lines;          // the line each row starts on (the header is line 1)

  // Index of a named column, or nullopt if the file has no such column.
  std::optional<std::size_t> column(std::string_view name) const;
};

// Parses a whole file. Blank lines are not rows. Fails (field "csv") on an
// unterminated quote or a row whose cell count differs from the header's,
// naming the line.
Result<CsvTable> parse_csv(std::string_view text);

// Splits one line of a file too big to hold (the ONS postcode directory) into
// `cells`, reusing their storage. Quoted cells may hold commas and doubled
// quotes; a trailing CR is dropped. False when a quoted cell is still open at
// the end of the line: the caller joins the next line and splits again.
bool split_csv_line(std::string_view line, std::vector<std::string>& cells);

}  // namespace tandem
