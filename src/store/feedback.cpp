#include "store/feedback.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT id, area_id, service_id, received_on, received_at, given_by, comment, contact, submitted_by, status, "
    "category, need_code, you_said, we_did, published_on, version FROM feedback ";

std::vector<Feedback> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b,
                             const std::string& c) {
  std::vector<Feedback> out;
  std::string id, area, service, received_on, from, comment, contact, by, status, category, need, said, did, published;
  long long received_at = 0, version = 0;
  soci::indicator published_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << kColumns + where, use(a, "a"), use(b, "b"), use(c, "c"), into(id), into(area), into(service),
       into(received_on), into(received_at), into(from), into(comment), into(contact), into(by), into(status),
       into(category), into(need), into(said), into(did), into(published, published_ind), into(version));
  st.execute();
  while (st.fetch()) {
    Feedback f;
    f.id = id;
    f.area_id = area;
    f.service_id = service;
    f.received_on = *parse_date("received_on", received_on);
    f.received_at = received_at;
    f.from = parse_feedback_from(from).value_or(FeedbackFrom::other);
    f.comment = comment;
    f.contact = contact;
    f.submitted_by = by;
    f.status = parse_feedback_status(status).value_or(FeedbackStatus::new_);
    f.category = parse_feedback_category(category);
    f.need_code = need;
    f.you_said = said;
    f.we_did = did;
    if (published_ind == soci::i_ok) f.published_on = *parse_date("published_on", published);
    f.version = version;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

void insert_feedback(Tx& tx, const Feedback& f, std::int64_t now) {
  const std::string received_on = format_date(f.received_on), from(to_string(f.from)), status(to_string(f.status)),
                    category = f.category ? std::string(to_string(*f.category)) : std::string(),
                    published = f.published_on ? format_date(*f.published_on) : std::string();
  soci::indicator published_ind = f.published_on ? soci::i_ok : soci::i_null;
  const long long received_at = f.received_at, version = f.version, at = now;
  tx.sql << "INSERT INTO feedback (id, area_id, service_id, received_on, received_at, given_by, comment, contact, "
            "submitted_by, status, category, need_code, you_said, we_did, published_on, version, updated_at) VALUES "
            "(:id, :a, :s, :ro, :ra, :g, :c, :ct, :by, :st, :cat, :n, :ys, :wd, :p, :v, :at)",
      use(f.id), use(f.area_id), use(f.service_id), use(received_on), use(received_at), use(from), use(f.comment),
      use(f.contact), use(f.submitted_by), use(status), use(category), use(f.need_code), use(f.you_said), use(f.we_did),
      use(published, published_ind), use(version), use(at);
}

bool update_feedback(Tx& tx, const Feedback& f, std::int64_t expected_version, std::int64_t now) {
  const std::string status(to_string(f.status)),
      category = f.category ? std::string(to_string(*f.category)) : std::string(),
      published = f.published_on ? format_date(*f.published_on) : std::string();
  soci::indicator published_ind = f.published_on ? soci::i_ok : soci::i_null;
  const long long version = f.version, expected = expected_version, at = now;
  soci::statement st =
      (tx.sql.prepare << "UPDATE feedback SET status = :st, category = :cat, need_code = :n, service_id = :s, "
                         "you_said = :ys, we_did = :wd, published_on = :p, version = :v, updated_at = :at WHERE id = "
                         ":id AND area_id = :a AND version = :e",
       use(status), use(category), use(f.need_code), use(f.service_id), use(f.you_said), use(f.we_did),
       use(published, published_ind), use(version), use(at), use(f.id), use(f.area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Feedback> find_feedback(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b AND :c = ''", area_id, id, "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Feedback> feedback_by_status(Tx& tx, const std::string& area_id, const std::string& status, int limit) {
  return select(
      tx,
      "WHERE area_id = :a AND (status = :b OR :c = '') ORDER BY received_at DESC, id LIMIT " + std::to_string(limit),
      area_id, status, status);
}

std::vector<Feedback> published_feedback(Tx& tx, const std::string& area_id, int limit) {
  return select(tx,
                "WHERE area_id = :a AND published_on IS NOT NULL AND :b = :c ORDER BY published_on DESC, "
                "received_at DESC, id LIMIT " +
                    std::to_string(limit),
                area_id, "", "");
}

std::vector<Feedback> feedback_received(Tx& tx, const std::string& area_id, Date from, Date to) {
  return select(tx, "WHERE area_id = :a AND received_on >= :b AND received_on <= :c ORDER BY received_at, id", area_id,
                format_date(from), format_date(to));
}

void delete_feedback(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM feedback WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
