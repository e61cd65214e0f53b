// Requests for provision not in the Local Offer (Blackpool seed 5.5, 12.5):
// what a request needs, the five checks, and which decision each set of
// findings allows.
#include "core/provision_request.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 5, 20);

std::vector<std::string> fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

ProvisionRequestInput input(RequestOrigin source) {
  ProvisionRequestInput in;
  in.id = "pr-1";
  in.area_id = "demo";
  in.source = source;
  in.provision = "Equine-assisted therapy";
  in.reason = "Nothing else has worked";
  in.contact = source == RequestOrigin::family ? "parent@example.org" : "";
  return in;
}

TEST(ProvisionRequest, NewRequestNamesEachWrongField) {
  struct Case {
    const char* name;
    RequestOrigin source;
    void (*change)(ProvisionRequestInput&);
    std::vector<std::string> wrong;
  };
  const std::vector<Case> cases{
      {"a family's request", RequestOrigin::family, [](ProvisionRequestInput&) {}, {}},
      {"staff need no contact", RequestOrigin::staff, [](ProvisionRequestInput&) {}, {}},
      {"staff may name a child", RequestOrigin::staff, [](ProvisionRequestInput& i) { i.child_id = "c-1"; }, {}},
      {"a family cannot name a child",
       RequestOrigin::family,
       [](ProvisionRequestInput& i) { i.child_id = "c-1"; },
       {"child_id"}},
      {"a family gives a contact",
       RequestOrigin::family,
       [](ProvisionRequestInput& i) { i.contact = ""; },
       {"contact"}},
      {"what and why",
       RequestOrigin::staff,
       [](ProvisionRequestInput& i) {
         i.provision = " ";
         i.reason = "";
       },
       {"provision", "reason"}},
      {"a known need", RequestOrigin::staff, [](ProvisionRequestInput& i) { i.need_code = "NOPE"; }, {"need_code"}},
      {"an age 0 to 25", RequestOrigin::staff, [](ProvisionRequestInput& i) { i.age = "26"; }, {"age"}},
      {"an age in numbers", RequestOrigin::staff, [](ProvisionRequestInput& i) { i.age = "seven"; }, {"age"}},
      {"a need and an age",
       RequestOrigin::staff,
       [](ProvisionRequestInput& i) {
         i.need_code = "ASD";
         i.age = "7";
       },
       {}},
  };
  for (const auto& c : cases) {
    auto in = input(c.source);
    c.change(in);
    auto r = new_provision_request(in, kToday, 1);
    if (c.wrong.empty()) {
      ASSERT_TRUE(r.has_value()) << c.name << ": " << r.error().first_message();
      EXPECT_EQ(stage_of(*r), RequestStage::received) << c.name;
    } else {
      ASSERT_FALSE(r.has_value()) << c.name;
      EXPECT_EQ(fields(r.error()), c.wrong) << c.name;
    }
  }
}

ProvisionRequest checked(const std::vector<std::pair<const char*, const char*>>& findings, bool child) {
  auto in = input(RequestOrigin::staff);
  if (child) in.child_id = "c-1";
  auto r = *new_provision_request(in, kToday, 1);
  for (const auto& [c, f] : findings) r = *record_check(r, c, f, "Evidence seen", "u-1", 2);
  return r;
}

TEST(ProvisionRequest, ChecksNeedAKnownCriterionFindingAndNote) {
  auto r = checked({}, false);
  auto bad = record_check(r, "price", "great", "", "u-1", 2);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(fields(bad.error()), (std::vector<std::string>{"criterion", "finding", "note"}));
  auto one = record_check(r, "safety", "met", "DBS seen", "u-1", 2);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(stage_of(*one), RequestStage::verifying);
  auto again = record_check(*one, "safety", "not_met", "Insurance lapsed", "u-1", 3);
  ASSERT_EQ(again->checks.size(), 1u);
  EXPECT_EQ(again->checks[0].finding, Finding::not_met);
  auto both = record_check(*again, "efficacy", "met", "Trial", "u-1", 4);
  ASSERT_EQ(both->checks.size(), 2u);
  EXPECT_EQ(both->checks[0].criterion, Criterion::efficacy) << "kept in the criteria's order";
  EXPECT_EQ(unchecked(*both), (std::vector<Criterion>{Criterion::cost, Criterion::quality, Criterion::outcomes}));
}

TEST(ProvisionRequest, WhichDecisionEachSetOfFindingsAllows) {
  const std::vector<std::pair<const char*, const char*>> all_met{
      {"efficacy", "met"}, {"cost", "met"}, {"safety", "met"}, {"quality", "met"}, {"outcomes", "met"}};
  auto with = [&](const char* criterion, const char* finding) {
    auto f = all_met;
    for (auto& p : f) {
      if (std::string(p.first) == criterion) p.second = finding;
    }
    return f;
  };
  struct Case {
    const char* name;
    ProvisionRequest request;
    const char* decision;
    const char* reasons;
    std::vector<std::string> wrong;
  };
  const std::vector<Case> cases{
      {"all met: add to the offer", checked(all_met, false), "add_to_offer", "Meets all five", {}},
      {"cost not met: not for the offer", checked(with("cost", "not_met"), false), "add_to_offer", "R", {"decision"}},
      {"unclear is not met", checked(with("outcomes", "unclear"), false), "add_to_offer", "R", {"decision"}},
      {"not all checked", checked({{"efficacy", "met"}}, true), "add_to_offer", "R", {"decision"}},
      {"cost not met: fund for the child", checked(with("cost", "not_met"), true), "fund_for_child", "Only option", {}},
      {"funding needs a child", checked(all_met, false), "fund_for_child", "R", {"decision"}},
      {"never fund unsafe provision", checked(with("safety", "not_met"), true), "fund_for_child", "R", {"decision"}},
      {"never fund poor quality", checked(with("quality", "unclear"), true), "fund_for_child", "R", {"decision"}},
      {"decline at any stage", checked({}, false), "decline", "Duplicate of a listed service", {}},
      {"reasons always", checked(all_met, false), "add_to_offer", "  ", {"reasons"}},
      {"a known decision", checked(all_met, false), "maybe", "R", {"decision"}},
  };
  for (const auto& c : cases) {
    auto d = decide(c.request, c.decision, c.reasons, "u-2", kToday);
    if (c.wrong.empty()) {
      ASSERT_TRUE(d.has_value()) << c.name << ": " << d.error().first_message();
      EXPECT_EQ(stage_of(*d), RequestStage::decided) << c.name;
      EXPECT_EQ(*d->decided_on, kToday);
      EXPECT_EQ(d->decided_by, "u-2");
      auto twice = decide(*d, "decline", "Again", "u-2", kToday);
      ASSERT_FALSE(twice.has_value()) << c.name;
      EXPECT_EQ(twice.error().first_field(), "decision");
      auto recheck = record_check(*d, "cost", "met", "Later", "u-1", 9);
      EXPECT_FALSE(recheck.has_value()) << "a decided request keeps its checks";
    } else {
      ASSERT_FALSE(d.has_value()) << c.name;
      EXPECT_EQ(fields(d.error()), c.wrong) << c.name;
    }
  }
}

}  // namespace
}  // namespace tandem
