// The audit log as its readers may see it: the sheet entries of a petition not yet declared are left
// out, because how many there are is a running total (DOMAIN.md "Secrecy").
#include <set>

#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

std::vector<AuditEntry> PetitionService::audit_entries(const Actor& actor) {
  require(actor, Permission::read_audit_log);
  // Targets ("petition/7") whose sheet entries may be shown; everything else stays hidden.
  std::set<std::string> declared;
  for (const Petition& petition : store_.petitions().list_petitions()) {
    if (petition.declared_at) declared.insert(target_of(petition.id));
  }
  std::vector<AuditEntry> out;
  for (AuditEntry& entry : store_.audit().export_audit()) {
    if (entry.action.starts_with(sheet_action_prefix) && !declared.contains(entry.target)) continue;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace recall
