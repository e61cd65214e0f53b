// Resuming a session on every request, on both engines: one query gives the
// user, their role and agency in the session's area and the area's name; a
// disabled user, a user no longer a member of the area, an expired or an
// unknown session signs nobody in.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/crypto.h"
#include "fixed_clock.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

using testing::FixedClock;

class SessionResume : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("session_resume");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Northshire", "999"});
      store::upsert_area(tx, {"other", "Southshire", "998"});
      store::insert_user(tx, {"u-1", "case@example.org", "Sam Case", "not-a-hash", false, 1});
      store::upsert_membership(tx, {"u-1", "area", Role::caseworker, Agency::council_education});
    });
  }
  // A session as sign-in makes it: the store keeps only the token's hash.
  std::string session_in(const std::string& area, std::int64_t expires_at) {
    const auto token = app::random_token();
    t_.db->write([&](store::Tx& tx) {
      store::insert_session(tx, {app::token_hash(token), "u-1", area, clock_.now, expires_at});
    });
    return token;
  }
  testing::TestDatabase t_;
  FixedClock clock_{1'764'000'000'000'000};
};

TEST_F(SessionResume, ASessionInTheUsersAreaSignsThemInWithTheirRoleAndTheAreasName) {
  app::Auth auth(*t_.db, clock_);
  const auto token = session_in("area", clock_.now + 60 * app::kMicrosPerMinute);
  const auto user = auth.resume(token);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->user_id, "u-1");
  EXPECT_EQ(user->display_name, "Sam Case");
  EXPECT_EQ(user->area_name, "Northshire");
  EXPECT_EQ(user->role, Role::caseworker);
  EXPECT_EQ(user->agency, Agency::council_education);
  EXPECT_EQ(user->session_hash, app::token_hash(token));
}

TEST_F(SessionResume, NobodyIsSignedInByAnExpiredUnknownDisabledOrForeignSession) {
  app::Auth auth(*t_.db, clock_);
  EXPECT_FALSE(auth.resume(session_in("area", clock_.now))) << "expired at this instant";
  EXPECT_FALSE(auth.resume(app::random_token())) << "unknown";
  EXPECT_FALSE(auth.resume(session_in("other", clock_.now + app::kMicrosPerMinute)))
      << "a session in an area the user is not a member of";
  const auto token = session_in("area", clock_.now + app::kMicrosPerMinute);
  ASSERT_TRUE(auth.resume(token));
  t_.db->write([&](store::Tx& tx) { store::set_disabled(tx, "u-1", true); });
  EXPECT_FALSE(auth.resume(token)) << "a disabled user's open session stops working at once";
}

}  // namespace
}  // namespace tandem
