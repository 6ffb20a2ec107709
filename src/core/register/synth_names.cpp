#include "core/register/synth_names.hpp"

#include <array>

namespace recall::synth_names {

namespace {
constexpr std::array<std::string_view, 80> forename_list{
    "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
    "James", "Leo", "Alfie", "Henry", "Joshua", "Freddie", "Archie", "Ethan", "Isaac", "Alexander",
    "Daniel", "Samuel", "Joseph", "Edward", "Max", "Mohammed", "David", "John", "Paul", "Peter",
    "Michael", "Robert", "Richard", "Stephen", "Andrew", "Mark", "Christopher", "Ian", "Gareth", "Rhys",
    "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy", "Ella",
    "Lily", "Evie", "Isabella", "Charlotte", "Jessica", "Daisy", "Freya", "Ruby", "Florence", "Alice",
    "Sarah", "Emma", "Rebecca", "Hannah", "Laura", "Rachel", "Claire", "Helen", "Susan", "Margaret",
    "Patricia", "Elizabeth", "Catherine", "Joanne", "Karen", "Nicola", "Siobhan", "Fiona", "Aisha", "Priya"};

constexpr std::array<std::string_view, 100> surname_list{
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
    "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
    "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
    "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
    "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
    "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
    "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
    "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
    "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
    "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "O'Brien"};

constexpr std::array<std::string_view, 40> street_stem_list{
    "Church", "Station", "Mill", "Park", "Victoria", "Queens", "Kings", "Manor", "School", "Chapel",
    "Orchard", "Meadow", "Elm", "Oak", "Ash", "Willow", "Beech", "Cedar", "Holly", "Rose",
    "Windsor", "York", "Albert", "Grange", "Highfield", "Springfield", "Fairfield", "Westfield", "Brook", "Bridge",
    "Market", "Castle", "Abbey", "Priory", "Green", "Hill", "Lime", "Cherry", "Hawthorn", "Rectory"};

constexpr std::array<std::string_view, 12> street_suffix_list{
    "Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Gardens", "Crescent", "Grove", "Place", "Court"};
}  // namespace

std::span<const std::string_view> forenames() { return forename_list; }
std::span<const std::string_view> surnames() { return surname_list; }
std::span<const std::string_view> street_stems() { return street_stem_list; }
std::span<const std::string_view> street_suffixes() { return street_suffix_list; }

}  // namespace recall::synth_names
