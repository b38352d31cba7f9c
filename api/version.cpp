#include "kg/kg.hpp"

namespace kg {

const char* version() { return KG_VERSION_STRING; }

}  // namespace kg
