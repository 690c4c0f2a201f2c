// Small helpers shared by the graph writers (GraphML, GEXF, JSON, CSV).
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace ekg::exporter {

/// Appends `text` escaped for XML character data or attribute values; characters XML 1.0
/// forbids, C0/C1 controls and line breaks are dropped or made spaces.
void append_xml_escaped(std::string& out, std::string_view text);
std::string xml_escape(std::string_view text);

/// Shortest decimal that reads back as the same double ("C" locale); nullopt for NaN/inf.
std::optional<std::string> format_double(double value);

/// Writes `buffer` to `os` and empties it once it holds more than 1 MiB, or always when
/// `force`: the writers build text in a string and hand it over in large blocks.
void flush_buffer(std::string& buffer, std::ostream& os, bool force = false);

/// The size a node is drawn at, from its degree (the same in every format).
double node_size(std::size_t degree);

/// True when `id` is an XML NMTOKEN made of ASCII letters, digits and . - _ :
bool is_safe_xml_id(std::string_view id);

}  // namespace ekg::exporter
