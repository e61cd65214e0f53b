// Every handler in the product; the router (web/router.cpp) lists which
// route and permission each serves.
#pragma once

#include <optional>

#include "web/context.h"

namespace tandem::web::handlers {

// Signing in and out (handlers/sign_in.cpp)
Response sign_in_form(Ctx& ctx);
Response sign_in(Ctx& ctx);
Response sign_out(Ctx& ctx);
// The sign-in form's CSRF token binds to a pre-session cookie.
constexpr const char* kSessionCookie = "tandem_session";
constexpr const char* kSignInCookie = "tandem_signin";

// The children's register as pages (handlers/children_pages.cpp)
Response home(Ctx& ctx);
Response children_list(Ctx& ctx);
Response child_record(Ctx& ctx);
Response child_new_form(Ctx& ctx);
Response child_create(Ctx& ctx);
Response child_edit_form(Ctx& ctx);
Response child_update(Ctx& ctx);
Response health_notification_create(Ctx& ctx);

// EHC needs assessments (handlers/assessment_pages.cpp)
Response cases(Ctx& ctx);
Response assessment_case(Ctx& ctx);
Response assessment_step(Ctx& ctx);
Response assessment_reassign(Ctx& ctx);
Response assessment_new_form(Ctx& ctx);
Response assessment_create(Ctx& ctx);
Response twenty_weeks(Ctx& ctx);
Response letter(Ctx& ctx);
Response api_cases(Ctx& ctx);
Response api_assessment(Ctx& ctx);
Response api_assessment_create(Ctx& ctx);
Response api_assessment_step(Ctx& ctx);

// EHC plans (handlers/plan_pages.cpp)
Response plan_page(Ctx& ctx);
Response plan_costs_page(Ctx& ctx);
Response api_plan(Ctx& ctx);
Response reviews(Ctx& ctx);
Response api_reviews(Ctx& ctx);
Response phase_transfers_page(Ctx& ctx);
Response api_phase_transfers(Ctx& ctx);
Response outcomes_page(Ctx& ctx);
Response api_outcomes(Ctx& ctx);
Response advice_page(Ctx& ctx);
Response api_advice(Ctx& ctx);
Response move_new_form(Ctx& ctx);
Response move_create(Ctx& ctx);
Response move(Ctx& ctx);
Response move_update(Ctx& ctx);
Response moves(Ctx& ctx);
Response api_moves(Ctx& ctx);
Response api_move(Ctx& ctx);
Response api_move_create(Ctx& ctx);
Response api_move_update(Ctx& ctx);

// Writing a plan (handlers/plan_editing_pages.cpp)
Response plan_start(Ctx& ctx);
Response plan_sections_form(Ctx& ctx);
Response plan_sections_save(Ctx& ctx);
Response api_plan_start(Ctx& ctx);
Response api_plan_sections(Ctx& ctx);
Response plan_line_form(Ctx& ctx);
Response plan_line_save(Ctx& ctx);
Response plan_line_agree(Ctx& ctx);
Response plan_outcome_form(Ctx& ctx);
Response plan_outcome_save(Ctx& ctx);
Response plan_final_form(Ctx& ctx);
Response plan_final_save(Ctx& ctx);
Response api_plan_line_save(Ctx& ctx);
Response api_plan_line_agree(Ctx& ctx);
Response api_plan_outcome_save(Ctx& ctx);
Response api_plan_final(Ctx& ctx);

// Reviews of final plans (handlers/review_pages.cpp)
Response review_meeting_form(Ctx& ctx);
Response review_meeting_save(Ctx& ctx);
Response review(Ctx& ctx);
Response review_decision(Ctx& ctx);
Response review_amended_plan(Ctx& ctx);
Response api_review_meeting(Ctx& ctx);
Response api_review(Ctx& ctx);
Response api_review_decision(Ctx& ctx);
Response api_review_amended_plan(Ctx& ctx);

// Ceasing plans and capacity (handlers/ceasing_pages.cpp)
Response plan_cease_form(Ctx& ctx);
Response plan_cease(Ctx& ctx);
Response child_capacity(Ctx& ctx);
Response api_plan_cessation(Ctx& ctx);
Response api_child_capacity(Ctx& ctx);

// The tribunal tracker (handlers/appeal_pages.cpp)
Response appeals_tracker(Ctx& ctx);
Response appeal_new_form(Ctx& ctx);
Response appeal_create(Ctx& ctx);
Response appeal(Ctx& ctx);
Response appeal_step(Ctx& ctx);
Response api_appeals(Ctx& ctx);
Response api_appeal(Ctx& ctx);
Response api_appeal_create(Ctx& ctx);
Response api_appeal_step(Ctx& ctx);

// Inter-agency disagreements (handlers/disagreement_pages.cpp)
Response disagreements(Ctx& ctx);
Response disagreement_page(Ctx& ctx);
Response disagreement_position(Ctx& ctx);
Response api_disagreements(Ctx& ctx);
Response api_disagreement(Ctx& ctx);
Response api_disagreement_position(Ctx& ctx);

// The audit trail (handlers/audit_pages.cpp)
Response audit_trail(Ctx& ctx);

// JSON API (handlers/api_children.cpp)
Response api_me(Ctx& ctx);
Response api_children_list(Ctx& ctx);
Response api_child(Ctx& ctx);
Response api_child_create(Ctx& ctx);
Response api_child_update(Ctx& ctx);
Response api_openapi(Ctx& ctx);

// The Open Referral UK feed of the Local Offer: open, read-only (handlers/oruk_api.cpp)
Response oruk_root(Ctx& ctx);
Response oruk_openapi(Ctx& ctx);
Response oruk_services(Ctx& ctx);
Response oruk_service(Ctx& ctx);
Response oruk_service_at_locations(Ctx& ctx);
Response oruk_service_at_location(Ctx& ctx);
Response oruk_taxonomies(Ctx& ctx);
Response oruk_taxonomy(Ctx& ctx);
Response oruk_taxonomy_terms(Ctx& ctx);
Response oruk_taxonomy_term(Ctx& ctx);

// The Local Offer for families: no sign-in (handlers/local_offer_pages.cpp)
Response local_offer_search(Ctx& ctx);
Response local_offer_service(Ctx& ctx);

// Keeping the Local Offer up to date (handlers/directory_pages.cpp)
Response directory_reviews(Ctx& ctx);
Response directory_service_edit_form(Ctx& ctx);
Response directory_service_update(Ctx& ctx);
Response directory_service_new_form(Ctx& ctx);
Response directory_service_create(Ctx& ctx);
Response api_directory_reviews(Ctx& ctx);
// Organisations, venues, opening times and taxonomy terms
// (handlers/directory_{organisation,location,schedule,contact,cost,taxonomy}_pages.cpp)
Response directory_organisations(Ctx& ctx);
Response directory_organisation_new_form(Ctx& ctx);
Response directory_organisation_create(Ctx& ctx);
Response directory_organisation_edit_form(Ctx& ctx);
Response directory_organisation_update(Ctx& ctx);
Response api_directory_organisations(Ctx& ctx);
Response api_directory_organisation(Ctx& ctx);
Response api_directory_organisation_create(Ctx& ctx);
Response api_directory_organisation_update(Ctx& ctx);
Response directory_locations(Ctx& ctx);
Response directory_location_new_form(Ctx& ctx);
Response directory_location_create(Ctx& ctx);
Response directory_location_edit_form(Ctx& ctx);
Response directory_location_update(Ctx& ctx);
Response directory_location_service_add(Ctx& ctx);
Response directory_location_service_remove_form(Ctx& ctx);
Response directory_location_service_remove(Ctx& ctx);
Response directory_location_remove_form(Ctx& ctx);
Response directory_location_remove(Ctx& ctx);
Response api_directory_location_remove(Ctx& ctx);
Response directory_service_remove_form(Ctx& ctx);
Response directory_service_remove(Ctx& ctx);
Response directory_service_withdraw(Ctx& ctx);
Response directory_service_keep(Ctx& ctx);
Response api_directory_service_remove(Ctx& ctx);
Response api_directory_service_withdraw(Ctx& ctx);
Response api_directory_service_keep(Ctx& ctx);
Response directory_organisation_remove_form(Ctx& ctx);
Response directory_organisation_remove(Ctx& ctx);
Response api_directory_organisation_remove(Ctx& ctx);
Response directory_term_remove_form(Ctx& ctx);
Response directory_term_remove(Ctx& ctx);
Response api_directory_term_remove(Ctx& ctx);
Response api_directory_locations(Ctx& ctx);
Response api_directory_location(Ctx& ctx);
Response api_directory_location_create(Ctx& ctx);
Response api_directory_location_update(Ctx& ctx);
Response api_directory_location_service_add(Ctx& ctx);
Response api_directory_location_service_remove(Ctx& ctx);
Response directory_schedules(Ctx& ctx);
Response directory_schedule_new_form(Ctx& ctx);
Response directory_schedule_create(Ctx& ctx);
Response directory_schedule_edit_form(Ctx& ctx);
Response directory_schedule_update(Ctx& ctx);
Response directory_schedule_remove_form(Ctx& ctx);
Response directory_schedule_remove(Ctx& ctx);
Response api_directory_schedules(Ctx& ctx);
Response api_directory_schedule_create(Ctx& ctx);
Response api_directory_schedule_update(Ctx& ctx);
Response api_directory_schedule_remove(Ctx& ctx);
Response directory_contacts(Ctx& ctx);
Response directory_contact_new_form(Ctx& ctx);
Response directory_contact_create(Ctx& ctx);
Response directory_contact_edit_form(Ctx& ctx);
Response directory_contact_update(Ctx& ctx);
Response directory_contact_remove_form(Ctx& ctx);
Response directory_contact_remove(Ctx& ctx);
Response api_directory_contacts(Ctx& ctx);
Response api_directory_contact_create(Ctx& ctx);
Response api_directory_contact_update(Ctx& ctx);
Response api_directory_contact_remove(Ctx& ctx);
Response directory_costs(Ctx& ctx);
Response directory_cost_new_form(Ctx& ctx);
Response directory_cost_create(Ctx& ctx);
Response directory_cost_edit_form(Ctx& ctx);
Response directory_cost_update(Ctx& ctx);
Response directory_cost_remove_form(Ctx& ctx);
Response directory_cost_remove(Ctx& ctx);
Response api_directory_costs(Ctx& ctx);
Response api_directory_cost_create(Ctx& ctx);
Response api_directory_cost_update(Ctx& ctx);
Response api_directory_cost_remove(Ctx& ctx);
Response directory_taxonomies(Ctx& ctx);
Response directory_term_new_form(Ctx& ctx);
Response directory_term_create(Ctx& ctx);
Response directory_term_edit_form(Ctx& ctx);
Response directory_term_update(Ctx& ctx);
Response directory_service_terms(Ctx& ctx);
Response directory_service_terms_save(Ctx& ctx);
Response directory_service_term_remove_form(Ctx& ctx);
Response directory_service_term_remove(Ctx& ctx);
Response api_directory_service_term_remove(Ctx& ctx);
Response api_directory_taxonomies(Ctx& ctx);
Response api_directory_term_create(Ctx& ctx);
Response api_directory_term(Ctx& ctx);
Response api_directory_term_update(Ctx& ctx);
Response api_directory_service_terms(Ctx& ctx);
Response api_directory_service_terms_save(Ctx& ctx);

// Commissioned services: contracts, monitoring, providers (handlers/contract_pages.cpp)
Response contracts_list(Ctx& ctx);
Response contract_new_form(Ctx& ctx);
Response contract_create(Ctx& ctx);
Response contract(Ctx& ctx);
Response contract_edit_form(Ctx& ctx);
Response contract_update(Ctx& ctx);
Response contract_stage(Ctx& ctx);
Response contract_kpi_create(Ctx& ctx);
Response contract_return_form(Ctx& ctx);
Response contract_return_create(Ctx& ctx);
Response providers_list(Ctx& ctx);
Response provider_create(Ctx& ctx);
Response api_contracts(Ctx& ctx);
Response api_contract(Ctx& ctx);
Response api_contract_create(Ctx& ctx);
Response api_contract_update(Ctx& ctx);
Response api_contract_stage(Ctx& ctx);
Response api_contract_kpi_create(Ctx& ctx);
Response api_contract_return_create(Ctx& ctx);
Response api_providers(Ctx& ctx);
Response api_provider_create(Ctx& ctx);
// The SEN2 return's validation report, as a page and as CSV (handlers/sen2_pages.cpp)
Response sen2_return_page(Ctx& ctx);
Response sen2_return_csv(Ctx& ctx);
// Families' voice: feedback, "You said, we did", requests for provision not in
// the offer, and gaps (handlers/voice_pages.cpp)
Response voice_feedback_form(Ctx& ctx);
Response voice_feedback_create(Ctx& ctx);
Response voice_feedback_sent(Ctx& ctx);
Response voice_you_said_we_did(Ctx& ctx);
Response voice_request_form(Ctx& ctx);
Response voice_request_create(Ctx& ctx);
Response voice_request_sent(Ctx& ctx);
Response voice_feedback_list(Ctx& ctx);
Response voice_feedback_item(Ctx& ctx);
Response voice_feedback_triage(Ctx& ctx);
Response voice_feedback_report(Ctx& ctx);
Response voice_feedback_report_csv(Ctx& ctx);
Response voice_requests(Ctx& ctx);
Response voice_request_staff_form(Ctx& ctx);
Response voice_request_staff_create(Ctx& ctx);
Response voice_request(Ctx& ctx);
Response voice_request_check(Ctx& ctx);
Response voice_request_decide(Ctx& ctx);
Response voice_gaps(Ctx& ctx);
Response api_feedback_list(Ctx& ctx);
Response api_feedback_create(Ctx& ctx);
Response api_feedback_item(Ctx& ctx);
Response api_feedback_triage(Ctx& ctx);
Response api_feedback_published(Ctx& ctx);
Response api_feedback_report(Ctx& ctx);
Response api_provision_requests(Ctx& ctx);
Response api_provision_request_create(Ctx& ctx);
Response api_provision_request(Ctx& ctx);
Response api_provision_request_check(Ctx& ctx);
Response api_provision_request_decide(Ctx& ctx);
Response api_gaps(Ctx& ctx);

// Frameworks of approved providers by tier, and suspensions (handlers/framework_pages.cpp)
Response frameworks_list(Ctx& ctx);
Response framework_create(Ctx& ctx);
Response framework(Ctx& ctx);
Response framework_provider_create(Ctx& ctx);
Response framework_suspension_create(Ctx& ctx);
Response framework_lift(Ctx& ctx);
Response api_frameworks(Ctx& ctx);
Response api_framework_create(Ctx& ctx);
Response api_framework(Ctx& ctx);
Response api_framework_provider_create(Ctx& ctx);
Response api_framework_suspension_create(Ctx& ctx);
Response api_framework_lift(Ctx& ctx);
std::optional<int> sen2_year(Ctx& ctx, Error& error);  // ?year=, or the next return due
// Settling conflicts with a later return, and the return as JSON (handlers/sen2_conflict_pages.cpp, sen2_api.cpp)
Response sen2_conflict_settle(Ctx& ctx);
Response api_sen2_return(Ctx& ctx);
Response api_sen2_conflicts(Ctx& ctx);
Response api_sen2_conflict_settle(Ctx& ctx);

// Static assets from the folder beside the binary (handlers/static_files.cpp)
Response static_file(Ctx& ctx);

// Commissioning activities round the joint cycle (handlers/commissioning_pages.cpp)
Response commissioning_board(Ctx& ctx);
Response commissioning_new_form(Ctx& ctx);
Response commissioning_create(Ctx& ctx);
Response commissioning_activity(Ctx& ctx);
Response commissioning_edit_form(Ctx& ctx);
Response commissioning_update(Ctx& ctx);
Response commissioning_evidence(Ctx& ctx);
Response commissioning_sign_off(Ctx& ctx);
Response commissioning_advance(Ctx& ctx);
Response api_commissioning(Ctx& ctx);
Response api_commissioning_create(Ctx& ctx);
Response api_commissioning_activity(Ctx& ctx);
Response api_commissioning_update(Ctx& ctx);
Response api_commissioning_evidence(Ctx& ctx);
Response api_commissioning_sign_off(Ctx& ctx);
Response api_commissioning_advance(Ctx& ctx);

// Money spent on contracts: invoices and payments (handlers/invoice_pages.cpp)
Response contract_invoices(Ctx& ctx);
Response contract_invoice_create(Ctx& ctx);
Response contract_invoice_paid(Ctx& ctx);
Response api_contract_invoices(Ctx& ctx);
Response api_contract_invoice_create(Ctx& ctx);
Response api_contract_invoice_paid(Ctx& ctx);
Response contract_invoice_edit_form(Ctx& ctx);
Response contract_invoice_update(Ctx& ctx);
Response api_contract_invoice_update(Ctx& ctx);

// Pooled budgets (handlers/pool_pages.cpp)
Response pools_list(Ctx& ctx);
Response pool_create(Ctx& ctx);
Response pool(Ctx& ctx);
Response api_pools(Ctx& ctx);
Response api_pool(Ctx& ctx);
Response api_pool_create(Ctx& ctx);
Response pool_edit_form(Ctx& ctx);
Response pool_update(Ctx& ctx);
Response api_pool_update(Ctx& ctx);

// Decommissioning appraisals (handlers/decommissioning_pages.cpp)
Response appraisals_list(Ctx& ctx);
Response appraisal_create(Ctx& ctx);
Response appraisal(Ctx& ctx);
Response appraisal_decide(Ctx& ctx);
Response api_appraisals(Ctx& ctx);
Response api_appraisal_create(Ctx& ctx);
Response api_appraisal(Ctx& ctx);
Response api_appraisal_decide(Ctx& ctx);
Response appraisal_edit_form(Ctx& ctx);
Response appraisal_update(Ctx& ctx);
Response api_appraisal_update(Ctx& ctx);

// Termly top-up payments to settings (handlers/top_up_pages.cpp)
Response top_ups(Ctx& ctx);
Response top_ups_csv(Ctx& ctx);
Response top_up_payment_create(Ctx& ctx);
Response api_top_ups(Ctx& ctx);
Response api_top_up_payment_create(Ctx& ctx);
Response top_up_payment(Ctx& ctx);
Response top_up_payment_update(Ctx& ctx);
Response api_top_up_payment(Ctx& ctx);
Response api_top_up_payment_update(Ctx& ctx);

// Recharges between councils (handlers/recharge_pages.cpp)
Response recharges_list(Ctx& ctx);
Response recharges_csv(Ctx& ctx);
Response recharge_create(Ctx& ctx);
Response recharge(Ctx& ctx);
Response recharge_update(Ctx& ctx);
Response api_recharges(Ctx& ctx);
Response api_recharge_create(Ctx& ctx);
Response api_recharge(Ctx& ctx);
Response api_recharge_update(Ctx& ctx);

}  // namespace tandem::web::handlers
