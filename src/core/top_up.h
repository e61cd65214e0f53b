// Termly high-needs top-up payments to settings (element 3): what each
// setting is due for a funding term, from the children placed there with a
// final plan, and what has been paid against it.
//
//   const FundingTerm t = funding_term_of(calendar, today);   // autumn 2025
//   auto due = top_ups_due(calendar, t, children);                     // a line per child per setting
//   auto rows = settle_top_ups(due, payments);                // due, paid, difference
//   if (rows[0].status == TopUpStatus::unpaid) chase(rows[0].setting_name);
//
// The terms come from a TermCalendar (core/funding_terms.h): the area's own
// school term dates where its profile gives them, the national pattern
// otherwise (autumn 1 September to 31 December, spring 1 January to 31 March,
// ending with the financial year, and summer 1 April to 31 August).
//
// A child's annual top-up is pro rata to the days placed in the term, out of
// the days of the three terms of the academic year holding it, so a child
// placed all year is paid the annual top-up exactly, over three terms.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/funding_terms.h"
#include "core/money.h"
#include "core/placement.h"
#include "core/result.h"

namespace tandem {

// Settings paid a top-up: every setting that takes a child in, but not
// education otherwise than at school, and not a young person out of
// education, employment or training, who have no setting to pay.
bool setting_receives_top_up(SettingType t);

// annual x days / days_in_year, to the nearest penny (half a penny up).
Pence pro_rata(Pence annual, std::int64_t days, std::int64_t days_in_year);

struct TopUpPlacement {
  std::string setting_name;
  SettingType setting_type = SettingType::mainstream;
  Date from{};
  std::optional<Date> to;  // empty while current
};

struct TopUpChild {
  std::string child_id;
  std::string child_name;
  Pence annual_top_up;            // the final plan's high-needs top-up a year
  std::optional<Date> plan_from;  // the day the plan was made; empty: not recorded, counted as before the term
  std::vector<TopUpPlacement> placements;
};

struct TopUpDue {
  std::string setting_name;
  std::string child_id;
  std::string child_name;
  Pence annual;
  int days = 0;  // days placed in the term with a final plan
  Pence due;
};

// A line for each child at each setting that receives top-ups, for the days
// in the term the child was placed there with the plan in force; children
// with no top-up or no such day are left out. By setting, then child.
std::vector<TopUpDue> top_ups_due(const TermCalendar& calendar, const FundingTerm& term,
                                  std::span<const TopUpChild> children);

struct TopUpPayment {
  std::string id;
  std::string area_id;
  std::string term_id;  // "2025-autumn"
  std::string setting_name;
  Pence amount;
  Date paid_on{};
  std::string reference;  // the remittance or payment run reference
  std::int64_t version = 1;
};

struct TopUpPaymentInput {
  std::string id;
  std::string area_id;
  std::string term;  // as typed
  std::string setting_name;
  std::optional<Pence> amount;
  std::optional<Date> paid_on;
  std::string reference;
};

// Checks every field together: a term of the calendar ("term", like 2025-autumn); a setting
// named; an amount above nothing; a paid date not in the future; a reference
// of at most 60 characters.
Result<TopUpPayment> make_top_up_payment(const TermCalendar& calendar, const TopUpPaymentInput& in, Date today);

enum class TopUpStatus { unpaid, part_paid, paid, overpaid };
std::string_view to_string(TopUpStatus s);
std::string_view top_up_status_label(TopUpStatus s);

struct SettingTopUps {
  std::string setting_name;
  std::vector<TopUpDue> children;
  std::vector<TopUpPayment> payments;
  Pence due;
  Pence paid;
  Pence outstanding;  // due - paid: negative when overpaid
  TopUpStatus status = TopUpStatus::unpaid;
};

// Each setting due a top-up or paid one, by name, with what is outstanding.
std::vector<SettingTopUps> settle_top_ups(std::span<const TopUpDue> due, std::span<const TopUpPayment> payments);

}  // namespace tandem
