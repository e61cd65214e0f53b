#include "app/demo_area.h"

#include <algorithm>
#include <map>

#include "app/auth.h"
#include "app/crypto.h"
#include "app/demo_directory.h"
#include "app/demo_voice.h"
#include "app/letter_writer.h"
#include "app/plans.h"
#include "core/area_profile.h"
#include "demo/appeals.h"
#include "demo/assessments.h"
#include "demo/calibration.h"
#include "demo/commissioning.h"
#include "demo/contract_invoices.h"
#include "demo/contracts.h"
#include "demo/disagreements.h"
#include "demo/generator.h"
#include "demo/money_spent.h"
#include "demo/moves.h"
#include "demo/plans.h"
#include "demo/pooled_budgets.h"
#include "demo/reviews.h"
#include "profile/area_profiles.h"
#include "profile/school_terms.h"
#include "store/appeals.h"
#include "store/area_moves.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/cessations.h"
#include "store/children.h"
#include "store/commissioning.h"
#include "store/contract_invoices.h"
#include "store/contracts.h"
#include "store/decommissioning.h"
#include "store/disagreements.h"
#include "store/frameworks.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/pooled_budgets.h"
#include "store/recharges.h"
#include "store/reviews.h"
#include "store/sen2.h"
#include "store/top_ups.h"

namespace tandem::app {

namespace {

// The demo's one password, printed with the accounts: demo data only.
constexpr const char* kDemoPassword = "tandem-demo-2026";
constexpr std::size_t kBatch = 2000;

// The letters of reg 15 for the demo's moves, as a caseworker recording each
// step would have sent them: a plan transferred out ends here that day with
// the family told; a family told of a plan transferred in has its letter.
void send_move_letters(store::Database& db, const Clock& clock, const AreaProfile& profile,
                       const std::vector<demo::DemoStaff>& staff, const demo::DemoArea& area,
                       const std::vector<AreaMove>& moves) {
  SignedIn writer;
  for (const auto& st : staff) {
    if (st.role != Role::caseworker) continue;
    writer = {st.user_id, "", st.display_name, profile.id, profile.name, st.role, st.agency, ""};
    break;
  }
  std::map<std::string, const Child*> children;
  for (const auto& dc : area.children) children[dc.child.id] = &dc.child;
  const std::int64_t now = clock.now_micros();
  db.write([&](store::Tx& tx) {
    for (const auto& m : moves) {
      const auto child = children.find(m.child_id);
      if (child == children.end()) continue;
      const bool sends =
          m.direction == MoveDirection::out_of_area ? m.transferred_on.has_value() : m.family_told_on.has_value();
      if (!sends) continue;
      const std::string reasons = "The plan from " + m.other_authority + " sets out " + child->second->given_name +
                                  "'s needs and provision, and the advice behind it is recent. " +
                                  child->second->given_name +
                                  "'s new setting has the plan and can make the provision in it.";
      if (m.direction == MoveDirection::out_of_area) {
        store::end_plans_of_child(tx, profile.id, m.child_id, *m.transferred_on, CeaseReason::moved_la);
      }
      if (auto letter = letter_for_move(m, *child->second, writer, reasons, now, std::nullopt)) {
        store::insert_letter(tx, *letter);
      }
    }
  });
}

Agency agency_for(Role role) {
  switch (role) {
    case Role::icb_commissioner:
    case Role::designated_clinical_officer: return Agency::icb;
    case Role::social_care_practitioner: return Agency::council_social_care;
    case Role::provider: return Agency::provider;
    default: return Agency::council_education;
  }
}

std::string display_name_for(Role role) {
  switch (role) {
    case Role::caseworker: return "Sam Carter";
    case Role::sen_manager: return "Jordan Ellis";
    case Role::icb_commissioner: return "Priya Nair";
    case Role::designated_clinical_officer: return "Dr Alex Morgan";
    case Role::social_care_practitioner: return "Chris Okafor";
    case Role::finance_officer: return "Taylor Reid";
    case Role::panel_member: return "Robin Hughes";
    case Role::board_member: return "Morgan Blake";
    case Role::provider: return "Jamie Singh (speech and language therapist)";
    case Role::administrator: return "Casey Lloyd";
  }
  return "Demo user";
}

}  // namespace

Result<DemoSummary> build_demo_area(store::Database& db, const Clock& clock, const DemoRequest& request) {
  auto profile = shipped_area_profile(request.area);
  if (!profile) return tl::unexpected<Error>(profile.error());
  const std::string la = profile->calibrate_from.value_or(profile->la_code);
  auto calibration = demo::calibration_for(la);
  if (!calibration) return tl::unexpected<Error>(calibration.error());

  DemoSummary summary;
  summary.area_id = profile->id;
  summary.area_name = profile->name;
  summary.calibrated_from = calibration->la_name + " (" + la + ")";
  const std::int64_t now = clock.now_micros();

  // Accounts first: their ids are named on cases.
  db.write([&](store::Tx& tx) { store::upsert_area(tx, {profile->id, profile->name, profile->la_code}); });
  const std::string hash = hash_password(kDemoPassword);
  std::vector<demo::DemoStaff> staff;
  for (Role role : all_roles()) {
    DemoAccount account{std::string(to_string(role)) + "@" + profile->id + ".tandem.example", kDemoPassword, role,
                        agency_for(role)};
    std::string user_id;
    db.write([&](store::Tx& tx) {
      if (auto existing = store::find_user_by_email(tx, account.email)) {
        user_id = existing->id;
        store::set_password_hash(tx, user_id, hash);
        store::set_disabled(tx, user_id, false);
        store::clear_sign_in_failures(tx, account.email);
      } else {
        user_id = new_id("u");
        store::insert_user(tx, {user_id, account.email, display_name_for(role), hash, false, now});
      }
      store::upsert_membership(tx, {user_id, profile->id, role, account.agency});
    });
    staff.push_back({user_id, display_name_for(role), role, account.agency});
    summary.accounts.push_back(account);
  }

  // A service has several caseworkers: extra accounts give "my cases" and the
  // manager's caseload view something to share out.
  for (const char* extra : {"Alex Rahman", "Jo Whitfield", "Nia Osei"}) {
    const std::string email =
        "caseworker" + std::to_string(staff.size() - all_roles().size() + 2) + "@" + profile->id + ".tandem.example";
    std::string user_id;
    db.write([&](store::Tx& tx) {
      if (auto existing = store::find_user_by_email(tx, email)) {
        user_id = existing->id;
        store::set_password_hash(tx, user_id, hash);
        store::set_disabled(tx, user_id, false);
      } else {
        user_id = new_id("u");
        store::insert_user(tx, {user_id, email, extra, hash, false, now});
      }
      store::upsert_membership(tx, {user_id, profile->id, Role::caseworker, Agency::council_education});
    });
    staff.push_back({user_id, extra, Role::caseworker, Agency::council_education});
    summary.accounts.push_back({email, kDemoPassword, Role::caseworker, Agency::council_education});
  }

  demo::DemoOptions options;
  options.seed = request.seed;
  options.plans = request.plans;
  options.today = clock.today();
  options.area_id = profile->id;
  options.staff = staff;
  options.id_prefix = profile->id == "demo" ? "" : profile->id + "-";
  for (const auto& p : profile->partners) {
    if (p.agency == Agency::icb) options.icb_names.push_back(p.name);
  }
  if (options.icb_names.empty()) options.icb_names.push_back("NHS integrated care board");
  const auto area = demo::generate_demo_area(*calibration, options);

  db.write([&](store::Tx& tx) {
    store::delete_sen2(tx, profile->id);
    store::delete_appeals(tx, profile->id);
    store::delete_cessations_and_capacity(tx, profile->id);
    store::delete_recharges(tx, profile->id);
    store::delete_top_up_payments(tx, profile->id);
    store::delete_moves(tx, profile->id);
    store::delete_disagreements(tx, profile->id);
    store::delete_reviews(tx, profile->id);
    store::delete_plans(tx, profile->id);
    store::delete_assessments(tx, profile->id);
    store::delete_register(tx, profile->id);
  });
  for (std::size_t start = 0; start < area.children.size(); start += kBatch) {
    const std::size_t end = std::min(area.children.size(), start + kBatch);
    db.write([&](store::Tx& tx) {
      for (std::size_t i = start; i < end; ++i) {
        const auto& dc = area.children[i];
        store::insert_child(tx, dc.child, now);
        for (const auto& n : dc.needs) store::insert_need(tx, profile->id, dc.child.id, n);
        for (const auto& p : dc.placements) store::insert_placement(tx, profile->id, dc.child.id, p);
        for (const auto& inv : dc.involvements) store::insert_involvement(tx, profile->id, dc.child.id, inv);
      }
    });
  }
  // A school's SENCO leads the reviews of the children with plans at it
  // (reg 21): the setting the most such children attend gets an account.
  {
    std::map<std::string, int> at_setting;
    for (const auto& dc : area.children) {
      if (dc.child.plan_status == PlanStatus::ehc_plan && !dc.child.setting_name.empty()) {
        ++at_setting[dc.child.setting_name];
      }
    }
    const auto busiest = std::max_element(at_setting.begin(), at_setting.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    if (busiest != at_setting.end()) {
      const std::string email = "senco@" + profile->id + ".tandem.example";
      const std::string name = "Sam Okafor (SENCO, " + busiest->first + ")";
      db.write([&](store::Tx& tx) {
        std::string user_id;
        if (auto existing = store::find_user_by_email(tx, email)) {
          user_id = existing->id;
          store::set_password_hash(tx, user_id, hash);
          store::set_disabled(tx, user_id, false);
        } else {
          user_id = new_id("u");
          store::insert_user(tx, {user_id, email, name, hash, false, now});
        }
        store::upsert_membership(tx, {user_id, profile->id, Role::provider, Agency::school});
        for (const auto& dc : area.children) {
          if (dc.child.plan_status != PlanStatus::ehc_plan || dc.child.setting_name != busiest->first) continue;
          store::insert_involvement(tx, profile->id, dc.child.id,
                                    {new_id("i"), Agency::school, user_id, name, "SENCO: leads the annual review",
                                     clock.today() - std::chrono::days(200), std::nullopt});
        }
      });
      summary.accounts.push_back({email, kDemoPassword, Role::provider, Agency::school});
    }
  }
  demo::AssessmentOptions assessment_options;
  assessment_options.seed = request.seed;
  assessment_options.today = clock.today();
  assessment_options.area_id = profile->id;
  assessment_options.id_prefix = options.id_prefix;
  for (const auto& st : staff) {
    if (st.role == Role::caseworker || st.role == Role::sen_manager)
      assessment_options.caseworker_ids.push_back(st.user_id);
  }
  const auto assessments = demo::generate_assessments(*calibration, area, assessment_options);
  for (std::size_t start = 0; start < assessments.size(); start += kBatch) {
    const std::size_t end = std::min(assessments.size(), start + kBatch);
    db.write([&](store::Tx& tx) {
      for (std::size_t i = start; i < end; ++i) store::save_assessment(tx, assessments[i], now);
    });
  }
  summary.assessments = assessments.size();

  demo::PlanOptions plan_options;
  plan_options.seed = request.seed;
  plan_options.today = clock.today();
  plan_options.id_prefix = options.id_prefix;
  auto plans = demo::generate_plans(area, assessments, profile->responsibility, plan_options);
  demo::DisagreementOptions disagreement_options;
  disagreement_options.seed = request.seed;
  disagreement_options.today = clock.today();
  disagreement_options.area_id = profile->id;
  disagreement_options.id_prefix = options.id_prefix;
  for (const auto& st : staff) {
    if (st.role == Role::caseworker) disagreement_options.raised_by.push_back(st.user_id);
    if (role_has(st.role, Permission::agree_provision)) disagreement_options.decided_by.push_back(st.user_id);
  }
  const auto disagreements = demo::generate_disagreements(plans, profile->responsibility, disagreement_options);
  for (std::size_t start = 0; start < plans.size(); start += kBatch) {
    const std::size_t end = std::min(plans.size(), start + kBatch);
    db.write([&](store::Tx& tx) {
      for (std::size_t i = start; i < end; ++i) {
        store::save_plan(tx, profile->id, plans[i], 0, plan_costs(plans[i], clock.today()), "cli", now);
      }
    });
  }
  summary.plan_documents = plans.size();
  db.write([&](store::Tx& tx) {
    for (const auto& d : disagreements) {
      store::insert_disagreement(tx, d);
      // Each party must see the child's plan to answer (as app::save_line arranges).
      const auto involved = store::involvements_of(tx, d.child_id);
      for (const auto& party : d.parties) {
        const bool already = std::any_of(involved.begin(), involved.end(), [&](const CaseInvolvement& i) {
          return i.agency == party.agency && i.user_id.empty() && !i.ended_on;
        });
        if (!already) {
          store::insert_involvement(tx, profile->id, d.child_id,
                                    {new_id("i"), party.agency, "", "", "Secures or pays for provision in the EHC plan",
                                     d.raised_on, std::nullopt});
        }
      }
    }
  });
  summary.disagreements = disagreements.size();

  demo::AppealOptions appeal_options;
  appeal_options.seed = request.seed;
  appeal_options.today = clock.today();
  appeal_options.area_id = profile->id;
  appeal_options.id_prefix = options.id_prefix;
  const auto appeals = demo::generate_appeals(assessments, plans, appeal_options);
  db.write([&](store::Tx& tx) {
    for (const auto& a : appeals) store::insert_appeal(tx, a, "cli");
  });
  summary.appeals = appeals.size();

  demo::MoveOptions move_options;
  move_options.seed = request.seed;
  move_options.today = clock.today();
  move_options.area_id = profile->id;
  move_options.id_prefix = options.id_prefix;
  const auto moves = demo::generate_moves(plans, move_options);
  db.write([&](store::Tx& tx) {
    for (const auto& m : moves) store::insert_move(tx, m);
  });

  // Review dates. A plan whose assessment the demo holds was made on the day
  // its final plan was issued; others get a made date up to eight years back.
  // Most were reviewed within the last year; about one in seven is overdue, as
  // councils report annual reviews slipping.
  std::map<std::string, Date> issued_on;
  for (const auto& a : assessments) {
    if (a.final_issued_on) issued_on[a.child_id] = *a.final_issued_on;
  }
  const Date today = clock.today();
  auto mix = [](const std::string& text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
  };
  db.write([&](store::Tx& tx) {
    for (const auto& p : plans) {
      if (p.stage != PlanStage::final) continue;
      const std::uint64_t h = mix(p.id + std::to_string(request.seed));
      Date made = today - std::chrono::days(60 + static_cast<int>(h % 2900));
      if (auto it = issued_on.find(p.child_id); it != issued_on.end()) made = it->second;
      std::optional<Date> reviewed;
      if ((today - made).count() > 365) {
        const bool overdue = (h >> 20) % 7 == 0;
        const int days_ago = overdue ? 366 + static_cast<int>((h >> 8) % 120) : 20 + static_cast<int>((h >> 8) % 330);
        reviewed = std::max(made + std::chrono::days(300), today - std::chrono::days(days_ago));
      }
      store::set_plan_review_dates(tx, profile->id, p.id, made, reviewed);
      // A review in the last ten weeks has its meeting on record, the
      // decision and any amendment at the stage they would have reached.
      if (reviewed && (today - *reviewed).count() <= 70) {
        store::insert_review(
            tx, demo::demo_review(p, profile->id, options.id_prefix + "rv-" + p.id, *reviewed, today, h ^ request.seed),
            "cli");
        ++summary.reviews;
      }
    }
  });
  send_move_letters(db, clock, *profile, staff, area, moves);
  for (const auto& dc : area.children) summary.plans += dc.child.plan_status == PlanStatus::ehc_plan ? 1 : 0;
  std::vector<std::string> postcodes;
  for (const auto& dc : area.children) postcodes.push_back(dc.child.postcode);
  summary.services = build_demo_directory(db, clock, profile->id, request.seed, request.services, postcodes);
  {
    // Families' voice: feedback on the new directory and requests for provision not in it.
    std::vector<demo::VoiceChild> with_plans;
    for (const auto& dc : area.children) {
      if (dc.child.plan_status != PlanStatus::ehc_plan) continue;
      with_plans.push_back({dc.child.id, dc.child.primary_need, age_on(dc.child.date_of_birth, today)});
    }
    std::string caseworker_id, manager_id;
    for (const auto& st : staff) {
      if (st.role == Role::caseworker && caseworker_id.empty()) caseworker_id = st.user_id;
      if (st.role == Role::sen_manager) manager_id = st.user_id;
    }
    const auto voice = build_demo_voice(db, clock, profile->id, request.seed, options.id_prefix, std::move(with_plans),
                                        caseworker_id, manager_id);
    summary.feedback = voice.feedback;
    summary.provision_requests = voice.requests;
  }
  summary.children = area.children.size();
  for (const auto& p : area.sen2_planted) summary.sen2_planted.push_back({p.child_id, p.rule, p.why});

  // Commissioned services: providers, contracts at every stage, returns.
  demo::ContractOptions contract_options;
  contract_options.seed = request.seed;
  contract_options.today = clock.today();
  contract_options.area_id = profile->id;
  contract_options.id_prefix = options.id_prefix;
  db.read([&](store::Tx& tx) { contract_options.services = store::directory_service_names(tx, profile->id); });
  const auto commissioned = demo::generate_contracts(contract_options);
  db.write([&](store::Tx& tx) {
    store::delete_frameworks(tx, profile->id);
    store::delete_appraisals(tx, profile->id);
    store::delete_pools(tx, profile->id);
    store::delete_invoices(tx, profile->id);
    store::delete_contracts(tx, profile->id);
    for (const auto& p : commissioned.providers) store::save_provider(tx, p);
    for (const auto& c : commissioned.contracts) store::insert_contract(tx, c, now);
    std::map<std::string, int> positions;
    for (const auto& k : commissioned.kpis) store::save_kpi(tx, profile->id, k, positions[k.contract_id]++);
    for (const auto& r : commissioned.returns) store::insert_return(tx, r);
    for (const auto& st : staff) {
      if (st.role == Role::provider) {
        store::link_provider_user(tx, profile->id, st.user_id, commissioned.provider_for_demo_user);
      }
    }
  });

  // Invoices against the contracts, some overspent.
  db.write([&](store::Tx& tx) {
    for (const auto& inv : demo::generate_invoices(commissioned.contracts, clock.today(), options.id_prefix)) {
      store::insert_invoice(tx, inv, "cli", now);
    }
    for (const auto& p : demo::generate_pools(commissioned.contracts, clock.today(), profile->id, options.id_prefix)) {
      store::insert_pool(tx, p, "cli", now);
    }
    // A decommissioning appraisal of a contract under review, its decision still to make.
    for (const auto& c : commissioned.contracts) {
      if (c.stage != ProcurementStage::review) continue;
      Appraisal a;
      a.id = options.id_prefix + "dc-1";
      a.area_id = profile->id;
      a.subject_id = c.id;
      a.needs_and_demand = "Referrals have fallen by a third in two years as schools buy the support directly.";
      a.quality_and_performance = "Amber on waiting times for three quarters; families' feedback is mixed.";
      a.cost = "Cost per child served has risen by 40% as numbers fell; a spot arrangement would cost less.";
      a.contract_terms = "Six months' notice; no break clause penalty; staff would transfer under TUPE.";
      a.stakeholders = "42 children and their families, four special schools, the parent carer forum.";
      a.exit_plan = "Each child's provision moves to the new arrangement at their next review; no gap in support.";
      if (auto made = make_appraisal(a)) store::insert_appraisal(tx, *made, "cli", now);
      break;
    }
  });

  // Frameworks by tier of need, one provider suspended (Northumberland 69-72).
  db.write([&](store::Tx& tx) {
    for (const auto& f : commissioned.frameworks) store::save_framework(tx, f, now);
    const Framework& ap = commissioned.frameworks.at(1);
    store::insert_suspension(tx, profile->id, options.id_prefix + "su-1",
                             {ap.id, ap.name, ap.members.front().provider_id, clock.today() - std::chrono::days(20),
                              "Quality concerns after a failed monitoring visit", std::nullopt},
                             "cli", now);
  });

  // Commissioning activities round the joint cycle, about those contracts.
  const auto cycle =
      demo::generate_commissioning({clock.today(), profile->id, options.id_prefix, commissioned.contracts});
  db.write([&](store::Tx& tx) {
    store::delete_commissioning(tx, profile->id);
    int n = 0;
    for (const auto& a : cycle.activities) {
      store::insert_activity(tx, a, now);
      for (const auto& e : a.evidence) {
        store::insert_evidence(tx, profile->id, a.id, a.id + "-ev-" + std::to_string(++n), e, "cli", now);
      }
      for (const auto& so : a.sign_offs) {
        store::insert_sign_off(tx, profile->id, a.id, a.id + "-so-" + std::to_string(++n), so, false, "cli", now);
      }
      for (const auto& r : a.recommendations) {
        store::insert_sign_off(tx, profile->id, a.id, a.id + "-br-" + std::to_string(++n), r, true, "cli", now);
      }
    }
    for (const auto& c : cycle.stage_changes) {
      store::insert_activity_stage_change(tx, {c.activity_id + "-cc-" + std::to_string(++n), c.activity_id, profile->id,
                                               c.from, c.to, c.next_due_on, "cli", now});
    }
  });

  // Top-ups paid to settings for the last term and this one, and recharges
  // with the neighbouring councils children moved between.
  {
    const TermCalendar calendar = term_calendar(*profile);
    const FundingTerm current = funding_term_of(calendar, clock.today()), last = previous_term(calendar, current);
    std::vector<TopUpChild> last_children, current_children;
    std::vector<CrossBorderMove> crossings;
    db.read([&](store::Tx& tx) {
      last_children = store::top_up_children(tx, profile->id, last.start, last.end);
      current_children = store::top_up_children(tx, profile->id, current.start, current.end);
      for (const auto& m : store::recharge_moves(tx, profile->id)) {
        crossings.push_back({m.child_id, m.direction == MoveDirection::into_area, m.other_authority, m.moved_on,
                             m.transferred_on, m.setting_name, m.annual_top_up});
      }
    });
    const auto payments = demo::generate_top_up_payments(last, top_ups_due(calendar, last, last_children), current,
                                                         top_ups_due(calendar, current, current_children),
                                                         clock.today(), profile->id, options.id_prefix);
    const auto recharges = demo::generate_recharges(crossings, clock.today(), profile->id, options.id_prefix);
    db.write([&](store::Tx& tx) {
      for (const auto& p : payments) store::insert_top_up_payment(tx, p, "cli", now);
      for (const auto& r : recharges) store::insert_recharge(tx, r, "cli", now);
      // One payment corrected after the run: its reference was keyed wrongly.
      if (!payments.empty()) {
        TopUpPayment fixed = payments.front();
        fixed.reference += "-A";
        if (store::update_top_up_payment(tx, fixed, 1)) {
          store::insert_audit(
              tx, {new_id("a"), profile->id, now, "cli", "top_up.payment_edit", "top_up_payment", fixed.id, "",
                   "reference " + payments.front().reference + " corrected to " + fixed.reference, ""});
        }
      }
    });
  }

  db.write([&](store::Tx& tx) {
    store::insert_audit(
        tx, {new_id("a"), profile->id, now, "cli", "demo.build", "area", profile->id, "",
             std::to_string(summary.children) + " children, " + std::to_string(summary.plans) + " EHC plans, " +
                 std::to_string(summary.assessments) + " assessments, calibrated from " + summary.calibrated_from,
             "seed " + std::to_string(request.seed)});
  });
  return summary;
}

}  // namespace tandem::app
