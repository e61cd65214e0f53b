// The terms top-ups are paid for, as data: each area's own school term dates
// where its profile gives them, and a national yearly pattern otherwise.
//
//   const TermCalendar cal = ...;                      // profile/school_terms.h
//   const FundingTerm t = funding_term_of(cal, today);  // autumn 2025
//   next_term(cal, t);                                  // spring 2026
//   academic_year_days(cal, t);                         // the days of its three terms
//
// An academic year has three terms, autumn, spring and summer, in that order.
// Autumn starts in the calendar year the academic year starts; spring and
// summer start in the next. A term is named by the year it starts in
// ("2025-autumn", "2026-spring"). The national pattern covers every day (so
// each day falls in exactly one term); an area's own terms may leave the
// holidays out, and a day in a holiday belongs to no term.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

enum class TermName { autumn, spring, summer };
std::string_view to_string(TermName t);  // "autumn"
std::optional<TermName> parse_term_name(std::string_view s);

struct FundingTerm {
  TermName name = TermName::autumn;
  int year = 0;               // the calendar year the term starts in
  Date start{};               // first day
  Date end{};                 // last day
  std::string id() const;     // "2025-autumn"
  std::string label() const;  // "Autumn 2025"
  int days() const;           // days in the term, both ends counted
  bool operator==(const FundingTerm&) const = default;
};

// The first calendar year of the academic year holding the term: 2025 for
// autumn 2025, spring 2026 and summer 2026.
int academic_year_of(const FundingTerm& t);
std::string format_academic_year(int starts);  // "2025-26"

// A term's first and last day, the same every year.
struct YearlyTerm {
  TermName name = TermName::autumn;
  std::chrono::month_day start{};
  std::chrono::month_day end{};
};

struct TermCalendar {
  std::array<YearlyTerm, 3> yearly;  // autumn, spring, summer: the national pattern
  // The area's own terms, in date order, each academic year given whole
  // (autumn, spring and summer); other years follow the pattern.
  std::vector<FundingTerm> dated;
};

// Autumn, spring and summer of the academic year starting in `starts`.
std::array<FundingTerm, 3> academic_year_terms(const TermCalendar& cal, int starts);

// The term holding `d`; in a holiday, the term that ended last.
FundingTerm funding_term_of(const TermCalendar& cal, Date d);
FundingTerm previous_term(const TermCalendar& cal, const FundingTerm& t);
FundingTerm next_term(const TermCalendar& cal, const FundingTerm& t);
// "2025-autumn", "2026-spring", "2026-summer"; field "term" names what is allowed.
Result<FundingTerm> parse_funding_term(const TermCalendar& cal, std::string_view text);
// The days of the three terms of the academic year holding `t`: 365 or 366
// under the national pattern, fewer when an area leaves its holidays out.
int academic_year_days(const TermCalendar& cal, const FundingTerm& t);

}  // namespace tandem
