#include "core/recharge.h"

#include <array>
#include <map>

#include "core/named.h"

namespace tandem {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

constexpr std::array<Named<RechargeDirection>, 2> kDirections{{
    {RechargeDirection::owed_to_us, "owed_to_us", "Owed to us: their child at one of our settings"},
    {RechargeDirection::owed_by_us, "owed_by_us", "Owed by us: our child at a setting in their area"},
}};

constexpr std::array<Named<RechargeStatus>, 5> kStatuses{{
    {RechargeStatus::not_invoiced, "not_invoiced", "Not invoiced"},
    {RechargeStatus::invoiced, "invoiced", "Invoiced"},
    {RechargeStatus::paid, "paid", "Paid"},
    {RechargeStatus::disputed, "disputed", "Disputed"},
    {RechargeStatus::cancelled, "cancelled", "Cancelled"},
}};

// The status a recharge's dates say, for a form that gives none.
RechargeStatus status_from_dates(const RechargeInput& in) {
  if (in.paid_on) return RechargeStatus::paid;
  if (!in.invoice_reference.empty()) return RechargeStatus::invoiced;
  return RechargeStatus::not_invoiced;
}

}  // namespace

std::string_view to_string(RechargeStatus s) { return id_of(kStatuses, s); }
std::string_view recharge_status_label(RechargeStatus s) { return label_of(kStatuses, s); }
std::optional<RechargeStatus> parse_recharge_status(std::string_view s) { return parse_of(kStatuses, s); }

std::string_view to_string(RechargeDirection d) { return id_of(kDirections, d); }
std::string_view recharge_direction_label(RechargeDirection d) { return label_of(kDirections, d); }
std::optional<RechargeDirection> parse_recharge_direction(std::string_view s) { return parse_of(kDirections, s); }

Result<Recharge> make_recharge(const RechargeInput& in, Date today) {
  std::vector<FieldError> errors;
  if (!in.direction) {
    errors.push_back({"direction",
                      "Choose owed_to_us (their child at one of our settings) or owed_by_us (our child "
                      "at a setting in their area)"});
  }
  if (blank(in.other_council)) {
    errors.push_back({"other_council", "Enter the other council, like Lancashire County Council"});
  } else if (in.other_council.size() > 100) {
    errors.push_back({"other_council", "The council's name must be 100 characters or fewer"});
  }
  if (blank(in.child_id) && blank(in.child_name)) {
    errors.push_back({"child_id",
                      "Enter the child's Tandem reference, or their name if they are not on our register "
                      "(another council's child placed here)"});
  } else if (!blank(in.child_id) && !blank(in.child_name)) {
    errors.push_back({"child_name", "Give the child's Tandem reference or their name, not both"});
  } else if (in.child_name.size() > 100) {
    errors.push_back({"child_name", "The child's name must be 100 characters or fewer"});
  }
  const bool by_name_only = blank(in.child_id) && !blank(in.child_name);
  if (!blank(in.child_id) && in.date_of_birth) {
    errors.push_back({"date_of_birth",
                      "A child on our register has their date of birth on their record: leave the date of birth "
                      "empty, or give their name instead of their Tandem reference"});
  } else if (by_name_only && !in.date_of_birth) {
    errors.push_back({"date_of_birth",
                      "Enter the child's date of birth, like 2014-03-09: the other council matches the invoice to "
                      "its child by name and date of birth"});
  } else if (in.date_of_birth && *in.date_of_birth > today) {
    errors.push_back({"date_of_birth", "The date of birth cannot be in the future"});
  } else if (in.date_of_birth && in.period_end && *in.date_of_birth > *in.period_end) {
    errors.push_back({"date_of_birth", "The child must be born by the last day the recharge covers"});
  } else if (in.date_of_birth && in.period_start && age_on(*in.date_of_birth, *in.period_start) >= 26) {
    errors.push_back({"date_of_birth",
                      "The child must be under 26 on the first day the recharge covers: a plan runs at most to the "
                      "end of the academic year in which they turn 25"});
  }
  if (in.other_council_reference.size() > 50) {
    errors.push_back(
        {"other_council_reference", "The other council's reference for the child must be 50 characters or fewer"});
  }
  if (blank(in.setting_name)) {
    errors.push_back({"setting_name", "Enter the setting the child is placed at"});
  } else if (in.setting_name.size() > 200) {
    errors.push_back({"setting_name", "The setting's name must be 200 characters or fewer"});
  }
  if (!in.period_start) errors.push_back({"period_start", "Enter the first day the recharge covers, like 2025-09-01"});
  if (!in.period_end) {
    errors.push_back({"period_end", "Enter the last day the recharge covers, like 2025-12-31"});
  } else if (in.period_start && *in.period_end < *in.period_start) {
    errors.push_back({"period_end", "The last day cannot be before the first day"});
  }
  if (!in.amount || in.amount->value <= 0) {
    errors.push_back({"amount", "Enter the amount recharged, more than £0, like £6,400.00"});
  }
  if (in.invoice_reference.size() > 60) {
    errors.push_back({"invoice_reference", "The invoice reference must be 60 characters or fewer"});
  } else if (!in.invoice_reference.empty() && !in.invoiced_on) {
    errors.push_back({"invoiced_on", "Enter the invoice's date with its reference, like 2026-01-10"});
  }
  if (in.invoiced_on && *in.invoiced_on > today) {
    errors.push_back({"invoiced_on", "The invoice date cannot be in the future"});
  }
  if (in.paid_on) {
    if (!in.invoiced_on) {
      errors.push_back({"paid_on", "A recharge is paid against an invoice: enter the invoice's date first"});
    } else if (*in.paid_on > today) {
      errors.push_back({"paid_on", "The paid date cannot be in the future"});
    } else if (*in.paid_on < *in.invoiced_on) {
      errors.push_back({"paid_on", "The paid date cannot be before the invoice date"});
    }
  }
  const auto status = in.status.empty() ? status_from_dates(in) : parse_recharge_status(in.status);
  if (!status) {
    errors.push_back({"status", "Choose not_invoiced, invoiced, paid, disputed or cancelled"});
  } else if (*status == RechargeStatus::paid && !in.paid_on) {
    errors.push_back({"paid_on", "Enter the date it was paid: a paid recharge has one, like 2026-02-14"});
  } else if (*status != RechargeStatus::paid && in.paid_on) {
    errors.push_back({"status", "A recharge with a date paid is paid: choose Paid, or clear the date paid"});
  } else if ((*status == RechargeStatus::invoiced || *status == RechargeStatus::disputed) &&
             in.invoice_reference.empty()) {
    errors.push_back(
        {"invoice_reference", "Enter the invoice's reference: a recharge invoiced or disputed has an invoice"});
  } else if (*status == RechargeStatus::not_invoiced && !in.invoice_reference.empty()) {
    errors.push_back({"status",
                      "A recharge with an invoice is invoiced: choose Invoiced or Disputed, or clear the "
                      "invoice"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  Recharge r;
  r.id = in.id;
  r.area_id = in.area_id;
  r.direction = *in.direction;
  r.other_council = in.other_council;
  if (blank(in.child_id)) {
    r.child_name = in.child_name;
    r.date_of_birth = in.date_of_birth;
  } else {
    r.child_id = in.child_id;
  }
  r.other_council_reference = in.other_council_reference;
  r.setting_name = in.setting_name;
  r.period_start = *in.period_start;
  r.period_end = *in.period_end;
  r.amount = *in.amount;
  r.invoice_reference = in.invoice_reference;
  r.invoiced_on = in.invoiced_on;
  r.paid_on = in.paid_on;
  r.status = *status;
  return r;
}

std::vector<CouncilRecharges> recharges_by_council(std::span<const Recharge> recharges) {
  std::map<std::string, CouncilRecharges> by;
  CouncilRecharges total;
  for (const auto& r : recharges) {
    if (r.status == RechargeStatus::cancelled) continue;
    for (CouncilRecharges* c : {&by[r.other_council], &total}) {
      if (r.direction == RechargeDirection::owed_to_us) {
        c->owed_to_us += r.amount;
        if (r.paid_on) c->received += r.amount;
      } else {
        c->owed_by_us += r.amount;
        if (r.paid_on) c->paid += r.amount;
      }
    }
  }
  std::vector<CouncilRecharges> out;
  for (auto& [name, c] : by) {
    c.other_council = name;
    out.push_back(c);
  }
  out.push_back(total);
  return out;
}

std::optional<RechargeInput> propose_recharge(const CrossBorderMove& m, Date today) {
  if (m.setting_name.empty() || m.annual_top_up.value <= 0) return std::nullopt;
  Date end = m.transferred_on ? *m.transferred_on - std::chrono::days(1) : today;
  if (end > today) end = today;
  if (end < m.moved_on) return std::nullopt;
  RechargeInput in;
  in.direction = m.into_area ? RechargeDirection::owed_to_us : RechargeDirection::owed_by_us;
  in.other_council = m.other_council;
  in.child_id = m.child_id;
  in.setting_name = m.setting_name;
  in.period_start = m.moved_on;
  in.period_end = end;
  in.amount = pro_rata(m.annual_top_up, (end - m.moved_on).count() + 1, 365);
  return in;
}

}  // namespace tandem
