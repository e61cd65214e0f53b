#include "core/top_up.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/named.h"

namespace tandem {

namespace {

constexpr std::array<Named<TopUpStatus>, 4> kStatuses{{
    {TopUpStatus::unpaid, "unpaid", "Not paid"},
    {TopUpStatus::part_paid, "part_paid", "Part paid"},
    {TopUpStatus::paid, "paid", "Paid"},
    {TopUpStatus::overpaid, "overpaid", "Paid more than due"},
}};

Date later(Date a, Date b) { return a < b ? b : a; }
Date earlier(Date a, Date b) { return a < b ? a : b; }

}  // namespace

bool setting_receives_top_up(SettingType t) { return t != SettingType::educated_elsewhere && t != SettingType::neet; }

Pence pro_rata(Pence annual, std::int64_t days, std::int64_t days_in_year) {
  if (days_in_year <= 0 || days <= 0) return Pence(0);
  // Council-sized sums (under £10m a year, 366 days) fit in int64.
  const std::int64_t scaled = annual.value * days;
  const std::int64_t whole = scaled / days_in_year, rest = scaled % days_in_year;
  return Pence(whole + (rest * 2 >= days_in_year ? 1 : 0));
}

std::vector<TopUpDue> top_ups_due(const TermCalendar& calendar, const FundingTerm& term,
                                  std::span<const TopUpChild> children) {
  std::vector<TopUpDue> out;
  const int year_days = academic_year_days(calendar, term);
  for (const auto& c : children) {
    if (c.annual_top_up.value <= 0) continue;
    const Date from = c.plan_from ? later(term.start, *c.plan_from) : term.start;
    // Days at each setting; a child who leaves and returns is one line.
    std::map<std::string, int> days;
    for (const auto& p : c.placements) {
      if (!setting_receives_top_up(p.setting_type)) continue;
      const Date a = later(from, p.from), b = p.to ? earlier(term.end, *p.to) : term.end;
      if (b < a) continue;
      days[p.setting_name] += static_cast<int>((b - a).count()) + 1;
    }
    for (const auto& [setting, n] : days) {
      out.push_back({setting, c.child_id, c.child_name, c.annual_top_up, n, pro_rata(c.annual_top_up, n, year_days)});
    }
  }
  std::sort(out.begin(), out.end(), [](const TopUpDue& a, const TopUpDue& b) {
    if (a.setting_name != b.setting_name) return a.setting_name < b.setting_name;
    if (a.child_name != b.child_name) return a.child_name < b.child_name;
    return a.child_id < b.child_id;
  });
  return out;
}

Result<TopUpPayment> make_top_up_payment(const TermCalendar& calendar, const TopUpPaymentInput& in, Date today) {
  std::vector<FieldError> errors;
  auto term = parse_funding_term(calendar, in.term);
  if (!term) errors.push_back(term.error().fields.front());
  if (in.setting_name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"setting_name", "Choose the setting the payment was made to"});
  } else if (in.setting_name.size() > 200) {
    errors.push_back({"setting_name", "The setting's name must be 200 characters or fewer"});
  }
  if (!in.amount || in.amount->value <= 0) {
    errors.push_back({"amount", "Enter the amount paid, more than £0, like £4,250.00"});
  }
  if (!in.paid_on) {
    errors.push_back({"paid_on", "Enter the date it was paid, like 2025-10-15"});
  } else if (*in.paid_on > today) {
    errors.push_back({"paid_on", "The paid date cannot be in the future"});
  }
  if (in.reference.empty()) {
    errors.push_back({"reference", "Enter the payment's reference, like BACS-2025-10-118"});
  } else if (in.reference.size() > 60) {
    errors.push_back({"reference", "The reference must be 60 characters or fewer"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return TopUpPayment{in.id, in.area_id, term->id(), in.setting_name, *in.amount, *in.paid_on, in.reference, 1};
}

std::string_view to_string(TopUpStatus s) { return id_of(kStatuses, s); }
std::string_view top_up_status_label(TopUpStatus s) { return label_of(kStatuses, s); }

std::vector<SettingTopUps> settle_top_ups(std::span<const TopUpDue> due, std::span<const TopUpPayment> payments) {
  std::map<std::string, SettingTopUps> by;
  for (const auto& d : due) {
    auto& s = by[d.setting_name];
    s.children.push_back(d);
    s.due += d.due;
  }
  for (const auto& p : payments) {
    auto& s = by[p.setting_name];
    s.payments.push_back(p);
    s.paid += p.amount;
  }
  std::vector<SettingTopUps> out;
  for (auto& [name, s] : by) {
    s.setting_name = name;
    s.outstanding = s.due - s.paid;
    if (s.paid.value == 0) {
      s.status = TopUpStatus::unpaid;
    } else if (s.paid < s.due) {
      s.status = TopUpStatus::part_paid;
    } else if (s.paid == s.due) {
      s.status = TopUpStatus::paid;
    } else {
      s.status = TopUpStatus::overpaid;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace tandem
