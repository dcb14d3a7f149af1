import ConfigModel

extension ValidationReport {
    /// Every diagnostic in the chosen format, each file's text supplying the source lines; text and GitHub
    /// annotations end with the summary line, JSON is the array alone.
    public func rendered(_ format: DiagnosticRenderer.Format, style: TextStyle = .plain) -> String {
        let sources = Dictionary(files.compactMap { file in file.text.map { (file.file, $0) } }, uniquingKeysWith: { a, _ in a })
        let body = DiagnosticRenderer.render(diagnostics, format: format, sources: sources, style: style)
        return format == .json ? body : body + summary + "\n"
    }
}
