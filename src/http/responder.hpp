#pragma once
// Answering a request later, from any thread. An async route's handler receives a Responder and may
// return before the answer exists: it hands the Responder to work that finishes elsewhere (the
// intake sequencer's writer thread answers after COMMIT), so no I/O thread waits on a disk.
//
// A Responder is copyable; the first call delivers, later calls are ignored. If every copy is
// dropped without a call the request still gets an answer (a logged 500), so a lost callback can
// never leave a connection hanging.
#include <functional>
#include <memory>

#include "http/request.hpp"

namespace recall::http {

class Templates;

class Responder {
 public:
  using Deliver = std::function<void(Response)>;

  // `deliver` runs at most once, on whichever thread answers. `request` is kept (without its body)
  // only to shape the fallback 500 as a page or as problem JSON; `templates` may be null.
  Responder(Deliver deliver, const Request& request, const Templates* templates);

  void operator()(Response response) const;
  [[nodiscard]] bool answered() const;
  // The request's method, path, headers and peer (request_head), kept for shaping an answer given
  // later as a page or as problem JSON: work that answers later needs no copy of its own.
  [[nodiscard]] const Request& request() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

// A route whose answer comes later through the Responder. The Request is only valid during the
// call: copy what the work needs.
using AsyncHandler = std::function<void(const Request&, Responder)>;

}  // namespace recall::http
