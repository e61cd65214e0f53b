#include "store/reviews.h"

#include "store/detail/tx.h"
#include "store/plan_codec.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::optional<Date> opt_date(const std::string& text, soci::indicator ind, const char* field) {
  if (ind != soci::i_ok) return std::nullopt;
  return *parse_date(field, text);
}

const char* kColumns =
    "SELECT r.id, r.area_id, r.plan_id, r.child_id, r.meeting_on, r.lead, r.views, r.recommendation, r.decision, "
    "r.decided_on, r.amended_plan_issued_on, r.version, c.given_name, c.family_name FROM plan_reviews r JOIN "
    "children c ON c.id = r.child_id ";

// Reads reviews matching `where` (bound to :a, :b, :c, :d), then their progress rows.
std::vector<StoredReview> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b,
                                 const std::string& c, const std::string& d) {
  std::vector<StoredReview> out;
  std::string id, area, plan, child, meeting, lead, views, recommendation, decision, decided, amended, given, family;
  soci::indicator decision_ind = soci::i_null, decided_ind = soci::i_null, amended_ind = soci::i_null;
  long long version = 0;
  soci::statement st = (tx.sql.prepare << std::string(kColumns) + where, use(a, "a"), use(b, "b"), use(c, "c"),
                        use(d, "d"), into(id), into(area), into(plan), into(child), into(meeting), into(lead),
                        into(views), into(recommendation), into(decision, decision_ind), into(decided, decided_ind),
                        into(amended, amended_ind), into(version), into(given), into(family));
  st.execute();
  while (st.fetch()) {
    StoredReview s;
    Review& r = s.review;
    r.id = id;
    r.area_id = area;
    r.plan_id = plan;
    r.child_id = child;
    r.meeting_on = *parse_date("meeting_on", meeting);
    r.lead = parse_review_lead(lead).value_or(ReviewLead::council);
    r.views = views;
    r.recommendation = parse_review_decision(recommendation).value_or(ReviewDecision::maintain);
    if (decision_ind == soci::i_ok) r.decision = parse_review_decision(decision);
    r.decided_on = opt_date(decided, decided_ind, "decided_on");
    r.amended_plan_issued_on = opt_date(amended, amended_ind, "amended_plan_issued_on");
    s.version = version;
    s.child_name = given + " " + family;
    out.push_back(std::move(s));
  }
  for (auto& s : out) {
    std::string outcome_id, text, progress, note;
    soci::statement ps = (tx.sql.prepare << "SELECT outcome_id, outcome_text, progress, note FROM review_outcomes "
                                            "WHERE review_id = :id ORDER BY outcome_id",
                          use(s.review.id), into(outcome_id), into(text), into(progress), into(note));
    ps.execute();
    while (ps.fetch()) {
      s.review.progress.push_back({outcome_id, text, parse_progress(progress).value_or(Progress::on_track), note});
    }
  }
  return out;
}

}  // namespace

void insert_review(Tx& tx, const Review& r, const std::string& recorded_by) {
  const std::string meeting = format_date(r.meeting_on), lead(to_string(r.lead)),
                    recommendation(to_string(r.recommendation));
  std::string decision = r.decision ? std::string(to_string(*r.decision)) : "",
              decided = r.decided_on ? format_date(*r.decided_on) : "",
              amended = r.amended_plan_issued_on ? format_date(*r.amended_plan_issued_on) : "";
  soci::indicator decision_ind = r.decision ? soci::i_ok : soci::i_null,
                  decided_ind = r.decided_on ? soci::i_ok : soci::i_null,
                  amended_ind = r.amended_plan_issued_on ? soci::i_ok : soci::i_null;
  const long long version = 1;
  tx.sql << "INSERT INTO plan_reviews (id, area_id, plan_id, child_id, meeting_on, lead, views, recommendation, "
            "decision, decided_on, amended_plan_issued_on, recorded_by, version) VALUES (:id, :area, :plan, :child, "
            ":meeting, :lead, :views, :rec, :decision, :decided, :amended, :by, :version)",
      use(r.id), use(r.area_id), use(r.plan_id), use(r.child_id), use(meeting), use(lead), use(r.views),
      use(recommendation), use(decision, decision_ind), use(decided, decided_ind), use(amended, amended_ind),
      use(recorded_by), use(version);
  for (const auto& p : r.progress) {
    const std::string progress(to_string(p.progress));
    tx.sql << "INSERT INTO review_outcomes (review_id, outcome_id, area_id, outcome_text, progress, note) VALUES "
              "(:r, :o, :a, :t, :p, :n)",
        use(r.id), use(p.outcome_id), use(r.area_id), use(p.outcome_text), use(progress), use(p.note);
  }
}

bool update_review(Tx& tx, const Review& r, std::int64_t expected_version) {
  std::string decision = r.decision ? std::string(to_string(*r.decision)) : "",
              decided = r.decided_on ? format_date(*r.decided_on) : "",
              amended = r.amended_plan_issued_on ? format_date(*r.amended_plan_issued_on) : "";
  soci::indicator decision_ind = r.decision ? soci::i_ok : soci::i_null,
                  decided_ind = r.decided_on ? soci::i_ok : soci::i_null,
                  amended_ind = r.amended_plan_issued_on ? soci::i_ok : soci::i_null;
  const long long expected = expected_version, next = expected_version + 1;
  soci::statement st =
      (tx.sql.prepare << "UPDATE plan_reviews SET decision = :decision, decided_on = :decided, "
                         "amended_plan_issued_on = :amended, version = :next WHERE id = :id AND area_id = :area AND "
                         "version = :v",
       use(decision, decision_ind), use(decided, decided_ind), use(amended, amended_ind), use(next), use(r.id),
       use(r.area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<StoredReview> find_review(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE r.area_id = :a AND r.id = :b AND :c = :d", area_id, id, "", "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredReview> reviews_of_plan(Tx& tx, const std::string& area_id, const std::string& plan_id) {
  return select(tx, "WHERE r.area_id = :a AND r.plan_id = :b AND :c = :d ORDER BY r.meeting_on DESC, r.id", area_id,
                plan_id, "", "");
}

std::vector<StoredReview> unfinished_reviews(Tx& tx, const std::string& area_id, const std::string& user_id,
                                             const std::string& agency, bool agency_wide) {
  return select(tx,
                "WHERE r.area_id = :a AND (r.decision IS NULL OR (r.decision = 'amend' AND "
                "r.amended_plan_issued_on IS NULL)) AND EXISTS (SELECT 1 FROM involvements i WHERE i.child_id = "
                "r.child_id AND i.ended_on IS NULL AND (i.user_id = :b OR (i.user_id = '' AND i.agency = :c AND "
                ":d = 'yes'))) ORDER BY r.meeting_on, r.id",
                area_id, user_id, agency, agency_wide ? "yes" : "no");
}

bool amendment_open(Tx& tx, const std::string& area_id, const std::string& plan_id) {
  long long n = 0;
  tx.sql << "SELECT COUNT(*) FROM plan_reviews WHERE area_id = :a AND plan_id = :p AND decision = 'amend' AND "
            "amended_plan_issued_on IS NULL",
      use(area_id), use(plan_id), into(n);
  return n > 0;
}

void delete_reviews(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM review_outcomes WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM plan_reviews WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store

namespace tandem::store {

using soci::into;
using soci::use;

std::vector<PlanWithProgress> final_plans_with_progress(Tx& tx, const std::string& area_id) {
  std::vector<PlanWithProgress> out;
  std::map<std::string, std::size_t> index;
  {
    std::string id, body;
    soci::statement st = (tx.sql.prepare << "SELECT id, body FROM plans WHERE area_id = :a AND stage = 'final' "
                                            "ORDER BY id",
                          use(area_id), into(id), into(body));
    st.execute();
    while (st.fetch()) {
      auto plan = plan_from_json(body);
      if (!plan) continue;
      index[id] = out.size();
      out.push_back({std::move(*plan), {}});
    }
  }
  // Each plan's latest review: the one with the latest meeting (ties: the
  // highest id, as the review history orders them).
  std::string plan_id, outcome, progress;
  soci::statement st =
      (tx.sql.prepare << "SELECT r.plan_id, o.outcome_id, o.progress FROM review_outcomes o JOIN plan_reviews r ON "
                         "r.id = o.review_id WHERE r.area_id = :a AND NOT EXISTS (SELECT 1 FROM plan_reviews r2 WHERE "
                         "r2.plan_id = r.plan_id AND (r2.meeting_on > r.meeting_on OR (r2.meeting_on = r.meeting_on "
                         "AND r2.id > r.id)))",
       use(area_id), into(plan_id), into(outcome), into(progress));
  st.execute();
  while (st.fetch()) {
    const auto it = index.find(plan_id);
    const auto p = parse_progress(progress);
    if (it == index.end() || !p) continue;
    out[it->second].progress[outcome] = *p;
  }
  return out;
}

}  // namespace tandem::store
