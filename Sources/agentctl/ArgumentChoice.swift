import ArgumentParser

/// An option whose value is one word of a fixed set, the enum's raw values (`--format text`).
protocol ArgumentChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ArgumentChoice {
    /// The same words as the library's default, without its key path: the runtime instantiates that key path on every
    /// parse (the help's value list is built even when no help is shown), a search of the whole binary.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}
