#include "model/rich_rule.hpp"
