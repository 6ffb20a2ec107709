// Confirmation emails queued by signing batches (migration 0014): a row of up to 200 links per batch,
// taken by the delivery worker in the transaction that writes the emails into the outbox.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"
#include "store/sql_public_petition_store.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;
namespace rows = public_rows;
constexpr std::string_view file = "public_confirmation_mail";

// A link as stored: the signature's id in 8 bytes, big-endian, then the secret (the token's layout).
constexpr std::size_t id_bytes = 8;
constexpr std::size_t link_bytes = id_bytes + std::tuple_size_v<ConfirmLinkSecret>;
constexpr std::size_t links_per_row = 200;  // 6,400 bytes: the CHECK of migration 0014
// Signatures looked up per statement when the links are written out.
constexpr std::size_t list_chunk = 512;

void append_link(const QueuedConfirmation& link, std::vector<std::uint8_t>& out) {
  const auto id = static_cast<std::uint64_t>(link.signature_id);
  for (std::size_t i = 0; i < id_bytes; ++i)
    out.push_back(static_cast<std::uint8_t>(id >> (8 * (id_bytes - 1 - i))));
  out.insert(out.end(), link.secret.begin(), link.secret.end());
}

QueuedConfirmation read_link(std::span<const std::uint8_t> bytes) {
  QueuedConfirmation link;
  std::uint64_t id = 0;
  for (std::size_t i = 0; i < id_bytes; ++i) id = (id << 8) | bytes[i];
  link.signature_id = static_cast<std::int64_t>(id);
  std::copy(bytes.begin() + id_bytes, bytes.begin() + link_bytes, link.secret.begin());
  return link;
}

// Every link of a stored row; Error(internal) for a cell that is not a whole number of them.
std::vector<QueuedConfirmation> read_links(std::span<const std::uint8_t> octets) {
  if (octets.empty() || octets.size() % link_bytes != 0) {
    sf::corrupt("public_confirmation_mail links",
                fmt::format("{} octets, not a whole number of links", octets.size()));
  }
  std::vector<QueuedConfirmation> links;
  links.reserve(octets.size() / link_bytes);
  for (std::size_t at = 0; at < octets.size(); at += link_bytes)
    links.push_back(read_link(octets.subspan(at, link_bytes)));
  return links;
}

struct QueuedRow {
  std::int64_t id = 0;
  std::int64_t queued_at = 0;
  std::vector<QueuedConfirmation> links;
};

}  // namespace

void SqlPublicPetitionStore::queue_confirmations(std::span<const QueuedConfirmation> confirmations,
                                                 std::int64_t at) {
  for (std::size_t i = 0; i < confirmations.size(); ++i) {
    if (confirmations[i].signature_id <= 0) {
      throw_invalid("a queued confirmation names its signature",
                    SourceLocation{std::string(file), static_cast<int>(i + 1), 0, "signature_id"});
    }
  }
  if (confirmations.empty()) return;
  session_.transaction([&](SqlConnection& db) {
    const std::string sql = fmt::format(
        "INSERT INTO public_confirmation_mail (queued_at, links) VALUES ($1, {})", binary_.param(2));
    std::vector<std::uint8_t> links;
    for (std::size_t start = 0; start < confirmations.size(); start += links_per_row) {
      const std::size_t end = std::min(confirmations.size(), start + links_per_row);
      links.clear();
      for (std::size_t i = start; i < end; ++i) append_link(confirmations[i], links);
      db.execute(sql, {sql_int(at), binary_.value(links)});
    }
  });
}

std::vector<ConfirmationToWrite> SqlPublicPetitionStore::take_queued_confirmations(int max_rows) {
  if (max_rows < 1 || max_rows > 1000)
    throw_invalid("max_rows must be 1 to 1000", SourceLocation{"query", 0, 0, "max_rows"});
  std::vector<ConfirmationToWrite> out;
  session_.transaction([&](SqlConnection& db) {
    // PostgreSQL: two workers (two servers on one database) take different rows instead of queueing.
    const std::string sql = fmt::format(
        "DELETE FROM public_confirmation_mail WHERE id IN (SELECT id FROM public_confirmation_mail ORDER BY "
        "id"
        " LIMIT $1{}) RETURNING id, queued_at, {}",
        db.backend() == "postgresql" ? " FOR UPDATE SKIP LOCKED" : "", binary_.column("links"));
    std::vector<QueuedRow> taken;
    for (const SqlRow& row : db.query(sql, {sql_int(max_rows)})) {
      taken.push_back(QueuedRow{row.integer(0), row.integer(1), read_links(binary_.read_all(row, 2))});
    }
    std::sort(taken.begin(), taken.end(), [](const QueuedRow& a, const QueuedRow& b) { return a.id < b.id; });

    std::vector<std::int64_t> ids;
    for (const QueuedRow& row : taken)
      for (const QueuedConfirmation& link : row.links) ids.push_back(link.signature_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    // What each email says, for the signatures still waiting for one.
    std::map<std::int64_t, ConfirmationToWrite> pending;
    std::size_t start = 0;
    for (const std::size_t count : rows::chunk_sizes(ids.size(), list_chunk)) {
      SqlParams params;
      const std::string list = rows::id_list(std::span(ids).subspan(start, count), params);
      for (const SqlRow& row : db.query(
               fmt::format("SELECT s.id, s.petition_id, p.action, s.email, s.sponsor FROM public_signatures s"
                           " JOIN public_petitions p ON p.id = s.petition_id"
                           " WHERE s.state = 'pending' AND s.email IS NOT NULL AND s.id IN ({})",
                           list),
               params)) {
        ConfirmationToWrite email;
        email.petition_id = row.integer(1);
        email.action = row.text(2);
        email.to = row.text(3);
        email.sponsor = sf::read_boolean(row, 4);
        pending.emplace(row.integer(0), std::move(email));
      }
      start += count;
    }
    for (const QueuedRow& row : taken) {
      for (const QueuedConfirmation& link : row.links) {
        const auto found = pending.find(link.signature_id);
        if (found == pending.end()) continue;
        ConfirmationToWrite email = found->second;
        email.link = link;
        email.queued_at = row.queued_at;
        out.push_back(std::move(email));
      }
    }
  });
  return out;
}

std::int64_t SqlPublicPetitionStore::queued_confirmation_rows() {
  return session_.with([&](SqlConnection& db) {
    return db.query("SELECT count(*) FROM public_confirmation_mail", {}).at(0).integer(0);
  });
}

}  // namespace recall
