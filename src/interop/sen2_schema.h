// The SEN2 person-level return's element names, nesting and code lists for
// one collection year, read from data/sen2/YEAR.json (embedded in the
// binary). XML is case-sensitive and DfE renames items between years, so the
// code speaks only of stable keys ("plan_wbp") and each year's file says how
// that year spells them ("PlanWBP"): next year's changes are a data change.
//
//   const auto* s = sen2::schema_for(2026);   // nullptr when no such year
//   s->element("plan_wbp").name;              // "PlanWBP"
//   s->allows("cease_reason", "5");           // true
//
// Each element records how often it may occur (required: at least once; max,
// for a repeating element: at most that many, 0 for no limit), as DfE's
// schema for the year says. What the 2026 file could only check against
// DfE's 2024 schema is listed in the file ("unverified") and in docs/sen2.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::sen2 {

enum class ValueType { container, text, code, date, datetime, year, integer, la, urn, ukprn, serial, upn, uln };

struct ElementSpec {
  std::string key;   // "plan_wbp"
  std::string name;  // "PlanWBP"
  // Other spellings case systems and earlier guides use ("PlanWPB"): read as
  // this element on import, never written.
  std::vector<std::string> also_read;
  ValueType type = ValueType::container;
  std::string codes;  // code list key, for ValueType::code
  bool required = false;
  bool repeats = false;
  int max = 0;                        // most occurrences of a repeating element; 0: no limit
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
  // Codes Tandem records that the year's list lacks, and what the return
  // writes for them: list -> (recorded code -> returned code).
  std::map<std::string, std::map<std::string, std::string>> export_as;

  const ElementSpec& element(std::string_view key) const;  // throws std::out_of_range for a key not in the file
  const std::vector<Code>& code_list(std::string_view list) const;
  bool allows(std::string_view list, std::string_view value) const;
  std::optional<std::string> label(std::string_view list, std::string_view value) const;
  // "A, B, W or H"
  std::string allowed_text(std::string_view list) const;
  // The code the return writes for a code Tandem records ("WENG" -> "WBRI").
  std::string export_code(std::string_view list, const std::string& recorded) const;
  // Child spec of `parent` whose XML name, or one of whose other spellings, is
  // `name`; nullptr when none.
  const ElementSpec* child_named(const ElementSpec& parent, std::string_view name) const;
};

// The schema for a collection year, or nullptr when Tandem has no file for it.
const Schema* schema_for(int year);
std::vector<int> schema_years();

// The census (reference) date of a collection year: the third Thursday of
// January (19 January 2023, 18 January 2024, 16 January 2025, 15 January 2026).
std::string census_date(int year);

}  // namespace tandem::sen2
