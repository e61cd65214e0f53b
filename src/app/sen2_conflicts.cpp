#include "app/sen2_conflicts.h"

#include <algorithm>
#include <map>
#include <regex>

#include "app/crypto.h"
#include "app/ethnicity.h"
#include "app/sen2_return.h"
#include "app/upn_unknown.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/children.h"

namespace tandem::app {

namespace {

const sen2::Schema& newest_schema() { return *sen2::schema_for(sen2::schema_years().back()); }

// The child's field a person-level item of the return is kept in.
std::string* child_field(ChildForm& f, const std::string& path) {
  const auto& s = newest_schema();
  const std::map<std::string, std::string ChildForm::*> fields{
      {s.element("surname").name, &ChildForm::family_name},
      {s.element("forename").name, &ChildForm::given_name},
      {s.element("person_birth_date").name, &ChildForm::date_of_birth},
      {s.element("sex").name, &ChildForm::sex},
      {s.element("ethnicity").name, &ChildForm::ethnicity},
      {s.element("post_code").name, &ChildForm::postcode},
      {s.element("upn").name, &ChildForm::upn},
      {s.element("upn_unknown").name, &ChildForm::upn_unknown}};
  const auto it = fields.find(path);
  return it == fields.end() ? nullptr : &(f.*(it->second));
}

// "Requests[2]/ReceivedDate" -> (2, "ReceivedDate")
struct RequestItem {
  std::size_t index = 0;
  std::string item;
};
std::optional<RequestItem> request_item(const std::string& path) {
  const auto& s = newest_schema();
  static const std::regex re(R"(^([A-Za-z]+)\[(\d+)\]/([A-Za-z]+)$)");
  std::smatch m;
  if (!std::regex_match(path, m, re) || m[1] != s.element("requests").name) return std::nullopt;
  const std::string item = m[3];
  if (item != s.element("received_date").name && item != s.element("request_outcome_date").name) return std::nullopt;
  return RequestItem{static_cast<std::size_t>(std::stoul(m[2])), item};
}

// "Requests[1]/ActivePlans/PlacementDetail[2]/URN" -> (2, "URN")
std::optional<RequestItem> placement_item(const std::string& path) {
  const auto& s = newest_schema();
  static const std::regex re(R"(^[A-Za-z]+\[\d+\]/([A-Za-z]+)/([A-Za-z]+)\[(\d+)\]/([A-Za-z]+)$)");
  std::smatch m;
  if (!std::regex_match(path, m, re) || m[1] != s.element("active_plans").name ||
      m[2] != s.element("placement_detail").name)
    return std::nullopt;
  const std::string item = m[4];
  if (item != s.element("urn").name && item != s.element("ukprn").name) return std::nullopt;
  return RequestItem{static_cast<std::size_t>(std::stoul(m[3])), item};
}

// Writes the file's value into the case; an error names what is wrong.
Result<std::string> take_file_value(store::Tx& tx, const Clock& clock, const std::string& area_id,
                                    const store::Sen2ConflictRow& c, std::int64_t now) {
  const auto& s = newest_schema();
  auto child = store::find_child(tx, area_id, c.child_id);
  if (!child) return fail("conflict", "The child of this conflict is no longer in the area");
  ChildForm form = to_form(*child);
  if (std::string* field = child_field(form, c.path)) {
    const std::string before = *field;
    *field = c.file_value;
    auto valid = validate_child(form, clock.today(), ethnicity_allowed, upn_unknown_allowed);
    if (!valid)
      return fail("keep",
                  "The file's " + c.path + " '" + c.file_value + "' cannot be taken: " + valid.error().first_message());
    Child after = std::move(*valid);
    after.id = child->id;
    after.area_id = child->area_id;
    after.version = child->version;
    if (!store::update_child(tx, after, now)) throw store::ConflictError("child changed while settling");
    return c.path + ": '" + before + "' -> '" + c.file_value + "'";
  }
  if (const auto r = request_item(c.path)) {
    auto assessments = store::assessments_of_area(tx, area_id, c.child_id);
    if (r->index == 0 || r->index > assessments.size())
      return fail("keep", "Tandem no longer holds request " + std::to_string(r->index) + " of this case");
    Assessment a = assessments[r->index - 1];
    auto on = parse_date("keep", c.file_value);
    if (!on) return fail("keep", "The file's " + c.path + " '" + c.file_value + "' is not a date");
    if (r->item == s.element("received_date").name) {
      if (a.decided_on && *a.decided_on < *on)
        return fail("keep", "The file's date received is after the decision whether to assess: change the case");
      a.received_on = *on;
    } else {
      if (*on < a.received_on)
        return fail("keep", "The file's decision date is before the request was received: change the case");
      // Withdrawn before a decision (RequestOutcome W): the date is the withdrawal's.
      if (a.withdrawn_on && !a.decided_on)
        a.withdrawn_on = *on;
      else
        a.decided_on = *on;
    }
    if (!store::save_assessment(tx, a, now)) throw store::ConflictError("assessment changed while settling");
    store::store_case_clock(tx, a);
    return c.path + ": -> '" + c.file_value + "'";
  }
  if (const auto r = placement_item(c.path)) {
    // The return lists the placements in force in the year before the census, by start date.
    const auto imported = store::sen2_imported(tx, c.child_id);
    const auto period = sen2_period(imported && imported->year ? imported->year : s.year);
    auto all = store::placements_of(tx, c.child_id);
    std::sort(all.begin(), all.end(), [](const Placement& x, const Placement& y) {
      return x.start_date != y.start_date ? x.start_date < y.start_date : x.id < y.id;
    });
    std::vector<Placement> listed;
    for (const auto& p : all)
      if (p.start_date <= period.census && !(p.end_date && *p.end_date < period.activity_from)) listed.push_back(p);
    if (r->index == 0 || r->index > listed.size())
      return fail("keep", "Tandem no longer holds placement " + std::to_string(r->index) + " of this case");
    const auto& p = listed[r->index - 1];
    std::string urn = p.urn, ukprn = p.ukprn;
    (r->item == s.element("urn").name ? urn : ukprn) = c.file_value;
    std::vector<FieldError> errors;
    check_setting_ids(urn, ukprn, "keep", "keep", errors);
    if (!errors.empty()) return fail(std::move(errors));
    store::set_placement_ids(tx, p.id, urn, ukprn);
    return c.path + " of " + p.setting_name + ": -> '" + c.file_value + "'";
  }
  return fail("keep", "Tandem cannot take the file's " + c.path +
                          " by itself: change it on the case, then keep Tandem's value");
}

}  // namespace

bool sen2_can_take_file(const std::string& path) {
  ChildForm f;
  return child_field(f, path) || request_item(path) || placement_item(path);
}

std::vector<Sen2ConflictItem> sen2_conflict_items(store::Tx& tx, const std::string& area_id, int limit) {
  std::vector<Sen2ConflictItem> out;
  std::map<std::string, std::string> names;
  for (auto& c : store::open_sen2_conflicts(tx, area_id, limit)) {
    if (!names.contains(c.child_id)) {
      const auto child = store::find_child(tx, area_id, c.child_id);
      names[c.child_id] = child ? child->family_name + ", " + child->given_name : c.child_id;
    }
    const bool take = sen2_can_take_file(c.path);
    const std::string person = names[c.child_id];
    out.push_back({std::move(c), person, take});
  }
  return out;
}

std::vector<Sen2ConflictItem> sen2_open_conflicts(RegisterServices& s, const SignedIn& user, const std::string& route,
                                                  int limit) {
  std::vector<Sen2ConflictItem> out;
  s.db.read([&](store::Tx& tx) { out = sen2_conflict_items(tx, user.area_id, limit); });
  std::string ids;
  for (const auto& c : out) ids += (ids.empty() ? "" : " ") + c.row.child_id;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, ids, "shown"});
  return out;
}

Result<store::Sen2ConflictState> settle_sen2_conflict(RegisterServices& s, const SignedIn& user,
                                                      const std::string& conflict_id, const std::string& keep) {
  if (keep != "tandem" && keep != "file")
    return fail("keep", "Choose whether to keep Tandem's value (tandem) or take the file's value (file)");
  const std::int64_t now = s.clock.now_micros();
  Result<store::Sen2ConflictState> out = fail("conflict", "There is no such conflict in your area");
  s.db.write([&](store::Tx& tx) {
    auto found = store::find_sen2_conflict(tx, user.area_id, conflict_id);
    if (!found) return;
    if (found->settled_at) {
      out = fail("settled", "Someone has settled this conflict already (" +
                                std::string(found->resolution == "file" ? "took the file's value" : "kept Tandem's") +
                                ")");
      return;
    }
    std::string detail = found->row.path + ": kept Tandem's value '" + found->row.tandem_value + "', not the file's '" +
                         found->row.file_value + "'";
    if (keep == "file") {
      auto taken = take_file_value(tx, s.clock, user.area_id, found->row, now);
      if (!taken) {
        out = tl::unexpected<Error>(taken.error());
        return;
      }
      detail = "took the file's value: " + *taken;
    }
    if (!store::settle_sen2_conflict(tx, user.area_id, conflict_id, keep, user.user_id, now)) {
      out = fail("settled", "Someone has settled this conflict already");
      return;
    }
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "sen2.conflict.settle", "sen2_conflict",
                             conflict_id, found->row.child_id, detail, "SEN2 import " + found->row.import_id});
    found->settled_at = now;
    found->settled_by = user.user_id;
    found->resolution = keep;
    out = *found;
  });
  return out;
}

}  // namespace tandem::app
