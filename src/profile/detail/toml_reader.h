// Internal: reads TOML tables strictly, for the profile and national-data
// files, so every error names the file, the line and the key.
//
// A TableReader wraps one table. Each getter says which key it wants, whether
// it must be there, and an example of a good line, which the error shows.
// Every key asked for becomes allowed; finish() reports any other key in the
// table as unknown, so a typo ("agnecy") is an error, not a silent default.
//
//   Problems problems("areas/halton.toml");
//   TableReader top(problems, root, "", 1);
//   auto la = top.text("la_code", "la_code = \"876\"", Need::required);
//   top.finish();
//
// toml++ stays inside src/profile; nothing outside includes this header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/result.h"

namespace tandem::profile_detail {

// Problems found in one file, each reported as "<file> line <n>: <what>".
// take() returns them in line order, so a reader can fix the file top down.
class Problems {
 public:
  explicit Problems(std::string_view file_name) : file_(file_name) {}
  void add(std::string field, std::uint32_t line, std::string what);
  bool empty() const { return found_.empty(); }
  std::vector<FieldError> take();

 private:
  struct Found {
    std::uint32_t line;
    FieldError error;
  };
  std::string file_;
  std::vector<Found> found_;
};

enum class Need { required, optional };

// A value read from the file, with where it came from for later errors.
template <class T>
struct Located {
  T value;
  std::string path;  // "partners[1].agency"
  std::uint32_t line = 0;
};

class TableReader {
 public:
  // `path` is how errors name this table ("" for the top level, "receipt",
  // "partners[1]"); `line` is where it starts, reported for missing keys.
  TableReader(Problems& problems, const toml::table& table, std::string path, std::uint32_t line);

  // Non-empty text in quotes.
  std::optional<Located<std::string>> text(std::string_view key, std::string_view example, Need need);
  std::optional<Located<bool>> boolean(std::string_view key, std::string_view example, Need need);
  // A number, whole or with a decimal point.
  std::optional<Located<double>> number(std::string_view key, std::string_view example, Need need);
  // A list of non-empty texts; each item keeps its own line. A missing
  // optional list reads as empty.
  std::optional<std::vector<Located<std::string>>> text_list(std::string_view key, std::string_view example, Need need);

  struct Sub {
    const toml::table* table;
    std::string path;
    std::uint32_t line;
  };
  // A [key] table.
  std::optional<Sub> table(std::string_view key, std::string_view example, Need need);
  // A [[key]] list of tables (or a list of inline tables).
  std::optional<std::vector<Sub>> tables(std::string_view key, std::string_view example, Need need);

  // Reports every key in the table that no getter asked for.
  void finish();

  std::uint32_t line() const { return line_; }
  const std::string& path() const { return path_; }

 private:
  const toml::node* find(std::string_view key, std::string_view example, Need need);
  std::string path_of(std::string_view key) const;
  void wrong_type(std::string_view key, const toml::node& found, std::string_view wanted, std::string_view example);

  Problems& problems_;
  const toml::table& table_;
  std::string path_;
  std::uint32_t line_;
  std::vector<std::string> allowed_;
};

// Reports a value that has the right type but is not allowed:
//   <file> line 12: partners[1].agency = "police" <what>
void reject(Problems& problems, const Located<std::string>& value, std::string_view what);

// "a, b, c" for the "allowed:" part of an error.
std::string join(const std::vector<std::string_view>& items);

// Parses TOML text; a syntax error becomes one problem with its line.
std::optional<toml::table> parse_toml(Problems& problems, std::string_view text, std::string_view file_name);

}  // namespace tandem::profile_detail
