#include "store/assessments.h"

#include <algorithm>
#include <map>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

struct OptionalDate {
  std::string text;
  soci::indicator ind = soci::i_null;
  explicit OptionalDate(const std::optional<Date>& d) {
    if (d) {
      text = format_date(*d);
      ind = soci::i_ok;
    }
  }
};

std::optional<Date> read_date(const std::string& text, soci::indicator ind) {
  if (ind != soci::i_ok || text.empty()) return std::nullopt;
  auto d = parse_date("date", text);
  if (!d) throw StoreError("a stored date is not ISO: " + text);
  return *d;
}

Date required_date(const std::string& text) {
  auto d = parse_date("date", text);
  if (!d) throw StoreError("a stored date is not ISO: " + text);
  return *d;
}

// A case just inserted has no advice or exceptions stored to replace.
void write_children(Tx& tx, const Assessment& a, bool inserted) {
  if (!inserted) {
    tx.sql << "DELETE FROM advice_requests WHERE assessment_id = :a", use(a.id);
    tx.sql << "DELETE FROM assessment_exceptions WHERE assessment_id = :a", use(a.id);
  }
  for (const auto& r : a.advice) {
    const std::string kind(to_string(r.kind)), agency(to_string(r.agency)), requested = format_date(r.requested_on);
    OptionalDate received(r.received_on);
    const int reused = r.reused ? 1 : 0;
    tx.sql << "INSERT INTO advice_requests (id, area_id, assessment_id, kind, provider, agency, requested_on, "
              "received_on, reused) VALUES (:id, :area, :a, :kind, :provider, :agency, :req, :rec, :reused)",
        use(r.id), use(a.area_id), use(a.id), use(kind), use(r.provider), use(agency), use(requested),
        use(received.text, received.ind), use(reused);
  }
  for (const auto& e : a.exceptions) {
    const std::string ground(to_string(e.exception.ground)), start = format_date(e.exception.start),
                                                             end = format_date(e.exception.end);
    tx.sql << "INSERT INTO assessment_exceptions (id, area_id, assessment_id, ground, start_on, end_on, reason) "
              "VALUES (:id, :area, :a, :ground, :start, :end, :reason)",
        use(e.id), use(a.area_id), use(a.id), use(ground), use(start), use(end), use(e.reason);
  }
}

const char* kColumns =
    "SELECT id, area_id, child_id, received_on, source, caseworker_id, decided_on, assess, not_to_issue_on, "
    "draft_served_on, final_issued_on, withdrawn_on, version FROM assessments ";

// Loads assessments matching `where` (bound to the given values), then their
// advice and exceptions in two more queries.
std::vector<Assessment> load(Tx& tx, const std::string& where, const std::vector<std::string>& values,
                             const std::string& order) {
  std::vector<Assessment> out;
  std::map<std::string, std::size_t> index;
  {
    Assessment a;
    std::string received, source, decided, not_issue, draft, final_issued, withdrawn;
    soci::indicator decided_ind = soci::i_null, not_issue_ind = soci::i_null, draft_ind = soci::i_null,
                    final_ind = soci::i_null, withdrawn_ind = soci::i_null;
    int assess = 0;
    long long version = 0;
    auto prep = (tx.sql.prepare << std::string(kColumns) + where + order);
    for (std::size_t i = 0; i < values.size(); ++i) prep, use(values[i], "v" + std::to_string(i));
    prep, into(a.id), into(a.area_id), into(a.child_id), into(received), into(source), into(a.caseworker_id),
        into(decided, decided_ind), into(assess), into(not_issue, not_issue_ind), into(draft, draft_ind),
        into(final_issued, final_ind), into(withdrawn, withdrawn_ind), into(version);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      Assessment row = a;
      row.received_on = required_date(received);
      row.source = parse_request_source(source).value_or(RequestSource::parent);
      row.decided_on = read_date(decided, decided_ind);
      row.assess = assess != 0;
      row.not_to_issue_on = read_date(not_issue, not_issue_ind);
      row.draft_served_on = read_date(draft, draft_ind);
      row.final_issued_on = read_date(final_issued, final_ind);
      row.withdrawn_on = read_date(withdrawn, withdrawn_ind);
      row.version = version;
      index[row.id] = out.size();
      out.push_back(std::move(row));
    }
  }
  if (out.empty()) return out;
  // A few assessments (one child's, one case) are named by id: SQLite answers
  // the subquery from the area's covering caseload index, reading every
  // assessment of the area for each child, which made a 20,000-person SEN2
  // import quadratic.
  const bool by_id = out.size() <= 64;
  std::string sub;
  for (std::size_t i = 0; by_id && i < out.size(); ++i) sub += (i ? ", :i" : ":i") + std::to_string(i);
  if (!by_id) sub = "SELECT id FROM assessments " + where;
  const auto bind = [&](auto& prep) {
    if (by_id)
      for (std::size_t i = 0; i < out.size(); ++i) prep, use(out[i].id, "i" + std::to_string(i));
    else
      for (std::size_t i = 0; i < values.size(); ++i) prep, use(values[i], "v" + std::to_string(i));
  };
  {
    AdviceRequest r;
    std::string assessment_id, kind, agency, requested, received;
    soci::indicator received_ind = soci::i_null;
    int reused = 0;
    auto prep = (tx.sql.prepare << "SELECT assessment_id, id, kind, provider, agency, requested_on, received_on, "
                                   "reused FROM advice_requests WHERE assessment_id IN (" +
                                       sub + ") ORDER BY requested_on, id");
    bind(prep);
    prep, into(assessment_id), into(r.id), into(kind), into(r.provider), into(agency), into(requested),
        into(received, received_ind), into(reused);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      auto it = index.find(assessment_id);
      if (it == index.end()) continue;
      AdviceRequest row = r;
      row.kind = parse_advice_kind(kind).value_or(AdviceKind::other);
      row.agency = parse_agency(agency).value_or(Agency::council_education);
      row.requested_on = required_date(requested);
      row.received_on = read_date(received, received_ind);
      row.reused = reused != 0;
      out[it->second].advice.push_back(std::move(row));
    }
  }
  {
    RecordedException e;
    std::string assessment_id, ground, start, end;
    auto prep = (tx.sql.prepare << "SELECT assessment_id, id, ground, start_on, end_on, reason FROM "
                                   "assessment_exceptions WHERE assessment_id IN (" +
                                       sub + ") ORDER BY start_on, id");
    bind(prep);
    prep, into(assessment_id), into(e.id), into(ground), into(start), into(end), into(e.reason);
    soci::statement st = prep;
    st.execute();
    while (st.fetch()) {
      auto it = index.find(assessment_id);
      if (it == index.end()) continue;
      auto g = parse_exception_ground("ground", ground);
      if (!g) throw StoreError("unknown exception ground in the database: " + ground);
      RecordedException row = e;
      row.exception = ClockException{*g, required_date(start), required_date(end)};
      out[it->second].exceptions.push_back(std::move(row));
    }
  }
  return out;
}

void mark_changed(Tx& tx, const std::string& area_id) { tx.changed_assessments_of(area_id); }

std::string placeholders(std::size_t first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i ? ", :v" : ":v") + std::to_string(first + i);
  return out;
}

}  // namespace

bool save_assessment(Tx& tx, const Assessment& a, std::int64_t now) {
  const std::string received = format_date(a.received_on), source(to_string(a.source));
  OptionalDate decided(a.decided_on), not_issue(a.not_to_issue_on), draft(a.draft_served_on),
      final_issued(a.final_issued_on), withdrawn(a.withdrawn_on);
  // The caseload's order, stored with every step (migration 0014).
  const CaseClock clock = case_clock(a);
  OptionalDate due(clock.due_on), lifted(clock.lifted_on), then_due(clock.then_due_on),
      then_lifted(clock.then_lifted_on);
  const int assess = a.assess ? 1 : 0;
  const long long at = now, version = a.version;
  if (a.version == 0) {
    const long long first = 1;
    tx.sql << "INSERT INTO assessments (id, area_id, child_id, received_on, source, caseworker_id, decided_on, assess, "
              "not_to_issue_on, draft_served_on, final_issued_on, withdrawn_on, version, created_at, updated_at, "
              "clock_due_on, clock_lifted_on, clock_then_due_on, clock_then_lifted_on, clock_stored) VALUES (:id, "
              ":area, :child, :received, :source, :cw, :decided, :assess, :notissue, :draft, :final, :withdrawn, "
              ":version, :c, :u, :due, :lifted, :then_due, :then_lifted, 1)",
        use(a.id), use(a.area_id), use(a.child_id), use(received), use(source), use(a.caseworker_id),
        use(decided.text, decided.ind), use(assess), use(not_issue.text, not_issue.ind), use(draft.text, draft.ind),
        use(final_issued.text, final_issued.ind), use(withdrawn.text, withdrawn.ind), use(first), use(at), use(at),
        use(due.text, due.ind), use(lifted.text, lifted.ind), use(then_due.text, then_due.ind),
        use(then_lifted.text, then_lifted.ind);
  } else {
    soci::statement st =
        (tx.sql.prepare << "UPDATE assessments SET received_on = :received, source = :source, caseworker_id = :cw, "
                           "decided_on = :decided, assess = :assess, not_to_issue_on = :notissue, draft_served_on = "
                           ":draft, final_issued_on = :final, withdrawn_on = :withdrawn, version = version + 1, "
                           "updated_at = :u, clock_due_on = "
                           ":due, clock_lifted_on = :lifted, clock_then_due_on = :then_due, clock_then_lifted_on = "
                           ":then_lifted, clock_stored = 1 WHERE id = :id AND area_id = :area AND version = :version",
         use(received), use(source), use(a.caseworker_id), use(decided.text, decided.ind), use(assess),
         use(not_issue.text, not_issue.ind), use(draft.text, draft.ind), use(final_issued.text, final_issued.ind),
         use(withdrawn.text, withdrawn.ind), use(at), use(due.text, due.ind), use(lifted.text, lifted.ind),
         use(then_due.text, then_due.ind), use(then_lifted.text, then_lifted.ind), use(a.id), use(a.area_id),
         use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
  }
  write_children(tx, a, a.version == 0);
  mark_changed(tx, a.area_id);
  return true;
}

std::vector<std::string> assessments_without_clock(Tx& tx, const std::string& area_id) {
  std::vector<std::string> out;
  std::string id;
  soci::statement st =
      (tx.sql.prepare << "SELECT id FROM assessments WHERE area_id = :a AND clock_stored = 0", use(area_id), into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

void store_case_clock(Tx& tx, const Assessment& a) {
  const CaseClock clock = case_clock(a);
  OptionalDate due(clock.due_on), lifted(clock.lifted_on), then_due(clock.then_due_on),
      then_lifted(clock.then_lifted_on);
  tx.sql << "UPDATE assessments SET clock_due_on = :due, clock_lifted_on = :lifted, clock_then_due_on = :then_due, "
            "clock_then_lifted_on = :then_lifted, clock_stored = 1 WHERE id = :id AND area_id = :area",
      use(due.text, due.ind), use(lifted.text, lifted.ind), use(then_due.text, then_due.ind),
      use(then_lifted.text, then_lifted.ind), use(a.id), use(a.area_id);
  // What the caseload orders by changed.
  mark_changed(tx, a.area_id);
}

std::optional<Assessment> find_assessment(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = load(tx, "WHERE area_id = :v0 AND id = :v1", {area_id, id}, "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Assessment> assessments_of_child(Tx& tx, const std::string& area_id, const std::string& child_id) {
  return load(tx, "WHERE area_id = :v0 AND child_id = :v1", {area_id, child_id}, " ORDER BY received_on DESC, id");
}

std::vector<Assessment> open_assessments(Tx& tx, const std::string& area_id) {
  return load(tx,
              "WHERE area_id = :v0 AND final_issued_on IS NULL AND not_to_issue_on IS NULL AND withdrawn_on IS NULL "
              "AND NOT (decided_on IS NOT NULL AND assess = 0)",
              {area_id}, " ORDER BY received_on, id");
}

std::vector<Assessment> open_assessments_visible(Tx& tx, const std::string& area_id, const std::string& user_id,
                                                 const std::string& agency, bool agency_wide,
                                                 const std::string& caseworker_id) {
  std::string where =
      "WHERE area_id = :v0 AND final_issued_on IS NULL AND not_to_issue_on IS NULL AND withdrawn_on IS NULL AND NOT "
      "(decided_on IS NOT NULL AND assess = 0) AND EXISTS (SELECT 1 FROM involvements i WHERE i.child_id = "
      "assessments.child_id AND "
      "i.ended_on IS NULL AND (i.user_id = :v1 OR (i.user_id = '' AND i.agency = :v2 AND :v3 = 'yes')))";
  std::vector<std::string> values{area_id, user_id, agency, agency_wide ? "yes" : "no"};
  if (!caseworker_id.empty()) {
    where += " AND caseworker_id = :v4";
    values.push_back(caseworker_id);
  }
  return load(tx, where, values, " ORDER BY received_on, id");
}

std::vector<Assessment> assessments_of_area(Tx& tx, const std::string& area_id, const std::string& child_id) {
  if (!child_id.empty())
    return load(tx, "WHERE area_id = :v0 AND child_id = :v1", {area_id, child_id}, " ORDER BY received_on, id");
  return load(tx, "WHERE area_id = :v0", {area_id}, " ORDER BY child_id, received_on, id");
}

std::vector<Assessment> assessments_issued_between(Tx& tx, const std::string& area_id, Date from, Date to) {
  return load(tx, "WHERE area_id = :v0 AND final_issued_on >= :v1 AND final_issued_on <= :v2",
              {area_id, format_date(from), format_date(to)}, " ORDER BY final_issued_on, id");
}

std::vector<Assessment> issued_for_timeliness(Tx& tx, const std::string& area_id, Date from, Date to) {
  std::vector<Assessment> out;
  std::map<std::string, std::size_t> index;
  const std::string f = format_date(from), t = format_date(to);
  {
    std::string id, received, issued;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, received_on, final_issued_on FROM assessments WHERE area_id = :a AND "
                           "final_issued_on >= :f AND final_issued_on <= :t",
         use(area_id), use(f), use(t), into(id), into(received), into(issued));
    st.execute();
    while (st.fetch()) {
      Assessment a;
      a.id = id;
      a.area_id = area_id;
      a.received_on = required_date(received);
      a.final_issued_on = required_date(issued);
      index[id] = out.size();
      out.push_back(std::move(a));
    }
  }
  std::string assessment_id, ground, start, end;
  soci::statement st =
      (tx.sql.prepare << "SELECT e.assessment_id, e.ground, e.start_on, e.end_on FROM assessment_exceptions e JOIN "
                         "assessments a ON a.id = e.assessment_id WHERE a.area_id = :a AND a.final_issued_on >= :f "
                         "AND a.final_issued_on <= :t",
       use(area_id), use(f), use(t), into(assessment_id), into(ground), into(start), into(end));
  st.execute();
  while (st.fetch()) {
    auto it = index.find(assessment_id);
    auto g = parse_exception_ground("ground", ground);
    if (it == index.end() || !g) continue;
    out[it->second].exceptions.push_back({"", ClockException{*g, required_date(start), required_date(end)}, ""});
  }
  return out;
}

std::vector<CaseloadEntry> caseload_order(Tx& tx, const CaseloadFilter& f) {
  // p.t is today and p.r the last day that counts as at risk. Once the first
  // step is overdue and not lifted, the later one is chased (core next_step()).
  const std::string later =
      "a.clock_then_due_on IS NOT NULL AND a.clock_due_on < p.t AND (a.clock_lifted_on IS NULL OR "
      "a.clock_lifted_on > p.t)";
  std::string sql =
      "WITH p AS (SELECT CAST(:v0 AS TEXT) AS t, CAST(:v1 AS TEXT) AS r), c AS (SELECT a.id, a.caseworker_id, "
      "a.received_on, CASE WHEN " +
      later + " THEN a.clock_then_due_on ELSE a.clock_due_on END AS due, CASE WHEN " + later +
      " THEN a.clock_then_lifted_on ELSE a.clock_lifted_on END AS lifted FROM assessments a CROSS JOIN p WHERE "
      "a.area_id = :v2 AND a.clock_stored = 1 AND a.clock_due_on IS NOT NULL AND a.received_on <= p.t AND EXISTS "
      "(SELECT 1 FROM involvements i WHERE i.child_id = a.child_id AND i.ended_on IS NULL AND "
      "(i.user_id = :v3 OR (i.user_id = '' AND i.agency = :v4 AND :v5 = 'yes')))";
  std::vector<std::string> values{format_date(f.today),
                                  format_date(f.today + std::chrono::days{f.at_risk_days}),
                                  f.area_id,
                                  f.user_id,
                                  f.agency,
                                  f.agency_wide ? "yes" : "no"};
  if (!f.caseworker_id.empty()) {
    sql += " AND a.caseworker_id = :v6";
    values.push_back(f.caseworker_id);
  }
  sql +=
      ") SELECT c.id, c.caseworker_id, CASE WHEN c.lifted <= p.t THEN 3 WHEN c.due < p.t THEN 0 "
      "WHEN c.due <= p.r THEN 1 ELSE 2 END AS urgency FROM c CROSS JOIN p ORDER BY urgency, c.due, c.received_on, "
      "c.id";
  std::vector<CaseloadEntry> out;
  std::string id, caseworker;
  int urgency = 0;
  auto prep = (tx.sql.prepare << sql);
  for (std::size_t i = 0; i < values.size(); ++i) prep, use(values[i], "v" + std::to_string(i));
  prep, into(id), into(caseworker), into(urgency);
  soci::statement st = prep;
  st.execute();
  static constexpr StepStatus kByUrgency[] = {StepStatus::overdue, StepStatus::at_risk, StepStatus::on_time,
                                              StepStatus::exception_applies};
  while (st.fetch()) {
    out.push_back({id, caseworker, kByUrgency[std::clamp(urgency, 0, 3)]});
  }
  return out;
}

std::vector<CaseloadCase> caseload_cases(Tx& tx, const std::string& area_id) {
  // The cases caseload_order() reads, before today and the viewer apply.
  const std::string shown = "area_id = :v0 AND clock_stored = 1 AND clock_due_on IS NOT NULL";
  std::vector<CaseloadCase> out;
  std::map<std::string, std::size_t> by_id;
  std::multimap<std::string, std::size_t> by_child;
  for (auto& a : load(tx, "WHERE " + shown, {area_id}, " ORDER BY id")) {
    by_id[a.id] = out.size();
    by_child.emplace(a.child_id, out.size());
    out.push_back({std::move(a), {}, {}, {}});
  }
  if (out.empty()) return out;
  {
    std::string id, due, lifted, then_due, then_lifted;
    soci::indicator due_ind = soci::i_null, lifted_ind = soci::i_null, then_due_ind = soci::i_null,
                    then_lifted_ind = soci::i_null;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, clock_due_on, clock_lifted_on, clock_then_due_on, clock_then_lifted_on FROM "
                           "assessments WHERE " +
                               shown,
         use(area_id, "v0"), into(id), into(due, due_ind), into(lifted, lifted_ind), into(then_due, then_due_ind),
         into(then_lifted, then_lifted_ind));
    st.execute();
    while (st.fetch()) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      out[it->second].clock = CaseClock{read_date(due, due_ind), read_date(lifted, lifted_ind),
                                        read_date(then_due, then_due_ind), read_date(then_lifted, then_lifted_ind)};
    }
  }
  const std::string children = "SELECT child_id FROM assessments WHERE " + shown;
  {
    // As names_of_children(): a child of another area has no name here.
    std::string id, area, given, family;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, area_id, given_name, family_name FROM children WHERE id IN (" + children + ")",
         use(area_id, "v0"), into(id), into(area), into(given), into(family));
    st.execute();
    while (st.fetch()) {
      if (area != area_id) continue;
      for (auto [it, end] = by_child.equal_range(id); it != end; ++it)
        out[it->second].child_name = given + " " + family;
    }
  }
  {
    // As caseload_order(): any involvement of the child not ended, whichever area recorded it.
    std::string child, user, agency;
    soci::statement st =
        (tx.sql.prepare
             << "SELECT child_id, user_id, agency FROM involvements WHERE ended_on IS NULL AND child_id IN (" +
                    children + ") ORDER BY child_id, id",
         use(area_id, "v0"), into(child), into(user), into(agency));
    st.execute();
    while (st.fetch()) {
      for (auto [it, end] = by_child.equal_range(child); it != end; ++it) {
        out[it->second].involvements.push_back({user, agency});
      }
    }
  }
  return out;
}

CaseloadTokens caseload_tokens(Tx& tx, const std::string& area_id) {
  long long assessments = 0, registry = 0;
  soci::indicator assessments_ind = soci::i_null, registry_ind = soci::i_null;
  tx.sql << "SELECT (SELECT change_token FROM assessment_changes WHERE area_id = :a), (SELECT change_token FROM "
            "register_changes WHERE area_id = :b)",
      use(area_id, "a"), use(area_id, "b"), into(assessments, assessments_ind), into(registry, registry_ind);
  return {assessments_ind == soci::i_ok ? assessments : 0, registry_ind == soci::i_ok ? registry : 0};
}

std::optional<CaseClock> stored_case_clock(Tx& tx, const std::string& area_id, const std::string& id) {
  std::string due, lifted, then_due, then_lifted;
  soci::indicator due_ind = soci::i_null, lifted_ind = soci::i_null, then_due_ind = soci::i_null,
                  then_lifted_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT clock_due_on, clock_lifted_on, clock_then_due_on, clock_then_lifted_on FROM "
                         "assessments WHERE area_id = :a AND id = :id",
       use(area_id), use(id), into(due, due_ind), into(lifted, lifted_ind), into(then_due, then_due_ind),
       into(then_lifted, then_lifted_ind));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return CaseClock{read_date(due, due_ind), read_date(lifted, lifted_ind), read_date(then_due, then_due_ind),
                   read_date(then_lifted, then_lifted_ind)};
}

// By key alone, then checked against the area: with a long IN list SQLite
// would otherwise walk the area's index instead of looking each key up.
std::vector<Assessment> assessments_by_id(Tx& tx, const std::string& area_id, const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  auto out = load(tx, "WHERE id IN (" + placeholders(0, ids.size()) + ")", ids, "");
  std::erase_if(out, [&](const Assessment& a) { return a.area_id != area_id; });
  return out;
}

std::vector<Assessment> assessments_with_advice_since(Tx& tx, const std::string& area_id, Date from) {
  const std::string day = format_date(from);
  return load(tx,
              "WHERE area_id = :v0 AND id IN (SELECT assessment_id FROM advice_requests WHERE area_id = :v1 AND "
              "reused = 0 AND (requested_on >= :v2 OR received_on IS NULL OR received_on >= :v3))",
              {area_id, area_id, day, day}, "");
}

std::map<std::string, std::string> names_of_children(Tx& tx, const std::string& area_id,
                                                     const std::vector<std::string>& child_ids) {
  std::map<std::string, std::string> out;
  if (child_ids.empty()) return out;
  std::string id, area, given, family;
  auto prep = (tx.sql.prepare << "SELECT id, area_id, given_name, family_name FROM children WHERE id IN (" +
                                     placeholders(0, child_ids.size()) + ")");
  for (std::size_t i = 0; i < child_ids.size(); ++i) prep, use(child_ids[i], "v" + std::to_string(i));
  prep, into(id), into(area), into(given), into(family);
  soci::statement st = prep;
  st.execute();
  while (st.fetch()) {
    if (area == area_id) out[id] = given + " " + family;
  }
  return out;
}

std::int64_t assessments_change_token(Tx& tx, const std::string& area_id) {
  long long token = 0;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT change_token FROM assessment_changes WHERE area_id = :a", use(area_id), into(token, ind);
  return ind == soci::i_ok ? token : 0;
}

void delete_assessments(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM letters WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM advice_requests WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM assessment_exceptions WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM assessments WHERE area_id = :a", use(area_id);
  mark_changed(tx, area_id);
}

void insert_letter(Tx& tx, const LetterRow& l) {
  const long long at = l.created_at;
  tx.sql << "INSERT INTO letters (id, area_id, child_id, assessment_id, kind, issued_on, subject, body_html, "
            "created_by, created_at) VALUES (:id, :area, :child, :a, :kind, :issued, :subject, :body, :by, :at)",
      use(l.id), use(l.area_id), use(l.child_id), use(l.assessment_id), use(l.kind), use(l.issued_on), use(l.subject),
      use(l.body_html), use(l.created_by), use(at);
}

namespace {
std::vector<LetterRow> letters_where(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<LetterRow> out;
  LetterRow l;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, area_id, child_id, assessment_id, kind, issued_on, subject, "
                         "body_html, created_by, created_at FROM letters " +
                             where,
       use(a, "a"), use(b, "b"), into(l.id), into(l.area_id), into(l.child_id), into(l.assessment_id), into(l.kind),
       into(l.issued_on), into(l.subject), into(l.body_html), into(l.created_by), into(at));
  st.execute();
  while (st.fetch()) {
    l.created_at = at;
    out.push_back(l);
  }
  return out;
}
}  // namespace

std::vector<LetterRow> letters_of_child(Tx& tx, const std::string& area_id, const std::string& child_id) {
  return letters_where(tx, "WHERE area_id = :a AND child_id = :b ORDER BY issued_on DESC, created_at DESC", area_id,
                       child_id);
}

std::optional<LetterRow> find_letter(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = letters_where(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace tandem::store
