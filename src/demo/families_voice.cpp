#include "demo/families_voice.h"

#include <algorithm>
#include <array>

#include "demo/random.h"

namespace tandem::demo {

namespace {

struct FeedbackSeed {
  FeedbackCategory category;
  const char* need;  // "" for none
  bool about_service;
  const char* comment;
  const char* you_said;
  const char* we_did;
};

// What families tell Local Offers, in their words, with the summary and
// response a SEND team would publish.
constexpr std::array<FeedbackSeed, 16> kFeedback{{
    {FeedbackCategory::information, "", true, "The phone number on this page rings out; I tried three times last week.",
     "A service's phone number was out of date.",
     "We checked the details with the provider and corrected the number the same day."},
    {FeedbackCategory::information, "", false,
     "It is hard to find what is available for teenagers. Everything seems to be for little ones.",
     "It was hard to find services for teenagers.",
     "We added an age filter to the search and a page of services for 14 to 25 year olds."},
    {FeedbackCategory::gap, "ASD", false,
     "There are no after-school clubs for autistic secondary-age children near us. My son is 13 and has nowhere to go.",
     "There are too few after-school clubs for autistic secondary-age children.",
     "We commissioned two new autism-friendly youth clubs, starting in September, and listed them here."},
    {FeedbackCategory::gap, "SEMH", false,
     "We waited months for any emotional wellbeing support. Is there anything in between school and CAMHS?",
     "Families wanted emotional wellbeing support before a CAMHS referral.",
     "The ICB funded a low-level wellbeing service in schools; it is now in the Local Offer."},
    {FeedbackCategory::access, "SLCN", true,
     "The referral form needs a GP letter but our GP says they do not do that. We are stuck.",
     "A service asked for a GP letter that GPs could not give.",
     "The service now accepts referrals from schools and health visitors as well as GPs."},
    {FeedbackCategory::quality, "", true, "Staff were kind but the session was cancelled twice with no notice.",
     "Sessions were cancelled without notice.",
     "The provider now texts families at least 24 hours before any change, and we check this at each review."},
    {FeedbackCategory::praise, "PD", true, "The swimming sessions have changed my daughter's confidence. Thank you.",
     "A family praised the adapted swimming sessions.", "We passed the thanks on to the instructors."},
    {FeedbackCategory::praise, "", true, "Brilliant short breaks, the staff really understand our son.",
     "A family praised a short breaks service.", "We shared the feedback with the service and its commissioners."},
    {FeedbackCategory::information, "", false,
     "Please say which places have changing places toilets. It decides whether we can go at all.",
     "Families wanted to know which venues have a changing places toilet.",
     "Every venue's accessibility details now say whether it has a changing places toilet."},
    {FeedbackCategory::gap, "HI", false,
     "Nothing for deaf teenagers to meet each other. My daughter feels very isolated.",
     "There was nothing for deaf teenagers to meet each other.",
     "We are working with the sensory support team on a monthly group for deaf young people."},
    {FeedbackCategory::access, "", false, "I do not have internet at home. Can I get this information on paper?",
     "A family asked for the Local Offer on paper.",
     "Libraries and family hubs now keep printed guides, and the SEND team posts one on request."},
    {FeedbackCategory::quality, "MLD", true,
     "The course was good but far too big a group for my son to take anything in.",
     "Groups were too large for some young people.", "The provider has capped groups at eight."},
    {FeedbackCategory::gap, "PMLD", false,
     "Where are the holiday activities for children with profound and multiple learning difficulties?",
     "Holiday activities did not cater for children with profound and multiple learning difficulties.",
     "Holiday activity funding now requires providers to offer places with one-to-one support."},
    {FeedbackCategory::other, "", false, "Who do I speak to about transport to college?",
     "Families were unsure whom to ask about transport to college.",
     "We added post-16 transport to the Local Offer with the team's contact details."},
    {FeedbackCategory::access, "SPLD", true, "The waiting list is over a year. Is that right?",
     "A service's waiting list was over a year.",
     "We are reviewing the service with the provider and have funded extra sessions to bring waits down."},
    {FeedbackCategory::information, "VI", true,
     "The page is hard to read with my screen reader: the opening times are in a picture.",
     "Opening times were shown as an image that screen readers could not read.",
     "Opening times are now written as text on every service page."},
}};

struct RequestSeed {
  const char* provision;
  const char* provider;
  const char* need;
  const char* reason;
};

constexpr std::array<RequestSeed, 10> kRequests{{
    {"Equine-assisted therapy", "Hillside Riding for the Disabled", "SEMH",
     "Our daughter engages with horses when nothing else works; talking therapies have not helped."},
    {"Sensory integration therapy", "Coastline Occupational Therapy Ltd", "ASD",
     "Occupational therapy in the offer is advice only; our son needs hands-on sensory work to manage school."},
    {"Braille tuition at home", "Northern Braille Tutors", "VI",
     "Our daughter is losing her sight and needs to learn braille before secondary school."},
    {"Music therapy", "Harmony Music Therapy CIC", "PMLD",
     "Music is the one way our son communicates; a music therapist could build on that."},
    {"Lego-based social skills group", "Brick Club Partners", "ASD",
     "A structured group where autistic children practise social skills through play."},
    {"Specialist driving lessons", "Adapted Drive School", "PD",
     "Our son is 17 and needs an adapted car and an instructor who understands his condition."},
    {"Touch-typing course", "Keys to Learning", "SPLD",
     "Handwriting is very slow because of dyslexia; touch-typing would let her keep up in lessons."},
    {"Forest school sessions", "Wildwood Outdoor Learning", "SEMH",
     "Small outdoor groups have helped other children with anxiety return to learning."},
    {"Sign language classes for the family", "Signing Together", "HI",
     "The whole family needs to learn British Sign Language to communicate with our deaf son."},
    {"Intensive interaction training for parents", "Connect Family Learning", "SLCN",
     "We want to learn intensive interaction to help our daughter communicate at home."},
}};

constexpr std::array<const char*, 5> kMetNotes{{
    "Published evaluations and the provider's own outcomes data show benefit for needs like these.",
    "Priced at or below the area's banded rate for comparable provision.",
    "DBS checks, safeguarding policy, insurance and risk assessments seen and in date.",
    "Practitioners hold recognised qualifications; the provider follows its professional body's standards.",
    "Outcomes can be set in the plan and measured at each review.",
}};

}  // namespace

DemoVoice generate_families_voice(const VoiceOptions& o) {
  DemoVoice out;
  Rng rng(mix64(o.seed, 0x766f696365ULL));
  const std::int64_t day_micros = 86'400'000'000LL;
  auto micros_of = [&](Date d, int minute) {
    return static_cast<std::int64_t>(d.time_since_epoch().count()) * day_micros + minute * 60'000'000LL;
  };
  // Feedback over the last 14 months, older items further along triage.
  for (std::size_t i = 0; i < o.feedback; ++i) {
    const auto& seed = kFeedback[rng.below(kFeedback.size())];
    Feedback f;
    f.id = o.id_prefix + "fb-" + std::to_string(i + 1);
    f.area_id = o.area_id;
    const int days_ago = static_cast<int>(rng.below(425));
    f.received_on = o.today - std::chrono::days(days_ago);
    f.received_at = micros_of(f.received_on, rng.between(420, 1320));
    const std::array<double, 4> from_weights{70, 10, 15, 5};
    f.from = all_feedback_froms()[rng.weighted(from_weights)];
    f.comment = seed.comment;
    if (rng.chance(0.4)) f.contact = "Reply by email, please";
    if (seed.about_service && !o.services.empty()) {
      // A service for the need when there is one, any service otherwise.
      std::vector<const VoiceService*> fits;
      for (const auto& s : o.services) {
        if (*seed.need == '\0' || std::find(s.need_codes.begin(), s.need_codes.end(), seed.need) != s.need_codes.end())
          fits.push_back(&s);
      }
      f.service_id = fits.empty() ? o.services[rng.below(o.services.size())].id : fits[rng.below(fits.size())]->id;
    }
    // New within the fortnight, mostly; older ones were triaged and answered.
    const double answered = days_ago < 14 ? 0.05 : days_ago < 45 ? 0.5 : 0.9;
    if (days_ago < 14 && rng.chance(0.8)) {
      f.status = FeedbackStatus::new_;
    } else {
      f.category = seed.category;
      f.need_code = seed.need;
      if (rng.chance(answered)) {
        f.you_said = seed.you_said;
        f.we_did = seed.we_did;
        f.status = days_ago > 120 && rng.chance(0.5) ? FeedbackStatus::closed : FeedbackStatus::responded;
        if (rng.chance(0.75)) f.published_on = std::min(o.today, f.received_on + std::chrono::days(rng.between(7, 40)));
      } else {
        f.status = rng.chance(0.15) ? FeedbackStatus::closed : FeedbackStatus::triaged;
      }
    }
    f.version = f.status == FeedbackStatus::new_ ? 1 : 2;
    out.feedback.push_back(std::move(f));
  }
  std::sort(out.feedback.begin(), out.feedback.end(),
            [](const Feedback& a, const Feedback& b) { return a.received_at < b.received_at; });

  // Requests: three received, three being verified, and four decided (add,
  // fund for a child, decline), each with the checks that decision needs.
  for (std::size_t i = 0; i < kRequests.size(); ++i) {
    const auto& seed = kRequests[i];
    ProvisionRequest r;
    r.id = o.id_prefix + "pr-" + std::to_string(i + 1);
    r.area_id = o.area_id;
    const int days_ago = i < 3   ? static_cast<int>(3 + i * 4)
                         : i < 6 ? 20 + static_cast<int>(i * 6)
                                 : 70 + static_cast<int>(i * 12);
    r.received_on = o.today - std::chrono::days(days_ago);
    r.received_at = micros_of(r.received_on, rng.between(480, 1080));
    r.provision = seed.provision;
    r.provider = seed.provider;
    r.reason = seed.reason;
    r.need_code = seed.need;
    r.age = rng.between(4, 19);
    const bool staff = i % 3 == 1;
    if (staff) {
      r.source = RequestOrigin::staff;
      r.requested_by = o.caseworker_id;
      std::vector<const VoiceChild*> fits;
      for (const auto& c : o.children) {
        if (c.primary_need == seed.need) fits.push_back(&c);
      }
      if (!fits.empty()) {
        const auto* c = fits[rng.below(fits.size())];
        r.child_id = c->id;
        r.age = c->age;
      }
    } else {
      r.source = RequestOrigin::family;
      r.contact = "Email the family (held by the SEND team)";
    }
    const std::int64_t checked_at = r.received_at + 3 * day_micros;
    auto check = [&](Criterion c, Finding f, const std::string& note) {
      r.checks.push_back({c, f, note, o.manager_id, checked_at});
    };
    const auto criteria = all_criteria();
    if (i >= 3 && i < 6) {
      for (std::size_t k = 0; k < 2 + i - 3; ++k) check(criteria[k], Finding::met, kMetNotes[k]);
    } else if (i >= 6) {
      const int kind = static_cast<int>(i - 6);  // 0 add, 1 fund, 2 decline, 3 add
      for (std::size_t k = 0; k < criteria.size(); ++k) {
        Finding f = Finding::met;
        std::string note = kMetNotes[k];
        if (kind == 1 && criteria[k] == Criterion::cost) {
          f = Finding::not_met;
          note = "Above the banded rate: value for one child with no local alternative, not for the whole offer.";
        }
        if (kind == 2 && criteria[k] == Criterion::efficacy) {
          f = Finding::not_met;
          note = "No evidence found that it works for needs like these.";
        }
        check(criteria[k], f, note);
      }
      RequestDecision d = kind == 1   ? RequestDecision::fund_for_child
                          : kind == 2 ? RequestDecision::decline
                                      : RequestDecision::add_to_offer;
      if (d == RequestDecision::fund_for_child && r.child_id.empty()) d = RequestDecision::decline;
      r.decision = d;
      r.decision_reasons = d == RequestDecision::add_to_offer ? "Meets all five criteria; other families will benefit."
                           : d == RequestDecision::fund_for_child
                               ? "Right for this child, with no local alternative; "
                                 "to be written into the EHC plan at review."
                               : "The evidence does not show it would improve outcomes.";
      r.decided_by = o.manager_id;
      r.decided_on = r.received_on + std::chrono::days(28);
      if (d == RequestDecision::add_to_offer && !o.services.empty()) {
        for (const auto& s : o.services) {
          if (std::find(s.need_codes.begin(), s.need_codes.end(), r.need_code) != s.need_codes.end()) {
            r.service_id = s.id;
            break;
          }
        }
      }
    }
    r.version = 1 + static_cast<std::int64_t>(r.checks.size()) + (r.decision ? 1 : 0);
    out.requests.push_back(std::move(r));
  }
  return out;
}

}  // namespace tandem::demo
