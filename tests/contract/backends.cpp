// Runs every TEST_P(StoreContract, …) against each backend.
#include "contract/store_contract.hpp"

namespace recall::contract {

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         ::testing::Values(Backend::sqlite_file, Backend::sqlite_memory, Backend::postgresql),
                         [](const ::testing::TestParamInfo<Backend>& param_info) { return backend_name(param_info.param); });

}  // namespace recall::contract
