// Text repair at the reader boundary: bytes of unknown quality in, valid,
// XML 1.0-safe UTF-8 out, every repair reported once per kind.
//
// All functions are pure and thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_UTF8_H_
#define NEWSGRAPH_EXTRACTORS_UTF8_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/document.h"

namespace newsgraph {

// The encoding of a byte string, from its byte order mark or, for UTF-16
// and UTF-32 without one, from where NUL bytes fall in its first 8 KB
// (which works for text mostly in Latin script).
enum class Encoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };
Encoding DetectEncoding(std::string_view bytes);

// Returns `bytes` as valid UTF-8 that XML 1.0 accepts:
//   - a UTF-8 byte order mark is removed; UTF-16 and UTF-32 (with a byte
//     order mark, or recognised by DetectEncoding without one) are
//     decoded;
//   - ill-formed UTF-8 (stray continuation bytes, truncated, overlong,
//     surrogate or above-U+10FFFF sequences) becomes U+FFFD, one per
//     maximal ill-formed subpart, as the Unicode standard recommends;
//   - NUL, the other C0 controls except TAB, LF and CR, and the
//     noncharacters U+FFFE and U+FFFF become a space (DEL and C1 controls
//     are legal XML 1.0 and are kept);
//   - CRLF and a lone CR become LF.
// Offsets into the result are therefore offsets into the repaired text,
// equal to offsets into `bytes` only when nothing was removed or replaced by
// a sequence of another length.
//
// Each kind of repair appends one Diagnostic to `diagnostics` (if not
// null), located at "ORIGIN:offset N" where N is the byte offset in `bytes`
// of its first occurrence, with the count in the message, e.g.
// "3 invalid UTF-8 sequences replaced by U+FFFD". Encoding conversions, BOM
// removal and line-ending changes are notes, the rest warnings.
std::string RepairText(std::string_view bytes, std::string_view origin,
                       std::vector<Diagnostic>* diagnostics);

// As RepairText, for bytes known to be UTF-8 whatever they look like, such
// as a string decoded from a JSON document: no encoding is detected or
// decoded, and a leading EF BB BF is kept as the character U+FEFF. (A JSON
// string that begins with the bytes FF FE, or holds "\u0000" escapes
// between letters, is not UTF-16.)
std::string RepairUtf8Text(std::string_view bytes, std::string_view origin,
                           std::vector<Diagnostic>* diagnostics);
// *text = RepairUtf8Text(*text, origin, diagnostics), without a copy when
// the text needs no repair (the usual case).
void RepairUtf8InPlace(std::string* text, std::string_view origin,
                       std::vector<Diagnostic>* diagnostics);

// True if `bytes` starts with the magic number of a common binary format
// (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF), or has in its first 8 KB more than
// a few NUL bytes or more than one byte in 20 that is a C0 control other
// than white space and ESC, UTF-16/UTF-32 text excepted. For refusing
// binary files before reading them as text.
bool LooksBinary(std::string_view bytes);

// Appends the UTF-8 encoding of `code_point`, which must be a Unicode scalar
// value (not a surrogate, at most U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_UTF8_H_
