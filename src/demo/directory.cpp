#include "demo/directory.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "core/need.h"
#include "demo/fiction.h"

namespace tandem::demo {

namespace {

// One kind of service a Local Offer lists. Needs empty: open to any need.
struct Kind {
  const char* name;
  const char* type;  // the service-type term
  ServiceLevel level;
  std::array<const char*, 3> needs;
  int min_age, max_age;  // max_age -1: no upper limit
  const char* description;
  const char* how_to_access;
  int price_pence;  // 0: free
  const char* price_note;
  const char* venue;  // where it runs: "hub", "library", "leisure", "health", "school", "home"
  const char* hours;  // "morning", "afternoon", "day", "evening", "weekend"
};

constexpr Kind kKinds[] = {
    {"Stay and play",
     "Play and early years",
     ServiceLevel::universal,
     {},
     0,
     4,
     "Relaxed play sessions for babies and young children with their parents or carers. Staff can talk with you "
     "about your child's development and where to get help.",
     "Just turn up. No need to book.",
     0,
     "",
     "hub",
     "morning"},
    {"Portage home visiting",
     "Play and early years",
     ServiceLevel::specialist,
     {"SLD", "PMLD", "DS"},
     0,
     5,
     "A trained home visitor plays with your child at home each fortnight and helps you plan small steps in "
     "learning and play.",
     "Ask your health visitor, GP or nursery to refer you, or call the team to talk it through.",
     0,
     "",
     "home",
     "day"},
    {"Speech and language therapy clinic",
     "Therapies",
     ServiceLevel::specialist,
     {"SLCN", "ASD", "DS"},
     0,
     18,
     "Assessment and therapy for children who find it hard to understand, talk or be understood, and for eating "
     "and drinking difficulties.",
     "Referral from a GP, health visitor, school or nursery. Parents can also ask for advice at a drop-in.",
     0,
     "",
     "health",
     "day"},
    {"Speech and language drop-in",
     "Therapies",
     ServiceLevel::universal,
     {"SLCN"},
     0,
     7,
     "Talk to a speech and language therapist about your child's talking, listening or understanding. No "
     "referral needed.",
     "Drop in during the session times.",
     0,
     "",
     "hub",
     "morning"},
    {"Children's occupational therapy",
     "Therapies",
     ServiceLevel::specialist,
     {"PD", "ASD", "SPLD"},
     0,
     18,
     "Help with everyday skills such as dressing, eating, handwriting and getting around school, and advice on "
     "sensory needs and equipment at home.",
     "Referral from a GP, paediatrician or school SENCO.",
     0,
     "",
     "health",
     "day"},
    {"Children's physiotherapy",
     "Therapies",
     ServiceLevel::specialist,
     {"PD", "PMLD"},
     0,
     18,
     "Assessment and treatment for children with difficulties in movement, posture or balance.",
     "Referral from a GP, paediatrician or health visitor.",
     0,
     "",
     "health",
     "day"},
    {"Children and young people's mental health service",
     "Health",
     ServiceLevel::highly_specialist,
     {"SEMH", "ASD"},
     5,
     18,
     "Assessment and treatment for children and young people with significant mental health difficulties, by "
     "psychiatrists, psychologists and nurses.",
     "Referral from a GP, school nurse or social worker. Urgent help is available through the crisis line.",
     0,
     "",
     "health",
     "day"},
    {"Wellbeing counselling for young people",
     "Emotional wellbeing",
     ServiceLevel::specialist,
     {"SEMH"},
     11,
     25,
     "Free, confidential one-to-one counselling for young people who feel anxious, low or stressed.",
     "Young people can refer themselves online or by phone; schools and GPs can refer too.",
     0,
     "",
     "hub",
     "afternoon"},
    {"Autism family support group",
     "Family support",
     ServiceLevel::universal,
     {"ASD"},
     0,
     25,
     "A friendly group where parents and carers of autistic children share ideas, hear from speakers and get "
     "support, before or after a diagnosis.",
     "Come along. You can bring your child; there is a quiet play area.",
     0,
     "",
     "hub",
     "evening"},
    {"Autism keyworker service",
     "Family support",
     ServiceLevel::highly_specialist,
     {"ASD"},
     0,
     25,
     "A named keyworker for autistic children and young people at risk of going into hospital, who works with "
     "the family and every service involved.",
     "Referral through the dynamic support register; ask your child's social worker or health professional.",
     0,
     "",
     "home",
     "day"},
    {"Inclusive youth club",
     "Activities and leisure",
     ServiceLevel::universal,
     {},
     11,
     19,
     "Games, music, cooking and trips in a welcoming youth club, with extra staff so that disabled young people "
     "can join in.",
     "Just turn up. Call ahead if your young person needs one-to-one support.",
     150,
     "Per session",
     "hub",
     "evening"},
    {"After-school short break club",
     "Short breaks",
     ServiceLevel::specialist,
     {"SLD", "ASD", "PD"},
     5,
     18,
     "Fun activities after school for disabled children, giving families a short break from caring.",
     "Book through the short breaks team. Children with an EHC plan or a disability assessment are eligible.",
     1200,
     "Per session; funded places for eligible families",
     "school",
     "afternoon"},
    {"Holiday playscheme",
     "Short breaks",
     ServiceLevel::specialist,
     {"ASD", "SLD", "PMLD"},
     5,
     18,
     "Full days of play, trips and activities in the school holidays for disabled children and young people, with "
     "trained staff.",
     "Book through the short breaks team each holiday. Places go to eligible families first.",
     2500,
     "Per day",
     "school",
     "day"},
    {"Overnight short breaks",
     "Short breaks",
     ServiceLevel::highly_specialist,
     {"PMLD", "SLD", "PD"},
     8,
     18,
     "Planned overnight stays in a homely residential unit for children with complex needs, with nursing care "
     "available.",
     "Through an assessment by the children with disabilities social work team.",
     0,
     "",
     "home",
     "weekend"},
    {"Inclusive swimming",
     "Activities and leisure",
     ServiceLevel::universal,
     {"PD", "ASD"},
     4,
     25,
     "Quieter swimming sessions with hoists, changing places toilets and trained instructors.",
     "Book at the leisure centre reception or online. A carer swims free.",
     350,
     "Per swim",
     "leisure",
     "weekend"},
    {"Inclusive multi-sports",
     "Activities and leisure",
     ServiceLevel::universal,
     {"PD", "MLD"},
     6,
     25,
     "Try boccia, football, wheelchair basketball and more in an inclusive sports session.",
     "Just turn up. Equipment is provided.",
     200,
     "Per session",
     "leisure",
     "weekend"},
    {"Hearing support team",
     "Sensory support",
     ServiceLevel::specialist,
     {"HI", "MSI"},
     0,
     25,
     "Qualified teachers of the deaf support children and young people at home, in early years settings, schools "
     "and colleges, and advise on equipment.",
     "Referral from audiology or your child's school or nursery.",
     0,
     "",
     "school",
     "day"},
    {"Vision support team",
     "Sensory support",
     ServiceLevel::specialist,
     {"VI", "MSI"},
     0,
     25,
     "Qualified teachers of children with vision impairment and habilitation specialists support learning, "
     "mobility and independence.",
     "Referral from the eye clinic, your child's school or nursery.",
     0,
     "",
     "school",
     "day"},
    {"Sensory play sessions",
     "Play and early years",
     ServiceLevel::specialist,
     {"PMLD", "MSI", "SLD"},
     0,
     11,
     "Play in a sensory room with lights, sounds and textures, designed for children with profound and multiple "
     "learning difficulties.",
     "Book a session by phone.",
     0,
     "",
     "hub",
     "morning"},
    {"Dyslexia support sessions",
     "Learning support",
     ServiceLevel::specialist,
     {"SPLD"},
     6,
     16,
     "Small-group teaching in reading, spelling and study skills from specialist teachers.",
     "Parents can book directly; schools can buy places for pupils.",
     1800,
     "Per session",
     "library",
     "afternoon"},
    {"Educational psychology service",
     "Learning support",
     ServiceLevel::specialist,
     {"MLD", "SEMH", "SPLD"},
     0,
     25,
     "Educational psychologists help schools and families understand a child's learning and wellbeing and plan "
     "support; they also give advice for EHC needs assessments.",
     "Through your child's school or setting, which can ask for involvement.",
     0,
     "",
     "school",
     "day"},
    {"SEND information, advice and support service",
     "Advice and information",
     ServiceLevel::universal,
     {},
     0,
     25,
     "Free, impartial and confidential advice about special educational needs and disabilities for children, "
     "young people and parents, including help with EHC needs assessments and appeals.",
     "Call the helpline, email, or drop in. Young people can contact the service themselves.",
     0,
     "",
     "library",
     "day"},
    {"Parent carer forum",
     "Family support",
     ServiceLevel::universal,
     {},
     0,
     25,
     "An independent group of parents and carers of disabled children who work with the council and NHS to "
     "improve services. Come to share your views or just meet other families.",
     "Join for free online or come to a coffee morning.",
     0,
     "",
     "hub",
     "morning"},
    {"Sibling support group",
     "Family support",
     ServiceLevel::universal,
     {},
     7,
     16,
     "Activities and a chance to talk for brothers and sisters of disabled children.",
     "Parents can book a place by phone or email.",
     0,
     "",
     "hub",
     "weekend"},
    {"Supported internships",
     "Preparing for adulthood",
     ServiceLevel::specialist,
     {"MLD", "SLD", "ASD"},
     16,
     25,
     "A year-long study programme based at an employer, with a job coach, for young people with an EHC plan who "
     "want to move into paid work.",
     "Talk to your college or your SEND caseworker at the annual review.",
     0,
     "",
     "school",
     "day"},
    {"Independent travel training",
     "Preparing for adulthood",
     ServiceLevel::specialist,
     {"MLD", "ASD", "SLD"},
     11,
     25,
     "One-to-one training so young people can travel safely on their own to school, college or work.",
     "Referral from school, college or the SEND team.",
     0,
     "",
     "home",
     "day"},
    {"Moving to adult services advice",
     "Preparing for adulthood",
     ServiceLevel::universal,
     {},
     14,
     25,
     "Advice sessions for young people and families about health, care, education, work and housing after 18.",
     "Book a session by phone or email.",
     0,
     "",
     "library",
     "afternoon"},
    {"Children's community nursing",
     "Health",
     ServiceLevel::highly_specialist,
     {"PMLD", "PD"},
     0,
     18,
     "Nursing care at home and in school for children with complex health needs, including tube feeding and "
     "long-term ventilation.",
     "Referral from a paediatrician or hospital team.",
     0,
     "",
     "home",
     "day"},
    {"Continence service",
     "Health",
     ServiceLevel::specialist,
     {"PD", "SLD"},
     4,
     19,
     "Assessment, advice and products for children and young people with bladder or bowel difficulties.",
     "Referral from a GP, school nurse or health visitor.",
     0,
     "",
     "health",
     "day"},
    {"Wheelchair service",
     "Health",
     ServiceLevel::highly_specialist,
     {"PD"},
     0,
     -1,
     "Assessment for and provision of wheelchairs and seating, with repairs and reviews as children grow.",
     "Referral from a GP, therapist or consultant.",
     0,
     "",
     "health",
     "day"},
    {"Social skills group",
     "Emotional wellbeing",
     ServiceLevel::specialist,
     {"ASD", "SEMH", "SLCN"},
     8,
     16,
     "Small groups where children practise making friends, turn-taking and managing feelings.",
     "Parents can book; schools can refer.",
     600,
     "Per block of six sessions",
     "library",
     "afternoon"},
    {"Music therapy",
     "Therapies",
     ServiceLevel::specialist,
     {"PMLD", "ASD", "SEMH"},
     2,
     25,
     "A registered music therapist uses music to help communication and emotional wellbeing.",
     "Book an initial meeting by phone.",
     3500,
     "Per session",
     "hub",
     "afternoon"},
    {"Down syndrome family group",
     "Family support",
     ServiceLevel::universal,
     {"DS"},
     0,
     25,
     "Meet other families, share ideas on learning and speech, and join family days out.",
     "Come along, or email to join the mailing list.",
     0,
     "",
     "hub",
     "weekend"},
};

constexpr const char* kLocalities[] = {
    "Ashbrook",       "Millfield",       "Kingsmoor",    "Larchdale",   "Brindle Cross", "Oldcastle",
    "Fernhill",       "Hatherby",        "Wexley Green", "Copperbeck",  "Saltmarsh",     "Thornleigh",
    "Eddington Vale", "Harrowgate Park", "Quarrybank",   "Willowmere",  "Stonebridge",   "Netherford",
    "Upper Calder",   "Rookwood",        "Greybarn",     "Linnet Hill", "Marshbrook",    "Elmstead",
    "Foxley",         "Holloway End",    "Pennyfield",   "Redmire",     "Sandwell Top",  "Tilbury Heath"};

constexpr const char* kStreets[] = {"High Street",   "Church Road", "Station Road", "Mill Lane",    "Park Avenue",
                                    "Victoria Road", "School Lane", "Green Lane",   "Market Place", "Brook Street"};

const char* organisation_for(const Kind& k, Rng& rng) {
  const std::string type = k.type, name = k.name;
  if (name == "Music therapy") return "Calm Waters Music Therapy";
  if (name == "Dyslexia support sessions") return "Ladder Learning (dyslexia)";
  if (name == "Down syndrome family group") return "Ninefold Down Syndrome Group";
  if (name == "Sibling support group") return "Together Siblings Project";
  if (name == "Parent carer forum") return "Kinfolk Parent Carer Forum";
  if (name == "Speech and language drop-in")
    return rng.chance(0.5) ? "Little Voices CIC" : "Tandem Demo Borough Council";
  if (name == "Sensory play sessions") return "Lantern Sensory Play";
  if (type == "Therapies" || type == "Health") {
    return rng.chance(0.8) ? "Tandem Demo Community Health NHS Trust" : "Tandem Demo Children's Hospital NHS Trust";
  }
  if (type == "Sensory support" || type == "Learning support" || name == "SEND information, advice and support service")
    return "Tandem Demo Borough Council";
  if (type == "Preparing for adulthood")
    return rng.chance(0.6) ? "Tandem Demo Borough Council" : "Pathways to Work Trust";
  if (type == "Short breaks") return rng.chance(0.5) ? "Sunflower Short Breaks" : "Stepping Stones Play Association";
  if (type == "Activities and leisure") return rng.chance(0.5) ? "Open Door Youth Trust" : "Riverside Inclusive Sports";
  if (type == "Emotional wellbeing") return "Harbour Counselling for Young People";
  if (type == "Play and early years")
    return rng.chance(0.6) ? "Tandem Demo Borough Council" : "Stepping Stones Play Association";
  return rng.chance(0.5) ? "Brightpath Family Support" : "Spectrum Families Network";
}

std::string slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string pick_days(const Kind& k, Rng& rng) {
  if (std::string(k.hours) == "weekend") return rng.chance(0.5) ? "SA" : "SA,SU";
  static constexpr const char* kWeekdays[] = {"MO", "TU", "WE", "TH", "FR"};
  if (std::string(k.hours) == "day" && rng.chance(0.6)) return "MO,TU,WE,TH,FR";
  const int count = rng.between(1, 3);
  std::vector<int> days{0, 1, 2, 3, 4};
  rng.shuffle(days);
  days.resize(static_cast<std::size_t>(count));
  std::sort(days.begin(), days.end());
  std::string out;
  for (int d : days) out += (out.empty() ? "" : ",") + std::string(kWeekdays[d]);
  return out;
}

std::pair<std::string, std::string> pick_hours(const Kind& k, Rng& rng) {
  const std::string h = k.hours;
  int open = 9 * 60, length = 120;
  if (h == "morning") open = rng.between(18, 20) * 30, length = 120;
  if (h == "afternoon") open = rng.between(31, 33) * 30, length = 90;
  if (h == "evening") open = rng.between(35, 37) * 30, length = 120;
  if (h == "weekend") open = rng.between(18, 24) * 30, length = 180;
  if (h == "day") open = rng.between(16, 18) * 30, length = rng.between(14, 17) * 30;
  const int close = open + length;
  return {two_digits(open / 60) + ":" + two_digits(open % 60), two_digits(close / 60) + ":" + two_digits(close % 60)};
}

}  // namespace

std::string demo_uuid(Rng& rng) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::uint64_t hi = rng.next(), lo = rng.next();
  std::string out;
  for (int i = 0; i < 32; ++i) {
    const std::uint64_t word = i < 16 ? hi : lo;
    unsigned nibble = static_cast<unsigned>((word >> (60 - 4 * (i % 16))) & 0xF);
    if (i == 12) nibble = 4;                   // version 4
    if (i == 16) nibble = 8 | (nibble & 0x3);  // RFC 4122 variant
    if (i == 8 || i == 12 || i == 16 || i == 20) out.push_back('-');
    out.push_back(kHex[nibble]);
  }
  return out;
}

namespace {

// Beyond the lead contact and the standard price: a bookings or referrals
// line, a discount for a brother or sister, and extra hours with no set price,
// as real listings give them. Ids come from the service's own draws, so the
// ids of everything after it stay as they were.
void add_contacts_and_prices(Service& s, const Kind& k, const std::string& org_name, Rng& r) {
  const std::string org = slug(org_name);
  const std::string phone = "01632 961" + std::to_string(100 + r.below(900));
  if (k.level == ServiceLevel::universal) {
    if (r.chance(0.4)) s.contacts.push_back({demo_uuid(r), "Bookings team", "", "bookings@" + org + ".example", phone});
  } else if (r.chance(0.6)) {
    s.contacts.push_back(
        {demo_uuid(r), "Referrals", "Duty worker", "referrals@" + org + ".example", r.chance(0.5) ? phone : ""});
  }
  if (k.price_pence <= 0) return;
  const auto standard = s.costs.front().amount->value;
  if (r.chance(0.3)) s.costs.push_back({demo_uuid(r), "Brother or sister", Pence(standard / 100 * 50), k.price_note});
  if (k.level != ServiceLevel::universal && r.chance(0.25))
    s.costs.push_back({demo_uuid(r), "Extra hours", std::nullopt, "by arrangement; ask for a quote"});
}

}  // namespace

DemoDirectory generate_directory(const DirectoryOptions& o) {
  DemoDirectory out;
  Directory& d = out.directory;
  d.area_id = o.area_id;
  Rng ids(mix64(o.seed, 0xD1EC7001));
  Rng rng(mix64(o.seed, 0xD1EC7002));

  std::vector<std::string> districts = o.districts;
  if (districts.empty()) {
    for (int i = 1; i <= 8; ++i) districts.push_back("QS" + std::to_string(i));
  }
  // District centres on a grid about 2.5 km apart around an invented point.
  const GeoPoint anchor{53420000, -2180000};
  const auto side =
      static_cast<std::size_t>(std::max(1.0, std::ceil(std::sqrt(static_cast<double>(districts.size())))));
  for (std::size_t i = 0; i < districts.size(); ++i) {
    const auto row = static_cast<std::int64_t>(i / side), col = static_cast<std::int64_t>(i % side);
    out.district_centres.emplace_back(districts[i],
                                      GeoPoint{anchor.latitude_e6 + row * 22500, anchor.longitude_e6 + col * 37500});
  }

  // Taxonomies: the SEND needs (DfE primary-need codes) and types of service.
  Taxonomy needs{demo_uuid(ids), std::string(kNeedsTaxonomyName),
                 "The special educational needs and disabilities a service is for, by the DfE's primary-need codes "
                 "(SEN2 and the school census).",
                 "https://tandem.example/taxonomies/send-needs", "SEN2 2025"};
  Taxonomy types{demo_uuid(ids), "Local Offer service types", "What kind of help a service gives.",
                 "https://tandem.example/taxonomies/service-types", "1"};
  d.taxonomies = {needs, types};
  std::map<std::string, std::string> need_term, type_term;
  for (const auto& n : need_codes()) {
    if (n.code == "NSA") continue;
    TaxonomyTerm t{demo_uuid(ids),
                   needs.id,
                   std::string(n.code),
                   std::string(n.name),
                   "Broad area of need: " + std::string(n.broad_area),
                   ""};
    need_term[t.code] = t.id;
    d.terms.push_back(std::move(t));
  }
  for (const auto& k : kKinds) {
    if (type_term.contains(k.type)) continue;
    TaxonomyTerm t{demo_uuid(ids), types.id, slug(k.type), k.type, std::string(k.type) + " in the Local Offer", ""};
    type_term[k.type] = t.id;
    d.terms.push_back(std::move(t));
  }

  // Organisations, each once, in the order first needed.
  std::map<std::string, std::string> organisation_id;
  auto organisation = [&](const std::string& name) {
    if (auto it = organisation_id.find(name); it != organisation_id.end()) return it->second;
    Organisation org{demo_uuid(ids), name, "", "info@" + slug(name) + ".example", "https://" + slug(name) + ".example"};
    org.description = name.find("NHS") != std::string::npos ? "An NHS trust providing children's health services."
                      : name.find("Council") != std::string::npos
                          ? "The local authority's education, SEND and social care services."
                          : "A local voluntary and community organisation working with disabled children, young "
                            "people and their families.";
    // Voluntary organisations are registered charities; the number follows from
    // the order they appear, so the demo's random draws are unchanged.
    if (name.find("NHS") == std::string::npos && name.find("Council") == std::string::npos)
      org.charity_number = std::to_string(1100000 + (organisation_id.size() * 7919) % 99999);
    organisation_id[name] = org.id;
    d.organisations.push_back(std::move(org));
    return organisation_id[name];
  };

  // Venues: each district has a family hub, library, leisure centre, health
  // centre and a school; "home" services are delivered where families live.
  std::map<std::string, std::string> venue_id;  // "district/venue" -> location id
  auto venue = [&](std::size_t district, const std::string& kind) {
    const std::string key = districts[district] + "/" + kind;
    if (auto it = venue_id.find(key); it != venue_id.end()) return it->second;
    const std::string town = kLocalities[district % std::size(kLocalities)];
    Location l;
    l.id = demo_uuid(ids);
    l.name = kind == "hub"       ? town + " Family Hub"
             : kind == "library" ? town + " Library"
             : kind == "leisure" ? town + " Leisure Centre"
             : kind == "health"  ? town + " Health Centre"
                                 : town + " Community School";
    l.address_1 = std::to_string(rng.between(1, 180)) + " " + kStreets[rng.below(std::size(kStreets))];
    l.city = town;
    l.postcode = districts[district] + " " + std::to_string(rng.between(1, 9)) +
                 std::string(1, static_cast<char>('A' + rng.below(20))) +
                 std::string(1, static_cast<char>('A' + rng.below(20)));
    const GeoPoint c = out.district_centres[district].second;
    l.point = GeoPoint{c.latitude_e6 + rng.between(-7000, 7000), c.longitude_e6 + rng.between(-11000, 11000)};
    l.accessibility = rng.chance(0.85) ? "Step-free access, accessible toilet"
                                       : "Stairs to the first floor; ask about a ground-floor room";
    if (kind == "hub" || kind == "leisure") l.accessibility += ", changing places toilet";
    if (rng.chance(0.4)) l.accessibility += ", hearing loop";
    if (kind == "hub" && rng.chance(0.5)) l.accessibility += ", quiet room";
    venue_id[key] = l.id;
    d.locations.push_back(std::move(l));
    return venue_id[key];
  };

  std::map<std::string, int> seen;  // name -> count, to tell repeats apart
  for (std::size_t i = 0; i < o.services; ++i) {
    Rng r(mix64(o.seed, 0xD1EC0000ULL + i));
    const Kind& k = kKinds[r.below(std::size(kKinds))];
    const std::size_t district = r.below(districts.size());
    const std::string town = kLocalities[district % std::size(kLocalities)];
    Service s;
    s.id = demo_uuid(ids);
    const std::string org_name = organisation_for(k, r);
    s.organisation_id = organisation(org_name);
    s.name = std::string(k.name) + " – " + town;
    // The same kind of service twice in one town: tell them apart by who runs it.
    if (seen[s.name]++ > 0) {
      s.name += " (" + org_name + ")";
      if (const int n = ++seen[s.name]; n > 1) s.name += " " + std::to_string(n);
    }
    s.description = k.description;
    s.url = "https://" + slug(org_name) + ".example/" + slug(k.name);
    const std::string kind_slug = slug(k.name);
    const auto second_dash = kind_slug.find('-', kind_slug.find('-') + 1);
    s.email = kind_slug.substr(0, second_dash) + "@" + slug(org_name) + ".example";
    s.status = r.chance(0.02) ? "temporarily closed" : "active";
    s.level = k.level;
    s.how_to_access = k.how_to_access;
    s.minimum_age = std::max(0, k.min_age + (k.min_age > 0 && r.chance(0.3) ? r.between(-1, 1) : 0));
    if (k.max_age >= 0) s.maximum_age = std::max(s.minimum_age + 1, k.max_age - (r.chance(0.2) ? r.between(0, 2) : 0));
    // Universal services are checked yearly, others every six months; about
    // one in twelve is overdue, as directories drift.
    const int period = k.level == ServiceLevel::universal ? 365 : 182;
    const bool overdue = r.chance(0.08);
    s.last_checked_on =
        o.today - std::chrono::days(overdue ? r.between(period + 5, period + 180) : r.between(5, period - 5));
    s.review_due_on = s.last_checked_on + std::chrono::days(period);
    s.updated_at = (s.last_checked_on.time_since_epoch().count()) * 86'400'000'000LL;
    s.term_ids.push_back(type_term[k.type]);
    for (const char* need : k.needs) {
      if (need && r.chance(0.9)) s.term_ids.push_back(need_term[need]);
    }
    std::sort(s.term_ids.begin(), s.term_ids.end());
    s.term_ids.erase(std::unique(s.term_ids.begin(), s.term_ids.end()), s.term_ids.end());
    if (std::string(k.venue) != "home") {
      s.locations.push_back({demo_uuid(ids), venue(district, k.venue)});
      // Some run in a second locality too.
      if (districts.size() > 1 && r.chance(0.15)) {
        const std::size_t other = (district + 1 + r.below(districts.size() - 1)) % districts.size();
        s.locations.push_back({demo_uuid(ids), venue(other, k.venue)});
      }
    }
    const auto [opens, closes] = pick_hours(k, r);
    s.schedules.push_back({demo_uuid(ids), "", pick_days(k, r), opens, closes,
                           r.chance(0.5) ? "Term time only" : "All year except bank holidays"});
    const std::string sex = r.chance(0.5) ? "F" : "M";
    s.contacts.push_back({demo_uuid(ids), std::string(given_name(sex, r)) + " " + family_name(r),
                          r.chance(0.5) ? "Service coordinator" : "Team leader", s.email,
                          "01632 960" + std::to_string(100 + r.below(900))});
    if (k.price_pence > 0) {
      const int price = std::max(50, k.price_pence + 50 * r.between(-2, 4));
      s.costs.push_back({demo_uuid(ids), "Standard price", Pence(price), k.price_note});
      if (r.chance(0.5)) s.costs.push_back({demo_uuid(ids), "Families on a low income", Pence(0), "Free place"});
    } else {
      s.costs.push_back({demo_uuid(ids), "Free", Pence(0), "No charge to families"});
    }
    // Drawn last, so every earlier field stays as the seed gave it before
    // services had more than one contact and price.
    add_contacts_and_prices(s, k, org_name, r);
    d.services.push_back(std::move(s));
  }
  std::sort(d.services.begin(), d.services.end(),
            [](const Service& a, const Service& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); });
  // Directories carry services that have closed: one holiday playscheme and
  // one dyslexia group stopped at the end of March 2026 (or a month before the
  // demo's today, if that is earlier), withdrawn rather than deleted.
  const Date closed = std::min(make_date(2026, 3, 31), o.today - std::chrono::days(30));
  for (const char* kind : {"Holiday playscheme", "Dyslexia support sessions"}) {
    auto s = std::find_if(d.services.begin(), d.services.end(),
                          [&](const Service& x) { return x.name.starts_with(kind) && !x.withdrawn(); });
    if (s == d.services.end()) continue;
    s->status = std::string(kWithdrawnStatus);
    s->withdrawn_on = closed;
  }
  // And one is to close at the end of the month after next: families still
  // find it, and its page gives them the date.
  const std::chrono::year_month_day now{o.today};
  const auto closing =
      std::chrono::year_month_day_last{now.year(), std::chrono::month_day_last{now.month()}} + std::chrono::months{2};
  auto sensory = std::find_if(d.services.begin(), d.services.end(),
                              [](const Service& x) { return x.name.starts_with("Sensory play") && !x.withdrawn(); });
  if (sensory != d.services.end()) sensory->closes_on = std::chrono::sys_days{closing};
  return out;
}

}  // namespace tandem::demo
