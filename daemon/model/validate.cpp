#include "model/validate.hpp"
