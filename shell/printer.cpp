#include "shell/printer.hpp"

#include "shell/cypher_words.hpp"
#include "shell/footer.hpp"
#include "shell/json_writer.hpp"
#include "shell/render_csv.hpp"
#include "shell/render_jsonl.hpp"
#include "shell/render_line.hpp"
#include "shell/render_markdown.hpp"
#include "shell/render_table.hpp"

namespace kg::shell {

namespace {

std::string with_newline(std::string s) {
  if (!s.empty() && s.back() != '\n') s.push_back('\n');
  return s;
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson,
                         OutputFormat::kJsonl, OutputFormat::kLine, OutputFormat::kMarkdown}) {
    if (name == output_format_name(f)) return f;
  }
  return std::nullopt;
}

std::string_view output_format_name(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kJsonl:
      return "jsonl";
    case OutputFormat::kLine:
      return "line";
    case OutputFormat::kMarkdown:
      return "markdown";
  }
  return "table";
}

void Printer::print_result(const QueryResult& result) {
  TableStyle table;
  table.max_width = style_.max_width;
  table.null_text = style_.null_text;
  table.color = style_.color;
  table.footer = !style_.footer_always;
  switch (format_) {
    case OutputFormat::kTable:
      out_ << render_table(result, table);
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
    case OutputFormat::kLine:
      out_ << render_line(result, style_.null_text);
      break;
    case OutputFormat::kMarkdown:
      out_ << render_markdown(result, style_.null_text);
      break;
  }
  out_.flush();
  std::ostream& notes = machine_readable() ? err_ : out_;
  if (!result.plan().empty()) notes << with_newline(result.plan());
  if (style_.footer_always) {
    FooterStyle footer;
    footer.separator = " · ";
    footer.time = style_.timer;
    footer.always = true;
    footer.compact_counters = true;
    std::string text = result_footer(result, footer);
    if (style_.color && !text.empty())
      text = "\x1b[2m" + text.substr(0, text.size() - 1) + "\x1b[0m\n";
    notes << text;
  }
  err_.flush();
  out_.flush();
}

void Printer::print_error(const ErrorReport& error) {
  out_.flush();
  err_ << error_text(error, style_.at_prompt);
  err_.flush();
  if (!style_.at_prompt && (format_ == OutputFormat::kJson || format_ == OutputFormat::kJsonl)) {
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
      out_ << ":param " << cypher_name(name) << " => " << value.to_literal() << "\n";
    }
  }
  out_.flush();
}

void Printer::note(std::string_view message) {
  err_ << "kg: " << message << "\n";
  err_.flush();
}

}  // namespace kg::shell
