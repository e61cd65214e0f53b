#pragma once
// The text id and label of each value of a closed enumeration, in one table per
// enumeration, so that parsing, printing and "what is allowed" messages agree.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

template <class E>
struct Named {
  E value;
  std::string_view id;     // what forms, the API and the database carry
  std::string_view label;  // what a person reads
};

template <class E, std::size_t N>
constexpr std::string_view id_of(const std::array<Named<E>, N>& table, E v) {
  for (const auto& n : table) {
    if (n.value == v) return n.id;
  }
  return "unknown";
}

template <class E, std::size_t N>
constexpr std::string_view label_of(const std::array<Named<E>, N>& table, E v) {
  for (const auto& n : table) {
    if (n.value == v) return n.label;
  }
  return "Unknown";
}

template <class E, std::size_t N>
constexpr std::optional<E> parse_of(const std::array<Named<E>, N>& table, std::string_view id) {
  for (const auto& n : table) {
    if (n.id == id) return n.value;
  }
  return std::nullopt;
}

// The values in the table's order; keep the result in a constexpr variable to hand
// out spans of it.
template <class E, std::size_t N>
constexpr std::array<E, N> values_in(const std::array<Named<E>, N>& table) {
  std::array<E, N> values{};
  for (std::size_t i = 0; i < N; ++i) values[i] = table[i].value;
  return values;
}

// "a, b, c": the ids a field allows, for an error message.
template <class E, std::size_t N>
std::string ids_of(const std::array<Named<E>, N>& table) {
  std::string out;
  for (const auto& n : table) {
    if (!out.empty()) out += ", ";
    out += n.id;
  }
  return out;
}

}  // namespace tandem
