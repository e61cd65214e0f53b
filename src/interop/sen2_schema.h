// The SEN2 person-level return's element names, nesting and code lists for
// one collection year, read from data/sen2/YEAR.json (embedded in the
// binary). XML is case-sensitive and DfE renames items between years, so the
// code speaks only of stable keys ("plan_wpb") and each year's file says how
// that year spells them ("PlanWPB"): next year's changes are a data change.
//
//   const auto* s = sen2::schema_for(2026);   // nullptr when no such year
//   s->element("plan_wpb").name;              // "PlanWPB"
//   s->allows("cease_reason", "5");           // true
//
// What the 2026 file could not verify against DfE's XSD is listed in the file
// ("unverified") and in docs/sen2.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::sen2 {

enum class ValueType { container, text, code, date, datetime, year, integer, la, urn, ukprn };

struct ElementSpec {
  std::string key;   // "plan_wpb"
  std::string name;  // "PlanWPB"
  ValueType type = ValueType::container;
  std::string codes;  // code list key, for ValueType::code
  bool required = false;
  bool repeats = false;
  std::vector<std::string> children;  // keys, in the return's order
};

struct Code {
  std::string code;
  std::string label;
};

struct Schema {
  int year = 0;
  std::string version;
  std::string verified;
  std::vector<std::string> unverified;
  std::string collection;  // "SEN2"
  std::string root;        // key of the root element
  std::map<std::string, ElementSpec> elements;
  std::map<std::string, std::vector<Code>> codes;

  const ElementSpec& element(std::string_view key) const;  // throws std::out_of_range for a key not in the file
  const std::vector<Code>& code_list(std::string_view list) const;
  bool allows(std::string_view list, std::string_view value) const;
  std::optional<std::string> label(std::string_view list, std::string_view value) const;
  // "A, B, W or H"
  std::string allowed_text(std::string_view list) const;
  // Child spec of `parent` whose XML name is `name`, or nullptr.
  const ElementSpec* child_named(const ElementSpec& parent, std::string_view name) const;
};

// The schema for a collection year, or nullptr when Tandem has no file for it.
const Schema* schema_for(int year);
std::vector<int> schema_years();

// The census (reference) date of a collection year: the third Thursday of
// January (19 January 2023, 18 January 2024, 16 January 2025, 15 January 2026).
std::string census_date(int year);

}  // namespace tandem::sen2
