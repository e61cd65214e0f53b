#include "core/csv.h"

namespace tandem {

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

Result<CsvTable> parse_csv(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());

  CsvTable table;
  std::vector<std::string> row;
  std::string cell;
  bool in_quotes = false;
  bool row_has_content = false;  // a blank line (or the final newline) is not a row
  std::size_t line = 1;
  std::size_t row_line = 1;

  auto end_row = [&]() -> Result<void> {
    row.push_back(std::move(cell));
    cell.clear();
    if (table.header.empty()) {
      table.header = std::move(row);
    } else if (row.size() != table.header.size()) {
      return fail("csv", "Line " + std::to_string(row_line) + " has " + std::to_string(row.size()) +
                             " cells; the header has " + std::to_string(table.header.size()));
    } else {
      table.rows.push_back(std::move(row));
      table.row_lines.push_back(row_line);
    }
    row.clear();
    row_has_content = false;
    return {};
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        // A quote opens a quoted cell only at the cell's start; inside a bare
        // cell (5'11") it is text.
        if (cell.empty())
          in_quotes = true;
        else
          cell.push_back(c);
        row_has_content = true;
        break;
      case ',':
        row.push_back(std::move(cell));
        cell.clear();
        row_has_content = true;
        break;
      case '\r':
        // CRLF ends a line, and so does a CR alone outside quotes (old Mac
        // files); a file converted twice ends its lines CR CR LF: one end.
        if (text.substr(i + 1).starts_with("\n") || text.substr(i + 1).starts_with("\r\n")) break;
        [[fallthrough]];
      case '\n':
        if (row_has_content) {
          if (auto r = end_row(); !r) return tl::unexpected(r.error());
        }
        ++line;
        row_line = line;
        break;
      default:
        cell.push_back(c);
        row_has_content = true;
        break;
    }
  }
  if (in_quotes) {
    return fail("csv", "Line " + std::to_string(row_line) + " opens a quoted cell that never closes");
  }
  if (row_has_content) {
    if (auto r = end_row(); !r) return tl::unexpected(r.error());
  }
  return table;
}

bool split_csv_line(std::string_view line, std::vector<std::string>& cells) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  std::size_t n = 0;
  auto next = [&]() -> std::string& {
    if (n == cells.size()) cells.emplace_back();
    std::string& cell = cells[n++];
    cell.clear();
    return cell;
  };
  std::size_t i = 0;
  while (true) {
    std::string& cell = next();
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          cells.resize(n);
          return false;
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.push_back(line[i++]);
      }
      // Text after the closing quote, up to the comma, belongs to the cell.
    }
    const auto comma = line.find(',', i);
    const auto end = comma == std::string_view::npos ? line.size() : comma;
    cell.append(line.substr(i, end - i));
    if (comma == std::string_view::npos) break;
    i = comma + 1;
  }
  cells.resize(n);
  return true;
}

}  // namespace tandem
