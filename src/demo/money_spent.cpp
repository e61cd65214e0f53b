#include "demo/money_spent.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace tandem::demo {

namespace {

using std::chrono::days;

// Each setting's due in the term, by name.
std::map<std::string, Pence> by_setting(const std::vector<TopUpDue>& due) {
  std::map<std::string, Pence> out;
  for (const auto& d : due) out[d.setting_name] += d.due;
  return out;
}

std::string padded(std::size_t n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 3 ? 3 - s.size() : 0, '0') + s;
}

// Whole pounds, as payment runs round a part payment.
Pence whole_pounds(Pence p) { return Pence(p.value / 100 * 100); }

}  // namespace

std::vector<TopUpPayment> generate_top_up_payments(const FundingTerm& last_term, const std::vector<TopUpDue>& last,
                                                   const FundingTerm& current_term,
                                                   const std::vector<TopUpDue>& current, Date today,
                                                   const std::string& area_id, const std::string& id_prefix) {
  std::vector<TopUpPayment> out;
  std::size_t n = 0;
  const auto pay = [&](const FundingTerm& t, const std::string& setting, Pence amount, Date on) {
    if (amount.value <= 0 || on > today) return;
    ++n;
    out.push_back({id_prefix + "tup-" + std::to_string(n), area_id, t.id(), setting, amount, on,
                   "BACS-" + t.id() + "-" + padded(n), 1});
  };
  // Last term: paid in the term's second month, with a few left to chase.
  std::size_t i = 0;
  for (const auto& [setting, due] : by_setting(last)) {
    const Date on = last_term.start + days{40};
    if (i % 11 == 5) {
      // not paid: the setting's bank details were awaited
    } else if (i % 7 == 3) {
      pay(last_term, setting, whole_pounds(Pence(due.value * 9 / 10)), on);  // a child's days in dispute
    } else if (i % 13 == 8) {
      pay(last_term, setting, due + Pence::from_pounds(150), on);  // a leaver paid for the whole term
    } else {
      pay(last_term, setting, due, on);
    }
    ++i;
  }
  // The current term is paid in advance, a payment run at a time: the first
  // run has reached about half the settings.
  i = 0;
  const Date run = std::min(today, current_term.start + days{21});
  for (const auto& [setting, due] : by_setting(current)) {
    if (i % 2 == 0) pay(current_term, setting, due, run);
    ++i;
  }
  return out;
}

std::vector<Recharge> generate_recharges(const std::vector<CrossBorderMove>& moves, Date today,
                                         const std::string& area_id, const std::string& id_prefix) {
  std::map<std::string, std::vector<RechargeInput>> by_council;
  for (const auto& m : moves) {
    if (auto p = propose_recharge(m, today)) by_council[m.other_council].push_back(std::move(*p));
  }
  // The two neighbours with the most children between them and this area.
  std::vector<std::string> councils;
  for (const auto& [name, lines] : by_council) councils.push_back(name);
  std::stable_sort(councils.begin(), councils.end(), [&](const std::string& a, const std::string& b) {
    return by_council[a].size() > by_council[b].size();
  });
  if (councils.size() > 2) councils.resize(2);
  std::vector<Recharge> out;
  std::size_t n = 0;
  for (const auto& council : councils) {
    for (auto in : by_council[council]) {
      ++n;
      in.id = id_prefix + "rc-" + std::to_string(n);
      in.area_id = area_id;
      const Date invoiced = *in.period_end + days{14};
      if (n % 3 != 0 && invoiced <= today) {
        in.invoice_reference = in.direction == RechargeDirection::owed_to_us
                                   ? "RC-" + padded(n)
                                   : std::string(council.substr(0, 3)) + "-REC-" + padded(n * 7);
        in.invoiced_on = invoiced;
        if (n % 3 == 1 && invoiced + days{30} <= today) in.paid_on = invoiced + days{30};
      }
      if (auto r = make_recharge(in, today)) out.push_back(std::move(*r));
    }
  }
  // Recorded by hand: children of the first neighbour placed at one of our
  // settings whom no move record covers, so not on our register. One invoice
  // is disputed (they say the child left at half term), one is for this term
  // and not invoiced yet, and one raised twice by mistake is cancelled.
  std::string setting;
  for (const auto& m : moves) {
    if (m.into_area && !m.setting_name.empty()) setting = m.setting_name;
  }
  if (councils.empty() || setting.empty()) return out;
  // Each is named with a date of birth, and with the other council's own
  // reference for the child where they gave one, so they can match it.
  struct Hand {
    const char* child;
    int born_days_ago;
    const char* their_reference;  // empty: not known
    int from_days_ago, to_days_ago;
    std::int64_t pounds;
    const char* status;
    bool invoiced;
  };
  const Hand hand[] = {
      {"Maya Okafor", 4'127, "EHC-20417", 200, 110, 3'150, "disputed", true},
      {"Theo Lindqvist", 5'603, "", 60, 1, 2'400, "not_invoiced", false},
      {"Maya Okafor", 4'127, "EHC-20417", 200, 110, 3'150, "cancelled", true},
  };
  for (const auto& h : hand) {
    ++n;
    RechargeInput in;
    in.id = id_prefix + "rc-" + std::to_string(n);
    in.area_id = area_id;
    in.direction = RechargeDirection::owed_to_us;
    in.other_council = councils.front();
    in.child_name = h.child;
    in.date_of_birth = today - days{h.born_days_ago};
    if (*h.their_reference) {
      std::string prefix = councils.front().substr(0, 3);  // Bolton Council: BOL-EHC-20417
      std::ranges::transform(prefix, prefix.begin(),
                             [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      in.other_council_reference = prefix + "-" + h.their_reference;
    }
    in.setting_name = setting;
    in.period_start = today - days{h.from_days_ago};
    in.period_end = today - days{h.to_days_ago};
    in.amount = Pence::from_pounds(h.pounds);
    if (h.invoiced) {
      in.invoice_reference = "RC-" + padded(n);
      in.invoiced_on = *in.period_end + days{14};
    }
    in.status = h.status;
    if (auto r = make_recharge(in, today)) out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace tandem::demo
