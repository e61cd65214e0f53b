#include "profile/bank_holidays.h"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "profile/detail/files.h"

namespace tandem {

namespace {

constexpr std::string_view kShippedPath = "data/calendar/bank-holidays-england-and-wales.csv";
constexpr std::string_view kHeader = "date,name";

// Splits `text` into lines, dropping a trailing CR so files saved on Windows
// read the same.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

// The name column: plain text, or text in double quotes with "" for a quote.
std::optional<std::string> read_name(std::string_view field) {
  if (!field.starts_with('"')) {
    if (field.find('"') != std::string_view::npos) return std::nullopt;
    return std::string(field);
  }
  std::string out;
  for (std::size_t i = 1; i < field.size(); ++i) {
    if (field[i] != '"') {
      out += field[i];
      continue;
    }
    if (i + 1 == field.size()) return out;         // closing quote
    if (field[i + 1] != '"') return std::nullopt;  // text after the closing quote
    out += '"';
    ++i;
  }
  return std::nullopt;  // no closing quote
}

}  // namespace

Result<Calendar> load_bank_holidays(std::string_view csv, std::string_view file_name) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);  // byte-order mark from spreadsheet exports
  const auto lines = lines_of(csv);
  std::vector<FieldError> errors;
  // `field` is the column at fault, for callers that show errors by field.
  const auto at = [&](std::size_t index, std::string_view field, std::string what) {
    errors.push_back(
        {std::string(field), std::string(file_name) + " line " + std::to_string(index + 1) + ": " + std::move(what)});
  };

  if (lines.empty() || lines.front() != kHeader) {
    at(0, "header",
       "the first line must be the header \"date,name\"; found \"" +
           std::string(lines.empty() ? std::string_view() : lines.front()) + "\"");
    return fail(std::move(errors));
  }

  std::vector<BankHoliday> holidays;
  std::map<Date, std::size_t> first_seen;  // date -> line index, to report duplicates
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const auto comma = line.find(',');
    if (comma == std::string_view::npos) {
      at(i, "date",
         "expected a date and a name separated by a comma, like 2025-12-25,Christmas Day; found \"" +
             std::string(line) + "\"");
      continue;
    }
    const std::string_view date_text = line.substr(0, comma);
    auto date = parse_date("date", date_text);
    if (!date) {
      at(i, "date",
         "date \"" + std::string(date_text) + "\" is not a real date in the form YYYY-MM-DD, like 2025-12-25");
      continue;
    }
    auto name = read_name(line.substr(comma + 1));
    if (!name) {
      at(i, "name", "the name must be plain text, or text in double quotes (\"\" for a quote inside)");
      continue;
    }
    if (name->find_first_not_of(" \t") == std::string::npos) {
      at(i, "name", "the holiday on " + std::string(date_text) + " has no name");
      continue;
    }
    if (const auto [it, inserted] = first_seen.emplace(*date, i); !inserted) {
      at(i, "date", std::string(date_text) + " is already listed on line " + std::to_string(it->second + 1));
      continue;
    }
    holidays.push_back({*date, std::move(*name)});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return Calendar(std::move(holidays));
}

Result<Calendar> load_bank_holidays_file(const std::filesystem::path& path) {
  auto text = profile_detail::read_text_file(path);
  if (!text) return tl::unexpected(text.error());
  return load_bank_holidays(*text, path.string());
}

const Calendar& shipped_calendar() {
  static const Calendar calendar = [] {
    auto loaded = load_bank_holidays(profile_detail::embedded_text(kShippedPath), kShippedPath);
    if (!loaded) throw std::logic_error("shipped bank holidays do not load: " + loaded.error().first_message());
    return std::move(*loaded);
  }();
  return calendar;
}

}  // namespace tandem
