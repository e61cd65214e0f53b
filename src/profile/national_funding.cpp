#include "profile/national_funding.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "profile/detail/files.h"
#include "profile/detail/toml_reader.h"

namespace tandem {

namespace {

using profile_detail::Need;
using profile_detail::Problems;
using profile_detail::TableReader;

constexpr std::string_view kShippedPath = "data/national/funding.toml";

// "2024-25": the second year must follow the first.
std::optional<int> parse_financial_year(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int first = 0;
  for (char c : s.substr(0, 4)) {
    if (c < '0' || c > '9') return std::nullopt;
    first = first * 10 + (c - '0');
  }
  if (s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9') return std::nullopt;
  const int second = (s[5] - '0') * 10 + (s[6] - '0');
  if (second != (first + 1) % 100) return std::nullopt;
  return first;
}

void read_amount(Problems& problems, TableReader& t, std::string_view key, std::string_view example, Pence& out,
                 bool& ok) {
  const auto text = t.text(key, example, Need::required);
  if (!text) {
    ok = false;
    return;
  }
  const auto amount = parse_pounds(key, text->value);
  if (!amount) {
    reject(problems, *text, "is not an amount of money; write pounds like \"£6,000\" or \"6000.00\"");
    ok = false;
    return;
  }
  out = *amount;
}

}  // namespace

int financial_year_of(Date d) {
  const std::chrono::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  return ymd.month() >= std::chrono::April ? y : y - 1;
}

std::string format_financial_year(int financial_year) {
  const int next = (financial_year + 1) % 100;
  return std::to_string(financial_year) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

Result<HighNeedsRates> high_needs_rates_for(const NationalFunding& funding, int financial_year) {
  std::string known;
  for (const auto& y : funding.years) {
    if (y.financial_year == financial_year) return y;
    if (!known.empty()) known += ", ";
    known += format_financial_year(y.financial_year);
  }
  return fail("financial_year", "Tandem has no national high-needs funding rates for " +
                                    format_financial_year(financial_year) + " (it has " +
                                    (known.empty() ? std::string("none") : known) + "); add that year to " +
                                    std::string(kShippedPath) + " from DfE's high needs funding operational guide");
}

Result<HighNeedsRates> high_needs_rates_on(const NationalFunding& funding, Date d) {
  return high_needs_rates_for(funding, financial_year_of(d));
}

Result<NationalFunding> parse_national_funding(std::string_view toml_text, std::string_view file_name) {
  Problems problems(file_name);
  const auto root = profile_detail::parse_toml(problems, toml_text, file_name);
  if (!root) return fail(problems.take());

  NationalFunding funding;
  TableReader top(problems, *root, "", 1);
  const auto years = top.tables("year", "[[year]] with financial_year = \"2024-25\"", Need::required);
  top.finish();
  if (years) {
    for (const auto& sub : *years) {
      TableReader t(problems, *sub.table, sub.path, sub.line);
      HighNeedsRates rates;
      bool ok = true;
      if (auto fy = t.text("financial_year", "financial_year = \"2024-25\"", Need::required)) {
        if (auto first = parse_financial_year(fy->value)) {
          const bool repeated = std::any_of(funding.years.begin(), funding.years.end(),
                                            [&](const HighNeedsRates& r) { return r.financial_year == *first; });
          if (repeated) {
            reject(problems, *fy, "is given twice; give each financial year once");
            ok = false;
          }
          rates.financial_year = *first;
        } else {
          reject(problems, *fy, "is not a financial year; write it like \"2024-25\"");
          ok = false;
        }
      } else {
        ok = false;
      }
      if (auto source = t.text("source", "source = \"DfE, High needs funding: 2024 to 2025 operational guide\"",
                               Need::required)) {
        rates.source = source->value;
      } else {
        ok = false;
      }
      read_amount(problems, t, "notional_sen_threshold", "notional_sen_threshold = \"£6,000\"",
                  rates.notional_sen_threshold, ok);
      read_amount(problems, t, "special_school_place", "special_school_place = \"£10,000\"", rates.special_school_place,
                  ok);
      read_amount(problems, t, "mainstream_unit_place", "mainstream_unit_place = \"£6,000\"",
                  rates.mainstream_unit_place, ok);
      read_amount(problems, t, "fe_high_needs_place", "fe_high_needs_place = \"£6,000\"", rates.fe_high_needs_place,
                  ok);
      t.finish();
      if (ok) funding.years.push_back(std::move(rates));
    }
  }
  if (!problems.empty()) return fail(problems.take());
  std::sort(funding.years.begin(), funding.years.end(),
            [](const HighNeedsRates& a, const HighNeedsRates& b) { return a.financial_year < b.financial_year; });
  return funding;
}

const NationalFunding& shipped_national_funding() {
  static const NationalFunding funding = [] {
    auto parsed = parse_national_funding(profile_detail::embedded_text(kShippedPath), kShippedPath);
    if (!parsed) throw std::logic_error("shipped national funding does not load: " + parsed.error().first_message());
    return std::move(*parsed);
  }();
  return funding;
}

}  // namespace tandem
