#include "core/postcode_directory.h"

#include <algorithm>
#include <cctype>

#include "core/directory_checks.h"

namespace tandem {

namespace {

bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

std::string quoted(std::string_view value) { return "\"" + std::string(value) + "\""; }

}  // namespace

std::optional<std::string> normalise_full_postcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ') continue;
    compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  const std::string_view s = compact;
  const auto outward = s.substr(0, s.size() - 3), inward = s.substr(s.size() - 3);
  if (!digit(inward[0]) || !letter(inward[1]) || !letter(inward[2])) return std::nullopt;
  if (!letter(outward[0])) return std::nullopt;
  if (!std::all_of(outward.begin(), outward.end(), [](char c) { return letter(c) || digit(c); })) return std::nullopt;
  return std::string(outward) + " " + std::string(inward);
}

Result<OnspdColumns> find_onspd_columns(const std::vector<std::string>& header, bool need_local_authority) {
  auto find = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string_view h = header[i];
      if (i == 0 && h.starts_with("\xEF\xBB\xBF")) h.remove_prefix(3);
      if (lower(trimmed(h)) == name) return i;
    }
    return std::nullopt;
  };
  OnspdColumns c;
  c.cells = header.size();
  std::vector<FieldError> errors;
  for (const char* name : {"pcds", "pcd", "pcd2"}) {
    if (auto i = find(name)) {
      c.postcode = *i;
      c.postcode_name = name;
      break;
    }
  }
  if (c.postcode_name.empty())
    errors.push_back({"pcds",
                      "The file has no postcode column: it needs pcds, pcd or pcd2, as the ONS Postcode "
                      "Directory (ONSPD) and the National Statistics Postcode Lookup (NSPL) name them"});
  auto need = [&](std::size_t& at, const char* name, const char* what) {
    if (auto i = find(name))
      at = *i;
    else
      errors.push_back({name, std::string("The file has no ") + name + " column (" + what +
                                  "); the ONS Postcode Directory (ONSPD) and the National Statistics Postcode Lookup "
                                  "(NSPL) both have it"});
  };
  need(c.terminated, "doterm", "the month a postcode was terminated, empty while it is live");
  need(c.latitude, "lat", "the latitude of the postcode's centre");
  need(c.longitude, "long", "the longitude of the postcode's centre");
  for (const char* name : {"oslaua", "laua"}) {
    if (auto i = find(name)) {
      c.local_authority = *i;
      c.local_authority_name = name;
      break;
    }
  }
  if (need_local_authority && !c.local_authority)
    errors.push_back({"oslaua",
                      "--within needs the local authority district of each postcode: the file has no "
                      "oslaua column (ONSPD) or laua column (NSPL)"});
  if (!errors.empty()) return fail(std::move(errors));
  return c;
}

Result<OnspdRow> read_onspd_row(const std::vector<std::string>& cells, const OnspdColumns& c) {
  if (cells.size() != c.cells)
    return fail("row",
                "the row has " + std::to_string(cells.size()) + " cells; the header has " + std::to_string(c.cells));
  OnspdRow row;
  const std::string& raw = cells[c.postcode];
  auto postcode = normalise_full_postcode(raw);
  if (!postcode)
    return fail(c.postcode_name, c.postcode_name + " " + quoted(raw) +
                                     " is not a postcode: it must be an outward code of 2 to 4 letters and digits "
                                     "starting with a letter, then a digit and two letters, like FY1 1AA");
  row.postcode = std::move(*postcode);
  if (c.local_authority) row.local_authority = trimmed(cells[*c.local_authority]);
  if (!trimmed(cells[c.terminated]).empty()) {
    row.kind = OnspdRowKind::terminated;
    return row;
  }
  const std::string lat = trimmed(cells[c.latitude]), lon = trimmed(cells[c.longitude]);
  if (lat == kNoGridLatitude || (lat.empty() && lon.empty())) {
    row.kind = OnspdRowKind::no_grid;
    return row;
  }
  std::vector<FieldError> errors;
  const auto la = parse_degrees_e6(lat, 90), lo = parse_degrees_e6(lon, 180);
  if (!la || *la < kUkSouth * 1000000LL || *la > kUkNorth * 1000000LL)
    errors.push_back({"lat", "lat " + quoted(lat) +
                                 " is not a latitude in the United Kingdom: it must be decimal "
                                 "degrees from " +
                                 std::to_string(kUkSouth) + " to " + std::to_string(kUkNorth) +
                                 ", like 53.817505, or " + std::string(kNoGridLatitude) +
                                 " for a postcode with no grid reference"});
  if (!lo || *lo < kUkWest * 1000000LL || *lo > kUkEast * 1000000LL)
    errors.push_back({"long", "long " + quoted(lon) +
                                  " is not a longitude in the United Kingdom: it must be "
                                  "decimal degrees from " +
                                  std::to_string(kUkWest) + " to " + std::to_string(kUkEast) + ", like -3.035675"});
  if (!errors.empty()) return fail(std::move(errors));
  row.point = GeoPoint{*la, *lo};
  return row;
}

bool is_local_authority_code(std::string_view text) {
  return text.size() == 9 && letter(text[0]) && std::all_of(text.begin() + 1, text.end(), digit);
}

Result<std::vector<std::string>> parse_local_authority_codes(std::string_view text) {
  std::vector<std::string> codes;
  std::vector<FieldError> errors;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string_view::npos ? text.size() : comma;
    std::string code = trimmed(text.substr(start, end - start));
    for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!is_local_authority_code(code)) {
      errors.push_back({"within", "--within " + quoted(code) +
                                      " is not a local authority district code: each must be a letter and eight "
                                      "digits, as the oslaua column has them, like E06000009 (Blackpool); separate "
                                      "several with commas"});
    } else if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(std::move(code));
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!errors.empty()) return fail(std::move(errors));
  return codes;
}

}  // namespace tandem
