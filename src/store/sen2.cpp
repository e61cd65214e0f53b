#include "store/sen2.h"

#include <algorithm>
#include <cctype>

#include "store/assessments.h"
#include "store/children.h"
#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::optional<Date> opt_date(const std::string& text, soci::indicator ind, const char* field) {
  if (ind != soci::i_ok || text.empty()) return std::nullopt;
  auto d = parse_date(field, text);
  if (!d) throw StoreError(std::string("bad date in the database: ") + field + " " + text);
  return *d;
}

Date req_date(const std::string& text, const char* field) {
  auto d = parse_date(field, text);
  if (!d) throw StoreError(std::string("bad date in the database: ") + field + " " + text);
  return *d;
}

// " AND <column> = :c" when limited to one child.
std::string only(const std::string& child_id, const char* column) {
  return child_id.empty() ? "" : std::string(" AND ") + column + " = :c";
}

}  // namespace

Sen2Area load_sen2_area(Tx& tx, const std::string& area_id, const std::string& only_child) {
  Sen2Area out;
  out.children = children_of_area(tx, area_id, only_child);
  for (auto& a : assessments_of_area(tx, area_id, only_child)) out.assessments[a.child_id].push_back(std::move(a));
  {
    Sen2Plan p;
    std::string made, reviewed;
    soci::indicator made_ind = soci::i_null, reviewed_ind = soci::i_null;
    auto prep = (tx.sql.prepare << "SELECT id, child_id, stage, made_on, last_reviewed_on, setting_name, setting_urn, "
                                   "setting_ukprn FROM plans WHERE area_id = :a" +
                                       only(only_child, "child_id") + " ORDER BY child_id, made_on, id",
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(p.id), into(p.child_id), into(p.stage), into(made, made_ind), into(reviewed, reviewed_ind),
        into(p.setting_name), into(p.setting_urn), into(p.setting_ukprn);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      Sen2Plan row = p;
      row.made_on = opt_date(made, made_ind, "made_on");
      row.last_reviewed_on = opt_date(reviewed, reviewed_ind, "last_reviewed_on");
      out.plans[row.child_id].push_back(std::move(row));
      made_ind = reviewed_ind = soci::i_null;
    }
  }
  {
    Placement p;
    std::string child, type, start, end;
    soci::indicator end_ind = soci::i_null;
    auto prep = (tx.sql.prepare << "SELECT child_id, id, setting_name, setting_type, start_date, end_date, urn, ukprn "
                                   "FROM placements WHERE area_id = :a" +
                                       only(only_child, "child_id") + " ORDER BY child_id, start_date, id",
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(child), into(p.id), into(p.setting_name), into(type), into(start), into(end, end_ind), into(p.urn),
        into(p.ukprn);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      Placement row = p;
      row.setting_type = parse_setting_type(type).value_or(SettingType::other);
      row.start_date = req_date(start, "start_date");
      row.end_date = opt_date(end, end_ind, "end_date");
      out.placements[child].push_back(std::move(row));
      end_ind = soci::i_null;
    }
  }
  {
    std::string child, code;
    int rank = 0;
    auto prep = (tx.sql.prepare << "SELECT child_id, need_rank, need_code FROM child_needs WHERE area_id = :a" +
                                       only(only_child, "child_id") + " ORDER BY child_id, need_rank",
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(child), into(rank), into(code);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) out.needs[child].push_back({rank, code});
  }
  {
    std::string plan, reason, decided;
    auto prep = (tx.sql.prepare << "SELECT plan_id, reason, decided_on FROM plan_cessations WHERE area_id = :a" +
                                       only(only_child, "child_id"),
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(plan), into(reason), into(decided);
    soci::statement st = prep;
    st.execute();
    while (st.fetch())
      out.cessations[plan] = {parse_cease_reason(reason).value_or(CeaseReason::other), req_date(decided, "decided_on")};
  }
  {
    // A plan transferred to another council ended on the day it went (reg
    // 15(2)): the return reads it as ceased then, unless a decision to cease
    // came first.
    std::string plan, reason, ended;
    auto prep = (tx.sql.prepare << "SELECT id, end_reason, ended_on FROM plans WHERE area_id = :a AND ended_on IS NOT "
                                   "NULL" +
                                       only(only_child, "child_id"),
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(plan), into(reason), into(ended);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      out.cessations.try_emplace(
          plan, Sen2Cessation{parse_cease_reason(reason).value_or(CeaseReason::other), req_date(ended, "ended_on")});
    }
  }
  {
    std::string plan, meeting, decision;
    soci::indicator decision_ind = soci::i_null;
    auto prep = (tx.sql.prepare << "SELECT plan_id, meeting_on, decision FROM plan_reviews WHERE area_id = :a" +
                                       only(only_child, "child_id") + " ORDER BY plan_id, meeting_on, id",
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(plan), into(meeting), into(decision, decision_ind);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      Sen2Review r{req_date(meeting, "meeting_on"), std::nullopt};
      if (decision_ind == soci::i_ok) r.decision = parse_review_decision(decision);
      out.latest_reviews[plan] = r;  // ordered by meeting: the last one wins
      decision_ind = soci::i_null;
    }
  }
  {
    std::string child, decision, certificate, registered;
    soci::indicator cert_ind = soci::i_null;
    auto prep = (tx.sql.prepare << "SELECT child_id, decision, mediation_certificate, registered_on FROM appeals "
                                   "WHERE area_id = :a" +
                                       only(only_child, "child_id") + " ORDER BY child_id, registered_on, id",
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(child), into(decision), into(certificate, cert_ind), into(registered);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      out.appeals[child].push_back({parse_appealed_decision(decision).value_or(AppealedDecision::plan_contents),
                                    cert_ind == soci::i_ok && !certificate.empty(),
                                    req_date(registered, "registered_on")});
      cert_ind = soci::i_null;
    }
  }
  {
    std::string child;
    Sen2Stored s;
    auto prep = (tx.sql.prepare << "SELECT child_id, person_json, derived_json FROM sen2_people WHERE area_id = :a" +
                                       only(only_child, "child_id"),
                 use(area_id, "a"));
    if (!only_child.empty()) prep, use(only_child, "c");
    prep, into(child), into(s.person_json), into(s.derived_json);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) out.stored[child] = s;
  }
  return out;
}

std::optional<Sen2Stored> find_sen2_person(Tx& tx, const std::string& area_id, const std::string& child_id) {
  Sen2Stored s;
  soci::indicator person_ind = soci::i_null, derived_ind = soci::i_null;
  tx.sql << "SELECT person_json, derived_json FROM sen2_people WHERE area_id = :a AND child_id = :c", use(area_id, "a"),
      use(child_id, "c"), into(s.person_json, person_ind), into(s.derived_json, derived_ind);
  if (!tx.sql.got_data()) return std::nullopt;
  return s;
}

void save_sen2_person(Tx& tx, const std::string& area_id, const std::string& child_id, const Sen2Stored& s,
                      const std::string& import_id, std::int64_t now) {
  const long long at = now;
  tx.sql << "INSERT INTO sen2_people (child_id, area_id, person_json, derived_json, import_id, imported_at) VALUES "
            "(:c, :a, :p, :d, :i, :t) ON CONFLICT (child_id) DO UPDATE SET area_id = excluded.area_id, person_json = "
            "excluded.person_json, derived_json = excluded.derived_json, import_id = excluded.import_id, "
            "imported_at = excluded.imported_at",
      use(child_id), use(area_id), use(s.person_json), use(s.derived_json), use(import_id), use(at);
}

void set_sen2_derived(Tx& tx, const std::string& child_id, const std::string& derived_json) {
  tx.sql << "UPDATE sen2_people SET derived_json = :d WHERE child_id = :c", use(derived_json, "d"), use(child_id, "c");
}

void set_sen2_derived(Tx& tx, const std::vector<std::pair<std::string, std::string>>& derived) {
  for (std::size_t from = 0; from < derived.size(); from += kSen2DerivedBatch) {
    const std::size_t n = std::min(kSen2DerivedBatch, derived.size() - from);
    // Every placeholder named once: SOCI binds a name to one position.
    std::string cases, ids;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string k = std::to_string(i);
      cases += " WHEN :c" + k + " THEN :d" + k;
      ids += (i ? ", :k" : ":k") + k;
    }
    auto prep = (tx.sql.prepare << "UPDATE sen2_people SET derived_json = CASE child_id" + cases +
                                       " END WHERE child_id IN (" + ids + ")");
    for (std::size_t i = 0; i < n; ++i) {
      const std::string k = std::to_string(i);
      const auto& [child_id, json] = derived[from + i];
      prep, use(child_id, "c" + k), use(json, "d" + k), use(child_id, "k" + k);
    }
    soci::statement st = prep;
    st.execute(true);
  }
}

void insert_sen2_import(Tx& tx, const Sen2ImportRow& r) {
  const long long at = r.imported_at;
  tx.sql << "INSERT INTO sen2_imports (id, area_id, file_name, collection_year, persons, created, updated, unchanged, "
            "conflicts, imported_by, imported_at) VALUES (:id, :a, :f, :y, :p, :c, :u, :n, :k, :b, :t)",
      use(r.id), use(r.area_id), use(r.file_name), use(r.year), use(r.persons), use(r.created), use(r.updated),
      use(r.unchanged), use(r.conflicts), use(r.imported_by), use(at);
}

std::vector<Sen2ImportRow> sen2_imports(Tx& tx, const std::string& area_id, int limit) {
  std::vector<Sen2ImportRow> out;
  Sen2ImportRow r;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, area_id, file_name, collection_year, persons, created, updated, unchanged, "
                         "conflicts, imported_by, imported_at FROM sen2_imports WHERE area_id = :a ORDER BY "
                         "imported_at DESC, id LIMIT :n",
       use(area_id), use(limit), into(r.id), into(r.area_id), into(r.file_name), into(r.year), into(r.persons),
       into(r.created), into(r.updated), into(r.unchanged), into(r.conflicts), into(r.imported_by), into(at));
  st.execute();
  while (st.fetch()) {
    r.imported_at = at;
    out.push_back(r);
  }
  return out;
}

void insert_sen2_conflict(Tx& tx, const std::string& area_id, const Sen2ConflictRow& c) {
  const long long at = c.raised_at;
  tx.sql << "INSERT INTO sen2_conflicts (id, area_id, child_id, import_id, path, tandem_value, file_value, raised_at) "
            "VALUES (:id, :a, :c, :i, :p, :t, :f, :at)",
      use(c.id), use(area_id), use(c.child_id), use(c.import_id), use(c.path), use(c.tandem_value), use(c.file_value),
      use(at);
}

std::vector<Sen2ConflictRow> open_sen2_conflicts(Tx& tx, const std::string& area_id, int limit) {
  std::vector<Sen2ConflictRow> out;
  Sen2ConflictRow c;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, child_id, import_id, path, tandem_value, file_value, raised_at FROM "
                         "sen2_conflicts WHERE area_id = :a AND settled_at IS NULL ORDER BY raised_at, child_id, path "
                         "LIMIT :n",
       use(area_id), use(limit), into(c.id), into(c.child_id), into(c.import_id), into(c.path), into(c.tandem_value),
       into(c.file_value), into(at));
  st.execute();
  while (st.fetch()) {
    c.raised_at = at;
    out.push_back(c);
  }
  return out;
}

bool sen2_conflict_open(Tx& tx, const std::string& child_id, const std::string& path, const std::string& file_value) {
  long long n = 0;
  tx.sql << "SELECT CAST(COUNT(*) AS BIGINT) FROM sen2_conflicts WHERE child_id = :c AND path = :p AND file_value = "
            ":f AND settled_at IS NULL",
      use(child_id), use(path), use(file_value), into(n);
  return n > 0;
}

std::optional<Sen2ConflictState> find_sen2_conflict(Tx& tx, const std::string& area_id, const std::string& id) {
  Sen2ConflictState s;
  long long raised = 0, settled = 0;
  soci::indicator found = soci::i_null, settled_ind = soci::i_null;
  tx.sql << "SELECT id, child_id, import_id, path, tandem_value, file_value, raised_at, settled_at, settled_by, "
            "resolution FROM sen2_conflicts WHERE id = :id AND area_id = :a",
      use(id), use(area_id), into(s.row.id, found), into(s.row.child_id), into(s.row.import_id), into(s.row.path),
      into(s.row.tandem_value), into(s.row.file_value), into(raised), into(settled, settled_ind), into(s.settled_by),
      into(s.resolution);
  if (found != soci::i_ok) return std::nullopt;
  s.row.raised_at = raised;
  if (settled_ind == soci::i_ok) s.settled_at = settled;
  return s;
}

bool settle_sen2_conflict(Tx& tx, const std::string& area_id, const std::string& id, const std::string& resolution,
                          const std::string& by, std::int64_t now) {
  const long long at = now;
  soci::statement st = (tx.sql.prepare << "UPDATE sen2_conflicts SET settled_at = :t, settled_by = :b, resolution = "
                                          ":r WHERE id = :id AND area_id = :a AND settled_at IS NULL",
                        use(at), use(by), use(resolution), use(id), use(area_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Sen2ConflictRow> open_sen2_conflicts_of(Tx& tx, const std::string& child_id) {
  std::vector<Sen2ConflictRow> out;
  Sen2ConflictRow c;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, child_id, import_id, path, tandem_value, file_value, raised_at FROM "
                         "sen2_conflicts WHERE child_id = :c AND settled_at IS NULL ORDER BY raised_at, path",
       use(child_id), into(c.id), into(c.child_id), into(c.import_id), into(c.path), into(c.tandem_value),
       into(c.file_value), into(at));
  st.execute();
  while (st.fetch()) {
    c.raised_at = at;
    out.push_back(c);
  }
  return out;
}

std::optional<Sen2Imported> sen2_imported(Tx& tx, const std::string& child_id) {
  Sen2Imported out;
  long long at = 0;
  soci::indicator found = soci::i_null, file_ind = soci::i_null, year_ind = soci::i_null;
  tx.sql << "SELECT p.imported_at, i.file_name, i.collection_year FROM sen2_people p LEFT JOIN sen2_imports i ON "
            "i.id = p.import_id WHERE p.child_id = :c",
      use(child_id), into(at, found), into(out.file_name, file_ind), into(out.year, year_ind);
  if (found != soci::i_ok) return std::nullopt;
  out.at = at;
  if (file_ind != soci::i_ok) out.file_name.clear();
  if (year_ind != soci::i_ok) out.year = 0;
  return out;
}

void set_placement_ids(Tx& tx, const std::string& placement_id, const std::string& urn, const std::string& ukprn) {
  tx.register_changed = true;
  tx.sql << "UPDATE placements SET urn = :u, ukprn = :k WHERE id = :id", use(urn), use(ukprn), use(placement_id);
}

std::vector<ChildKey> child_keys(Tx& tx, const std::string& area_id) {
  std::vector<ChildKey> out;
  ChildKey k;
  std::string dob;
  soci::statement st = (tx.sql.prepare << "SELECT id, upn, family_name, given_name, date_of_birth FROM children "
                                          "WHERE area_id = :a",
                        use(area_id), into(k.id), into(k.upn), into(k.family_name), into(k.given_name), into(dob));
  st.execute();
  while (st.fetch()) {
    k.date_of_birth = *parse_date("date_of_birth", dob);
    out.push_back(k);
  }
  return out;
}

void delete_placements_of(Tx& tx, const std::string& area_id, const std::string& child_id) {
  tx.register_changed = true;
  // A child's placements are what the top-up schedule pays for.
  tx.changed_top_ups_of(area_id);
  tx.sql << "DELETE FROM placements WHERE child_id = :c AND area_id = :a", use(child_id), use(area_id);
}

void delete_needs_of(Tx& tx, const std::string& child_id) {
  tx.sql << "DELETE FROM child_needs WHERE child_id = :c", use(child_id);
}

void delete_sen2(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM sen2_conflicts WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM sen2_people WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM sen2_imports WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
