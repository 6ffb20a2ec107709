// GET /public/privacy: what the public petitions keep about people who sign, why, who sees it and
// when it goes (the months after close come from the configuration, so the page cannot drift from
// what the anonymisation job does).
#include "http/page.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

Response public_privacy_page(const Site& site, const Request& request) {
  const PublicPetitionConfig& config = site.public_petitions.config();
  const nlohmann::json view = {
      {"anonymise_after_months", config.anonymise_after_months},
      {"kept", nlohmann::json::array({
                   {{"item", "Your name"}, {"why", "To show a petition is signed by real people; the creator's name is shown on the petition"}},
                   {{"item", "Your email address"}, {"why", "To confirm your signature, and to allow one signature per person on each petition"}},
                   {{"item", "Your postcode"}, {"why", "To count signatures by constituency"}},
                   {{"item", "Your IP address"}, {"why", "To find and undo abuse, such as many signatures sent from one place"}},
                   {{"item", "When you signed and confirmed"}, {"why", "To find bursts of automated signing and to date the counts"}},
                   {{"item", "That you said you live in the UK"}, {"why", "Only UK residents may sign"}}})},
      {"links", {{"petitions", std::string(public_base) + "/petitions"}}}};
  return render(request, site.templates, "public_privacy", PageMeta{"Privacy: public petitions", 200}, view);
}

}  // namespace recall::http
