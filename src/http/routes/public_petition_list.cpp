// GET /public/petitions (and its JSON twin): the public petitions by state, with tabs for open,
// closed and rejected; GET /public/petitions.json: the same list in e-petitions' shape
// ({"links", "data": [{"type", "id", "links", "attributes"}]}), for clients written for it.
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "http/page.hpp"
#include "http/routes/format.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

constexpr int page_size = 50;

// ?state= one of the public tabs (default open); anything else names the parameter.
pp::PublicPetitionState listed_state(const Request& request) {
  const std::string text = request.query.get("state").value_or("open");
  const auto state = pp::parse_public_petition_state(text);
  if (!state || (*state != pp::PublicPetitionState::open && *state != pp::PublicPetitionState::closed &&
                 *state != pp::PublicPetitionState::rejected)) {
    throw Error(ErrorKind::invalid_input, "state must be open, closed or rejected", query_field("state"));
  }
  return *state;
}

// ?before= the last id seen (keyset paging, newest first).
PetitionPage listed_page(const Request& request) {
  PetitionPage page;
  page.limit = page_size;
  if (const auto before = request.query.get("before"); before && !before->empty()) {
    try {
      std::size_t used = 0;
      page.before_id = std::stoll(*before, &used);
      if (used != before->size() || *page.before_id <= 0) throw std::invalid_argument("before");
    } catch (const std::exception&) {
      throw Error(ErrorKind::invalid_input, "before must be a petition number", query_field("before"));
    }
  }
  return page;
}

std::int64_t signature_count(const Site& site, std::int64_t id) {
  const auto counts = site.public_petitions.counts(id);
  return counts ? counts->snapshot.total : 0;
}

}  // namespace

Response public_petitions_page(const Site& site, const Request& request) {
  const pp::PublicPetitionState state = listed_state(request);
  const PetitionPage page = listed_page(request);
  const auto records = site.public_petitions.list(state, page);
  nlohmann::json petitions = nlohmann::json::array();
  for (const auto& record : records) {
    nlohmann::json item = public_petition_view_json(record, site.parliament);
    const std::int64_t count = signature_count(site, record.petition.id);
    item["signature_count"] = count;
    item["signature_count_display"] = with_thousands(count);
    petitions.push_back(std::move(item));
  }
  nlohmann::json tabs = nlohmann::json::array();
  for (auto tab : {pp::PublicPetitionState::open, pp::PublicPetitionState::closed, pp::PublicPetitionState::rejected}) {
    tabs.push_back({{"state", pp::to_string(tab)},
                    {"label", state_display(tab)},
                    {"href", fmt::format("{}/petitions?state={}", public_base, pp::to_string(tab))},
                    {"current", tab == state}});
  }
  nlohmann::json view = {{"state", pp::to_string(state)},
                         {"state_display", state_display(state)},
                         {"tabs", std::move(tabs)},
                         {"petitions", std::move(petitions)},
                         {"empty", records.empty()},
                         {"next", nullptr}};
  if (static_cast<int>(records.size()) == page.limit) {
    view["next"] = fmt::format("{}/petitions?state={}&before={}", public_base, pp::to_string(state),
                               records.back().petition.id);
  }
  return render(request, site.templates, "public_petitions", PageMeta{"Petitions to call a by-election", 200}, view);
}

Response public_petitions_json(const Site& site, const Request& request) {
  const pp::PublicPetitionState state = listed_state(request);
  const PetitionPage page = listed_page(request);
  const auto records = site.public_petitions.list(state, page);
  const PublicPetitionConfig& config = site.public_petitions.config();
  nlohmann::json data = nlohmann::json::array();
  for (const auto& record : records) {
    const nlohmann::json view = public_petition_view_json(record, site.parliament);
    data.push_back({{"type", "petition"},
                    {"id", record.petition.id},
                    {"links", {{"self", absolute_url(config, public_path(record.petition.id, ".json"))}}},
                    {"attributes", epetitions_attributes(view, signature_count(site, record.petition.id))}});
  }
  const std::string base = absolute_url(config, fmt::format("{}/petitions.json?state={}", public_base, pp::to_string(state)));
  nlohmann::json links = {{"self", page.before_id ? fmt::format("{}&before={}", base, *page.before_id) : base},
                          {"first", base},
                          {"next", nullptr}};
  if (static_cast<int>(records.size()) == page.limit) {
    links["next"] = fmt::format("{}&before={}", base, records.back().petition.id);
  }
  Response response = json_response({{"links", std::move(links)}, {"data", std::move(data)}});
  response.headers.emplace_back("Cache-Control", "public, max-age=5");
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return response;
}

}  // namespace recall::http
