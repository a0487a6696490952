#include "config/xml_writer.hpp"

namespace fwctl::config {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string xml_quote_attribute(std::string_view value) {
  std::string escaped;
  for (char c : xml_escape(value)) {
    switch (c) {
      case '\n':
        escaped += "&#10;";
        break;
      case '\r':
        escaped += "&#13;";
        break;
      case '\t':
        escaped += "&#9;";
        break;
      default:
        escaped += c;
    }
  }
  bool has_double = escaped.find('"') != std::string::npos;
  if (!has_double) return '"' + escaped + '"';
  if (escaped.find('\'') == std::string::npos) return '\'' + escaped + '\'';
  std::string quoted = "\"";
  for (char c : escaped) quoted += c == '"' ? std::string("&quot;") : std::string(1, c);
  return quoted + '"';
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n") {}

void XmlWriter::attributes(const XmlAttributes& attributes) {
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;
    out_ += '=';
    out_ += xml_quote_attribute(value);
  }
}

void XmlWriter::start(std::string_view name, const XmlAttributes& attrs) {
  out_ += '<';
  out_ += name;
  attributes(attrs);
  out_ += '>';
}

void XmlWriter::end(std::string_view name) {
  out_ += "</";
  out_ += name;
  out_ += '>';
}

void XmlWriter::empty(std::string_view name, const XmlAttributes& attrs) {
  out_ += '<';
  out_ += name;
  attributes(attrs);
  out_ += "/>";
}

void XmlWriter::text(std::string_view text) { out_ += xml_escape(text); }

void XmlWriter::raw(std::string_view whitespace) { out_ += whitespace; }

void XmlWriter::empty_line(int indent, std::string_view name, const XmlAttributes& attrs) {
  out_.append(static_cast<std::size_t>(indent), ' ');
  empty(name, attrs);
  out_ += '\n';
}

void XmlWriter::text_line(int indent, std::string_view name, std::string_view text) {
  out_.append(static_cast<std::size_t>(indent), ' ');
  start(name);
  this->text(text);
  end(name);
  out_ += '\n';
}

}  // namespace fwctl::config
