#include "store/children.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void add_words(std::vector<std::string>& out, std::string_view text) {
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-') {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
}

// One statement for all of a child's tokens: on PostgreSQL each statement is
// a round trip, and a SEN2 import writes thousands of children. A child just
// inserted has no tokens to replace.
void write_tokens(Tx& tx, const Child& c, bool inserted) {
  tx.changed_register_of(c.area_id);
  if (!inserted) tx.sql << "DELETE FROM search_tokens WHERE child_id = :id", use(c.id);
  const std::vector<std::string> tokens = search_tokens_for(c);
  if (tokens.empty()) return;
  std::string sql = "INSERT INTO search_tokens (area_id, token, kind, child_id) VALUES ";
  // Every placeholder is named once: SOCI binds a name to one position.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string n = std::to_string(i);
    sql += (i ? ", (:a" : "(:a") + n + ", :t" + n + ", 'child', :c" + n + ")";
  }
  // Run once, as `once` leaves scope: on PostgreSQL one round trip, where a
  // prepared statement takes three (prepare, execute, deallocate).
  auto once = (tx.sql << sql);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string n = std::to_string(i);
    once, use(c.area_id, "a" + n), use(tokens[i], "t" + n), use(c.id, "c" + n);
  }
}

// Reads a child row bound into these locals.
struct ChildBind {
  Child c;
  std::string dob, status, icb_since;
  soci::indicator icb_since_ind = soci::i_null;
  int looked_after = 0;
  long long version = 0;
  soci::indicator found = soci::i_null;

  Child finish() {
    Child out = c;
    out.date_of_birth = *parse_date("date_of_birth", dob);
    out.plan_status = parse_plan_status(status).value_or(PlanStatus::sen_support);
    if (icb_since_ind == soci::i_ok && !icb_since.empty()) out.icb_since = *parse_date("icb_since", icb_since);
    out.looked_after = looked_after != 0;
    out.version = version;
    return out;
  }
};

}  // namespace

std::vector<std::string> search_tokens_for(const Child& c) {
  std::vector<std::string> out;
  add_words(out, c.given_name);
  add_words(out, c.family_name);
  if (!c.upn.empty()) out.push_back(lower(c.upn));
  if (!c.nhs_number.empty()) out.push_back(c.nhs_number);
  out.push_back(format_date(c.date_of_birth));
  if (!c.postcode.empty()) {
    std::string pc;
    for (char ch : lower(c.postcode)) {
      if (ch != ' ') pc.push_back(ch);
    }
    out.push_back(pc);
  }
  add_words(out, c.setting_name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void insert_child(Tx& tx, const Child& c, std::int64_t now) {
  const std::string dob = format_date(c.date_of_birth);
  const std::string status(to_string(c.plan_status));
  const std::string since = c.icb_since ? format_date(*c.icb_since) : "";
  soci::indicator since_ind = c.icb_since ? soci::i_ok : soci::i_null;
  const int lac = c.looked_after ? 1 : 0;
  const long long version = 1, at = now;
  tx.sql << "INSERT INTO children (id, area_id, given_name, family_name, date_of_birth, sex, upn, nhs_number, "
            "postcode, primary_need, plan_status, setting_name, responsible_icb, icb_since, looked_after, version, "
            "created_at, updated_at, ethnicity, setting_urn, setting_ukprn, upn_unknown) VALUES (:id, :area, :given, "
            ":family, :dob, :sex, :upn, :nhs, :postcode, :need, :status, :setting, :icb, :since, :lac, :version, "
            ":created, :updated, :ethnicity, :urn, :ukprn, :upn_unknown)",
      use(c.id), use(c.area_id), use(c.given_name), use(c.family_name), use(dob), use(c.sex), use(c.upn),
      use(c.nhs_number), use(c.postcode), use(c.primary_need), use(status), use(c.setting_name), use(c.responsible_icb),
      use(since, since_ind), use(lac), use(version), use(at), use(at), use(c.ethnicity), use(c.setting_urn),
      use(c.setting_ukprn), use(c.upn_unknown);
  write_tokens(tx, c, true);
}

bool update_child(Tx& tx, const Child& c, std::int64_t now) {
  const std::string dob = format_date(c.date_of_birth);
  const std::string status(to_string(c.plan_status));
  const std::string since = c.icb_since ? format_date(*c.icb_since) : "";
  soci::indicator since_ind = c.icb_since ? soci::i_ok : soci::i_null;
  const int lac = c.looked_after ? 1 : 0;
  const long long expected = c.version, at = now;
  soci::statement st =
      (tx.sql.prepare << "UPDATE children SET given_name = :given, family_name = :family, date_of_birth = :dob, "
                         "sex = :sex, upn = :upn, nhs_number = :nhs, postcode = :postcode, primary_need = :need, "
                         "plan_status = :status, setting_name = :setting, responsible_icb = :icb, icb_since = "
                         ":since, looked_after = :lac, ethnicity = :ethnicity, setting_urn = :urn, setting_ukprn = "
                         ":ukprn, upn_unknown = :upn_unknown, version = version + 1, updated_at = :updated "
                         "WHERE id = :id AND area_id = :area AND version = :version",
       use(c.given_name), use(c.family_name), use(dob), use(c.sex), use(c.upn), use(c.nhs_number), use(c.postcode),
       use(c.primary_need), use(status), use(c.setting_name), use(c.responsible_icb), use(since, since_ind), use(lac),
       use(c.ethnicity), use(c.setting_urn), use(c.setting_ukprn), use(c.upn_unknown), use(at), use(c.id),
       use(c.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_tokens(tx, c, false);
  return true;
}

std::optional<Child> find_child(Tx& tx, const std::string& area_id, const std::string& id) {
  ChildBind b;
  tx.sql << "SELECT id, area_id, given_name, family_name, date_of_birth, sex, upn, nhs_number, postcode, "
            "primary_need, plan_status, setting_name, responsible_icb, icb_since, looked_after, version, ethnicity, "
            "setting_urn, setting_ukprn, upn_unknown FROM children WHERE id = :id AND area_id = :area",
      use(id), use(area_id), into(b.c.id, b.found), into(b.c.area_id), into(b.c.given_name), into(b.c.family_name),
      into(b.dob), into(b.c.sex), into(b.c.upn), into(b.c.nhs_number), into(b.c.postcode), into(b.c.primary_need),
      into(b.status), into(b.c.setting_name), into(b.c.responsible_icb), into(b.icb_since, b.icb_since_ind),
      into(b.looked_after), into(b.version), into(b.c.ethnicity), into(b.c.setting_urn), into(b.c.setting_ukprn),
      into(b.c.upn_unknown);
  if (b.found != soci::i_ok) return std::nullopt;
  return b.finish();
}

std::vector<Child> children_of_area(Tx& tx, const std::string& area_id, const std::string& child_id) {
  std::vector<Child> out;
  ChildBind b;
  const std::string only = child_id.empty() ? "" : " AND id = :c";
  auto prep =
      (tx.sql.prepare << "SELECT id, area_id, given_name, family_name, date_of_birth, sex, upn, nhs_number, "
                         "postcode, primary_need, plan_status, setting_name, responsible_icb, icb_since, "
                         "looked_after, version, ethnicity, setting_urn, setting_ukprn, upn_unknown FROM children "
                         "WHERE area_id = :area" +
                             only + " ORDER BY family_name, given_name, date_of_birth, upn, id",
       use(area_id, "area"));
  if (!child_id.empty()) prep, use(child_id, "c");
  prep, into(b.c.id, b.found), into(b.c.area_id), into(b.c.given_name), into(b.c.family_name), into(b.dob),
      into(b.c.sex), into(b.c.upn), into(b.c.nhs_number), into(b.c.postcode), into(b.c.primary_need), into(b.status),
      into(b.c.setting_name), into(b.c.responsible_icb), into(b.icb_since, b.icb_since_ind), into(b.looked_after),
      into(b.version), into(b.c.ethnicity), into(b.c.setting_urn), into(b.c.setting_ukprn), into(b.c.upn_unknown);
  soci::statement st = prep;
  st.execute();
  while (st.fetch()) {
    out.push_back(b.finish());
    b.icb_since_ind = soci::i_null;
  }
  return out;
}

void insert_placement(Tx& tx, const std::string& area_id, const std::string& child_id, const Placement& p) {
  const std::string type(to_string(p.setting_type));
  const std::string start = format_date(p.start_date);
  const std::string end = p.end_date ? format_date(*p.end_date) : "";
  soci::indicator end_ind = p.end_date ? soci::i_ok : soci::i_null;
  tx.register_changed = true;
  tx.changed_top_ups_of(area_id);  // placements are what the top-up schedule pays for
  tx.sql << "INSERT INTO placements (id, area_id, child_id, setting_name, setting_type, start_date, end_date, urn, "
            "ukprn) VALUES (:id, :area, :child, :name, :type, :start, :end, :urn, :ukprn)",
      use(p.id), use(area_id), use(child_id), use(p.setting_name), use(type), use(start), use(end, end_ind), use(p.urn),
      use(p.ukprn);
}

std::vector<Placement> placements_of(Tx& tx, const std::string& child_id) {
  std::vector<Placement> out;
  Placement p;
  std::string type, start, end;
  soci::indicator end_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, setting_name, setting_type, start_date, end_date, urn, ukprn FROM "
                         "placements WHERE child_id = :c ORDER BY start_date DESC, id",
       use(child_id), into(p.id), into(p.setting_name), into(type), into(start), into(end, end_ind), into(p.urn),
       into(p.ukprn));
  st.execute();
  while (st.fetch()) {
    p.setting_type = parse_setting_type(type).value_or(SettingType::other);
    p.start_date = *parse_date("start_date", start);
    p.end_date = end_ind == soci::i_ok && !end.empty() ? std::optional(*parse_date("end_date", end)) : std::nullopt;
    out.push_back(p);
  }
  return out;
}

void insert_need(Tx& tx, const std::string& area_id, const std::string& child_id, const SecondaryNeed& n) {
  tx.sql << "INSERT INTO child_needs (child_id, area_id, need_rank, need_code) VALUES (:c, :a, :r, :n)", use(child_id),
      use(area_id), use(n.rank), use(n.code);
}

std::vector<SecondaryNeed> needs_of(Tx& tx, const std::string& child_id) {
  std::vector<SecondaryNeed> out;
  SecondaryNeed n;
  soci::statement st = (tx.sql.prepare << "SELECT need_rank, need_code FROM child_needs WHERE child_id = :c "
                                          "ORDER BY need_rank",
                        use(child_id), into(n.rank), into(n.code));
  st.execute();
  while (st.fetch()) out.push_back(n);
  return out;
}

void insert_involvement(Tx& tx, const std::string& area_id, const std::string& child_id, const CaseInvolvement& i) {
  const std::string agency(to_string(i.agency));
  const std::string started = format_date(i.started_on);
  const std::string ended = i.ended_on ? format_date(*i.ended_on) : "";
  soci::indicator ended_ind = i.ended_on ? soci::i_ok : soci::i_null;
  tx.changed_register_of(area_id);
  tx.sql << "INSERT INTO involvements (id, area_id, child_id, agency, user_id, professional_name, involvement_role, "
            "started_on, ended_on) VALUES (:id, :area, :child, :agency, :user, :name, :role, :started, :ended)",
      use(i.id), use(area_id), use(child_id), use(agency), use(i.user_id), use(i.professional_name),
      use(i.role_on_case), use(started), use(ended, ended_ind);
}

std::vector<CaseInvolvement> involvements_of(Tx& tx, const std::string& child_id) {
  std::vector<CaseInvolvement> out;
  CaseInvolvement i;
  std::string agency, started, ended;
  soci::indicator ended_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, agency, user_id, professional_name, involvement_role, started_on, ended_on "
                         "FROM involvements WHERE child_id = :c ORDER BY started_on, id",
       use(child_id), into(i.id), into(agency), into(i.user_id), into(i.professional_name), into(i.role_on_case),
       into(started), into(ended, ended_ind));
  st.execute();
  while (st.fetch()) {
    i.agency = parse_agency(agency).value_or(Agency::council_education);
    i.started_on = *parse_date("started_on", started);
    i.ended_on =
        ended_ind == soci::i_ok && !ended.empty() ? std::optional(*parse_date("ended_on", ended)) : std::nullopt;
    out.push_back(i);
  }
  return out;
}

namespace {

// Builds the FROM and WHERE clauses shared by the register page and its
// count, with the values it binds kept in `params` (named p0, p1, ...). With
// search words, the longest word's matches drive the query (a B-tree range on
// search_tokens) and the others filter them; without, the area's children are
// read in name order and the page stops after `limit` rows.
std::string register_from_where(const RegisterQuery& q, std::vector<std::string>& params) {
  auto bind = [&](std::string value) {
    params.push_back(std::move(value));
    return ":p" + std::to_string(params.size() - 1);
  };
  auto token_range = [&](const std::string& token) {
    // Prefix match as a range: token <= t < token followed by DEL, above every character tokens hold.
    return "s.area_id = " + bind(q.area_id) + " AND s.token >= " + bind(token) + " AND s.token < " +
           bind(token + "\x7f");
  };
  std::string sql;
  std::size_t driver = q.tokens.size();
  for (std::size_t i = 0; i < q.tokens.size(); ++i) {
    if (driver == q.tokens.size() || q.tokens[i].size() > q.tokens[driver].size()) driver = i;
  }
  if (driver < q.tokens.size()) {
    sql = " FROM (SELECT DISTINCT s.child_id FROM search_tokens s WHERE " + token_range(q.tokens[driver]) +
          ") m JOIN children c ON c.id = m.child_id";
  } else {
    sql = " FROM children c";
  }
  sql += " WHERE c.area_id = " + bind(q.area_id);
  sql += " AND EXISTS (SELECT 1 FROM involvements i WHERE i.child_id = c.id AND i.ended_on IS NULL AND (i.user_id = " +
         bind(q.viewer.user_id);
  if (q.viewer.agency_wide) sql += " OR (i.user_id = '' AND i.agency = " + bind(q.viewer.agency) + ")";
  sql += "))";
  for (std::size_t i = 0; i < q.tokens.size(); ++i) {
    if (i == driver) continue;
    sql += " AND c.id IN (SELECT s.child_id FROM search_tokens s WHERE " + token_range(q.tokens[i]) + ")";
  }
  if (!q.primary_need.empty()) sql += " AND c.primary_need = " + bind(q.primary_need);
  if (!q.plan_status.empty()) sql += " AND c.plan_status = " + bind(q.plan_status);
  if (!q.setting_type.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM placements p WHERE p.child_id = c.id AND p.end_date IS NULL AND "
        "p.setting_type = " +
        bind(q.setting_type) + ")";
  }
  return sql;
}

}  // namespace

std::vector<RegisterRow> search_register(Tx& tx, const RegisterQuery& q) {
  std::vector<std::string> params;
  params.reserve(16);
  const std::string sql =
      "SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.upn, c.nhs_number, c.primary_need, "
      "c.plan_status, c.setting_name" +
      register_from_where(q, params) + " ORDER BY c.family_name, c.given_name, c.id LIMIT " + std::to_string(q.limit) +
      " OFFSET " + std::to_string(q.offset);
  RegisterRow r;
  auto prep = (tx.sql.prepare << sql);
  for (std::size_t i = 0; i < params.size(); ++i) prep, use(params[i], "p" + std::to_string(i));
  prep, into(r.id), into(r.given_name), into(r.family_name), into(r.date_of_birth), into(r.upn), into(r.nhs_number),
      into(r.primary_need), into(r.plan_status), into(r.setting_name);
  soci::statement st = prep;
  st.execute();
  std::vector<RegisterRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

RegisterResult search_register_counted(Tx& tx, const RegisterQuery& q, int cap) {
  RegisterQuery all = q;
  all.offset = 0;
  all.limit = std::max(cap + 1, q.offset + q.limit);
  auto rows = search_register(tx, all);
  RegisterResult out;
  out.matches = static_cast<int>(rows.size());
  const auto first = std::min(rows.size(), static_cast<std::size_t>(q.offset));
  const auto last = std::min(rows.size(), first + static_cast<std::size_t>(q.limit));
  out.rows.assign(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(first)),
                  std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(last)));
  return out;
}

int count_register(Tx& tx, const RegisterQuery& q, int cap) {
  std::vector<std::string> params;
  params.reserve(16);
  int n = 0;
  auto prep = (tx.sql.prepare << "SELECT CAST(COUNT(*) AS INTEGER) FROM (SELECT 1 AS one" +
                                     register_from_where(q, params) + " LIMIT " + std::to_string(cap + 1) + ") t");
  for (std::size_t i = 0; i < params.size(); ++i) prep, use(params[i], "p" + std::to_string(i));
  prep, into(n);
  soci::statement st = prep;
  st.execute(true);
  return n;
}

std::vector<RegisterCandidate> register_candidates(Tx& tx, const std::string& area_id, const std::string& word) {
  // The word's children, as search_register's driving range finds them.
  const std::string upper = word + "\x7f";
  const std::string matches =
      "(SELECT DISTINCT s.child_id FROM search_tokens s WHERE s.area_id = :a1 AND s.token >= :w AND s.token < :u) m";
  std::vector<RegisterCandidate> out;
  std::unordered_map<std::string, std::size_t> at;
  {
    RegisterRow r;
    soci::statement st =
        (tx.sql.prepare << "SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.upn, c.nhs_number, "
                           "c.primary_need, c.plan_status, c.setting_name FROM " +
                               matches +
                               " JOIN children c ON c.id = m.child_id WHERE c.area_id = :a2 "
                               "ORDER BY c.family_name, c.given_name, c.id",
         use(area_id, "a1"), use(word, "w"), use(upper, "u"), use(area_id, "a2"), into(r.id), into(r.given_name),
         into(r.family_name), into(r.date_of_birth), into(r.upn), into(r.nhs_number), into(r.primary_need),
         into(r.plan_status), into(r.setting_name));
    st.execute();
    while (st.fetch()) {
      at.emplace(r.id, out.size());
      out.push_back({r, {}, {}, {}});
    }
  }
  std::string child, a, b;
  {
    // The area is compared here rather than in SQL, where SQLite would take it
    // as the way into search_tokens and read the whole area per child.
    soci::statement st = (tx.sql.prepare << "SELECT t.child_id, t.token, t.area_id FROM " + matches +
                                                " JOIN search_tokens t ON t.child_id = m.child_id",
                          use(area_id, "a1"), use(word, "w"), use(upper, "u"), into(child), into(a), into(b));
    st.execute();
    while (st.fetch()) {
      if (b != area_id) continue;
      if (auto it = at.find(child); it != at.end()) out[it->second].tokens.push_back(a);
    }
  }
  {
    soci::statement st =
        (tx.sql.prepare << "SELECT i.child_id, i.agency, i.user_id FROM " + matches +
                               " JOIN involvements i ON i.child_id = m.child_id WHERE i.ended_on IS NULL",
         use(area_id, "a1"), use(word, "w"), use(upper, "u"), into(child), into(a), into(b));
    st.execute();
    while (st.fetch()) {
      if (auto it = at.find(child); it != at.end()) out[it->second].involvements.push_back({a, b});
    }
  }
  {
    soci::statement st =
        (tx.sql.prepare << "SELECT p.child_id, p.setting_type FROM " + matches +
                               " JOIN placements p ON p.child_id = m.child_id WHERE p.end_date IS NULL",
         use(area_id, "a1"), use(word, "w"), use(upper, "u"), into(child), into(a));
    st.execute();
    while (st.fetch()) {
      if (auto it = at.find(child); it != at.end()) out[it->second].current_placements.push_back(a);
    }
  }
  for (auto& c : out) std::sort(c.tokens.begin(), c.tokens.end());
  return out;
}

bool register_candidate_matches(const RegisterCandidate& c, const RegisterQuery& q) {
  const bool visible = std::any_of(c.involvements.begin(), c.involvements.end(), [&](const auto& i) {
    return i.user_id == q.viewer.user_id || (q.viewer.agency_wide && i.user_id.empty() && i.agency == q.viewer.agency);
  });
  if (!visible) return false;
  for (const auto& word : q.tokens) {
    const auto it = std::lower_bound(c.tokens.begin(), c.tokens.end(), word);
    if (it == c.tokens.end() || !it->starts_with(word)) return false;
  }
  if (!q.primary_need.empty() && c.row.primary_need != q.primary_need) return false;
  if (!q.plan_status.empty() && c.row.plan_status != q.plan_status) return false;
  if (!q.setting_type.empty() && std::find(c.current_placements.begin(), c.current_placements.end(), q.setting_type) ==
                                     c.current_placements.end()) {
    return false;
  }
  return true;
}

RegisterResult register_page_of(const std::vector<RegisterCandidate>& candidates, const RegisterQuery& q, int cap) {
  // As search_register_counted: count up to the cap + 1, or to the end of the page if that is further.
  const int enough = std::max(cap + 1, q.offset + q.limit);
  RegisterResult out;
  for (const auto& c : candidates) {
    if (!register_candidate_matches(c, q)) continue;
    if (out.matches >= q.offset && out.matches < q.offset + q.limit) out.rows.push_back(c.row);
    if (++out.matches == enough) break;
  }
  return out;
}

}  // namespace tandem::store

namespace tandem::store {
void delete_register(Tx& tx, const std::string& area_id) {
  tx.changed_register_of(area_id);
  tx.changed_top_ups_of(area_id);
  tx.sql << "DELETE FROM health_notifications WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM search_tokens WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM involvements WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM placements WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM child_needs WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM children WHERE area_id = :a", use(area_id);
}
}  // namespace tandem::store

namespace tandem::store {
void insert_health_notification(Tx& tx, const std::string& area_id, const HealthNotification& n,
                                const std::string& recorded_by, std::int64_t now) {
  const std::string on = format_date(n.notified_on);
  const long long at = now;
  tx.sql << "INSERT INTO health_notifications (id, area_id, child_id, notified_on, from_body, details, recorded_by, "
            "recorded_at) VALUES (:id, :area, :child, :on, :from, :details, :by, :at)",
      use(n.id), use(area_id), use(n.child_id), use(on), use(n.from_body), use(n.details), use(recorded_by), use(at);
}

std::vector<HealthNotification> health_notifications_of(Tx& tx, const std::string& child_id) {
  std::vector<HealthNotification> out;
  HealthNotification n;
  std::string on;
  soci::statement st = (tx.sql.prepare << "SELECT id, child_id, notified_on, from_body, details FROM "
                                          "health_notifications WHERE child_id = :c ORDER BY notified_on DESC, id",
                        use(child_id), into(n.id), into(n.child_id), into(on), into(n.from_body), into(n.details));
  st.execute();
  while (st.fetch()) {
    n.notified_on = *parse_date("notified_on", on);
    out.push_back(n);
  }
  return out;
}
SettingIds setting_ids(Tx& tx, const std::string& area_id, const std::string& setting_name) {
  SettingIds out;
  for (const char* sql :
       {"SELECT urn, ukprn FROM placements WHERE area_id = :a AND setting_name = :n AND (urn <> '' OR ukprn <> '') "
        "GROUP BY urn, ukprn ORDER BY COUNT(*) DESC, urn, ukprn LIMIT 1",
        "SELECT setting_urn, setting_ukprn FROM children WHERE area_id = :a AND setting_name = :n AND "
        "(setting_urn <> '' OR setting_ukprn <> '') GROUP BY setting_urn, setting_ukprn ORDER BY COUNT(*) DESC, "
        "setting_urn, setting_ukprn LIMIT 1"}) {
    std::string urn, ukprn;
    soci::indicator urn_ind = soci::i_null, ukprn_ind = soci::i_null;
    tx.sql << sql, use(area_id, "a"), use(setting_name, "n"), into(urn, urn_ind), into(ukprn, ukprn_ind);
    if (urn_ind == soci::i_ok || ukprn_ind == soci::i_ok) {
      out.urn = urn_ind == soci::i_ok ? urn : "";
      out.ukprn = ukprn_ind == soci::i_ok ? ukprn : "";
      return out;
    }
  }
  return out;
}

}  // namespace tandem::store
