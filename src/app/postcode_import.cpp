#include "app/postcode_import.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/crypto.h"
#include "core/csv.h"
#include "core/postcode_directory.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/people.h"
#include "store/postcodes.h"

namespace tandem::app {

namespace {

// Thrown inside the write to roll it back when the file is refused.
struct Refused {};

struct DistrictSum {
  std::int64_t latitude = 0, longitude = 0, count = 0;
};

std::int64_t rounded_mean(std::int64_t sum, std::int64_t count) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(sum) / static_cast<double>(count)));
}

std::string skipped_text(const PostcodeImportReport& r) {
  std::string out =
      std::to_string(r.terminated) + " terminated, " + std::to_string(r.no_grid) + " without a grid reference";
  if (r.outside > 0) out += ", " + std::to_string(r.outside) + " outside the districts kept";
  return out;
}

// Reads one record, joining lines while a quoted cell is open. False at the end.
bool next_record(std::istream& in, std::string& line, std::vector<std::string>& cells, std::int64_t& line_number) {
  if (!std::getline(in, line)) return false;
  ++line_number;
  while (!split_csv_line(line, cells)) {
    std::string more;
    if (!std::getline(in, more)) return true;  // the row then has too few cells, and says so
    ++line_number;
    line += '\n';
    line += more;
  }
  return true;
}

}  // namespace

Result<PostcodeImportReport> import_postcodes(store::Database& db, const Clock& clock, std::istream& in,
                                              const PostcodeImportOptions& options, const PostcodeProgress& progress) {
  std::string line;
  std::vector<std::string> cells;
  std::int64_t line_number = 0;
  if (!next_record(in, line, cells, line_number))
    return fail("file",
                "The file is empty: it must be the ONS Postcode Directory (ONSPD) or the National Statistics "
                "Postcode Lookup (NSPL) as CSV, starting with its header row");
  auto columns = find_onspd_columns(cells, !options.within.empty());
  if (!columns) return tl::unexpected(columns.error());

  PostcodeImportReport report;
  report.postcode_column = columns->postcode_name;
  std::vector<FieldError> problems;
  const std::int64_t now = clock.now_micros();
  std::string within_text;
  for (const auto& code : options.within) within_text += (within_text.empty() ? "" : ",") + code;
  try {
    db.write([&](store::Tx& tx) {
      store::delete_postcodes(tx);
      store::PostcodeWriter writer(tx);
      std::map<std::string, DistrictSum> districts;
      std::int64_t row_line = line_number + 1;
      while (next_record(in, line, cells, line_number)) {
        if (line.empty() || (line.size() == 1 && line[0] == '\r')) {
          row_line = line_number + 1;
          continue;
        }
        ++report.rows;
        if (progress && options.progress_every > 0 &&
            report.rows % static_cast<std::int64_t>(options.progress_every) == 0)
          progress(report.rows);
        auto row = read_onspd_row(cells, *columns);
        const std::int64_t at = row_line;
        row_line = line_number + 1;
        if (!row) {
          for (auto& f : row.error().fields)
            problems.push_back({f.field, "line " + std::to_string(at) + ": " + f.message});
          if (problems.size() >= kMaxPostcodeProblems) break;
          continue;
        }
        if (!options.within.empty() &&
            std::find(options.within.begin(), options.within.end(), row->local_authority) == options.within.end()) {
          ++report.outside;
          continue;
        }
        if (row->kind == OnspdRowKind::terminated) {
          ++report.terminated;
          continue;
        }
        if (row->kind == OnspdRowKind::no_grid) {
          ++report.no_grid;
          continue;
        }
        if (!problems.empty()) continue;  // refused already: only look for more problems
        writer.add(row->postcode, row->point);
        ++report.postcodes;
        auto& sum = districts[row->postcode.substr(0, row->postcode.find(' '))];
        sum.latitude += row->point.latitude_e6;
        sum.longitude += row->point.longitude_e6;
        ++sum.count;
      }
      if (in.bad()) throw store::StoreError("could not read the postcode file to its end");
      if (!problems.empty()) throw Refused{};
      if (report.postcodes == 0) {
        problems.push_back({options.within.empty() ? "file" : "within",
                            options.within.empty()
                                ? "The file has no live postcode with a grid reference (" + skipped_text(report) + ")"
                                : "No live postcode in the file is in " + within_text + " (" + skipped_text(report) +
                                      "): check the codes against the file's " + columns->local_authority_name +
                                      " column"});
        throw Refused{};
      }
      writer.finish();
      std::vector<store::DistrictCentre> centres;
      centres.reserve(districts.size());
      for (const auto& [district, sum] : districts)
        centres.push_back({district,
                           GeoPoint{rounded_mean(sum.latitude, sum.count), rounded_mean(sum.longitude, sum.count)},
                           sum.count});
      store::insert_district_centres(tx, centres);
      report.districts = static_cast<std::int64_t>(centres.size());
      const auto import_id =
          store::insert_postcode_import(tx, {0, now, options.source, within_text, report.rows, report.postcodes,
                                             report.terminated, report.no_grid, report.outside});

      // Venues saved before their postcode was known can now be measured from.
      std::map<std::string, std::int64_t> located;
      for (const auto& [area, count] : store::locate_venues_by_postcode(tx)) located[area] = count;
      const std::string detail =
          std::to_string(report.postcodes) + " postcodes in " + std::to_string(report.districts) +
          (report.districts == 1 ? " district" : " districts") + " from " + options.source +
          (within_text.empty() ? "" : " within " + within_text) + "; skipped " + skipped_text(report);
      for (const auto& area : store::list_areas(tx)) {
        store::insert_audit(tx, {new_id("a"), area.id, now, options.user_id, "postcodes.import", "postcodes",
                                 std::to_string(import_id), "", detail, ""});
        if (auto it = located.find(area.id); it != located.end()) {
          report.venues_located += it->second;
          store::bump_directory_version(tx, area.id);
          store::insert_audit(
              tx, {new_id("a"), area.id, now, options.user_id, "directory.location.locate", "area", area.id, "",
                   std::to_string(it->second) + " venues without coordinates given their postcode's", ""});
        }
      }
    });
  } catch (const Refused&) {
    return fail(std::move(problems));
  }
  return report;
}

}  // namespace tandem::app
