// Whether the advice an EHC needs assessment asks for comes back in time, by
// the provider asked: so the partnership sees which provider is late, not only
// which case. Advice asked of a body must come within 6 weeks of its receipt of
// the request (SEND Regulations 2014 reg 8(1)), unless an exception lifts the
// limit (reg 8(2)). Advice reused with everyone's agreement (reg 6(4)) was never
// asked for, so it is not counted.
#pragma once

#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/date.h"

namespace tandem {

struct ProviderAdvice {
  std::string provider;
  Agency agency = Agency::council_education;
  int returned_on_time = 0;  // back within 6 weeks
  int returned_late = 0;     // back after 6 weeks, no exception
  int excused = 0;           // an exception lifted the limit (reg 8(2)): back or not
  int in_time = 0;           // not back yet, still within 6 weeks
  int overdue = 0;           // not back, past 6 weeks, no exception
  int longest_overdue_days = 0;
  int median_days_to_return = -1;  // of advice back in the period; -1 when none
  // Of the advice due in the period (back, or past its last day), the share
  // that came back in time: -1 when none is due yet.
  int percent_on_time() const;
  int asked() const { return returned_on_time + returned_late + excused + in_time + overdue; }
};

struct OverdueAdvice {
  std::string assessment_id;
  std::string child_id;
  std::string advice_id;
  AdviceKind kind = AdviceKind::educational;
  std::string provider;
  Agency agency = Agency::council_education;
  Date requested_on{};
  Date last_day{};
  int days_late = 0;
};

struct AdviceTimeliness {
  Date from{};
  Date to{};
  // Worst first: most overdue now, then the lowest share on time, then by name.
  std::vector<ProviderAdvice> providers;
  ProviderAdvice all;  // every provider together (provider empty)
  // Every request still outstanding past its last day, the longest overdue first.
  std::vector<OverdueAdvice> overdue;
};

// Advice asked for on a day from `from` to `to` (inclusive), as it stands on
// `to`, plus every request still outstanding on `to` whenever it was asked.
AdviceTimeliness advice_timeliness(const std::vector<Assessment>& assessments, Date from, Date to);

}  // namespace tandem
