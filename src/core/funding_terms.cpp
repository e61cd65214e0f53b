#include "core/funding_terms.h"

#include <algorithm>

#include "core/named.h"

namespace tandem {

namespace {

constexpr std::array<Named<TermName>, 3> kTerms{{
    {TermName::autumn, "autumn", "Autumn"},
    {TermName::spring, "spring", "Spring"},
    {TermName::summer, "summer", "Summer"},
}};

Date on(int year, std::chrono::month_day md) {
  return make_date(year, static_cast<unsigned>(md.month()), static_cast<unsigned>(md.day()));
}

FundingTerm from_pattern(const YearlyTerm& y, int academic_year) {
  const int year = y.name == TermName::autumn ? academic_year : academic_year + 1;
  return {y.name, year, on(year, y.start), on(year, y.end)};
}

// The terms of the academic years either side of `starts` too, in date order:
// enough to find any neighbour of a term in `starts`.
std::vector<FundingTerm> around(const TermCalendar& cal, int starts) {
  std::vector<FundingTerm> out;
  for (int y = starts - 1; y <= starts + 1; ++y) {
    for (const auto& t : academic_year_terms(cal, y)) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const FundingTerm& a, const FundingTerm& b) { return a.start < b.start; });
  return out;
}

}  // namespace

std::string_view to_string(TermName t) { return id_of(kTerms, t); }
std::optional<TermName> parse_term_name(std::string_view s) { return parse_of(kTerms, s); }

std::string FundingTerm::id() const { return std::to_string(year) + "-" + std::string(to_string(name)); }

std::string FundingTerm::label() const { return std::string(label_of(kTerms, name)) + " " + std::to_string(year); }

int FundingTerm::days() const { return static_cast<int>((end - start).count()) + 1; }

int academic_year_of(const FundingTerm& t) { return t.name == TermName::autumn ? t.year : t.year - 1; }

std::string format_academic_year(int starts) {
  const int next = (starts + 1) % 100;
  return std::to_string(starts) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::array<FundingTerm, 3> academic_year_terms(const TermCalendar& cal, int starts) {
  std::array<FundingTerm, 3> out;
  std::size_t found = 0;
  for (const auto& t : cal.dated) {
    if (academic_year_of(t) == starts && found < 3) out[found++] = t;
  }
  if (found == 3) return out;
  for (std::size_t i = 0; i < 3; ++i) out[i] = from_pattern(cal.yearly[i], starts);
  return out;
}

FundingTerm funding_term_of(const TermCalendar& cal, Date d) {
  const int year = static_cast<int>(std::chrono::year_month_day{d}.year());
  const auto terms = around(cal, year);
  FundingTerm best = terms.front();
  for (const auto& t : terms) {
    if (t.start <= d) best = t;
  }
  return best;
}

FundingTerm previous_term(const TermCalendar& cal, const FundingTerm& t) {
  const auto terms = around(cal, academic_year_of(t));
  for (std::size_t i = 1; i < terms.size(); ++i) {
    if (terms[i] == t) return terms[i - 1];
  }
  return funding_term_of(cal, t.start - std::chrono::days(1));
}

FundingTerm next_term(const TermCalendar& cal, const FundingTerm& t) {
  const auto terms = around(cal, academic_year_of(t));
  for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
    if (terms[i] == t) return terms[i + 1];
  }
  return funding_term_of(cal, t.end + std::chrono::days(1));
}

Result<FundingTerm> parse_funding_term(const TermCalendar& cal, std::string_view text) {
  const auto bad = [] { return fail("term", "Choose a term, written like 2025-autumn, 2026-spring or 2026-summer"); };
  const auto dash = text.find('-');
  if (dash != 4) return bad();
  int year = 0;
  for (const char c : text.substr(0, 4)) {
    if (c < '0' || c > '9') return bad();
    year = year * 10 + (c - '0');
  }
  if (year < 2000 || year > 2100) return bad();
  const auto name = parse_term_name(text.substr(5));
  if (!name) return bad();
  const int starts = *name == TermName::autumn ? year : year - 1;
  for (const auto& t : academic_year_terms(cal, starts)) {
    if (t.name == *name) return t;
  }
  return bad();
}

int academic_year_days(const TermCalendar& cal, const FundingTerm& t) {
  int days = 0;
  for (const auto& x : academic_year_terms(cal, academic_year_of(t))) days += x.days();
  return days;
}

}  // namespace tandem
