// The one translation unit that compiles Asio and Beast (BOOST_*_SEPARATE_COMPILATION), so that the
// rest of the code only includes their declarations and the build stays fast on two cores.
#include <utility>
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
