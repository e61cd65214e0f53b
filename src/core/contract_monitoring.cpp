#include "core/contract_monitoring.h"

#include <algorithm>
#include <array>

namespace tandem {

namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool meets(Direction d, std::int64_t actual, std::int64_t threshold) {
  return d == Direction::higher_is_better ? actual >= threshold : actual <= threshold;
}

}  // namespace

std::string_view to_string(Direction d) {
  return d == Direction::higher_is_better ? "higher_is_better" : "lower_is_better";
}
std::optional<Direction> parse_direction(std::string_view s) {
  if (s == "higher_is_better") return Direction::higher_is_better;
  if (s == "lower_is_better") return Direction::lower_is_better;
  return std::nullopt;
}

Result<std::int64_t> parse_measure(std::string_view field, std::string_view text) {
  const auto bad = [&] {
    return fail(std::string(field), "Enter a number of at least 0 with at most two decimal places, like 92 or 18.5");
  };
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return bad();
  std::int64_t whole = 0, hundredths = 0;
  int decimals = -1;
  bool digits = false;
  for (const char c : text) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (decimals < 0) {
        if (whole > 1'000'000'000'000) return bad();
        whole = whole * 10 + (c - '0');
      } else {
        if (++decimals > 2) return bad();
        hundredths += (c - '0') * (decimals == 1 ? 10 : 1);
      }
    } else {
      return bad();
    }
  }
  if (!digits || decimals == 0) return bad();
  return whole * 100 + hundredths;
}

std::string format_measure(std::int64_t h) {
  std::string out = std::to_string(h / 100);
  const std::int64_t frac = h % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

Result<Kpi> make_kpi(const KpiInput& in) {
  std::vector<FieldError> errors;
  if (blank(in.name)) errors.push_back({"name", "Enter what is measured, like Children seen within 18 weeks"});
  if (blank(in.unit)) errors.push_back({"unit", "Enter the unit, like %, weeks or children"});
  if (!in.direction) errors.push_back({"direction", "Choose whether higher or lower is better"});
  if (!in.target) errors.push_back({"target", "Enter the target, like 92 or 18"});
  if (!in.amber) errors.push_back({"amber", "Enter the amber threshold, like 85"});
  if (in.direction && in.target && in.amber) {
    if (*in.direction == Direction::higher_is_better && *in.amber > *in.target) {
      errors.push_back({"amber", "When higher is better the amber threshold must be at most the target, " +
                                     format_measure(*in.target)});
    }
    if (*in.direction == Direction::lower_is_better && *in.amber < *in.target) {
      errors.push_back({"amber", "When lower is better the amber threshold must be at least the target, " +
                                     format_measure(*in.target)});
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return Kpi{in.id, in.contract_id, in.name, in.unit, *in.direction, *in.target, *in.amber};
}

bool is_waiting_time(const Kpi& k) { return k.unit == "weeks" || k.unit == "days"; }

std::string_view to_string(Rag r) {
  switch (r) {
    case Rag::green: return "green";
    case Rag::amber: return "amber";
    case Rag::red: return "red";
    case Rag::not_reported: return "not_reported";
  }
  return "not_reported";
}
std::string_view rag_label(Rag r) {
  switch (r) {
    case Rag::green: return "Green";
    case Rag::amber: return "Amber";
    case Rag::red: return "Red";
    case Rag::not_reported: return "Not reported";
  }
  return "Not reported";
}

Rag rate(const Kpi& k, std::optional<std::int64_t> actual) {
  if (!actual) return Rag::not_reported;
  if (meets(k.direction, *actual, k.target)) return Rag::green;
  if (meets(k.direction, *actual, k.amber)) return Rag::amber;
  return Rag::red;
}

Rag overall(std::span<const Rag> ratings) {
  if (ratings.empty()) return Rag::not_reported;
  if (std::find(ratings.begin(), ratings.end(), Rag::red) != ratings.end()) return Rag::red;
  if (std::any_of(ratings.begin(), ratings.end(), [](Rag r) { return r != Rag::green; })) return Rag::amber;
  return Rag::green;
}

Result<Quarter> parse_quarter(std::string_view field, std::string_view text) {
  const auto bad = [&] {
    return fail(std::string(field), "Enter the financial quarter as year, next year and quarter, like 2025-26-Q1");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || (text[8] != 'Q' && text[8] != 'q')) return bad();
  int y = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return bad();
    y = y * 10 + (text[i] - '0');
  }
  if (text[5] < '0' || text[5] > '9' || text[6] < '0' || text[6] > '9') return bad();
  const int next = (text[5] - '0') * 10 + (text[6] - '0');
  if (next != (y + 1) % 100) return bad();
  if (text[9] < '1' || text[9] > '4') return bad();
  if (y < 2000 || y > 2100) return bad();
  return Quarter{y, text[9] - '0'};
}

std::string format_quarter(Quarter q) {
  const int next = (q.year + 1) % 100;
  return std::to_string(q.year) + "-" + (next < 10 ? "0" : "") + std::to_string(next) + "-Q" + std::to_string(q.number);
}

Date quarter_start(Quarter q) {
  if (q.number == 4) return make_date(q.year + 1, 1, 1);
  return make_date(q.year, static_cast<unsigned>(4 + 3 * (q.number - 1)), 1);
}

Date quarter_end(Quarter q) {
  const Quarter next = q.number == 4 ? Quarter{q.year + 1, 1} : Quarter{q.year, q.number + 1};
  return quarter_start(next) - days{1};
}

std::string quarter_label(Quarter q) {
  static constexpr std::array<std::string_view, 4> kNames{"April to June", "July to September", "October to December",
                                                          "January to March"};
  const int y = q.number == 4 ? q.year + 1 : q.year;
  return std::string(kNames[static_cast<std::size_t>(q.number - 1)]) + " " + std::to_string(y);
}

Quarter quarter_of(Date d) {
  const year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  if (m <= 3) return {y - 1, 4};
  return {y, static_cast<int>((m - 4) / 3 + 1)};
}

Quarter previous_quarter(Quarter q) { return q.number == 1 ? Quarter{q.year - 1, 4} : Quarter{q.year, q.number - 1}; }

Date return_due(Quarter q) { return quarter_end(q) + days{30}; }

Result<QuarterlyReturn> check_return(const Contract& c, std::span<const Kpi> kpis, QuarterlyReturn r, Date today) {
  std::vector<FieldError> errors;
  if (quarter_end(r.quarter) > today) {
    errors.push_back(
        {"quarter", "Send the return once the quarter has ended, on or after " + format_date(quarter_end(r.quarter))});
  }
  if (quarter_end(r.quarter) < c.start_on || quarter_start(r.quarter) > c.end_on) {
    errors.push_back({"quarter", "The quarter must fall within the contract, " + format_date(c.start_on) + " to " +
                                     format_date(c.end_on)});
  }
  std::vector<KpiActual> ordered;
  for (const auto& k : kpis) {
    auto it = std::find_if(r.actuals.begin(), r.actuals.end(), [&](const KpiActual& a) { return a.kpi_id == k.id; });
    KpiActual a = it == r.actuals.end() ? KpiActual{k.id, std::nullopt, ""} : *it;
    if (!a.actual && blank(a.note)) {
      errors.push_back({"actual." + k.id, "Enter the figure for " + k.name + ", or say why there is none"});
    }
    ordered.push_back(std::move(a));
  }
  if (r.children_served < 0) errors.push_back({"children_served", "Enter the number of children, 0 or more"});
  if (r.spend.value < 0) errors.push_back({"spend", "Enter the spend, £0 or more"});
  if (!errors.empty()) return fail(std::move(errors));
  r.actuals = std::move(ordered);
  r.contract_id = c.id;
  return r;
}

SpendCheck spend_against_value(const Contract& c, Pence spent, Date as_of) {
  SpendCheck out{spent, Pence(0), c.value, Rag::green};
  const std::int64_t term = (c.end_on - c.start_on).count() + 1;
  std::int64_t elapsed = (std::min(as_of, c.end_on) - c.start_on).count() + 1;
  elapsed = std::clamp<std::int64_t>(elapsed, 0, term);
  // value x elapsed / term without overflow for any council-sized value:
  // split the value into whole terms and a remainder.
  const std::int64_t whole = c.value.value / term, rest = c.value.value % term;
  out.expected = Pence(whole * elapsed + rest * elapsed / term);
  if (spent > c.value) {
    out.rating = Rag::red;
    return out;
  }
  const std::int64_t gap =
      spent.value > out.expected.value ? spent.value - out.expected.value : out.expected.value - spent.value;
  // Compare gap / expected with 10% and 25% in whole numbers.
  if (gap * 10 <= out.expected.value) {
    out.rating = Rag::green;
  } else if (gap * 4 <= out.expected.value) {
    out.rating = Rag::amber;
  } else {
    out.rating = Rag::red;
  }
  return out;
}

}  // namespace tandem
