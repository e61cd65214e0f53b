// Termly high-needs top-up payments to settings: for a chosen funding term,
// the top-up due to each setting (its children with a final plan, each
// child's annual top-up pro rata to the days placed there in the term), the
// payments made to it, and what is unpaid or differs (core/top_up.h).
// Finance officers and commissioners (Permission::record_payments) see the
// schedule and record payments; the children named are written to the access
// log, and every payment to the audit trail. Bad input names the field and
// writes nothing.
//
// The payment form's fields: term (like 2025-autumn), setting_name, amount
// (pounds), paid_on, reference; a correction has amount, paid_on, reference
// and version.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/top_up.h"
#include "store/database.h"

namespace tandem::app {

// A term's schedule: each setting's due against paid, with the totals.
// Worked out once and shared between requests while nothing it comes from
// changes (app/top_up_cache.h).
struct TopUpSchedule {
  std::vector<SettingTopUps> settings;
  Pence due;
  Pence paid;
  Pence outstanding;
  std::size_t children = 0;
  std::string child_ids;  // the children counted, space-separated, for the access log
};
std::shared_ptr<const TopUpSchedule> build_top_up_schedule(store::Tx& tx, const std::string& area_id,
                                                           const TermCalendar& calendar, const FundingTerm& term);

struct TopUpView {
  FundingTerm term;
  bool own_terms = false;          // the area's own term dates; false: the national pattern
  int year_days = 0;               // the days of the three terms of its academic year, over which top-ups are pro rata
  std::vector<FundingTerm> terms;  // offered to choose from: the last three, this one and the next
  std::shared_ptr<const TopUpSchedule> schedule;
};

// `term` as written (2025-autumn), or empty for the term holding today. The
// schedule comes from s.top_up_cache when there is one, else is worked out.
std::variant<TopUpView, Refused, Error> open_top_ups(RegisterServices& s, const SignedIn& user, const std::string& term,
                                                     const std::string& route);
// The schedule as CSV: a "setting" row for each setting (due, paid,
// outstanding, status, the payments' references) followed by a "child" row
// for each child counted there. Amounts in pounds with two decimals.
std::string top_ups_csv(const TopUpView& v);

std::variant<TopUpPayment, Refused, Error> record_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                                 const FormFields& f);

// One payment, to correct.
std::variant<TopUpPayment, Refused> open_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                        const std::string& id);
// Corrects a payment's amount, paid date and reference (the term and setting
// stay), from the version read: an old version is refused (field "version")
// and changes nothing. Audited with what it was and what it is now.
std::variant<TopUpPayment, Refused, Error> edit_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                               const std::string& id, const FormFields& f);

}  // namespace tandem::app
