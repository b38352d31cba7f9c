#include "shell/printer.hpp"

#include <cctype>

#include "shell/json_writer.hpp"
#include "shell/render_csv.hpp"
#include "shell/render_jsonl.hpp"
#include "shell/render_table.hpp"

namespace kg::shell {

namespace {

std::string with_newline(std::string s) {
  if (!s.empty() && s.back() != '\n') s.push_back('\n');
  return s;
}

// `name` as a :param line needs it: bare when it is an identifier, in backticks otherwise.
std::string parameter_name(const std::string& name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
  if (plain) return name;
  std::string quoted = "`";
  for (char c : name) {
    if (c == '`') quoted.push_back('`');
    quoted.push_back(c);
  }
  return quoted + "`";
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return std::nullopt;
}

void Printer::print_result(const QueryResult& result) {
  switch (format_) {
    case OutputFormat::kTable:
      out_ << render_table(result);
      if (!result.plan().empty()) out_ << with_newline(result.plan());
      break;
    case OutputFormat::kCsv:
      out_ << render_csv(result);
      break;
    case OutputFormat::kJson:
      out_ << render_json(result);
      break;
    case OutputFormat::kJsonl:
      out_ << render_jsonl(result);
      break;
  }
  if (format_ != OutputFormat::kTable && !result.plan().empty()) {
    err_ << with_newline(result.plan());
    err_.flush();
  }
  out_.flush();
}

void Printer::print_error(const ErrorReport& error) {
  out_.flush();
  err_ << error_text(error);
  err_.flush();
  if (format_ == OutputFormat::kJson || format_ == OutputFormat::kJsonl) {
    out_ << error_json(error);
    out_.flush();
  }
}

void Printer::print_params(const Map& params) {
  if (format_ == OutputFormat::kJson || format_ == OutputFormat::kJsonl) {
    std::string line;
    append_json_value(line, Value(params));
    out_ << line << "\n";
  } else {
    for (const auto& [name, value] : params) {
      out_ << ":param " << parameter_name(name) << " => " << value.to_literal() << "\n";
    }
  }
  out_.flush();
}

void Printer::note(std::string_view message) {
  err_ << "kg: " << message << "\n";
  err_.flush();
}

}  // namespace kg::shell
