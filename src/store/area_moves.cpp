#include "store/area_moves.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "m.id, m.area_id, m.child_id, m.direction, m.other_authority, m.moved_on, m.learned_on, m.transferred_on, "
    "m.plan_last_reviewed_on, m.family_told_on, m.will_assess, m.will_amend, m.recorded_by, m.version, c.given_name, "
    "c.family_name, "
    // The child's latest review here since a plan came in: the move's own
    // figures in the same row, so a list of moves is one query.
    "(SELECT MAX(p.last_reviewed_on) FROM plans p WHERE p.area_id = m.area_id AND p.child_id = m.child_id AND "
    "m.direction = 'in' AND p.last_reviewed_on >= m.transferred_on)";

// A nullable date column as text and its indicator, for binding.
struct DateParam {
  std::string text;
  soci::indicator ind = soci::i_null;
  explicit DateParam(const std::optional<Date>& d)
      : text(d ? format_date(*d) : ""), ind(d ? soci::i_ok : soci::i_null) {}
};

// A nullable yes/no column as 1/0 and its indicator, for binding.
struct FlagParam {
  int value = 0;
  soci::indicator ind = soci::i_null;
  explicit FlagParam(const std::optional<bool>& b)
      : value(b.value_or(false) ? 1 : 0), ind(b ? soci::i_ok : soci::i_null) {}
};

struct Row {
  std::string id, area, child, direction, other, moved, learned, transferred, last_reviewed, told, by, given, family,
      reviewed_here;
  int will_assess = 0, will_amend = 0;
  long long version = 0;
  soci::indicator learned_ind = soci::i_null, transferred_ind = soci::i_null, reviewed_ind = soci::i_null,
                  told_ind = soci::i_null, assess_ind = soci::i_null, amend_ind = soci::i_null,
                  reviewed_here_ind = soci::i_null;

  void bind(soci::details::prepare_temp_type& p) {
    p, into(id), into(area), into(child), into(direction), into(other), into(moved), into(learned, learned_ind),
        into(transferred, transferred_ind), into(last_reviewed, reviewed_ind), into(told, told_ind),
        into(will_assess, assess_ind), into(will_amend, amend_ind), into(by), into(version), into(given), into(family),
        into(reviewed_here, reviewed_here_ind);
  }

  StoredMove take() const {
    const auto date = [](soci::indicator ind, const std::string& text, const char* field) -> std::optional<Date> {
      if (ind != soci::i_ok) return std::nullopt;
      return *parse_date(field, text);
    };
    StoredMove out;
    AreaMove& m = out.move;
    m.id = id;
    m.area_id = area;
    m.child_id = child;
    m.direction = parse_move_direction("direction", direction).value_or(MoveDirection::into_area);
    m.other_authority = other;
    m.moved_on = *parse_date("moved_on", moved);
    m.learned_on = date(learned_ind, learned, "learned_on");
    m.transferred_on = date(transferred_ind, transferred, "transferred_on");
    m.plan_last_reviewed_on = date(reviewed_ind, last_reviewed, "plan_last_reviewed_on");
    m.family_told_on = date(told_ind, told, "family_told_on");
    if (assess_ind == soci::i_ok) m.will_assess = will_assess != 0;
    if (amend_ind == soci::i_ok) m.will_amend = will_amend != 0;
    m.recorded_by = by;
    m.version = version;
    out.child_name = given + " " + family;
    out.reviewed_here_on = date(reviewed_here_ind, reviewed_here, "last_reviewed_on");
    return out;
  }
};

// The moves matching `where` (on the area_moves row m and the child c), with
// the values its placeholders take, in order.
template <class... Values>
std::vector<StoredMove> select_moves(Tx& tx, const std::string& where, const Values&... values) {
  Row row;
  soci::details::prepare_temp_type p =
      (tx.sql.prepare << std::string("SELECT ") + kColumns +
                             " FROM area_moves m JOIN children c ON c.id = m.child_id WHERE " + where);
  row.bind(p);
  ((p, use(values)), ...);
  soci::statement st(p);
  st.execute();
  std::vector<StoredMove> out;
  while (st.fetch()) out.push_back(row.take());
  return out;
}

}  // namespace

void insert_move(Tx& tx, const AreaMove& m) {
  const std::string direction(to_string(m.direction)), moved = format_date(m.moved_on);
  DateParam learned(m.learned_on), transferred(m.transferred_on), reviewed(m.plan_last_reviewed_on),
      told(m.family_told_on);
  FlagParam assess(m.will_assess), amend(m.will_amend);
  const long long version = m.version;
  tx.sql << "INSERT INTO area_moves (id, area_id, child_id, direction, other_authority, moved_on, learned_on, "
            "transferred_on, plan_last_reviewed_on, family_told_on, will_assess, will_amend, recorded_by, version) "
            "VALUES (:id, :a, :c, :d, :o, :m, :l, :t, :r, :f, :w, :am, :by, :v)",
      use(m.id), use(m.area_id), use(m.child_id), use(direction), use(m.other_authority), use(moved),
      use(learned.text, learned.ind), use(transferred.text, transferred.ind), use(reviewed.text, reviewed.ind),
      use(told.text, told.ind), use(assess.value, assess.ind), use(amend.value, amend.ind), use(m.recorded_by),
      use(version);
}

bool update_move(Tx& tx, const AreaMove& m) {
  const std::string moved = format_date(m.moved_on);
  DateParam learned(m.learned_on), transferred(m.transferred_on), reviewed(m.plan_last_reviewed_on),
      told(m.family_told_on);
  FlagParam assess(m.will_assess), amend(m.will_amend);
  const long long expected = m.version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE area_moves SET other_authority = :o, moved_on = :m, learned_on = "
                         ":l, transferred_on = :t, plan_last_reviewed_on = :r, family_told_on = :f, "
                         "will_assess = :w, will_amend = :am, recorded_by = :by, version = version + 1 WHERE id = :id "
                         "AND area_id = :a AND version = :v",
       use(m.other_authority), use(moved), use(learned.text, learned.ind), use(transferred.text, transferred.ind),
       use(reviewed.text, reviewed.ind), use(told.text, told.ind), use(assess.value, assess.ind),
       use(amend.value, amend.ind), use(m.recorded_by), use(m.id), use(m.area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<StoredMove> find_move(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select_moves(tx, "m.area_id = :a AND m.id = :id", area_id, id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<StoredMove> moves_of_child(Tx& tx, const std::string& area_id, const std::string& child_id) {
  return select_moves(tx, "m.area_id = :a AND m.child_id = :c ORDER BY m.moved_on DESC, m.id", area_id, child_id);
}

std::vector<StoredMove> recent_moves(Tx& tx, const std::string& area_id, const std::string& user_id,
                                     const std::string& agency, bool agency_wide, Date since) {
  const std::string wide = agency_wide ? "yes" : "no", from = format_date(since);
  return select_moves(tx,
                      "m.area_id = :a AND (m.moved_on >= :s OR m.transferred_on IS NULL OR (m.direction = 'in' AND "
                      "m.family_told_on IS NULL)) AND EXISTS (SELECT 1 FROM involvements i WHERE i.child_id = c.id AND "
                      "i.ended_on IS NULL AND (i.user_id = :u OR (i.user_id = '' AND i.agency = :g AND :w = 'yes'))) "
                      "ORDER BY m.moved_on DESC, m.id",
                      area_id, from, user_id, agency, wide);
}

void delete_moves(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM area_moves WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
