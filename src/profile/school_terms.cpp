#include "profile/school_terms.h"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "profile/area_profiles.h"
#include "profile/detail/files.h"
#include "profile/detail/school_terms_reader.h"
#include "profile/detail/toml_reader.h"

namespace tandem {

namespace profile_detail {

namespace {

constexpr std::string_view kNames = "autumn, spring, summer";

std::optional<TermName> read_name(Problems& problems, TableReader& t) {
  const auto name = t.text("name", "name = \"autumn\"", Need::required);
  if (!name) return std::nullopt;
  const auto n = parse_term_name(name->value);
  if (!n) reject(problems, *name, "is not a term; allowed: " + std::string(kNames));
  return n;
}

std::optional<Located<Date>> read_date(Problems& problems, TableReader& t, std::string_view key,
                                       std::string_view example) {
  const auto text = t.text(key, example, Need::required);
  if (!text) return std::nullopt;
  const auto d = parse_date(key, text->value);
  if (!d) {
    reject(problems, *text, "is not a date; write it as year-month-day, like \"2025-09-03\"");
    return std::nullopt;
  }
  return Located<Date>{*d, text->path, text->line};
}

// "09-01"; 29 February is refused, as not every year has it.
std::optional<Located<std::chrono::month_day>> read_month_day(Problems& problems, TableReader& t, std::string_view key,
                                                              std::string_view example) {
  const auto text = t.text(key, example, Need::required);
  if (!text) return std::nullopt;
  const std::string& s = text->value;
  const bool shaped = s.size() == 5 && s[2] == '-' && std::isdigit(static_cast<unsigned char>(s[0])) &&
                      std::isdigit(static_cast<unsigned char>(s[1])) &&
                      std::isdigit(static_cast<unsigned char>(s[3])) && std::isdigit(static_cast<unsigned char>(s[4]));
  if (shaped) {
    const unsigned m = static_cast<unsigned>((s[0] - '0') * 10 + (s[1] - '0'));
    const unsigned d = static_cast<unsigned>((s[3] - '0') * 10 + (s[4] - '0'));
    const std::chrono::month_day md{std::chrono::month{m}, std::chrono::day{d}};
    if (md.ok() && !(m == 2 && d == 29)) return Located<std::chrono::month_day>{md, text->path, text->line};
  }
  reject(problems, *text, "is not a day of every year; write month-day, like \"09-01\" (not \"02-29\")");
  return std::nullopt;
}

std::string show(std::chrono::month_day md) {
  const auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(static_cast<unsigned>(md.month())) + "-" + two(static_cast<unsigned>(md.day()));
}

}  // namespace

void read_school_terms(Problems& problems, TableReader& top, std::vector<FundingTerm>& out) {
  const auto rows = top.tables("school_terms", "[[school_terms]] with name, start and end", Need::optional);
  if (!rows) return;
  struct Read {
    FundingTerm term;
    std::string path;
    std::uint32_t line;
  };
  std::vector<Read> read;
  bool all_read = true;
  for (const auto& sub : *rows) {
    TableReader t(problems, *sub.table, sub.path, sub.line);
    const auto name = read_name(problems, t);
    const auto start = read_date(problems, t, "start", "start = \"2025-09-03\"");
    const auto end = read_date(problems, t, "end", "end = \"2025-12-19\"");
    t.finish();
    all_read = all_read && name && start && end;
    if (!name || !start || !end) continue;
    if (end->value < start->value) {
      all_read = false;
      problems.add(end->path, end->line,
                   end->path + " = \"" + format_date(end->value) + "\" is before the term's start, " +
                       format_date(start->value) + "; a term ends on or after the day it starts");
      continue;
    }
    const FundingTerm term{*name, static_cast<int>(std::chrono::year_month_day{start->value}.year()), start->value,
                           end->value};
    if (!read.empty()) {
      const Read& above = read.back();
      if (start->value < above.term.start) {
        all_read = false;
        problems.add(start->path, start->line,
                     start->path + " = \"" + format_date(start->value) + "\" is out of order: it comes before " +
                         above.path + ", which starts " + format_date(above.term.start) + "; list the terms by date");
        continue;
      }
      if (start->value <= above.term.end) {
        all_read = false;
        problems.add(start->path, start->line,
                     start->path + " = \"" + format_date(start->value) + "\" overlaps " + above.path + " (" +
                         format_date(above.term.start) + " to " + format_date(above.term.end) +
                         "); terms may not share a day");
        continue;
      }
    }
    read.push_back({term, sub.path, sub.line});
  }
  // Each academic year listed must be whole, its terms in order; after a
  // term could not be read, that would only repeat its error.
  if (!all_read) return;
  std::map<int, std::vector<const Read*>> years;
  for (const auto& r : read) years[academic_year_of(r.term)].push_back(&r);
  for (const auto& [starts, terms] : years) {
    const TermName order[] = {TermName::autumn, TermName::spring, TermName::summer};
    bool whole = terms.size() == 3;
    for (std::size_t i = 0; whole && i < 3; ++i) whole = terms[i]->term.name == order[i];
    if (whole) {
      for (const auto* r : terms) out.push_back(r->term);
      continue;
    }
    std::string listed;
    for (const auto* r : terms) listed += (listed.empty() ? "" : ", ") + std::string(to_string(r->term.name));
    problems.add(terms.front()->path + ".name", terms.front()->line,
                 "the academic year " + format_academic_year(starts) + " lists " + listed +
                     "; give each year's three terms in order: autumn (starting in " + std::to_string(starts) +
                     "), spring and summer (starting in " + std::to_string(starts + 1) + ")");
  }
}

}  // namespace profile_detail

namespace {

using profile_detail::Need;
using profile_detail::Problems;
using profile_detail::TableReader;

constexpr std::string_view kShippedPath = "data/calendar/funding_terms.toml";

}  // namespace

Result<std::array<YearlyTerm, 3>> parse_yearly_terms(std::string_view toml_text, std::string_view file_name) {
  Problems problems(file_name);
  const auto root = profile_detail::parse_toml(problems, toml_text, file_name);
  if (!root) return fail(problems.take());
  TableReader top(problems, *root, "", 1);
  const auto rows = top.tables("term", "[[term]] with name, start and end", Need::required);
  top.finish();
  std::array<YearlyTerm, 3> out;
  if (rows) {
    const TermName order[] = {TermName::autumn, TermName::spring, TermName::summer};
    if (rows->size() != 3) {
      problems.add(
          "term", rows->empty() ? 1 : rows->front().line,
          "term lists " + std::to_string(rows->size()) + " terms; give three, in order: autumn, spring, summer");
    }
    std::optional<profile_detail::Located<std::chrono::month_day>> last_end;
    std::string last_path;
    for (std::size_t i = 0; i < rows->size() && i < 3; ++i) {
      const auto& sub = (*rows)[i];
      TableReader t(problems, *sub.table, sub.path, sub.line);
      const auto name = profile_detail::read_name(problems, t);
      const auto start = profile_detail::read_month_day(problems, t, "start", "start = \"09-01\"");
      const auto end = profile_detail::read_month_day(problems, t, "end", "end = \"12-31\"");
      t.finish();
      if (name && *name != order[i]) {
        problems.add(sub.path + ".name", sub.line,
                     sub.path + ".name = \"" + std::string(to_string(*name)) + "\" is out of order; list autumn, " +
                         "spring, summer, so this one is " + std::string(to_string(order[i])));
      }
      if (!start || !end) continue;
      if (end->value < start->value) {
        problems.add(end->path, end->line,
                     end->path + " = \"" + profile_detail::show(end->value) + "\" is before the term's start, " +
                         profile_detail::show(start->value) +
                         "; a term ends on or after the day it starts, within one year");
      } else if (i == 2 && last_end && start->value <= last_end->value) {
        problems.add(start->path, start->line,
                     start->path + " = \"" + profile_detail::show(start->value) + "\" overlaps " + last_path +
                         ", which ends " + profile_detail::show(last_end->value) + "; terms may not share a day");
      }
      out[i] = {order[i], start->value, end->value};
      last_end = end;
      last_path = sub.path;
    }
    // Summer must end before the next autumn starts.
    if (problems.empty() && rows->size() == 3 && !(out[2].end < out[0].start)) {
      const auto& sub = (*rows)[2];
      problems.add(sub.path + ".end", sub.line,
                   sub.path + ".end = \"" + profile_detail::show(out[2].end) + "\" overlaps the next autumn, " +
                       "which starts " + profile_detail::show(out[0].start) + "; terms may not share a day");
    }
  }
  if (!problems.empty()) return fail(problems.take());
  return out;
}

const std::array<YearlyTerm, 3>& national_yearly_terms() {
  static const std::array<YearlyTerm, 3> terms = [] {
    auto parsed = parse_yearly_terms(profile_detail::embedded_text(kShippedPath), kShippedPath);
    if (!parsed) throw std::logic_error("shipped funding terms do not load: " + parsed.error().first_message());
    return *parsed;
  }();
  return terms;
}

TermCalendar term_calendar(const AreaProfile& area) { return {national_yearly_terms(), area.school_terms}; }

TermCalendar term_calendar_for_area(std::string_view area_id) {
  if (const auto area = shipped_area_profile(area_id)) return term_calendar(*area);
  return {national_yearly_terms(), {}};
}

}  // namespace tandem
