// GET /mps: every MP, filtered by a GET form (party sat for, nation, Parliament, changed party,
// name). A filter value no form could send is Error(invalid_input) naming the field.
#include <set>

#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

bool checkbox_on(const std::optional<std::string>& value) {
  if (!value || value->empty()) return false;
  if (*value == "1" || *value == "on" || *value == "true" || *value == "yes") return true;
  if (*value == "0" || *value == "off" || *value == "false" || *value == "no") return false;
  throw Error(ErrorKind::invalid_input, "changed must be 1 or 0, not '" + *value + "'", query_field("changed"));
}

MemberFilter read_filter(const Parliament& parliament, const Request& request) {
  MemberFilter filter;
  if (const auto party = request.query.get("party"); party && !party->empty()) {
    if (parliament.party(*party) == nullptr) {
      throw Error(ErrorKind::invalid_input, "party must be a party code such as lab or con, not '" + *party + "'",
                  query_field("party"));
    }
    filter.party = *party;
  }
  if (const auto nation = request.query.get("nation"); nation && !nation->empty()) {
    try {
      filter.nation = parse_nation(*nation);
    } catch (const Error& error) {
      throw Error(ErrorKind::invalid_input, error.message(), query_field("nation"));
    }
  }
  filter.parliament = parliament_param(parliament, request);
  filter.changed_party_only = checkbox_on(request.query.get("changed"));
  filter.name_contains = request.query.get("name").value_or("");
  return filter;
}

}  // namespace

Response mps_page(const Site& site, const Request& request) {
  const Parliament& parliament = site.parliament;
  const MemberFilter filter = read_filter(parliament, request);

  nlohmann::json members = nlohmann::json::array();
  for (const Member* member : parliament.members(filter)) members.push_back(member_summary_json(parliament, *member));

  // Only parties someone sits or sat for are worth offering.
  std::set<std::string> parties_in_use;
  for (const Member& member : parliament.data().members) {
    for (const PartySpell& spell : member.history) parties_in_use.insert(spell.party);
  }
  nlohmann::json party_options = nlohmann::json::array();
  for (const Party& party : parliament.data().parties) {
    if (!parties_in_use.contains(party.code)) continue;
    party_options.push_back({{"code", party.code}, {"name", party.name}, {"selected", filter.party == party.code}});
  }
  nlohmann::json nation_options = nlohmann::json::array();
  for (Nation nation : {Nation::england, Nation::scotland, Nation::wales, Nation::northern_ireland}) {
    nation_options.push_back(
        {{"code", to_string(nation)}, {"name", display_name(nation)}, {"selected", filter.nation == nation}});
  }
  nlohmann::json parliament_options = nlohmann::json::array();
  for (int year : parliament.parliaments()) {
    parliament_options.push_back({{"year", year},
                                  {"label", parliament_label(site.calendar, year)},
                                  {"selected", filter.parliament == year}});
  }

  nlohmann::json filters = {{"party", filter.party ? nlohmann::json(*filter.party) : nlohmann::json(nullptr)},
                            {"nation", filter.nation ? nlohmann::json(to_string(*filter.nation)) : nlohmann::json(nullptr)},
                            {"parliament", filter.parliament ? nlohmann::json(*filter.parliament) : nlohmann::json(nullptr)},
                            {"changed", filter.changed_party_only},
                            {"name", filter.name_contains}};
  const std::size_t count = members.size();
  const nlohmann::json view = {{"filters", std::move(filters)},
                               {"any_parliament", !filter.parliament.has_value()},
                               {"count", count},
                               {"one", count == 1},
                               {"has_members", count > 0},
                               {"members", std::move(members)},
                               {"party_options", std::move(party_options)},
                               {"nation_options", std::move(nation_options)},
                               {"parliament_options", std::move(parliament_options)}};
  return render(request, site.templates, "mps", PageMeta{"MPs", 200}, view);
}

}  // namespace recall::http
