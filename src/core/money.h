// Money as a whole number of pence, never floating point.
//
// `Pence` is a strong type over int64_t so an amount cannot be mixed up with a
// count of places or a number of days. It adds, subtracts and multiplies by a
// whole count; it does not divide, because every division of money in Tandem
// (a funding split, a share of a budget) must say how it rounds, and that is
// done by the split rules, not here.
//
//   const Pence place = Pence::from_pounds(10'000);
//   const Pence total = place * 12;                  // twelve commissioned places
//   format_pounds(total);                            // "£120,000.00"
//   auto cost = parse_pounds("cost", form["cost"]);  // Result<Pence>
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tandem {

struct Pence {
  std::int64_t value = 0;

  constexpr Pence() = default;
  constexpr explicit Pence(std::int64_t pence) : value(pence) {}
  static constexpr Pence from_pounds(std::int64_t pounds) { return Pence(pounds * 100); }

  friend constexpr auto operator<=>(Pence, Pence) = default;

  friend constexpr Pence operator+(Pence a, Pence b) { return Pence(a.value + b.value); }
  friend constexpr Pence operator-(Pence a, Pence b) { return Pence(a.value - b.value); }
  friend constexpr Pence operator-(Pence a) { return Pence(-a.value); }
  friend constexpr Pence operator*(Pence a, std::int64_t count) { return Pence(a.value * count); }
  friend constexpr Pence operator*(std::int64_t count, Pence a) { return Pence(a.value * count); }
  constexpr Pence& operator+=(Pence b) {
    value += b.value;
    return *this;
  }
  constexpr Pence& operator-=(Pence b) {
    value -= b.value;
    return *this;
  }
};

// "£6,000.00", "-£12.50", "£0.05": pounds with thousands separators and always
// two decimal places, as council finance reports print them.
inline std::string format_pounds(Pence amount) {
  // Work on the unsigned magnitude so the most negative value formats too.
  const bool negative = amount.value < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(amount.value) : static_cast<std::uint64_t>(amount.value);
  const std::uint64_t pounds = magnitude / 100;
  const std::uint64_t pence = magnitude % 100;

  std::string digits = std::to_string(pounds);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  std::string out = negative ? "-£" : "£";
  out += grouped;
  out += '.';
  out += static_cast<char>('0' + pence / 10);
  out += static_cast<char>('0' + pence % 10);
  return out;
}

// Reads an amount of money as people type it: "6000", "£6,000", "6,000.50",
// "£0.05". Commas must group thousands properly; at most two decimal places;
// no negative amounts (a refund or reduction is recorded as its own kind of
// entry, not as a minus sign). `field` names the input in the error.
inline Result<Pence> parse_pounds(std::string_view field, std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return fail(std::string(field), std::string(why) + ", like £6,000 or 6000.50");
  };
  std::string_view s = text;
  if (s.empty()) return bad("Enter an amount in pounds");
  if (s.starts_with("£")) s.remove_prefix(std::string_view("£").size());
  const auto point = s.find('.');
  std::string_view whole = s.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view() : s.substr(point + 1);
  if (whole.empty()) return bad("Enter the amount in pounds");
  if (point != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) {
    return bad("Enter one or two digits of pence after the point");
  }

  // Thousands separators are optional, but when present must sit every three
  // digits, so "6,00" (a slip for 600 or 6,000?) is refused, not guessed.
  const bool grouped = whole.find(',') != std::string_view::npos;
  std::int64_t pounds = 0;
  int digits_since_comma = 0;
  bool seen_comma = false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if (i == 0 || (seen_comma && digits_since_comma != 3) || (!seen_comma && digits_since_comma > 3)) {
        return bad("Put commas only between groups of three digits");
      }
      seen_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad("Enter the amount using digits only");
    if (pounds > 90'000'000'000'000'000 / 10) return bad("Enter a smaller amount");
    pounds = pounds * 10 + (c - '0');
    ++digits_since_comma;
  }
  if (grouped && digits_since_comma != 3) return bad("Put commas only between groups of three digits");

  std::int64_t pence = 0;
  for (char c : fraction) {
    if (c < '0' || c > '9') return bad("Enter the amount using digits only");
    pence = pence * 10 + (c - '0');
  }
  if (fraction.size() == 1) pence *= 10;  // "6000.5" is fifty pence
  return Pence(pounds * 100 + pence);
}

}  // namespace tandem
