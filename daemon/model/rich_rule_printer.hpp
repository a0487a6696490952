#pragma once
// Printers for the parts of a rich rule, in firewalld's canonical form. to_string(RichRule)
// joins them; the parser also quotes them in its "more than one …" messages, as firewalld does.

#include <string>

#include "model/rich_rule.hpp"

namespace fwctl::model {

std::string to_string(const RichLimit& limit);              // limit value="1/m"
std::string to_string(const RichSource& source);            // source NOT address="…"
std::string to_string(const RichDestination& destination);  // destination address="…"
std::string to_string(const RichElement& element);          // service name="ssh", masquerade, …
std::string to_string(const RichLog& log);        // log prefix="…" level="…" limit …
std::string to_string(const RichNflog& nflog);    // nflog group="…" …
std::string to_string(const RichAudit& audit);    // audit limit …
std::string to_string(const RichAction& action);  // reject type="…", mark set=1/0xff

}  // namespace fwctl::model
