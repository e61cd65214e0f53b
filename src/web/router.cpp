#include "web/router.h"

#include <array>

#include <spdlog/spdlog.h>

#include "app/crypto.h"
#include "app/health.h"
#include "store/audit.h"
#include "web/handlers.h"

namespace tandem::web {

namespace {

using namespace handlers;

const std::array kRoutes{
    Route{"GET", "/", Access::signed_in, Permission::view_register, false, home},
    Route{"GET", "/sign-in", Access::anyone, Permission::view_register, false, sign_in_form},
    Route{"POST", "/sign-in", Access::anyone, Permission::view_register, false, sign_in},
    Route{"POST", "/sign-out", Access::signed_in, Permission::view_register, false, sign_out},
    Route{"GET", "/children", Access::permission, Permission::view_register, false, children_list},
    Route{"GET", "/children/new", Access::permission, Permission::edit_child, false, child_new_form},
    Route{"POST", "/children", Access::permission, Permission::edit_child, false, child_create},
    Route{"GET", "/children/{}", Access::permission, Permission::view_child, false, child_record},
    Route{"GET", "/children/{}/edit", Access::permission, Permission::edit_child, false, child_edit_form},
    Route{"POST", "/children/{}/edit", Access::permission, Permission::edit_child, false, child_update},
    Route{"POST", "/children/{}/health-notifications", Access::permission, Permission::edit_child, false,
          health_notification_create},
    Route{"GET", "/cases", Access::permission, Permission::view_register, false, cases},
    Route{"GET", "/children/{}/assessments/new", Access::permission, Permission::edit_child, false,
          assessment_new_form},
    Route{"POST", "/children/{}/assessments", Access::permission, Permission::edit_child, false, assessment_create},
    Route{"GET", "/assessments/{}", Access::permission, Permission::view_child, false, assessment_case},
    Route{"POST", "/assessments/{}/steps", Access::permission, Permission::edit_child, false, assessment_step},
    Route{"POST", "/assessments/{}/caseworker", Access::permission, Permission::allocate_cases, false,
          assessment_reassign},
    Route{"GET", "/plans/{}", Access::permission, Permission::view_child, false, plan_page},
    Route{"POST", "/children/{}/plans", Access::permission, Permission::edit_plan, false, plan_start},
    Route{"GET", "/plans/{}/sections", Access::permission, Permission::edit_plan, false, plan_sections_form},
    Route{"POST", "/plans/{}/sections", Access::permission, Permission::edit_plan, false, plan_sections_save},
    Route{"GET", "/plans/{}/lines/new", Access::permission, Permission::edit_plan, false, plan_line_form},
    Route{"POST", "/plans/{}/lines", Access::permission, Permission::edit_plan, false, plan_line_save},
    Route{"GET", "/plans/{}/lines/{}", Access::permission, Permission::edit_plan, false, plan_line_form},
    Route{"POST", "/plans/{}/lines/{}", Access::permission, Permission::edit_plan, false, plan_line_save},
    Route{"POST", "/plans/{}/lines/{}/agreement", Access::permission, Permission::agree_provision, false,
          plan_line_agree},
    Route{"GET", "/plans/{}/outcomes/new", Access::permission, Permission::edit_plan, false, plan_outcome_form},
    Route{"POST", "/plans/{}/outcomes", Access::permission, Permission::edit_plan, false, plan_outcome_save},
    Route{"GET", "/plans/{}/outcomes/{}", Access::permission, Permission::edit_plan, false, plan_outcome_form},
    Route{"POST", "/plans/{}/outcomes/{}", Access::permission, Permission::edit_plan, false, plan_outcome_save},
    Route{"GET", "/plans/{}/final", Access::permission, Permission::edit_plan, false, plan_final_form},
    Route{"POST", "/plans/{}/final", Access::permission, Permission::edit_plan, false, plan_final_save},
    Route{"GET", "/plans/{}/cease", Access::permission, Permission::edit_plan, false, plan_cease_form},
    Route{"POST", "/plans/{}/cease", Access::permission, Permission::edit_plan, false, plan_cease},
    Route{"POST", "/children/{}/capacity", Access::permission, Permission::edit_child, false, child_capacity},
    Route{"GET", "/appeals", Access::permission, Permission::view_register, false, appeals_tracker},
    Route{"GET", "/children/{}/appeals/new", Access::permission, Permission::edit_plan, false, appeal_new_form},
    Route{"POST", "/children/{}/appeals", Access::permission, Permission::edit_plan, false, appeal_create},
    Route{"GET", "/appeals/{}", Access::permission, Permission::view_child, false, appeal},
    Route{"POST", "/appeals/{}", Access::permission, Permission::edit_plan, false, appeal_step},
    Route{"GET", "/disagreements", Access::permission, Permission::view_register, false, disagreements},
    Route{"GET", "/disagreements/{}", Access::permission, Permission::view_child, false, disagreement_page},
    Route{"POST", "/disagreements/{}", Access::permission, Permission::agree_provision, false, disagreement_position},
    Route{"GET", "/plans/{}/reviews/new", Access::permission, Permission::report_review, false, review_meeting_form},
    Route{"POST", "/plans/{}/reviews", Access::permission, Permission::report_review, false, review_meeting_save},
    Route{"GET", "/reviews/{}", Access::permission, Permission::view_child, false, review},
    Route{"POST", "/reviews/{}/decision", Access::permission, Permission::edit_plan, false, review_decision},
    Route{"POST", "/reviews/{}/amended-plan", Access::permission, Permission::edit_plan, false, review_amended_plan},
    Route{"GET", "/reviews", Access::permission, Permission::view_register, false, reviews},
    Route{"GET", "/phase-transfers", Access::permission, Permission::view_register, false, phase_transfers_page},
    Route{"GET", "/performance/outcomes", Access::permission, Permission::view_performance, false, outcomes_page},
    Route{"GET", "/performance/advice", Access::permission, Permission::view_performance, false, advice_page},
    Route{"GET", "/moves", Access::permission, Permission::view_register, false, moves},
    Route{"GET", "/children/{}/moves/new", Access::permission, Permission::edit_plan, false, move_new_form},
    Route{"POST", "/children/{}/moves", Access::permission, Permission::edit_plan, false, move_create},
    Route{"GET", "/moves/{}", Access::permission, Permission::view_child, false, move},
    Route{"POST", "/moves/{}", Access::permission, Permission::edit_plan, false, move_update},
    Route{"GET", "/performance/costs", Access::permission, Permission::view_performance, false, plan_costs_page},
    Route{"GET", "/letters/{}", Access::permission, Permission::view_child, false, letter},
    Route{"GET", "/performance/twenty-weeks", Access::permission, Permission::view_performance, false, twenty_weeks},
    Route{"GET", "/audit", Access::permission, Permission::view_audit, false, audit_trail},
    Route{"GET", "/api/v1/openapi.json", Access::anyone, Permission::view_register, true, api_openapi},
    Route{"GET", "/api/v1/me", Access::signed_in, Permission::view_register, true, api_me},
    Route{"GET", "/api/v1/children", Access::permission, Permission::view_register, true, api_children_list},
    Route{"POST", "/api/v1/children", Access::permission, Permission::edit_child, true, api_child_create},
    Route{"GET", "/api/v1/children/{}", Access::permission, Permission::view_child, true, api_child},
    Route{"PUT", "/api/v1/children/{}", Access::permission, Permission::edit_child, true, api_child_update},
    Route{"POST", "/api/v1/children/{}/assessments", Access::permission, Permission::edit_child, true,
          api_assessment_create},
    Route{"GET", "/api/v1/plans/{}", Access::permission, Permission::view_child, true, api_plan},
    Route{"POST", "/api/v1/children/{}/plans", Access::permission, Permission::edit_plan, true, api_plan_start},
    Route{"PUT", "/api/v1/plans/{}/sections", Access::permission, Permission::edit_plan, true, api_plan_sections},
    Route{"POST", "/api/v1/plans/{}/lines", Access::permission, Permission::edit_plan, true, api_plan_line_save},
    Route{"PUT", "/api/v1/plans/{}/lines/{}", Access::permission, Permission::edit_plan, true, api_plan_line_save},
    Route{"POST", "/api/v1/plans/{}/lines/{}/agreement", Access::permission, Permission::agree_provision, true,
          api_plan_line_agree},
    Route{"POST", "/api/v1/plans/{}/outcomes", Access::permission, Permission::edit_plan, true, api_plan_outcome_save},
    Route{"PUT", "/api/v1/plans/{}/outcomes/{}", Access::permission, Permission::edit_plan, true,
          api_plan_outcome_save},
    Route{"POST", "/api/v1/plans/{}/final", Access::permission, Permission::edit_plan, true, api_plan_final},
    Route{"POST", "/api/v1/plans/{}/cessation", Access::permission, Permission::edit_plan, true, api_plan_cessation},
    Route{"PUT", "/api/v1/children/{}/capacity", Access::permission, Permission::edit_child, true, api_child_capacity},
    Route{"GET", "/api/v1/appeals", Access::permission, Permission::view_register, true, api_appeals},
    Route{"POST", "/api/v1/children/{}/appeals", Access::permission, Permission::edit_plan, true, api_appeal_create},
    Route{"GET", "/api/v1/appeals/{}", Access::permission, Permission::view_child, true, api_appeal},
    Route{"POST", "/api/v1/appeals/{}/steps", Access::permission, Permission::edit_plan, true, api_appeal_step},
    Route{"GET", "/api/v1/disagreements", Access::permission, Permission::view_register, true, api_disagreements},
    Route{"GET", "/api/v1/disagreements/{}", Access::permission, Permission::view_child, true, api_disagreement},
    Route{"POST", "/api/v1/disagreements/{}/positions", Access::permission, Permission::agree_provision, true,
          api_disagreement_position},
    Route{"POST", "/api/v1/plans/{}/reviews", Access::permission, Permission::report_review, true, api_review_meeting},
    Route{"GET", "/api/v1/reviews/{}", Access::permission, Permission::view_child, true, api_review},
    Route{"POST", "/api/v1/reviews/{}/decision", Access::permission, Permission::edit_plan, true, api_review_decision},
    Route{"POST", "/api/v1/reviews/{}/amended-plan", Access::permission, Permission::edit_plan, true,
          api_review_amended_plan},
    Route{"GET", "/api/v1/reviews", Access::permission, Permission::view_register, true, api_reviews},
    Route{"GET", "/api/v1/phase-transfers", Access::permission, Permission::view_register, true, api_phase_transfers},
    Route{"GET", "/api/v1/performance/outcomes", Access::permission, Permission::view_performance, true, api_outcomes},
    Route{"GET", "/api/v1/performance/advice", Access::permission, Permission::view_performance, true, api_advice},
    Route{"GET", "/api/v1/moves", Access::permission, Permission::view_register, true, api_moves},
    Route{"POST", "/api/v1/children/{}/moves", Access::permission, Permission::edit_plan, true, api_move_create},
    Route{"GET", "/api/v1/moves/{}", Access::permission, Permission::view_child, true, api_move},
    Route{"PUT", "/api/v1/moves/{}", Access::permission, Permission::edit_plan, true, api_move_update},
    Route{"GET", "/api/v1/assessments", Access::permission, Permission::view_register, true, api_cases},
    Route{"GET", "/api/v1/assessments/{}", Access::permission, Permission::view_child, true, api_assessment},
    Route{"POST", "/api/v1/assessments/{}/steps", Access::permission, Permission::edit_child, true,
          api_assessment_step},
    // The Local Offer: public, read-only, no child data.
    Route{"GET", "/local-offer", Access::anyone, Permission::view_register, false, local_offer_search},
    Route{"GET", "/local-offer/services/{}", Access::anyone, Permission::view_register, false, local_offer_service},
    Route{"GET", "/api/oruk", Access::anyone, Permission::view_register, true, oruk_root},
    Route{"GET", "/api/oruk/", Access::anyone, Permission::view_register, true, oruk_root},
    Route{"GET", "/api/oruk/openapi.json", Access::anyone, Permission::view_register, true, oruk_openapi},
    Route{"GET", "/api/oruk/services", Access::anyone, Permission::view_register, true, oruk_services},
    Route{"GET", "/api/oruk/services/{}", Access::anyone, Permission::view_register, true, oruk_service},
    Route{"GET", "/api/oruk/service_at_locations", Access::anyone, Permission::view_register, true,
          oruk_service_at_locations},
    Route{"GET", "/api/oruk/service_at_locations/{}", Access::anyone, Permission::view_register, true,
          oruk_service_at_location},
    Route{"GET", "/api/oruk/taxonomies", Access::anyone, Permission::view_register, true, oruk_taxonomies},
    Route{"GET", "/api/oruk/taxonomies/{}", Access::anyone, Permission::view_register, true, oruk_taxonomy},
    Route{"GET", "/api/oruk/taxonomy_terms", Access::anyone, Permission::view_register, true, oruk_taxonomy_terms},
    Route{"GET", "/api/oruk/taxonomy_terms/{}", Access::anyone, Permission::view_register, true, oruk_taxonomy_term},
    Route{"GET", "/directory/reviews", Access::permission, Permission::edit_directory, false, directory_reviews},
    Route{"GET", "/directory/services/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_service_edit_form},
    Route{"POST", "/directory/services/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_service_update},
    Route{"GET", "/directory/services/new", Access::permission, Permission::edit_directory, false,
          directory_service_new_form},
    Route{"POST", "/directory/services", Access::permission, Permission::edit_directory, false,
          directory_service_create},
    Route{"GET", "/directory/services/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_service_remove_form},
    Route{"POST", "/directory/services/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_service_remove},
    Route{"POST", "/directory/services/{}/withdraw", Access::permission, Permission::edit_directory, false,
          directory_service_withdraw},
    Route{"POST", "/directory/services/{}/keep", Access::permission, Permission::edit_directory, false,
          directory_service_keep},
    Route{"GET", "/directory/organisations", Access::permission, Permission::edit_directory, false,
          directory_organisations},
    Route{"GET", "/directory/organisations/new", Access::permission, Permission::edit_directory, false,
          directory_organisation_new_form},
    Route{"POST", "/directory/organisations", Access::permission, Permission::edit_directory, false,
          directory_organisation_create},
    Route{"GET", "/directory/organisations/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_organisation_edit_form},
    Route{"POST", "/directory/organisations/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_organisation_update},
    Route{"GET", "/directory/organisations/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_organisation_remove_form},
    Route{"POST", "/directory/organisations/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_organisation_remove},
    Route{"GET", "/directory/locations", Access::permission, Permission::edit_directory, false, directory_locations},
    Route{"GET", "/directory/locations/new", Access::permission, Permission::edit_directory, false,
          directory_location_new_form},
    Route{"POST", "/directory/locations", Access::permission, Permission::edit_directory, false,
          directory_location_create},
    Route{"GET", "/directory/locations/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_location_edit_form},
    Route{"POST", "/directory/locations/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_location_update},
    Route{"POST", "/directory/locations/{}/services", Access::permission, Permission::edit_directory, false,
          directory_location_service_add},
    Route{"GET", "/directory/locations/{}/services/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_location_service_remove_form},
    Route{"POST", "/directory/locations/{}/services/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_location_service_remove},
    Route{"GET", "/directory/locations/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_location_remove_form},
    Route{"POST", "/directory/locations/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_location_remove},
    Route{"GET", "/directory/services/{}/schedules", Access::permission, Permission::edit_directory, false,
          directory_schedules},
    Route{"GET", "/directory/services/{}/schedules/new", Access::permission, Permission::edit_directory, false,
          directory_schedule_new_form},
    Route{"POST", "/directory/services/{}/schedules", Access::permission, Permission::edit_directory, false,
          directory_schedule_create},
    Route{"GET", "/directory/services/{}/schedules/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_schedule_edit_form},
    Route{"POST", "/directory/services/{}/schedules/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_schedule_update},
    Route{"GET", "/directory/services/{}/schedules/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_schedule_remove_form},
    Route{"POST", "/directory/services/{}/schedules/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_schedule_remove},
    Route{"GET", "/directory/services/{}/contacts", Access::permission, Permission::edit_directory, false,
          directory_contacts},
    Route{"GET", "/directory/services/{}/contacts/new", Access::permission, Permission::edit_directory, false,
          directory_contact_new_form},
    Route{"POST", "/directory/services/{}/contacts", Access::permission, Permission::edit_directory, false,
          directory_contact_create},
    Route{"GET", "/directory/services/{}/contacts/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_contact_edit_form},
    Route{"POST", "/directory/services/{}/contacts/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_contact_update},
    Route{"GET", "/directory/services/{}/contacts/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_contact_remove_form},
    Route{"POST", "/directory/services/{}/contacts/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_contact_remove},
    Route{"GET", "/directory/services/{}/costs", Access::permission, Permission::edit_directory, false,
          directory_costs},
    Route{"GET", "/directory/services/{}/costs/new", Access::permission, Permission::edit_directory, false,
          directory_cost_new_form},
    Route{"POST", "/directory/services/{}/costs", Access::permission, Permission::edit_directory, false,
          directory_cost_create},
    Route{"GET", "/directory/services/{}/costs/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_cost_edit_form},
    Route{"POST", "/directory/services/{}/costs/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_cost_update},
    Route{"GET", "/directory/services/{}/costs/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_cost_remove_form},
    Route{"POST", "/directory/services/{}/costs/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_cost_remove},
    Route{"GET", "/directory/taxonomies", Access::permission, Permission::edit_directory, false, directory_taxonomies},
    Route{"GET", "/directory/taxonomies/{}/terms/new", Access::permission, Permission::edit_directory, false,
          directory_term_new_form},
    Route{"POST", "/directory/taxonomies/{}/terms", Access::permission, Permission::edit_directory, false,
          directory_term_create},
    Route{"GET", "/directory/terms/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_term_edit_form},
    Route{"POST", "/directory/terms/{}/edit", Access::permission, Permission::edit_directory, false,
          directory_term_update},
    Route{"GET", "/directory/terms/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_term_remove_form},
    Route{"POST", "/directory/terms/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_term_remove},
    Route{"GET", "/directory/services/{}/terms", Access::permission, Permission::edit_directory, false,
          directory_service_terms},
    Route{"POST", "/directory/services/{}/terms", Access::permission, Permission::edit_directory, false,
          directory_service_terms_save},
    Route{"GET", "/directory/services/{}/terms/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_service_term_remove_form},
    Route{"POST", "/directory/services/{}/terms/{}/remove", Access::permission, Permission::edit_directory, false,
          directory_service_term_remove},
    Route{"GET", "/api/v1/directory/reviews", Access::permission, Permission::edit_directory, true,
          api_directory_reviews},
    Route{"GET", "/api/v1/directory/organisations", Access::permission, Permission::edit_directory, true,
          api_directory_organisations},
    Route{"POST", "/api/v1/directory/organisations", Access::permission, Permission::edit_directory, true,
          api_directory_organisation_create},
    Route{"GET", "/api/v1/directory/organisations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_organisation},
    Route{"PUT", "/api/v1/directory/organisations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_organisation_update},
    Route{"DELETE", "/api/v1/directory/organisations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_organisation_remove},
    Route{"DELETE", "/api/v1/directory/services/{}", Access::permission, Permission::edit_directory, true,
          api_directory_service_remove},
    Route{"POST", "/api/v1/directory/services/{}/withdraw", Access::permission, Permission::edit_directory, true,
          api_directory_service_withdraw},
    Route{"POST", "/api/v1/directory/services/{}/keep", Access::permission, Permission::edit_directory, true,
          api_directory_service_keep},
    Route{"GET", "/api/v1/directory/locations", Access::permission, Permission::edit_directory, true,
          api_directory_locations},
    Route{"POST", "/api/v1/directory/locations", Access::permission, Permission::edit_directory, true,
          api_directory_location_create},
    Route{"GET", "/api/v1/directory/locations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_location},
    Route{"PUT", "/api/v1/directory/locations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_location_update},
    Route{"DELETE", "/api/v1/directory/locations/{}", Access::permission, Permission::edit_directory, true,
          api_directory_location_remove},
    Route{"POST", "/api/v1/directory/locations/{}/services", Access::permission, Permission::edit_directory, true,
          api_directory_location_service_add},
    Route{"DELETE", "/api/v1/directory/locations/{}/services/{}", Access::permission, Permission::edit_directory, true,
          api_directory_location_service_remove},
    Route{"GET", "/api/v1/directory/services/{}/schedules", Access::permission, Permission::edit_directory, true,
          api_directory_schedules},
    Route{"POST", "/api/v1/directory/services/{}/schedules", Access::permission, Permission::edit_directory, true,
          api_directory_schedule_create},
    Route{"PUT", "/api/v1/directory/services/{}/schedules/{}", Access::permission, Permission::edit_directory, true,
          api_directory_schedule_update},
    Route{"DELETE", "/api/v1/directory/services/{}/schedules/{}", Access::permission, Permission::edit_directory, true,
          api_directory_schedule_remove},
    Route{"GET", "/api/v1/directory/services/{}/contacts", Access::permission, Permission::edit_directory, true,
          api_directory_contacts},
    Route{"POST", "/api/v1/directory/services/{}/contacts", Access::permission, Permission::edit_directory, true,
          api_directory_contact_create},
    Route{"PUT", "/api/v1/directory/services/{}/contacts/{}", Access::permission, Permission::edit_directory, true,
          api_directory_contact_update},
    Route{"DELETE", "/api/v1/directory/services/{}/contacts/{}", Access::permission, Permission::edit_directory, true,
          api_directory_contact_remove},
    Route{"GET", "/api/v1/directory/services/{}/costs", Access::permission, Permission::edit_directory, true,
          api_directory_costs},
    Route{"POST", "/api/v1/directory/services/{}/costs", Access::permission, Permission::edit_directory, true,
          api_directory_cost_create},
    Route{"PUT", "/api/v1/directory/services/{}/costs/{}", Access::permission, Permission::edit_directory, true,
          api_directory_cost_update},
    Route{"DELETE", "/api/v1/directory/services/{}/costs/{}", Access::permission, Permission::edit_directory, true,
          api_directory_cost_remove},
    Route{"GET", "/api/v1/directory/services/{}/terms", Access::permission, Permission::edit_directory, true,
          api_directory_service_terms},
    Route{"PUT", "/api/v1/directory/services/{}/terms", Access::permission, Permission::edit_directory, true,
          api_directory_service_terms_save},
    Route{"DELETE", "/api/v1/directory/services/{}/terms/{}", Access::permission, Permission::edit_directory, true,
          api_directory_service_term_remove},
    Route{"GET", "/api/v1/directory/taxonomies", Access::permission, Permission::edit_directory, true,
          api_directory_taxonomies},
    Route{"POST", "/api/v1/directory/taxonomies/{}/terms", Access::permission, Permission::edit_directory, true,
          api_directory_term_create},
    Route{"GET", "/api/v1/directory/terms/{}", Access::permission, Permission::edit_directory, true,
          api_directory_term},
    Route{"PUT", "/api/v1/directory/terms/{}", Access::permission, Permission::edit_directory, true,
          api_directory_term_update},
    Route{"DELETE", "/api/v1/directory/terms/{}", Access::permission, Permission::edit_directory, true,
          api_directory_term_remove},
    // Commissioned services: contracts, quarterly monitoring, providers.
    Route{"GET", "/contracts", Access::permission, Permission::view_contracts, false, contracts_list},
    Route{"GET", "/contracts/new", Access::permission, Permission::manage_contracts, false, contract_new_form},
    Route{"POST", "/contracts", Access::permission, Permission::manage_contracts, false, contract_create},
    Route{"GET", "/contracts/{}", Access::permission, Permission::view_contracts, false, contract},
    Route{"GET", "/contracts/{}/edit", Access::permission, Permission::manage_contracts, false, contract_edit_form},
    Route{"POST", "/contracts/{}/edit", Access::permission, Permission::manage_contracts, false, contract_update},
    Route{"POST", "/contracts/{}/stage", Access::permission, Permission::manage_contracts, false, contract_stage},
    Route{"POST", "/contracts/{}/kpis", Access::permission, Permission::manage_contracts, false, contract_kpi_create},
    Route{"GET", "/contracts/{}/returns/new", Access::permission, Permission::submit_returns, false,
          contract_return_form},
    Route{"POST", "/contracts/{}/returns", Access::permission, Permission::submit_returns, false,
          contract_return_create},
    Route{"GET", "/providers", Access::permission, Permission::manage_contracts, false, providers_list},
    Route{"POST", "/providers", Access::permission, Permission::manage_contracts, false, provider_create},
    Route{"GET", "/api/v1/contracts", Access::permission, Permission::view_contracts, true, api_contracts},
    Route{"POST", "/api/v1/contracts", Access::permission, Permission::manage_contracts, true, api_contract_create},
    Route{"GET", "/api/v1/contracts/{}", Access::permission, Permission::view_contracts, true, api_contract},
    Route{"PUT", "/api/v1/contracts/{}", Access::permission, Permission::manage_contracts, true, api_contract_update},
    Route{"POST", "/api/v1/contracts/{}/stage", Access::permission, Permission::manage_contracts, true,
          api_contract_stage},
    Route{"POST", "/api/v1/contracts/{}/kpis", Access::permission, Permission::manage_contracts, true,
          api_contract_kpi_create},
    Route{"POST", "/api/v1/contracts/{}/returns", Access::permission, Permission::submit_returns, true,
          api_contract_return_create},
    Route{"GET", "/api/v1/providers", Access::permission, Permission::view_contracts, true, api_providers},
    Route{"POST", "/api/v1/providers", Access::permission, Permission::manage_contracts, true, api_provider_create},
    Route{"GET", "/returns/sen2", Access::permission, Permission::view_performance, false, sen2_return_page},
    Route{"GET", "/returns/sen2.csv", Access::permission, Permission::view_performance, false, sen2_return_csv},
    // Families' voice: public forms (CSRF bound to a pre-session cookie when signed out) and the staff side.
    Route{"GET", "/local-offer/feedback", Access::anyone, Permission::view_register, false, voice_feedback_form},
    Route{"POST", "/local-offer/feedback", Access::anyone, Permission::view_register, false, voice_feedback_create},
    Route{"GET", "/local-offer/feedback/sent", Access::anyone, Permission::view_register, false, voice_feedback_sent},
    Route{"GET", "/local-offer/you-said-we-did", Access::anyone, Permission::view_register, false,
          voice_you_said_we_did},
    Route{"GET", "/local-offer/requests/new", Access::anyone, Permission::view_register, false, voice_request_form},
    Route{"POST", "/local-offer/requests", Access::anyone, Permission::view_register, false, voice_request_create},
    Route{"GET", "/local-offer/requests/sent", Access::anyone, Permission::view_register, false, voice_request_sent},
    Route{"GET", "/feedback", Access::permission, Permission::edit_directory, false, voice_feedback_list},
    Route{"GET", "/feedback/report", Access::permission, Permission::view_performance, false, voice_feedback_report},
    Route{"GET", "/feedback/report.csv", Access::permission, Permission::view_performance, false,
          voice_feedback_report_csv},
    Route{"GET", "/feedback/{}", Access::permission, Permission::edit_directory, false, voice_feedback_item},
    Route{"POST", "/feedback/{}", Access::permission, Permission::edit_directory, false, voice_feedback_triage},
    Route{"GET", "/provision-requests", Access::permission, Permission::edit_directory, false, voice_requests},
    Route{"GET", "/provision-requests/new", Access::permission, Permission::edit_child, false,
          voice_request_staff_form},
    Route{"POST", "/provision-requests", Access::permission, Permission::edit_child, false, voice_request_staff_create},
    Route{"GET", "/provision-requests/{}", Access::permission, Permission::edit_directory, false, voice_request},
    Route{"POST", "/provision-requests/{}/checks", Access::permission, Permission::edit_directory, false,
          voice_request_check},
    Route{"POST", "/provision-requests/{}/decision", Access::permission, Permission::agree_provision, false,
          voice_request_decide},
    Route{"GET", "/directory/gaps", Access::permission, Permission::view_performance, false, voice_gaps},
    Route{"GET", "/api/v1/feedback", Access::permission, Permission::edit_directory, true, api_feedback_list},
    Route{"POST", "/api/v1/feedback", Access::signed_in, Permission::view_register, true, api_feedback_create},
    Route{"GET", "/api/v1/feedback/published", Access::anyone, Permission::view_register, true, api_feedback_published},
    Route{"GET", "/api/v1/feedback/report", Access::permission, Permission::view_performance, true,
          api_feedback_report},
    Route{"GET", "/api/v1/feedback/{}", Access::permission, Permission::edit_directory, true, api_feedback_item},
    Route{"PUT", "/api/v1/feedback/{}", Access::permission, Permission::edit_directory, true, api_feedback_triage},
    Route{"GET", "/api/v1/provision-requests", Access::permission, Permission::edit_directory, true,
          api_provision_requests},
    Route{"POST", "/api/v1/provision-requests", Access::permission, Permission::edit_child, true,
          api_provision_request_create},
    Route{"GET", "/api/v1/provision-requests/{}", Access::permission, Permission::edit_directory, true,
          api_provision_request},
    Route{"POST", "/api/v1/provision-requests/{}/checks", Access::permission, Permission::edit_directory, true,
          api_provision_request_check},
    Route{"POST", "/api/v1/provision-requests/{}/decision", Access::permission, Permission::agree_provision, true,
          api_provision_request_decide},
    Route{"GET", "/api/v1/gaps", Access::permission, Permission::view_performance, true, api_gaps},
    // Commissioning activities round the joint cycle.
    Route{"GET", "/commissioning", Access::permission, Permission::view_contracts, false, commissioning_board},
    Route{"GET", "/commissioning/new", Access::permission, Permission::manage_contracts, false, commissioning_new_form},
    Route{"POST", "/commissioning", Access::permission, Permission::manage_contracts, false, commissioning_create},
    Route{"GET", "/commissioning/{}", Access::permission, Permission::view_contracts, false, commissioning_activity},
    Route{"GET", "/commissioning/{}/edit", Access::permission, Permission::manage_contracts, false,
          commissioning_edit_form},
    Route{"POST", "/commissioning/{}/edit", Access::permission, Permission::manage_contracts, false,
          commissioning_update},
    Route{"POST", "/commissioning/{}/evidence", Access::permission, Permission::manage_contracts, false,
          commissioning_evidence},
    Route{"POST", "/commissioning/{}/sign-offs", Access::permission, Permission::manage_contracts, false,
          commissioning_sign_off},
    Route{"POST", "/commissioning/{}/advance", Access::permission, Permission::manage_contracts, false,
          commissioning_advance},
    Route{"GET", "/api/v1/commissioning", Access::permission, Permission::view_contracts, true, api_commissioning},
    Route{"POST", "/api/v1/commissioning", Access::permission, Permission::manage_contracts, true,
          api_commissioning_create},
    Route{"GET", "/api/v1/commissioning/{}", Access::permission, Permission::view_contracts, true,
          api_commissioning_activity},
    Route{"PUT", "/api/v1/commissioning/{}", Access::permission, Permission::manage_contracts, true,
          api_commissioning_update},
    Route{"POST", "/api/v1/commissioning/{}/evidence", Access::permission, Permission::manage_contracts, true,
          api_commissioning_evidence},
    Route{"POST", "/api/v1/commissioning/{}/sign-offs", Access::permission, Permission::manage_contracts, true,
          api_commissioning_sign_off},
    Route{"POST", "/api/v1/commissioning/{}/advance", Access::permission, Permission::manage_contracts, true,
          api_commissioning_advance},
    // Frameworks of approved providers by tier of need, and suspensions.
    Route{"GET", "/frameworks", Access::permission, Permission::view_contracts, false, frameworks_list},
    Route{"POST", "/frameworks", Access::permission, Permission::manage_contracts, false, framework_create},
    Route{"GET", "/frameworks/{}", Access::permission, Permission::view_contracts, false, framework},
    Route{"POST", "/frameworks/{}/providers", Access::permission, Permission::manage_contracts, false,
          framework_provider_create},
    Route{"POST", "/frameworks/{}/suspensions", Access::permission, Permission::manage_contracts, false,
          framework_suspension_create},
    Route{"POST", "/frameworks/{}/lift", Access::permission, Permission::manage_contracts, false, framework_lift},
    Route{"GET", "/api/v1/frameworks", Access::permission, Permission::view_contracts, true, api_frameworks},
    Route{"POST", "/api/v1/frameworks", Access::permission, Permission::manage_contracts, true, api_framework_create},
    Route{"GET", "/api/v1/frameworks/{}", Access::permission, Permission::view_contracts, true, api_framework},
    Route{"POST", "/api/v1/frameworks/{}/providers", Access::permission, Permission::manage_contracts, true,
          api_framework_provider_create},
    Route{"POST", "/api/v1/frameworks/{}/suspensions", Access::permission, Permission::manage_contracts, true,
          api_framework_suspension_create},
    Route{"POST", "/api/v1/frameworks/{}/lift", Access::permission, Permission::manage_contracts, true,
          api_framework_lift},
    Route{"POST", "/returns/sen2/conflicts/{}", Access::permission, Permission::edit_child, false,
          sen2_conflict_settle},
    Route{"GET", "/api/v1/returns/sen2", Access::permission, Permission::view_performance, true, api_sen2_return},
    Route{"GET", "/api/v1/returns/sen2/conflicts", Access::permission, Permission::view_performance, true,
          api_sen2_conflicts},
    Route{"POST", "/api/v1/returns/sen2/conflicts/{}", Access::permission, Permission::edit_child, true,
          api_sen2_conflict_settle},
    // Money spent on contracts: invoices and their payment, recorded and
    // corrected by finance officers and commissioners.
    Route{"GET", "/contracts/{}/invoices", Access::permission, Permission::view_contracts, false, contract_invoices},
    Route{"POST", "/contracts/{}/invoices", Access::permission, Permission::record_payments, false,
          contract_invoice_create},
    Route{"POST", "/contracts/{}/invoices/{}/paid", Access::permission, Permission::record_payments, false,
          contract_invoice_paid},
    Route{"GET", "/contracts/{}/invoices/{}/edit", Access::permission, Permission::record_payments, false,
          contract_invoice_edit_form},
    Route{"POST", "/contracts/{}/invoices/{}", Access::permission, Permission::record_payments, false,
          contract_invoice_update},
    Route{"GET", "/api/v1/contracts/{}/invoices", Access::permission, Permission::view_contracts, true,
          api_contract_invoices},
    Route{"POST", "/api/v1/contracts/{}/invoices", Access::permission, Permission::record_payments, true,
          api_contract_invoice_create},
    Route{"POST", "/api/v1/contracts/{}/invoices/{}/paid", Access::permission, Permission::record_payments, true,
          api_contract_invoice_paid},
    Route{"PUT", "/api/v1/contracts/{}/invoices/{}", Access::permission, Permission::record_payments, true,
          api_contract_invoice_update},
    // Pooled budgets (NHS Act 2006 s75).
    Route{"GET", "/pools", Access::permission, Permission::view_contracts, false, pools_list},
    Route{"POST", "/pools", Access::permission, Permission::manage_contracts, false, pool_create},
    Route{"GET", "/pools/{}", Access::permission, Permission::view_contracts, false, pool},
    Route{"GET", "/pools/{}/edit", Access::permission, Permission::manage_contracts, false, pool_edit_form},
    Route{"POST", "/pools/{}", Access::permission, Permission::manage_contracts, false, pool_update},
    Route{"GET", "/api/v1/pools", Access::permission, Permission::view_contracts, true, api_pools},
    Route{"POST", "/api/v1/pools", Access::permission, Permission::manage_contracts, true, api_pool_create},
    Route{"GET", "/api/v1/pools/{}", Access::permission, Permission::view_contracts, true, api_pool},
    Route{"PUT", "/api/v1/pools/{}", Access::permission, Permission::manage_contracts, true, api_pool_update},
    // Decommissioning appraisals ending in a recorded decision.
    Route{"GET", "/decommissioning", Access::permission, Permission::view_contracts, false, appraisals_list},
    Route{"POST", "/decommissioning", Access::permission, Permission::manage_contracts, false, appraisal_create},
    Route{"GET", "/decommissioning/{}", Access::permission, Permission::view_contracts, false, appraisal},
    Route{"GET", "/decommissioning/{}/edit", Access::permission, Permission::manage_contracts, false,
          appraisal_edit_form},
    Route{"POST", "/decommissioning/{}", Access::permission, Permission::manage_contracts, false, appraisal_update},
    Route{"POST", "/decommissioning/{}/decision", Access::permission, Permission::manage_contracts, false,
          appraisal_decide},
    Route{"GET", "/api/v1/decommissioning", Access::permission, Permission::view_contracts, true, api_appraisals},
    Route{"POST", "/api/v1/decommissioning", Access::permission, Permission::manage_contracts, true,
          api_appraisal_create},
    Route{"GET", "/api/v1/decommissioning/{}", Access::permission, Permission::view_contracts, true, api_appraisal},
    Route{"PUT", "/api/v1/decommissioning/{}", Access::permission, Permission::manage_contracts, true,
          api_appraisal_update},
    Route{"POST", "/api/v1/decommissioning/{}/decision", Access::permission, Permission::manage_contracts, true,
          api_appraisal_decide},
    // Termly top-up payments to settings.
    Route{"GET", "/top-ups", Access::permission, Permission::record_payments, false, top_ups},
    Route{"GET", "/top-ups.csv", Access::permission, Permission::record_payments, false, top_ups_csv},
    Route{"POST", "/top-ups/payments", Access::permission, Permission::record_payments, false, top_up_payment_create},
    Route{"GET", "/api/v1/top-ups", Access::permission, Permission::record_payments, true, api_top_ups},
    Route{"POST", "/api/v1/top-ups/payments", Access::permission, Permission::record_payments, true,
          api_top_up_payment_create},
    Route{"GET", "/top-ups/payments/{}", Access::permission, Permission::record_payments, false, top_up_payment},
    Route{"POST", "/top-ups/payments/{}", Access::permission, Permission::record_payments, false,
          top_up_payment_update},
    Route{"GET", "/api/v1/top-ups/payments/{}", Access::permission, Permission::record_payments, true,
          api_top_up_payment},
    Route{"PUT", "/api/v1/top-ups/payments/{}", Access::permission, Permission::record_payments, true,
          api_top_up_payment_update},
    // Recharges between councils for children placed across a border.
    Route{"GET", "/recharges", Access::permission, Permission::record_payments, false, recharges_list},
    Route{"GET", "/recharges.csv", Access::permission, Permission::record_payments, false, recharges_csv},
    Route{"POST", "/recharges", Access::permission, Permission::record_payments, false, recharge_create},
    Route{"GET", "/recharges/{}", Access::permission, Permission::record_payments, false, recharge},
    Route{"POST", "/recharges/{}", Access::permission, Permission::record_payments, false, recharge_update},
    Route{"GET", "/api/v1/recharges", Access::permission, Permission::record_payments, true, api_recharges},
    Route{"POST", "/api/v1/recharges", Access::permission, Permission::record_payments, true, api_recharge_create},
    Route{"GET", "/api/v1/recharges/{}", Access::permission, Permission::record_payments, true, api_recharge},
    Route{"PUT", "/api/v1/recharges/{}", Access::permission, Permission::record_payments, true, api_recharge_update},
};

bool match(const char* pattern, std::string_view path, std::vector<std::string>& captures) {
  std::string_view p(pattern);
  captures.clear();
  while (!p.empty() || !path.empty()) {
    if (p.empty() || path.empty() || p[0] != '/' || path[0] != '/') return false;
    p.remove_prefix(1);
    path.remove_prefix(1);
    const auto pe = p.find('/');
    const auto se = path.find('/');
    const std::string_view pseg = p.substr(0, pe);
    const std::string_view sseg = path.substr(0, se);
    if (pseg == "{}") {
      if (sseg.empty()) return false;
      captures.push_back(percent_decode(sseg, false));
    } else if (pseg != sseg) {
      return false;
    }
    p = pe == std::string_view::npos ? std::string_view{} : p.substr(pe);
    path = se == std::string_view::npos ? std::string_view{} : path.substr(se);
  }
  return true;
}

void security_headers(Response& r, const std::string& nonce, bool api) {
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Referrer-Policy", "same-origin");
  if (!api) {
    r.set("X-Frame-Options", "DENY");
    r.set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce +
                                         "'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                                         "form-action 'self'; base-uri 'none'");
  }
  bool has_cache = false;
  for (const auto& [k, v] : r.headers) has_cache = has_cache || k == "Cache-Control";
  if (!has_cache) r.set("Cache-Control", "no-store");
}

bool is_unsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

Response dispatch(Services& s, const Request& req, std::string& nonce) {
  if (req.path == "/healthz") {
    const auto health = app::check_health(s.db);
    Response r;
    r.status = health.ready ? 200 : 503;
    r.set("Content-Type", "text/plain; charset=utf-8");
    r.body = health.detail + "\n";
    return r;
  }
  Ctx ctx{req, s, std::nullopt, false, {}, {}, {}, {}};
  if (req.path.starts_with("/static/") && (req.method == "GET" || req.method == "HEAD")) return static_file(ctx);
  // The first request of each day closes the Local Offer services due to close.
  if (s.closures) s.closures->run(s.db, s.clock, s.local_offer);
  ctx.csp_nonce = app::random_token().substr(0, 22);
  nonce = ctx.csp_nonce;

  const Route* route = nullptr;
  bool path_known = false;
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  for (const auto& r : kRoutes) {
    if (!match(r.pattern, req.path, ctx.captures)) continue;
    path_known = true;
    if (method == r.method) {
      route = &r;
      break;
    }
  }
  if (!route) {
    ctx.captures.clear();
    const bool api = req.path.starts_with("/api/");
    if (path_known) {
      Response r = api ? json_message(405, "method_not_allowed", "This address does not accept " + req.method)
                       : error_page(ctx, 405, "Not allowed", "This page cannot be used that way.");
      return r;
    }
    return api ? json_message(404, "not_found", "There is no API endpoint at " + req.path)
               : error_page(ctx, 404, "Page not found", "If you typed the web address, check it is correct.");
  }

  ctx.query = parse_urlencoded(req.query);
  const auto cookies = parse_cookies(req.header("cookie"));
  if (route->api) {
    if (auto token = bearer_token(req); !token.empty()) {
      ctx.user = s.auth.from_api_token(token);
      ctx.via_api_token = ctx.user.has_value();
    }
  }
  if (!ctx.user) {
    if (auto c = cookies.find(kSessionCookie); c != cookies.end()) ctx.user = s.auth.resume(c->second);
  }

  if (route->access != Access::anyone && !ctx.user) {
    if (route->api)
      return json_message(401, "unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer TOKEN'");
    return redirect("/sign-in?next=" + percent_encode(req.path + (req.query.empty() ? "" : "?" + req.query)));
  }
  if (route->access == Access::permission && !role_has(ctx.user->role, route->permission)) {
    const auto& u = *ctx.user;
    s.db.write([&](store::Tx& tx) {
      store::insert_audit(
          tx, {app::new_id("a"), u.area_id, s.clock.now_micros(), u.user_id, "access.denied", "route", req.path, "",
               ctx.route(),
               "role " + std::string(to_string(u.role)) + " lacks " + std::string(to_string(route->permission))});
    });
    if (route->api) return json_message(403, "forbidden", "Your role does not allow this.");
    return error_page(ctx, 403, "You cannot see this page",
                      "Your role does not allow it. If you need it for your work, ask your administrator.");
  }

  if (is_unsafe(req.method)) {
    const std::string_view type = req.header("content-type");
    if (type.starts_with("application/x-www-form-urlencoded")) ctx.form = parse_urlencoded(req.body);
    if (!ctx.via_api_token) {
      // Sign-in and the public forms have no session: their token binds to a pre-session cookie.
      std::string expected_basis;
      if (route->handler == sign_in || !ctx.user) {
        auto c = cookies.find(kSignInCookie);
        expected_basis = c == cookies.end() ? "" : "signin:" + c->second;
      } else {
        expected_basis = ctx.user->session_hash;
      }
      std::string given = param(ctx.form, "csrf_token");
      if (given.empty()) given = std::string(req.header("x-csrf-token"));
      if (!s.auth.csrf_valid(expected_basis, given)) {
        if (route->api) return json_message(403, "csrf", "Missing or wrong X-CSRF-Token header for this session.");
        return error_page(ctx, 403, "This form has expired",
                          "For your security the form could not be sent. Go back, reload the page and try again.");
      }
    }
  }
  return route->handler(ctx);
}

}  // namespace

Handler make_handler(Services& services) {
  return [&services](const Request& req) -> Response {
    std::string nonce;
    Response r;
    try {
      r = dispatch(services, req, nonce);
    } catch (const store::StoreError& e) {
      spdlog::error("database error on {} {}: {}", req.method, req.path, e.what());
      r = Response{};
      r.status = 503;
      r.set("Content-Type", "text/plain; charset=utf-8");
      r.body = "Tandem cannot reach its database just now. Nothing you sent was saved; please try again shortly.\n";
    }
    security_headers(r, nonce, req.path.starts_with("/api/"));
    return r;
  };
}

}  // namespace tandem::web
