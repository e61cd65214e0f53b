// Which children and young people with a plan move between phases of
// education in the next 12 months, and by when their plan must be reviewed and
// amended to name the next setting (SEND Regulations 2014 reg 18(1)).
//
// Year groups are numbered as English schools number them: reception is 0,
// Year 1 is 1, up to Year 13. A child is in reception in the school year that
// starts in the September after their fourth birthday (the year they turn 5;
// Education Act 1996 s8 and the admissions code: children start school in the
// September after they turn 4), so the year group is the age on 31 August
// before the school year, less 4.
//
// The points at which children change phase differ between areas (a
// three-tier area moves children at Year 5 and Year 9 as well): they come from
// the area profile, with default_transfer_points() where it is silent.
//
//   const auto t = upcoming_phase_transfer(make_date(2016, 3, 2), make_date(2026, 11, 24),
//                                          default_transfer_points());
//   t->point.into_year_group;  // 7: starts secondary school in September 2027
//   format_date(t->deadline.date);  // "2027-02-14" (before 15 February, reg 18(1)(b))
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ehc_clock.h"
#include "core/result.h"

namespace tandem {

// A change of phase the area's children make on entering a year group.
struct TransferPoint {
  int into_year_group = 0;  // 0 = reception ... 13 = Year 13
  TransferKind kind = TransferKind::school;
  std::string label;  // "primary to secondary"
  bool operator==(const TransferPoint&) const = default;
};

// Early years to reception, primary to secondary (Year 7), secondary to
// post-16 (Year 12): the transfers every two-tier area has.
std::vector<TransferPoint> default_transfer_points();

// The school year a day falls in, named by the calendar year of its
// September: 2026-11-24 and 2027-08-31 are both in school year 2026.
int school_year_of(Date d);

// The year group a child born on `date_of_birth` is in during the school year
// starting in September of `school_year` (may be below 0 before school age or
// above 13 after it).
int year_group(Date date_of_birth, int school_year);

// "reception", "year_1" ... "year_13" and back; `field` names the input in the
// error.
Result<int> parse_year_group(std::string_view field, std::string_view text);
std::string year_group_id(int year_group);     // "reception", "year_7"
std::string year_group_label(int year_group);  // "Reception", "Year 7"

struct PhaseTransfer {
  TransferPoint point;
  Date transfer_on{};  // 1 September of the school year the child moves in
  Deadline deadline;   // reg 18(1): last day the amended plan is in time
};

// The transfer the child makes at the start of the next school year, when it
// is one of `points` (reg 18(1) applies only within 12 months of a transfer,
// and the next 1 September is always within 12 months of `today`).
std::optional<PhaseTransfer> upcoming_phase_transfer(Date date_of_birth, Date today,
                                                     const std::vector<TransferPoint>& points);

// Where a transfer stands on `today`, given the last day the plan was issued
// or amended (if ever).
enum class TransferStatus {
  done,     // issued or amended since the 12-month window opened
  to_do,    // not yet, and still in time
  overdue,  // not done and the deadline has passed
};
TransferStatus transfer_status(const PhaseTransfer& t, std::optional<Date> last_issued_on, Date today);

}  // namespace tandem
