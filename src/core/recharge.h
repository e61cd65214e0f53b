// Recharges between councils for children placed across a border
// (inter-authority recoupment): a child this council is responsible for,
// placed at a setting in another council's area, is paid for by this council
// to that council; another council's child at one of this area's settings is
// charged to that council. Each recharge covers a period, with the invoice
// raised (or received) and the day it was paid.
//
//   auto r = make_recharge(in, today);                  // every wrong field named
//   auto by = recharges_by_council(recharges);          // owed each way, by council
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "core/top_up.h"

namespace tandem {

enum class RechargeDirection {
  owed_to_us,  // another council's child at one of our settings: we invoice them
  owed_by_us,  // our child at a setting in their area: they invoice us
};
std::string_view to_string(RechargeDirection d);  // "owed_to_us", "owed_by_us"
std::string_view recharge_direction_label(RechargeDirection d);
std::optional<RechargeDirection> parse_recharge_direction(std::string_view s);

// Where a recharge has got to. Paid has a paid date; invoiced and disputed
// have an invoice; not invoiced has none; cancelled counts in no total.
enum class RechargeStatus { not_invoiced, invoiced, paid, disputed, cancelled };
std::string_view to_string(RechargeStatus s);  // "not_invoiced"
std::string_view recharge_status_label(RechargeStatus s);
std::optional<RechargeStatus> parse_recharge_status(std::string_view s);

struct Recharge {
  std::string id;
  std::string area_id;
  RechargeDirection direction = RechargeDirection::owed_to_us;
  std::string other_council;
  std::string child_id;    // one of the area's children; empty for a child not on its register
  std::string child_name;  // a child not on the area's register (another council's child placed here)
  // Kept for a child recorded by name only, so the other council can match
  // the invoice to its child: the register holds a registered child's own.
  std::optional<Date> date_of_birth;
  std::string other_council_reference;  // their reference for the child; empty when not known
  std::string setting_name;
  Date period_start{};
  Date period_end{};
  Pence amount;
  std::string invoice_reference;    // raised by us, or received from them; empty until then
  std::optional<Date> invoiced_on;  // the invoice's date
  std::optional<Date> paid_on;
  RechargeStatus status = RechargeStatus::not_invoiced;
  std::int64_t version = 1;
};

struct RechargeInput {
  std::string id;
  std::string area_id;
  std::optional<RechargeDirection> direction;
  std::string other_council;
  std::string child_id;
  std::string child_name;
  std::string setting_name;
  std::optional<Date> period_start;
  std::optional<Date> period_end;
  std::optional<Pence> amount;
  std::string invoice_reference;
  std::optional<Date> invoiced_on;
  std::optional<Date> paid_on;
  std::string status;  // as typed; empty: worked out from the invoice and paid dates
  std::optional<Date> date_of_birth;
  std::string other_council_reference;
};

// Checks every field together: which way it is owed ("direction"); the other
// council; the child, by Tandem reference (child_id) or, for a child not on
// the area's register, by name (child_name), not both; for a child by name,
// their date of birth (not in the future nor after the period, and under 26 on the period's first
// day: a plan runs at most to the end of the academic year in which they turn
// 25, Children and Families Act 2014 s46), which a registered child's record
// already holds so it is not given for them; the other council's reference
// for the child, optional, of at most 50 characters; the setting; a period
// whose end is not before its start;
// an amount above nothing; an invoice reference of at most 60 characters,
// given with its date; an invoice date and a paid date not in the future, the
// paid date only once invoiced and not before the invoice; and a status that
// agrees with them ("status"): paid with a paid date and only then, invoiced
// or disputed with an invoice, not invoiced without one.
Result<Recharge> make_recharge(const RechargeInput& in, Date today);

struct CouncilRecharges {
  std::string other_council;
  Pence owed_to_us;  // everything charged to them
  Pence received;    // of which paid
  Pence owed_by_us;  // everything they charge us
  Pence paid;        // of which paid
  Pence outstanding_to_us() const { return owed_to_us - received; }
  Pence outstanding_by_us() const { return owed_by_us - paid; }
  Pence net() const { return owed_to_us - owed_by_us; }  // positive: they owe us more than we owe them
};

// One row per other council, by name, with the area's totals last (named "");
// cancelled recharges are left out.
std::vector<CouncilRecharges> recharges_by_council(std::span<const Recharge> recharges);

// A child's move between councils as Tandem records it (app/area_moves),
// with the setting the child was at and the final plan's top-up a year.
struct CrossBorderMove {
  std::string child_id;
  bool into_area = true;
  std::string other_council;
  Date moved_on{};
  std::optional<Date> transferred_on;
  std::string setting_name;  // empty: no placement recorded
  Pence annual_top_up;
};

// Until the plan is transferred (SEND Regulations 2014 reg 15) the council
// that maintained it stays responsible: a child who moved in is, until then,
// the other council's child at a setting here (owed to us); a child who moved
// out is ours at a setting in their area (owed by us). The proposal covers
// the move to the day before the transfer (or to today), for the plan's
// annual top-up pro rata over a 365-day year. None when there is no setting,
// no top-up, or no day to charge.
std::optional<RechargeInput> propose_recharge(const CrossBorderMove& m, Date today);

}  // namespace tandem
