#include "core/date.h"

#include <array>
#include <charconv>

namespace tandem {

namespace {
bool read_digits(std::string_view s, int& out) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

Result<Date> parse_date(std::string_view field, std::string_view text) {
  const std::string example = " in the form YYYY-MM-DD, for example 2015-03-27";
  if (text.empty()) return fail(std::string(field), "Enter a date" + example);
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_digits(text.substr(0, 4), y) ||
      !read_digits(text.substr(5, 2), m) || !read_digits(text.substr(8, 2), d)) {
    return fail(std::string(field), "Enter the date" + example);
  }
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900) {
    return fail(std::string(field), "Enter a real date" + example);
  }
  return sys_days{ymd};
}

std::string format_date(Date d) {
  const std::chrono::year_month_day ymd{d};
  std::array<char, 16> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                              static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

std::string format_date_long(Date d) {
  static constexpr std::array<const char*, 12> names{"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};
  const std::chrono::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + names[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

Date make_date(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

Date add_years(Date d, int years) {
  auto ymd = std::chrono::year_month_day{d} + std::chrono::years{years};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / std::chrono::last;
  return std::chrono::sys_days{ymd};
}

int age_on(Date birth, Date on) {
  const std::chrono::year_month_day b{birth};
  const std::chrono::year_month_day o{on};
  int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
  if (std::pair{static_cast<unsigned>(o.month()), static_cast<unsigned>(o.day())} <
      std::pair{static_cast<unsigned>(b.month()), static_cast<unsigned>(b.day())}) {
    --age;
  }
  return age;
}

}  // namespace tandem
