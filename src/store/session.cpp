#include "store/session.hpp"

#include "core/base/error.hpp"

namespace recall {

void Session::transaction(const std::function<void(SqlConnection&)>& work) {
  std::lock_guard lock(mutex_);
  if (depth_ > 0) {
    ++depth_;
    try {
      work(*db_);
    } catch (...) {
      --depth_;
      rollback_only_ = true;
      throw;
    }
    --depth_;
    return;
  }

  db_->begin();
  depth_ = 1;
  rollback_only_ = false;
  try {
    work(*db_);
  } catch (...) {
    depth_ = 0;
    db_->rollback();
    throw;
  }
  depth_ = 0;
  if (rollback_only_) {
    db_->rollback();
    throw Error(ErrorKind::conflict, "transaction rolled back: a nested transaction in it failed");
  }
  try {
    db_->commit();
  } catch (...) {
    db_->rollback();
    throw;
  }
}

}  // namespace recall
