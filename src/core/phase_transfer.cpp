#include "core/phase_transfer.h"

#include <charconv>

namespace tandem {

using std::chrono::days;

std::vector<TransferPoint> default_transfer_points() {
  return {
      {0, TransferKind::school, "early years to school"},
      {7, TransferKind::school, "primary to secondary"},
      {12, TransferKind::post16, "secondary to post-16"},
  };
}

int school_year_of(Date d) {
  const std::chrono::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  return ymd.month() >= std::chrono::September ? y : y - 1;
}

int year_group(Date date_of_birth, int school_year) { return age_on(date_of_birth, make_date(school_year, 8, 31)) - 4; }

Result<int> parse_year_group(std::string_view field, std::string_view text) {
  if (text == "reception") return 0;
  constexpr std::string_view prefix = "year_";
  if (text.starts_with(prefix)) {
    const auto digits = text.substr(prefix.size());
    int n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc{} && end == digits.data() + digits.size() && !digits.empty() && digits[0] != '0' && n >= 1 &&
        n <= 13) {
      return n;
    }
  }
  return fail(std::string(field), "Enter reception or year_1 to year_13 (the year group the child moves into)");
}

std::string year_group_id(int year_group) {
  return year_group == 0 ? "reception" : "year_" + std::to_string(year_group);
}

std::string year_group_label(int year_group) {
  return year_group == 0 ? "Reception" : "Year " + std::to_string(year_group);
}

std::optional<PhaseTransfer> upcoming_phase_transfer(Date date_of_birth, Date today,
                                                     const std::vector<TransferPoint>& points) {
  const int next_year = school_year_of(today) + 1;
  const int group = year_group(date_of_birth, next_year);
  for (const auto& p : points) {
    if (p.into_year_group != group) continue;
    const Date on = make_date(next_year, 9, 1);
    if (!phase_transfer_applies(on, today)) return std::nullopt;
    return PhaseTransfer{p, on, phase_transfer_deadline(p.kind, next_year)};
  }
  return std::nullopt;
}

TransferStatus transfer_status(const PhaseTransfer& t, std::optional<Date> last_issued_on, Date today) {
  const Date window_opens = add_months(t.transfer_on, -12);
  if (last_issued_on && *last_issued_on >= window_opens) return TransferStatus::done;
  return today > t.deadline.date ? TransferStatus::overdue : TransferStatus::to_do;
}

}  // namespace tandem
