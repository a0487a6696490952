#pragma once
// Sets as nft 1.0.6 creates them: the key's type number and length, its byte order in the set's
// user data (nft reads it back to print elements), and elements in the kernel's form.
//
// Interval sets of one field get nft's segment encoding: each interval is a start element and
// an end element (flagged INTERVAL_END) holding the successor of its last value, preceded by a
// lone end element at zero when the first interval does not start there. Interval sets of a
// concatenation (pipapo) carry each element's first and last key instead.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "nft/nl_objects.hpp"
#include "nft/table_id.hpp"
#include "nft/values.hpp"

namespace fwctl::nft {

struct SetKey {
  std::vector<Datatype> fields;  // one per concatenated value
  ByteOrder order = ByteOrder::Big;

  bool concat() const { return fields.size() > 1; }
  uint32_t type_id() const;  // concatenations: nft's six bits per field
  uint32_t len() const;      // concatenations: each field padded to 4 bytes
};

// A named set's key from its `type` words.
Result<SetKey> named_set_key(const compiler::Set& set);

struct SetSpec {
  std::string name;    // "__set%d" for an anonymous set (the kernel picks the number)
  uint32_t id = 0;     // the batch's set id, which lookups use to find it
  uint32_t flags = 0;  // NFT_SET_*
  SetKey key;
  uint32_t size = 0;  // anonymous sets: their element count
};

// NFT_SET_* flags of a named set's `flags` words.
Result<uint32_t> named_set_flags(const compiler::Set& set, const SetKey& key);

// Key bytes held inline (the kernel's limit is NFT_DATA_VALUE_MAXLEN), so that an element
// costs no heap allocation: a 62,500-entry set is streamed through one Element at a time.
inline constexpr size_t kMaxKeyLen = 64;
struct Key {
  uint8_t len = 0;
  std::array<uint8_t, kMaxKeyLen> bytes{};

  bool empty() const { return len == 0; }
  const uint8_t* data() const { return bytes.data(); }
  // Appends `field` (padded to 4 bytes when `pad`); false when the key would be too long.
  bool append(const Bytes& field, bool pad);
};

struct Element {
  Key key;
  Key key_end;         // interval concatenations only
  uint32_t flags = 0;  // NFT_SET_ELEM_INTERVAL_END
};

// Receives the kernel elements of a set one by one; the reference is valid during the call.
using ElementSink = std::function<void(const Element&)>;

// Passes the kernel elements of `elements` (each one value per key field) to `sink`, in the
// order the kernel takes them. `leading_end` adds the lone zero end element of a whole
// single-field interval set; a delta (elements added to or removed from a loaded set) leaves
// it out, since the loaded set has it already or does not need it. Everything is checked
// before the first element is passed on, except values that do not encode, which fail midway.
Status for_each_element(const SetKey& key, bool interval, bool leading_end,
                        const std::vector<std::vector<compiler::Value>>& elements,
                        const ElementSink& sink);

// The kernel elements of `elements`, with the leading end element (anonymous sets).
Result<std::vector<Element>> encode_elements(
    const SetKey& key, bool interval, const std::vector<std::vector<compiler::Value>>& elements);

// An nftnl_set carrying the table, name and id, for NEWSET (full) or NEWSETELEM (elements only).
SetPtr make_set(uint16_t family, const std::string& table, const SetSpec& spec, bool full);
// Adds elements [begin, end) of `elements` to `set`.
void add_elements_to(nftnl_set* set, const std::vector<Element>& elements, size_t begin,
                     size_t end);

}  // namespace fwctl::nft
