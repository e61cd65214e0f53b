#include "store/cessations.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

void insert_cessation(Tx& tx, const std::string& area_id, const std::string& plan_id, const std::string& child_id,
                      const Cessation& c, const std::string& letter_id, const std::string& by, std::int64_t now) {
  const std::string reason(to_string(c.reason)), consulted = format_date(c.consulted_on),
                                                 decided = format_date(c.decided_on);
  std::string left = c.left_education_on ? format_date(*c.left_education_on) : "";
  soci::indicator left_ind = c.left_education_on ? soci::i_ok : soci::i_null;
  const long long at = now;
  tx.sql << "INSERT INTO plan_cessations (plan_id, area_id, child_id, reason, consulted_on, decided_on, "
            "left_education_on, reasons, letter_id, recorded_by, recorded_at) VALUES (:p, :a, :c, :r, :co, :d, :l, "
            ":rs, :letter, :by, :at)",
      use(plan_id), use(area_id), use(child_id), use(reason), use(consulted), use(decided), use(left, left_ind),
      use(c.reasons), use(letter_id), use(by), use(at);
}

std::optional<Cessation> find_cessation(Tx& tx, const std::string& area_id, const std::string& plan_id) {
  std::string reason, consulted, decided, left, reasons;
  soci::indicator reason_ind = soci::i_null, left_ind = soci::i_null;
  tx.sql << "SELECT reason, consulted_on, decided_on, left_education_on, reasons FROM plan_cessations WHERE area_id "
            "= :a AND plan_id = :p",
      use(area_id), use(plan_id), into(reason, reason_ind), into(consulted), into(decided), into(left, left_ind),
      into(reasons);
  if (reason_ind != soci::i_ok) return std::nullopt;
  Cessation c;
  c.reason = parse_cease_reason(reason).value_or(CeaseReason::other);
  c.consulted_on = *parse_date("consulted_on", consulted);
  c.decided_on = *parse_date("decided_on", decided);
  if (left_ind == soci::i_ok) c.left_education_on = *parse_date("left_education_on", left);
  c.reasons = reasons;
  return c;
}

std::vector<PlanCessation> cessations_in_area(Tx& tx, const std::string& area_id) {
  std::vector<PlanCessation> out;
  std::string plan_id, child_id, reason, consulted, decided, left, reasons;
  soci::indicator left_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT plan_id, child_id, reason, consulted_on, decided_on, left_education_on, reasons FROM "
                         "plan_cessations WHERE area_id = :a ORDER BY plan_id",
       use(area_id), into(plan_id), into(child_id), into(reason), into(consulted), into(decided), into(left, left_ind),
       into(reasons));
  st.execute();
  while (st.fetch()) {
    Cessation c;
    c.reason = parse_cease_reason(reason).value_or(CeaseReason::other);
    c.consulted_on = *parse_date("consulted_on", consulted);
    c.decided_on = *parse_date("decided_on", decided);
    if (left_ind == soci::i_ok) c.left_education_on = *parse_date("left_education_on", left);
    c.reasons = reasons;
    out.push_back({plan_id, child_id, std::move(c)});
  }
  return out;
}

std::vector<std::string> plans_transferred_by(Tx& tx, const std::string& area_id, Date on) {
  std::vector<std::string> out;
  std::string id;
  const std::string day = format_date(on);
  soci::statement st = (tx.sql.prepare << "SELECT id FROM plans WHERE area_id = :a AND ended_on IS NOT NULL AND "
                                          "ended_on <= :d ORDER BY id",
                        use(area_id), use(day), into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

void save_capacity(Tx& tx, const std::string& area_id, const std::string& child_id, const CapacityRecord& c,
                   const std::string& by, std::int64_t now) {
  const int lacks = c.lacks_capacity ? 1 : 0;
  const std::string assessed = format_date(c.assessed_on);
  const long long at = now;
  tx.sql << "DELETE FROM capacity_records WHERE child_id = :c AND area_id = :a", use(child_id), use(area_id);
  tx.sql << "INSERT INTO capacity_records (child_id, area_id, lacks_capacity, representative, assessed_on, "
            "recorded_by, recorded_at) VALUES (:c, :a, :l, :r, :d, :by, :at)",
      use(child_id), use(area_id), use(lacks), use(c.representative), use(assessed), use(by), use(at);
}

std::optional<CapacityRecord> find_capacity(Tx& tx, const std::string& area_id, const std::string& child_id) {
  int lacks = 0;
  std::string representative, assessed;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT lacks_capacity, representative, assessed_on FROM capacity_records WHERE area_id = :a AND "
            "child_id = :c",
      use(area_id), use(child_id), into(lacks, ind), into(representative), into(assessed);
  if (ind != soci::i_ok) return std::nullopt;
  return CapacityRecord{lacks != 0, representative, *parse_date("assessed_on", assessed)};
}

void delete_cessations_and_capacity(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM plan_cessations WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM capacity_records WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
