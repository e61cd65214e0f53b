// Quarterly monitoring of commissioned services: each contract's key
// performance indicators, the provider's quarterly return against them, a red,
// amber or green rating for each and overall, and spend against the
// contract's value.
//
// Stockport's arrangements monitor commissioned services "on no less than a
// quarterly basis", through face-to-face meetings and "the analysis of spend
// and value for money"; waiting times (therapies, autism assessment) are
// indicators whose lower values are better.
//
//   auto kpi = make_kpi(in);                          // target and amber threshold checked
//   Rag r = rate(*kpi, actual);                       // green, amber, red or not reported
//   auto q = parse_quarter("quarter", "2025-26-Q2");  // April-based financial quarters
//   SpendCheck s = spend_against_value(c, spent, today);
//
// Measures are whole hundredths (9250 is 92.5), so they store and compare
// exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/contract.h"
#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace tandem {

enum class Direction { higher_is_better, lower_is_better };
std::string_view to_string(Direction d);
std::optional<Direction> parse_direction(std::string_view s);

struct Kpi {
  std::string id;
  std::string contract_id;
  std::string name;  // "Children seen within 18 weeks of referral"
  std::string unit;  // "%", "weeks", "children"
  Direction direction = Direction::higher_is_better;
  std::int64_t target = 0;  // hundredths: meeting it is green
  std::int64_t amber = 0;   // hundredths: meeting this but not the target is amber
};

struct KpiInput {
  std::string id;
  std::string contract_id;
  std::string name;
  std::string unit;
  std::optional<Direction> direction;
  std::optional<std::int64_t> target;
  std::optional<std::int64_t> amber;
};

// A name and unit; a direction; a target and an amber threshold no better
// than the target (at most the target when higher is better, at least it
// when lower is better).
Result<Kpi> make_kpi(const KpiInput& in);

// A measure as people type it: "92", "92.5", "18.25"; not negative, at most
// two decimal places. Returns hundredths.
Result<std::int64_t> parse_measure(std::string_view field, std::string_view text);
std::string format_measure(std::int64_t hundredths);  // 9250 -> "92.5", 1800 -> "18"

// Waiting times are indicators measured in weeks or days.
bool is_waiting_time(const Kpi& k);

enum class Rag { green, amber, red, not_reported };
std::string_view to_string(Rag r);
std::string_view rag_label(Rag r);

// Green when the actual meets the target, amber when it meets the amber
// threshold only, red otherwise; not reported when there is no actual.
Rag rate(const Kpi& k, std::optional<std::int64_t> actual);
// A return's overall rating: red if any indicator is red; amber if any is
// amber or not reported; green when every one is green. No indicators: not
// reported.
Rag overall(std::span<const Rag> ratings);

// A financial quarter: year 2025, number 1 is April to June 2025 (councils
// and the NHS keep April-to-March years).
struct Quarter {
  int year = 0;    // the year the financial year starts
  int number = 1;  // 1 to 4
  friend auto operator<=>(const Quarter&, const Quarter&) = default;
};
// "2025-26-Q1"; the field names the input in the error.
Result<Quarter> parse_quarter(std::string_view field, std::string_view text);
std::string format_quarter(Quarter q);  // "2025-26-Q1"
std::string quarter_label(Quarter q);   // "April to June 2025"
Date quarter_start(Quarter q);
Date quarter_end(Quarter q);  // the last day
Quarter quarter_of(Date d);
Quarter previous_quarter(Quarter q);
Date return_due(Quarter q);  // a month after the quarter ends: its end + 30 days

struct KpiActual {
  std::string kpi_id;
  std::optional<std::int64_t> actual;  // hundredths
  std::string note;                    // why there is no figure, or what lies behind it
};

struct QuarterlyReturn {
  std::string id;
  std::string area_id;
  std::string contract_id;
  Quarter quarter;
  std::vector<KpiActual> actuals;  // one per indicator, in the contract's order
  Pence spend;                     // invoiced for the quarter
  std::int64_t children_served = 0;
  std::string narrative;  // what went well, what did not, what the provider will change
  Date submitted_on{};
  std::string submitted_by;
};

// Checks a return before it is kept: the quarter has ended (on or before
// today) and overlaps the contract's term; every indicator has a figure or a
// note saying why not ("actual.<kpi id>"); children served is not negative.
// Spend is parsed by the caller (parse_pounds refuses negatives).
Result<QuarterlyReturn> check_return(const Contract& c, std::span<const Kpi> kpis, QuarterlyReturn r, Date today);

// Spend so far against what the contract's value implies by now, assuming
// even spending over the term: expected = value x days elapsed / days in the
// term, rounded down to the penny. Green within 10% of expected, amber within
// 25%, red beyond that or over the whole value.
struct SpendCheck {
  Pence spent;
  Pence expected;
  Pence value;
  Rag rating = Rag::green;
};
SpendCheck spend_against_value(const Contract& c, Pence spent, Date as_of);

}  // namespace tandem
