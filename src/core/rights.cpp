#include "core/rights.h"

namespace tandem {

namespace {

using namespace std::chrono;

Date last_friday_of_june(int year) { return sys_days{std::chrono::year{year} / June / Friday[last]}; }

// The 16th birthday; 29 February births turn 16 on 1 March in a common year.
Date sixteenth_birthday(Date dob) {
  const year_month_day ymd{dob};
  const year_month_day sixteen{ymd.year() + years{16}, ymd.month(), ymd.day()};
  return sixteen.ok() ? sys_days{sixteen} : sys_days{year_month_day{sixteen.year(), March, day{1}}};
}

}  // namespace

Date end_of_compulsory_school_age(Date date_of_birth) {
  const Date sixteen = sixteenth_birthday(date_of_birth);
  const int y = static_cast<int>(year_month_day{sixteen}.year());
  const Date first_september = sys_days{std::chrono::year{y} / September / 1};
  return sixteen < first_september ? last_friday_of_june(y) : last_friday_of_june(y + 1);
}

Date last_day_a_plan_may_run(Date date_of_birth) {
  const year_month_day ymd{date_of_birth};
  int y = static_cast<int>(ymd.year()) + 25;
  // The academic year runs 1 August to 31 July: a birthday from August on
  // falls in the academic year ending the next July.
  if (ymd.month() >= August) ++y;
  return sys_days{std::chrono::year{y} / July / 31};
}

std::string_view to_string(RightsHolder h) {
  switch (h) {
    case RightsHolder::parent: return "parent";
    case RightsHolder::young_person: return "young_person";
    case RightsHolder::representative: return "representative";
  }
  return "parent";
}

Rights rights_on(Date date_of_birth, Date on, const std::optional<CapacityRecord>& capacity) {
  const Date end = end_of_compulsory_school_age(date_of_birth);
  const Date passes = end + days{1};
  Rights r;
  r.passes_on = passes;
  if (on < passes) {
    r.holder = RightsHolder::parent;
    r.explanation = "The parent takes decisions until the end of compulsory school age (" + format_date_long(end) +
                    "); the rights then pass to the young person (Education Act 1996 s8; CFA s83).";
    return r;
  }
  if (capacity && capacity->lacks_capacity) {
    r.holder = RightsHolder::representative;
    r.explanation = "The young person was assessed on " + format_date_long(capacity->assessed_on) +
                    " as lacking capacity for these decisions; " +
                    (capacity->representative.empty() ? std::string("a representative") : capacity->representative) +
                    " acts for them (Mental Capacity Act 2005; CFA s80).";
    return r;
  }
  r.holder = RightsHolder::young_person;
  r.explanation = "Past compulsory school age since " + format_date_long(passes) +
                  ": the young person takes the decisions and receives the letters (CFA s83).";
  return r;
}

}  // namespace tandem
