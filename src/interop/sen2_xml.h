// The SEN2 return as XML: a small tree of elements named by schema key, a
// writer that puts every element in the year's canonical order, and a
// streaming reader (libexpat) that hands over one Person at a time, so a file
// of any size is never held in memory whole.
//
//   sen2::Writer w(out, schema);
//   w.begin(header);  for (...) w.person(p);  w.end();
//
//   auto r = sen2::read(in, on_header, on_person, on_progress);
//   for (const auto& p : r.problems) std::cerr << p.path << ": " << p.message;
//
// Reading checks what the file alone can tell: that it is XML, the root and
// collection, every element name against the year's names (case-sensitive),
// required elements, dates (YYYY-MM-DD, real days), codes against the year's
// lists, numbers and identifiers. Each problem names its XML path
// ("/Message/Persons/Person[3]/Requests[1]/ReceivedDate"), the element and what
// is allowed.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interop/sen2_schema.h"

namespace tandem::sen2 {

struct Node {
  std::string key;   // schema key, e.g. "received_date"
  std::string text;  // a leaf's value; empty for containers and absent values
  std::vector<Node> children;

  const Node* child(std::string_view k) const;
  std::vector<const Node*> all(std::string_view k) const;
  // The text of the first child `k`, or "" when there is none.
  std::string value(std::string_view k) const;
  // Appends a child; leaves with empty text are left out of the file.
  Node& add(std::string k, std::string t = {});
  bool operator==(const Node&) const = default;
};

class Writer {
 public:
  Writer(std::ostream& out, const Schema& schema);
  void begin(const Node& header);  // writes the XML declaration, <Message>, the header and <Persons>
  void person(const Node& person);
  void end();

 private:
  void write(const Node& n, int depth);
  std::ostream& out_;
  const Schema& schema_;
};

// A node as compact JSON and back (how a person read from a file is kept).
std::string to_json(const Node& n);
Node node_from_json(std::string_view json);  // throws std::runtime_error on text to_json did not write

// A whole person as the writer would put it (for tests and hashing).
std::string to_xml(const Node& n, const Schema& schema, int depth = 0);

struct Problem {
  std::string path;     // "/Message/Persons/Person[3]/Requests[1]/ReceivedDate"
  std::string element;  // "ReceivedDate"
  std::string message;  // what is wrong and what is allowed
};

struct ReadResult {
  const Schema* schema = nullptr;  // the year the header named
  std::size_t persons = 0;
  std::vector<Problem> problems;  // empty when the file is well formed and every value allowed
  bool truncated = false;         // more problems than were kept
  // Elements read under another spelling than the year's, and how many times:
  // "PlanWPB" -> {"PlanWBP", 1234}.
  std::map<std::string, std::pair<std::string, std::size_t>> spelled_otherwise;
};

using HeaderFn = std::function<void(const Node& header)>;
// Called once per Person, with its path and whether it had problems.
using PersonFn = std::function<void(const Node& person, const std::string& path, bool ok)>;
using ProgressFn = std::function<void(std::size_t bytes_read)>;

// Reads a SEN2 return from `in`. The header's Year chooses the schema; the
// header is read with the newest year's names.
ReadResult read(std::istream& in, const HeaderFn& on_header, const PersonFn& on_person,
                const ProgressFn& on_progress = {}, std::size_t max_problems = 1000);

}  // namespace tandem::sen2
